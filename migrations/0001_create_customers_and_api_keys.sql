-- Customers own zones; API keys act for one customer (CONTRACT A6).
CREATE TABLE customers (
    id          uuid PRIMARY KEY,
    name        text NOT NULL CONSTRAINT customers_name_key UNIQUE
                CONSTRAINT customers_name_check CHECK (name ~ '^[a-z0-9][a-z0-9_.-]{0,62}$'),
    created_at  timestamptz NOT NULL
);

-- Only the SHA-256 of a key is stored: a leaked table gives no usable key, and a request's key is
-- found by its hash, so no secret is ever compared in application code.
CREATE TABLE api_keys (
    id           uuid PRIMARY KEY,
    customer_id  uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    name         text NOT NULL CONSTRAINT api_keys_name_check CHECK (length(name) BETWEEN 1 AND 100),
    key_hash     bytea NOT NULL CONSTRAINT api_keys_key_hash_key UNIQUE
                 CONSTRAINT api_keys_key_hash_check CHECK (length(key_hash) = 32),
    scopes       text[] NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz,
    revoked_at   timestamptz
);

CREATE INDEX api_keys_customer_id_idx ON api_keys (customer_id);
