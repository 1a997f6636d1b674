-- RFC 8020: a name that owns no records but has names below it (an empty non-terminal: b.example.com when only
-- a.b.example.com holds records) exists, and answers NODATA, not NXDOMAIN; it also stops wildcard synthesis from above
-- (RFC 4592 §2.2.2). PowerDNS knows such a name by a row of type NULL at it, which `pdnsutil rectify-zone` writes into
-- its own schema. Until now pdns.conf's any-queries computed them at every question (0009's pdns.empty_non_terminals),
-- which cost each lookup by name three times PowerDNS's plain lookup (bench/README.md). Here they are stored, kept in
-- the transaction of every write by statement-level triggers, and pdns.records serves them as PowerDNS's own schema
-- does, so PowerDNS's default queries read it unchanged.

-- The names strictly between a served record and its zone's apex, each with how many served records lie below it:
-- a.b.c.example.com gives b.c.example.com and c.example.com. Counting (rather than recomputing a name's subtree) makes
-- every change a fixed amount of work per changed row, whatever the zone's size. Only served records count (enabled,
-- zone active), as for BIND, which never sees a disabled record: a name whose only descendants are disabled does not
-- exist. A zone's own records only: a child zone's names do not make names of its parent exist (each zone is
-- answered from its own rows, the closest enclosing zone first). Names are PowerDNS's: without the trailing dot.
CREATE TABLE pdns_ancestor_names (
    domain_id integer NOT NULL REFERENCES zones (pdns_id) ON DELETE CASCADE,
    name      text COLLATE "C" NOT NULL,
    children  integer NOT NULL CONSTRAINT pdns_ancestor_names_children_check CHECK (children > 0),
    -- Whether a served record of the zone is at the name itself: then it is not empty, and PowerDNS gets its records
    -- alone, as after its rectify. Kept here rather than looked up at every question: a lookup by name then reads
    -- two indexes, not three.
    holds_records boolean NOT NULL,
    -- PowerDNS looks names up alone (any-query) or within a zone (any-id-query).
    PRIMARY KEY (name, domain_id)
);

-- The strict ancestors of record_name (absolute, with the trailing dot) below zone_name (no trailing dot). Labels
-- never hold a '.' (owner names are letters, digits, '-', '_' and a leading '*', DnsLabels), so splitting on '.' is
-- exact. A wildcard's parent is one of them (*.a.example.com makes a.example.com exist, RFC 4592 §2.2.2).
CREATE FUNCTION zoneapi_ancestor_names(record_name text, zone_name text)
RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_to_string(l.labels[i:], '.')
    FROM (SELECT string_to_array(left(record_name, -1), '.') AS labels) l,
         generate_series(2, cardinality(l.labels) - cardinality(string_to_array(zone_name, '.'))) AS i
    WHERE right(record_name, length(zone_name) + 2) = '.' || zone_name || '.'
$$;

