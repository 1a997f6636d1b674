-- Key lifecycle (CONTRACT A6). A new ZoneApi:BootstrapKey revokes the earlier bootstrap keys, so they must be
-- told apart from keys made with `keys create`; earlier versions named every bootstrap key "bootstrap".
ALTER TABLE api_keys ADD COLUMN bootstrap boolean NOT NULL DEFAULT false;
UPDATE api_keys SET bootstrap = true WHERE name = 'bootstrap';

-- The first characters of the secret ("zoneapi_" and four random ones, 24 bits of 256), so that an operator
-- can tell keys apart in `keys list` and revoke one by what they see at the start of it. Older keys have none.
ALTER TABLE api_keys ADD COLUMN prefix text COLLATE "C"
    CONSTRAINT api_keys_prefix_check CHECK (prefix IS NULL OR prefix ~ '^zoneapi_[A-Za-z0-9_-]{4}$');
CREATE INDEX api_keys_prefix_idx ON api_keys (prefix) WHERE prefix IS NOT NULL;
