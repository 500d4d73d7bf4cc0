-- Personal data (email, names, phone, address fields) is stored encrypted (AES-256-GCM, "keyId:base64");
-- email_index is an HMAC of the address, used to find an account without storing the address in clear.

CREATE TABLE vendor
(
  id            UUID PRIMARY KEY,
  name          TEXT        NOT NULL,
  contact_email TEXT        NOT NULL, -- encrypted
  status        TEXT        NOT NULL,
  version       BIGINT      NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL,
  updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE account
(
  id                 UUID PRIMARY KEY,
  kind               TEXT        NOT NULL, -- SHOPPER, VENDOR_USER, STAFF
  email_index        TEXT        NOT NULL UNIQUE,
  email              TEXT,                 -- encrypted; null once erased
  password_hash      TEXT,
  status             TEXT        NOT NULL, -- PENDING_VERIFICATION, ACTIVE, ERASED
  roles              TEXT        NOT NULL, -- comma-separated: SHOPPER, VENDOR, SUPPORT, ADMIN
  vendor_id          UUID REFERENCES vendor (id),
  given_name         TEXT,                 -- encrypted
  family_name        TEXT,                 -- encrypted
  phone              TEXT,                 -- encrypted
  preferred_locale   TEXT,
  preferred_currency TEXT,
  created_at         TIMESTAMPTZ NOT NULL,
  updated_at         TIMESTAMPTZ NOT NULL,
  version            BIGINT      NOT NULL
);
CREATE INDEX account_vendor_idx ON account (vendor_id);

CREATE TABLE address
(
  id          UUID PRIMARY KEY,
  account_id  UUID        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  label       TEXT,                    -- encrypted
  recipient   TEXT        NOT NULL,    -- encrypted
  line1       TEXT        NOT NULL,    -- encrypted
  line2       TEXT,                    -- encrypted
  city        TEXT        NOT NULL,    -- encrypted
  postal_code TEXT        NOT NULL,    -- encrypted
  region      TEXT,                    -- encrypted
  country     TEXT        NOT NULL,    -- encrypted
  phone       TEXT,                    -- encrypted
  created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX address_account_idx ON address (account_id);

-- Append-only: every grant and withdrawal, with its time and purpose, is kept as evidence.
CREATE TABLE consent_record
(
  id          UUID PRIMARY KEY,
  account_id  UUID        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  purpose     TEXT        NOT NULL,
  granted     BOOLEAN     NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX consent_account_idx ON consent_record (account_id, recorded_at);

-- Only a hash of the token is stored: a database reader cannot verify someone else's address.
CREATE TABLE email_verification
(
  token_hash TEXT PRIMARY KEY,
  account_id UUID        NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  expires_at TIMESTAMPTZ NOT NULL,
  used_at    TIMESTAMPTZ
);

CREATE TABLE vendor_api_client
(
  client_id         TEXT PRIMARY KEY,
  vendor_id         UUID        NOT NULL REFERENCES vendor (id),
  name              TEXT        NOT NULL,
  status            TEXT        NOT NULL, -- ACTIVE, REVOKED
  created_at        TIMESTAMPTZ NOT NULL,
  secret_rotated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX vendor_api_client_vendor_idx ON vendor_api_client (vendor_id);

-- Failed sign-ins per account (by email index) and per client address, for throttling.
CREATE TABLE login_throttle
(
  throttle_key      TEXT PRIMARY KEY,
  failures          INT         NOT NULL,
  window_started_at TIMESTAMPTZ NOT NULL,
  locked_until      TIMESTAMPTZ
);
