-- PowerDNS reads pdns.records for every question. Until now that was a view of `records` (0011) appended with the empty
-- non-terminals of `pdns_ancestor_names` (0012): each lookup by name read two indexes and an append node, and fetched
-- rows as wide as the API's. dnsperf put it at 85% of PowerDNS on its own schema (bench/README.md), where issue 8 asks
-- for 90%. A table of PowerDNS's own layout, with its own indexes, holding exactly what the view returned, measured 96%
-- in the same harness (bench/dns/run.sh with EXTRA_SQL).
--
-- So pdns_records holds the served rows in PowerDNS's storage form: one row per served value of `records` (the
-- columns 0011 keeps: pdns_domain_id, pdns_content, pdns_prio, served) and one row of type NULL per empty
-- non-terminal (0012's ancestor names that hold no served record). Triggers keep it in the transaction of every write,
-- whoever writes, so a change is still answered the moment it commits. pdns.records becomes a plain view of it.
CREATE TABLE pdns_records (
    -- PowerDNS's columns, in the order and with the meaning of its schema.pgsql.sql (zones.pdns_id; names without the
    -- trailing dot; type NULL for an empty non-terminal; ordername and auth serve DNSSEC, which ZoneApi does not sign).
    domain_id integer NOT NULL,
    name      text COLLATE "C" NOT NULL,
    type      text COLLATE "C",
    content   text COLLATE "C",
    ttl       integer,
    prio      integer,
    disabled  boolean NOT NULL DEFAULT false,
    ordername text,
    auth      boolean NOT NULL DEFAULT true,
    -- The records row it copies (with domain_id, name and type: ids are unique within a zone), so a write finds it;
    -- NULL for an empty non-terminal. Last, so PowerDNS's columns are read first.
    record_id text COLLATE "C"
);
-- The lookups PowerDNS makes (its default gpgsql queries): by name and type (the SOA of each enclosing name, then the
-- type asked), by name within a zone (any-id-query), by name alone (any-query), and a zone's rows for AXFR
-- (list-query). PowerDNS's schema indexes name, (name, type) and domain_id; here (name, type) serves the lookups by
-- name alone too, and (domain_id, name) replaces domain_id: every lookup is then one probe of one index whatever the
-- planner knows. With domain_id alone, a plan made before the table's statistics (PowerDNS prepares each query once per
-- connection, plan_cache_mode=force_generic_plan in pdns.conf) intersected both indexes, reading every row of the zone
-- for each question: 8% of native's QPS in bench/dns/run.sh until ANALYZE. No key of ours: the triggers find a row by
-- (name, type) and filter on the rest.
CREATE INDEX pdns_records_name_type_idx ON pdns_records (name, type);
CREATE INDEX pdns_records_domain_id_name_idx ON pdns_records (domain_id, name);

-- The pdns_records row that copies a records row (its ctid; NULL when there is none, or for a NULL argument: a row
-- served on one side of an UPDATE only), found through pdns_records_name_type_idx. A function of its own, called per
-- changed row, so that the lookup is an index probe whatever the statement: PL/pgSQL keeps a trigger statement's plan
-- for the session, and a plan made for a statement that changed 100,000 rows (a hash join over a scan of all of
-- pdns_records) then served every later single-row delete on that connection (47 ms against 0.25 ms, measured).
CREATE FUNCTION zoneapi_pdns_row(domain_id integer, record_name text, record_type text, record_id text) RETURNS tid
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
    SELECT p.ctid FROM public.pdns_records p
    WHERE p.name = left(record_name, -1) AND p.type = record_type AND p.domain_id = zoneapi_pdns_row.domain_id
      AND p.record_id = zoneapi_pdns_row.record_id
$$;

