-- One row per hosted zone. A name is hosted once on this server, whichever customer holds it: an
-- authoritative server cannot answer for the same zone twice, and cross-zone rules (CNAME targets,
-- loops) need one answer per name.
CREATE TABLE zones (
    id           uuid PRIMARY KEY,
    customer_id  uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    name         text COLLATE "C" NOT NULL CONSTRAINT zones_name_key UNIQUE
                 -- Stored canonical: lower-case ASCII (punycode), no trailing dot, at least two labels.
                 CONSTRAINT zones_name_check CHECK (
                     length(name) <= 253
                     AND name ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    type         text NOT NULL CONSTRAINT zones_type_check CHECK (type IN ('master', 'slave')),
    region       text NOT NULL CONSTRAINT zones_region_check CHECK (region IN ('EU', 'GLOBAL', 'EU_GLOBAL')),
    status       text NOT NULL CONSTRAINT zones_status_check CHECK (status IN ('active', 'paused', 'pending', 'error')),
    -- SOA serial, YYYYMMDDnn (RFC 1912 §2.2); raised in the transaction of every record change.
    serial       bigint NOT NULL CONSTRAINT zones_serial_check CHECK (serial BETWEEN 1 AND 4294967295),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);

-- Listing a customer's zones pages through this index in the documented order (name, then id).
CREATE INDEX zones_customer_id_name_idx ON zones (customer_id, name, id);