-- Whether a served record of the zone is at the name (PowerDNS's spelling): one probe of records_pdns_name_type_idx.
-- (The parameters are named unlike any column of records: in a SQL function a column of the same name would win.)
CREATE FUNCTION zoneapi_serves_name(zone_domain_id integer, owner text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT EXISTS (SELECT FROM public.records r
                   WHERE left(r.name, -1) = owner AND r.pdns_domain_id = zone_domain_id AND r.served)
$$;

-- The counts follow every statement that adds, removes or changes records: each row served before it counts down, each
-- row served after it counts up, summed per name, so a statement costs one ancestor computation per changed row and
-- one write per changed name, whatever the zone's size. Rows that stay served at the same name (a TTL, a content,
-- the SOA's serial) sum to zero and write nothing. Then holds_records is set again for the names of the changed rows
-- that are ancestor names. Statement-level triggers with transition tables: a row-level trigger would run once per
-- row, and a zone of 100,000 records paused in one UPDATE would call it 100,000 times.
--
-- Like every rule on a zone's stored state, this relies on the zone's writers holding its row lock (the API takes it
-- FOR UPDATE in every write): two transactions changing records at one name at once could otherwise each miss the
-- other's rows when they set holds_records. The counts need no lock: each is one atomic update of its row.
CREATE FUNCTION zoneapi_records_count_ancestor_names() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    domain_ids integer[];
    names text[];
    deltas integer[];
BEGIN
    -- PostgreSQL gives an INSERT trigger only the new rows and a DELETE trigger only the old ones.
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(c.domain_id ORDER BY c.name, c.domain_id), array_agg(c.name ORDER BY c.name, c.domain_id),
               array_agg(c.delta ORDER BY c.name, c.domain_id)
        INTO domain_ids, names, deltas
        FROM (SELECT r.pdns_domain_id AS domain_id, a.name, count(*)::integer AS delta
              FROM new_rows r
              JOIN public.zones z ON z.id = r.zone_id
              CROSS JOIN LATERAL public.zoneapi_ancestor_names(r.name, z.name) AS a (name)
              WHERE r.served
              GROUP BY r.pdns_domain_id, a.name) c;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(c.domain_id ORDER BY c.name, c.domain_id), array_agg(c.name ORDER BY c.name, c.domain_id),
               array_agg(c.delta ORDER BY c.name, c.domain_id)
        INTO domain_ids, names, deltas
        FROM (SELECT r.pdns_domain_id AS domain_id, a.name, -count(*)::integer AS delta
              FROM old_rows r
              JOIN public.zones z ON z.id = r.zone_id
              CROSS JOIN LATERAL public.zoneapi_ancestor_names(r.name, z.name) AS a (name)
              WHERE r.served
              GROUP BY r.pdns_domain_id, a.name) c;
    ELSE
        SELECT array_agg(c.domain_id ORDER BY c.name, c.domain_id), array_agg(c.name ORDER BY c.name, c.domain_id),
               array_agg(c.delta ORDER BY c.name, c.domain_id)
        INTO domain_ids, names, deltas
        FROM (SELECT r.pdns_domain_id AS domain_id, a.name, sum(r.delta)::integer AS delta
              FROM (SELECT n.zone_id, n.pdns_domain_id, n.name, 1 AS delta FROM new_rows n WHERE n.served
                    UNION ALL
                    SELECT o.zone_id, o.pdns_domain_id, o.name, -1 FROM old_rows o WHERE o.served) r
              JOIN public.zones z ON z.id = r.zone_id
              CROSS JOIN LATERAL public.zoneapi_ancestor_names(r.name, z.name) AS a (name)
              GROUP BY r.pdns_domain_id, a.name
              HAVING sum(r.delta) <> 0) c;
    END IF;

    -- (Each statement below only when it has work: most writes add names or remove them, not both.)
    -- In name order, so that two transactions counting the same names lock them in the same order.
    IF 0 < ANY (deltas) THEN
        INSERT INTO public.pdns_ancestor_names AS a (domain_id, name, children, holds_records)
        SELECT c.domain_id, c.name, c.delta, public.zoneapi_serves_name(c.domain_id, c.name)
        FROM unnest(domain_ids, names, deltas) AS c (domain_id, name, delta)
        WHERE c.delta > 0
        ON CONFLICT (name, domain_id) DO UPDATE SET children = a.children + excluded.children;
    END IF;
    -- A count goes to zero only by going down: that name is deleted instead. A name no longer stored (its zone was
    -- deleted, and its names with it by the foreign key's cascade) changes nothing.
    IF 0 > ANY (deltas) THEN
        WITH c AS (SELECT * FROM unnest(domain_ids, names, deltas) AS c (domain_id, name, delta) WHERE c.delta < 0),
             emptied AS (
                 DELETE FROM public.pdns_ancestor_names a
                 USING c
                 WHERE a.name = c.name AND a.domain_id = c.domain_id AND a.children + c.delta <= 0)
        UPDATE public.pdns_ancestor_names a
        SET children = a.children + c.delta
        FROM c
        WHERE a.name = c.name AND a.domain_id = c.domain_id AND a.children + c.delta > 0;
    END IF;

    -- The changed rows' own names, where they are ancestor names: whether records are still (or now) at them.
    IF TG_OP = 'INSERT' THEN
        UPDATE public.pdns_ancestor_names a
        SET holds_records = true
        FROM new_rows r
        WHERE r.served AND a.name = left(r.name, -1) AND a.domain_id = r.pdns_domain_id AND NOT a.holds_records;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE public.pdns_ancestor_names a
        SET holds_records = false
        FROM (SELECT DISTINCT o.pdns_domain_id, left(o.name, -1) AS name FROM old_rows o WHERE o.served) r
        WHERE a.name = r.name AND a.domain_id = r.pdns_domain_id AND a.holds_records
          AND NOT public.zoneapi_serves_name(a.domain_id, a.name);
    ELSE
        UPDATE public.pdns_ancestor_names a
        SET holds_records = NOT a.holds_records
        FROM (SELECT n.pdns_domain_id, left(n.name, -1) AS name FROM new_rows n
              UNION
              SELECT o.pdns_domain_id, left(o.name, -1) FROM old_rows o) r
        WHERE a.name = r.name AND a.domain_id = r.pdns_domain_id
          AND a.holds_records <> public.zoneapi_serves_name(a.domain_id, a.name);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER records_count_ancestor_names_insert AFTER INSERT ON records
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION zoneapi_records_count_ancestor_names();
CREATE TRIGGER records_count_ancestor_names_delete AFTER DELETE ON records
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION zoneapi_records_count_ancestor_names();
-- Every UPDATE: PostgreSQL allows no column list (UPDATE OF name, served) on a trigger with transition tables.
CREATE TRIGGER records_count_ancestor_names_update AFTER UPDATE ON records
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION zoneapi_records_count_ancestor_names();

-- The names there are already.
INSERT INTO pdns_ancestor_names (domain_id, name, children, holds_records)
SELECT c.domain_id, c.name, c.children, zoneapi_serves_name(c.domain_id, c.name)
FROM (SELECT r.pdns_domain_id AS domain_id, a.name, count(*) AS children
      FROM records r
      JOIN zones z ON z.id = r.zone_id
      CROSS JOIN LATERAL zoneapi_ancestor_names(r.name, z.name) AS a (name)
      WHERE r.served
      GROUP BY r.pdns_domain_id, a.name) c;

-- PowerDNS's schema: a row of type NULL at an empty non-terminal, besides the records (0011): an ancestor name that holds
-- no served record (a name holding records answers with them alone, as after PowerDNS's rectify). Both parts are
-- filtered by one outer condition, so that each is a plain scan of its table: PostgreSQL turns a UNION ALL of parts
-- without conditions of their own into one append of index scans, with PowerDNS's conditions pushed into each, where a
-- part with a WHERE of its own would stay a subquery, a node more on every question. PowerDNS's lookups by name (and
-- zone) read both indexes; its lookups by type skip the second part, whose type is NULL, when they are planned.
CREATE OR REPLACE VIEW pdns.records AS
SELECT u.domain_id, u.name, u.type, u.content, u.ttl, u.prio, u.disabled, u.ordername, u.auth
FROM (SELECT r.pdns_domain_id AS domain_id,
             left(r.name, -1) AS name,
             r.type::text AS type,
             r.pdns_content::text AS content,
             r.ttl,
             r.pdns_prio AS prio,
             false AS disabled,
             NULL::text AS ordername,
             true AS auth,
             r.served
      FROM public.records r
      UNION ALL
      SELECT a.domain_id,
             a.name,
             -- In the collation of the first part's columns: the parts must match exactly to be one append.
             NULL::text COLLATE "C",
             NULL::text COLLATE "C",
             NULL::integer,
             NULL::integer,
             false,
             NULL::text,
             true,
             NOT a.holds_records
      FROM public.pdns_ancestor_names a) u
WHERE u.served;

-- pdns.conf no longer computes empty non-terminals (it uses PowerDNS's default queries): 0009's function, and the index
-- only it read, go. Every write is one index lighter.
DROP FUNCTION pdns.empty_non_terminals(text, integer);
DROP INDEX records_pdns_reversed_name_idx;

-- 0009's grants, again, as 0011 does.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'zoneapi_pdns') THEN
        GRANT USAGE ON SCHEMA pdns TO zoneapi_pdns;
        GRANT SELECT ON ALL TABLES IN SCHEMA pdns TO zoneapi_pdns;
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pdns TO zoneapi_pdns;
    END IF;
END
$$;
