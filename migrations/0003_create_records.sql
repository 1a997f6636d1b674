-- Resource records, one row per value. Owner names are absolute, lower-case, with the trailing dot.
CREATE TABLE records (
    zone_id     uuid NOT NULL REFERENCES zones (id) ON DELETE CASCADE,
    -- Content-derived (base64url SHA-256 of name, type and canonical data): a value's identity.
    id          text COLLATE "C" NOT NULL CONSTRAINT records_id_check CHECK (id ~ '^[A-Za-z0-9_-]{43}$'),
    name        text COLLATE "C" NOT NULL CONSTRAINT records_name_check CHECK (length(name) <= 254 AND name LIKE '%.'),
    type        text COLLATE "C" NOT NULL CONSTRAINT records_type_check CHECK (type ~ '^[A-Z][A-Z0-9]{0,9}$'),
    content     text COLLATE "C" NOT NULL CONSTRAINT records_content_check CHECK (length(content) > 0),
    priority    integer CONSTRAINT records_priority_check CHECK (priority BETWEEN 0 AND 65535),
    -- TTL and comment belong to the RRset (RFC 2181 §5.2): writes set them on every value of name + type.
    ttl         integer NOT NULL CONSTRAINT records_ttl_check CHECK (ttl BETWEEN 1 AND 2147483647),
    disabled    boolean NOT NULL DEFAULT false,
    comment     text CONSTRAINT records_comment_check CHECK (length(comment) <= 500),
    -- SOA and the server's own apex NS records: listed, never written through the API (CONTRACT A5).
    protected   boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    -- The id is a function of (name, type, data), so this key also makes each value unique in its RRset.
    PRIMARY KEY (zone_id, id)
);

-- Pages of a zone's records come from this index in the documented order (name, type, content).
CREATE INDEX records_zone_order_idx ON records (zone_id, name, type, content, id);

-- RFC 1034 §3.6.2: a name holds at most one CNAME.
CREATE UNIQUE INDEX records_one_cname_per_name ON records (zone_id, name) WHERE type = 'CNAME';

-- A zone has exactly one SOA (RFC 1035 §5.2).
CREATE UNIQUE INDEX records_one_soa_per_zone ON records (zone_id) WHERE type = 'SOA';