-- The records a statement changed, copied: rows served before it and no longer are deleted, rows served after it and
-- not before are inserted, rows served on both sides are updated where their PowerDNS form changed. An UPDATE that
-- leaves a row's PowerDNS form as it was (a comment, updated_at, a record of a paused zone) writes nothing.
-- Statement-level with transition tables, as 0012's counts: a 100,000-row import or a pause of a 100,000-record zone
-- is one DELETE or one INSERT, not 100,000 trigger calls.
CREATE FUNCTION zoneapi_records_copy_to_pdns() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO public.pdns_records (domain_id, name, type, content, ttl, prio, record_id)
        SELECT n.pdns_domain_id, left(n.name, -1), n.type, n.pdns_content, n.ttl, n.pdns_prio, n.id
        FROM new_rows n
        WHERE n.served;
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM public.pdns_records p
        WHERE p.ctid = ANY (ARRAY(SELECT public.zoneapi_pdns_row(o.pdns_domain_id, o.name, o.type, o.id)
                                  FROM old_rows o
                                  WHERE o.served));
    ELSE
        -- A value's id is a function of its name, type and data (0003) and it never changes zone, so a row served before
        -- and after under the same (zone_id, id) has the same name, type and domain_id: it is updated in place. No
        -- indexed column changes, so that is a HOT update, with no new index entries: the SOA at every serial bump
        -- (0014), a TTL. Rows served on one side only are deleted or inserted. The two sides are paired by a FULL JOIN,
        -- which PostgreSQL runs as a hash or merge join whatever it estimates: written as NOT EXISTS, the planner
        -- (which takes such pairs for 1 row) chose a nested loop over the other transition table, and pausing a
        -- 100,000-record zone took minutes.
        WITH pairs AS MATERIALIZED (
                 SELECT public.zoneapi_pdns_row(o.pdns_domain_id, o.name, o.type, o.id) AS copy_ctid,
                        n.pdns_domain_id AS domain_id, left(n.name, -1) AS name, n.type, n.id, n.pdns_content, n.ttl,
                        n.pdns_prio, o.id IS NOT NULL AS before, n.id IS NOT NULL AS after,
                        (n.pdns_content, n.ttl, n.pdns_prio) IS DISTINCT FROM (o.pdns_content, o.ttl, o.pdns_prio) AS changed
                 FROM (SELECT * FROM old_rows WHERE served) o
                 FULL JOIN (SELECT * FROM new_rows WHERE served) n ON n.zone_id = o.zone_id AND n.id = o.id),
             gone AS (
                 DELETE FROM public.pdns_records p
                 WHERE p.ctid = ANY (ARRAY(SELECT c.copy_ctid FROM pairs c WHERE c.before AND NOT c.after))),
             changed AS (
                 UPDATE public.pdns_records p
                 SET content = c.pdns_content, ttl = c.ttl, prio = c.pdns_prio
                 FROM pairs c
                 WHERE p.ctid = ANY (ARRAY(SELECT c.copy_ctid FROM pairs c WHERE c.before AND c.after AND c.changed))
                   AND c.copy_ctid = p.ctid)
        INSERT INTO public.pdns_records (domain_id, name, type, content, ttl, prio, record_id)
        SELECT c.domain_id, c.name, c.type, c.pdns_content, c.ttl, c.pdns_prio, c.id
        FROM pairs c
        WHERE c.after AND NOT c.before;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER records_copy_to_pdns_insert AFTER INSERT ON records
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION zoneapi_records_copy_to_pdns();
CREATE TRIGGER records_copy_to_pdns_delete AFTER DELETE ON records
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION zoneapi_records_copy_to_pdns();
CREATE TRIGGER records_copy_to_pdns_update AFTER UPDATE ON records
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION zoneapi_records_copy_to_pdns();

