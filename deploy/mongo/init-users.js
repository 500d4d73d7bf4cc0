// Runs once, on the first start with an empty volume (the image's /docker-entrypoint-initdb.d), as
// the root user. catalog-service gets its own user with rights on its own database only.
db.getSiblingDB("catalog").createUser({
  user: "catalog",
  pwd: process.env.CATALOG_MONGO_PASSWORD,
  roles: [{ role: "readWrite", db: "catalog" }],
});
