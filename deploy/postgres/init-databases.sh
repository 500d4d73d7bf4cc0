#!/bin/bash
# One database and one login role per service: database <name>, owned by <name>_service, whose
# password is $<NAME>_DB_PASSWORD. No service can connect to another's database.
#
# The postgres image runs this once, on the first start with an empty volume. It is idempotent, so
# after adding a service to MARKETPLACE_DATABASES run it again:
#   docker compose exec postgres bash /docker-entrypoint-initdb.d/10-databases.sh
set -euo pipefail

for name in ${MARKETPLACE_DATABASES:?list the service databases, e.g. "customer order"}; do
  password_var="$(echo "${name}" | tr '[:lower:]-' '[:upper:]_')_DB_PASSWORD"
  password="${!password_var:?set ${password_var} in .env}"
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    --set=db="${name}" --set=role="${name}_service" --set=password="${password}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SQL
  echo "database ${name} ready (owner ${name}_service)"
done
