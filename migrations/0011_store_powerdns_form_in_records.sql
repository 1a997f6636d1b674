-- PowerDNS reads pdns.records for every question (0009). As first written, that view joined zones and rewrote the
-- content of every row it returned (the SOA's live serial, SRV's priority, TXT's quoted strings, SVCB/HTTPS keys),
-- which cost PowerDNS 2 to 3 times as much per statement as its own tables (bench/README.md). Here each row carries
-- its PowerDNS form, computed when it is written, so pdns.records is one table, no join and no function per row.
-- Triggers keep these columns right in the transaction of each write, whoever writes (the API maps none of them).
ALTER TABLE records
    -- The zone's zones.pdns_id.
    ADD COLUMN pdns_domain_id integer,
    -- The content in PowerDNS's storage form (pdns_content below).
    ADD COLUMN pdns_content text COLLATE "C",
    -- The MX preference or SRV priority, which PowerDNS writes in front of the content itself.
    ADD COLUMN pdns_prio integer,
    -- Whether PowerDNS serves the row: the value is enabled and its zone active.
    ADD COLUMN served boolean NOT NULL DEFAULT false;

-- PowerDNS's storage form of a value's content (what 0009's view computed per row):
--  * MX: the target (the preference is prio); SRV: weight, port and target (the priority is prio);
--  * SOA: the zone's live serial, raised in the transaction of every change;
--  * TXT: quoted 255-octet strings (pdns.txt_strings);
--  * HTTPS and SVCB: parameters PowerDNS 4.7 has no name for as keyNNNNN (pdns.svc_params);
--  * every other type in the presentation form the API stores.
CREATE FUNCTION zoneapi_pdns_content(type text, content text, serial bigint) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE type
        WHEN 'SRV' THEN regexp_replace(content, '^\S+\s+', '')
        WHEN 'SOA' THEN regexp_replace(content, '^(\S+\s+\S+\s+)\d+', '\1' || serial)
        WHEN 'TXT' THEN pdns.txt_strings(content)
        WHEN 'HTTPS' THEN pdns.svc_params(content)
        WHEN 'SVCB' THEN pdns.svc_params(content)
        ELSE content
    END
$$;

-- A value written: its PowerDNS columns from its own columns and its zone's. The zone row is read FOR SHARE, so a
-- concurrent pause (or serial bump) of the zone is waited for and its committed state used: the zone's trigger below
-- cannot see this row before it commits. (The API's writes hold the zone's row FOR UPDATE already.)
CREATE FUNCTION zoneapi_records_pdns_form() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    zone record;
BEGIN
    SELECT z.pdns_id, z.status, z.serial INTO zone FROM public.zones z WHERE z.id = NEW.zone_id FOR SHARE;
    NEW.pdns_domain_id := zone.pdns_id;
    NEW.pdns_content := public.zoneapi_pdns_content(NEW.type, NEW.content, zone.serial);
    NEW.pdns_prio := CASE WHEN NEW.type IN ('MX', 'SRV') THEN NEW.priority END;
    NEW.served := NOT NEW.disabled AND zone.status IS NOT DISTINCT FROM 'active';
    RETURN NEW;
END
$$;

-- Only writes of the columns the form depends on (not the zone trigger's own updates of served and pdns_content).
CREATE TRIGGER records_pdns_form BEFORE INSERT OR UPDATE OF zone_id, type, content, priority, disabled ON records
FOR EACH ROW EXECUTE FUNCTION zoneapi_records_pdns_form();

-- A zone paused or resumed: its rows stop or start being served. Its serial raised: the SOA row's content carries it.
CREATE FUNCTION zoneapi_zones_pdns_form() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        UPDATE public.records r
        SET served = NOT r.disabled AND NEW.status = 'active'
        WHERE r.zone_id = NEW.id
          AND r.served IS DISTINCT FROM (NOT r.disabled AND NEW.status = 'active');
    END IF;
    IF NEW.serial IS DISTINCT FROM OLD.serial THEN
        UPDATE public.records r
        SET pdns_content = public.zoneapi_pdns_content(r.type, r.content, NEW.serial)
        WHERE r.zone_id = NEW.id AND r.type = 'SOA';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER zones_pdns_form AFTER UPDATE OF status, serial ON zones
FOR EACH ROW EXECUTE FUNCTION zoneapi_zones_pdns_form();

-- The rows there are already.
UPDATE records r
SET pdns_domain_id = z.pdns_id,
    pdns_content = zoneapi_pdns_content(r.type, r.content, z.serial),
    pdns_prio = CASE WHEN r.type IN ('MX', 'SRV') THEN r.priority END,
    served = NOT r.disabled AND z.status = 'active'
FROM zones z
WHERE z.id = r.zone_id;

-- The same columns as 0009's view, now one table: the served rows, in PowerDNS's storage form. Names without the
-- trailing dot are the expression of records_pdns_name_type_idx and records_pdns_reversed_name_idx (0009), so
-- PowerDNS's lookups by name and type, and the empty non-terminals' ranges, are scans of those indexes. A served
-- row is never disabled. ordername and auth serve DNSSEC, which ZoneApi does not sign.
CREATE OR REPLACE VIEW pdns.records AS
SELECT r.pdns_domain_id AS domain_id,
       left(r.name, -1) AS name,
       r.type::text AS type,
       r.pdns_content::text AS content,
       r.ttl,
       r.pdns_prio AS prio,
       false AS disabled,
       NULL::text AS ordername,
       true AS auth
FROM public.records r
WHERE r.served;

-- 0009's grants, again: CREATE OR REPLACE VIEW keeps them, and this repeats them for a database whose role was
-- created after 0009 ran.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'zoneapi_pdns') THEN
        GRANT USAGE ON SCHEMA pdns TO zoneapi_pdns;
        GRANT SELECT ON ALL TABLES IN SCHEMA pdns TO zoneapi_pdns;
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pdns TO zoneapi_pdns;
    END IF;
END
$$;
