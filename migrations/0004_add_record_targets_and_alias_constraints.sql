-- The host name a record points at (CNAME, ALIAS, NS, PTR, MX, SRV, HTTPS, SVCB): absolute, lower-case,
-- with the dot. For SRV it is the 4th field of the content, so the content column cannot stand in for it.
ALTER TABLE records ADD COLUMN target text COLLATE "C"
    CONSTRAINT records_target_check CHECK (target IS NULL OR (length(target) <= 254 AND target LIKE '%.'));
UPDATE records SET target = content WHERE type = 'NS';

-- The rules that span hosted zones look records up by owner name (is that target a CNAME?) and by target
-- (does an MX/NS/SRV, or an alias, point here?), whatever zone they are in.
CREATE INDEX records_name_idx ON records (name);
CREATE INDEX records_target_idx ON records (target) WHERE target IS NOT NULL;

-- The database's own guard for RFC 1034 §3.6.2 and RFC 2181 §10.1 (a CNAME is the only record at its name),
-- and for ALIAS, which answers with A/AAAA data and so cannot share a name with A or AAAA. The API checks
-- both first, under the zone's row lock, to explain the refusal; these constraints hold even if it did not.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE records ADD CONSTRAINT records_cname_alone EXCLUDE USING gist (
    zone_id WITH =, name WITH =, (type = 'CNAME') WITH <>);

ALTER TABLE records ADD CONSTRAINT records_alias_apart_from_addresses EXCLUDE USING gist (
    zone_id WITH =, name WITH =,
    (CASE WHEN type = 'ALIAS' THEN 1 WHEN type IN ('A', 'AAAA') THEN 2 END) WITH <>);

CREATE UNIQUE INDEX records_one_alias_per_name ON records (zone_id, name) WHERE type = 'ALIAS';