-- An empty non-terminal is an ancestor name (0012) that holds no served record: its row of type NULL comes and goes
-- with that. Row-level, on pdns_ancestor_names: only names whose emptiness changes call it (a count going up or down
-- alone does not), which is at most one per ancestor name a statement touches.
CREATE FUNCTION zoneapi_ancestor_names_copy_to_pdns() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND NOT OLD.holds_records THEN
        DELETE FROM public.pdns_records p
        WHERE p.name = OLD.name AND p.type IS NULL AND p.domain_id = OLD.domain_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NOT NEW.holds_records THEN
        INSERT INTO public.pdns_records (domain_id, name) VALUES (NEW.domain_id, NEW.name);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER pdns_ancestor_names_copy_to_pdns_insert AFTER INSERT ON pdns_ancestor_names
FOR EACH ROW WHEN (NOT NEW.holds_records) EXECUTE FUNCTION zoneapi_ancestor_names_copy_to_pdns();
CREATE TRIGGER pdns_ancestor_names_copy_to_pdns_delete AFTER DELETE ON pdns_ancestor_names
FOR EACH ROW WHEN (NOT OLD.holds_records) EXECUTE FUNCTION zoneapi_ancestor_names_copy_to_pdns();
CREATE TRIGGER pdns_ancestor_names_copy_to_pdns_update AFTER UPDATE ON pdns_ancestor_names
FOR EACH ROW WHEN (OLD.holds_records IS DISTINCT FROM NEW.holds_records) EXECUTE FUNCTION zoneapi_ancestor_names_copy_to_pdns();

-- No JIT in the statement triggers. PL/pgSQL keeps each statement's plan for the session, JIT included: once a
-- statement changed 100,000 rows on a connection (an import, a pause), its plan's estimated cost passed jit_above_cost,
-- and every later single-row write on that connection compiled the plan again, about 20 ms each (measured: a TTL
-- change took 34 ms instead of 0.5). The plans' work is index probes and small joins, which JIT does not speed up.
ALTER FUNCTION zoneapi_records_copy_to_pdns() SET jit = off;
ALTER FUNCTION zoneapi_records_count_ancestor_names() SET jit = off;
ALTER FUNCTION zoneapi_records_count_inserted() SET jit = off;
ALTER FUNCTION zoneapi_records_count_deleted() SET jit = off;

-- The rows there are already: what 0012's view returned.
INSERT INTO pdns_records (domain_id, name, type, content, ttl, prio, record_id)
SELECT r.pdns_domain_id, left(r.name, -1), r.type, r.pdns_content, r.ttl, r.pdns_prio, r.id
FROM records r
WHERE r.served;
INSERT INTO pdns_records (domain_id, name)
SELECT a.domain_id, a.name
FROM pdns_ancestor_names a
WHERE NOT a.holds_records;
ANALYZE pdns_records;

-- The same columns as before, now PowerDNS's own table shape (the view adds nothing at execution: it is a plain
-- projection of one table, and keeps 0009's name, grants and role).
CREATE OR REPLACE VIEW pdns.records AS
SELECT p.domain_id, p.name, p.type, p.content, p.ttl, p.prio, p.disabled, p.ordername, p.auth
FROM public.pdns_records p;

-- Whether a served record of the zone is at a name, for 0012's holds_records: no longer through
-- records_pdns_name_type_idx, which only PowerDNS's lookups needed, but through the zone's own index on its names
-- (records_zone_order_idx), so every write is one index lighter.
CREATE OR REPLACE FUNCTION zoneapi_serves_name(zone_domain_id integer, owner text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT EXISTS (SELECT FROM public.records r
                   JOIN public.zones z ON z.id = r.zone_id
                   WHERE z.pdns_id = zone_domain_id AND r.name = owner || '.' AND r.served)
$$;
DROP INDEX records_pdns_name_type_idx;

-- 0009's grants, again, as 0011 and 0012 do. The role reads the view; the table stays the owner's.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'zoneapi_pdns') THEN
        GRANT USAGE ON SCHEMA pdns TO zoneapi_pdns;
        GRANT SELECT ON ALL TABLES IN SCHEMA pdns TO zoneapi_pdns;
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pdns TO zoneapi_pdns;
    END IF;
END
$$;
