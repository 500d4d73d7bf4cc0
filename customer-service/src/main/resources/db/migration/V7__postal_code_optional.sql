-- Some countries have no postal codes (Hong Kong, the Emirates, ...): CountryRules requires one
-- everywhere else.
ALTER TABLE address ALTER COLUMN postal_code DROP NOT NULL;
