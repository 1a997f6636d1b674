-- A candidate fix measured by `EXTRA_SQL=bench/dns/inlinable-empty-non-terminals.sql bench/dns/run.sh` (bench/README.md):
-- migration 0009's pdns.empty_non_terminals, made inlinable. As shipped it is SECURITY DEFINER with SET search_path,
-- and PostgreSQL inlines neither into the caller's query: every DNS question then runs it as a separate SQL function,
-- planned afresh on each call, which cost more than the rest of the question. Inlined, it is planned once with
-- PowerDNS's prepared any-query and runs as three index probes. It reads through two views of schema pdns, so the role
-- zoneapi_pdns still reads nothing outside that schema (and no more than pdns.records already shows).
CREATE VIEW pdns.active_zones AS
SELECT z.pdns_id, z.id, z.name FROM public.zones z WHERE z.status = 'active';

CREATE VIEW pdns.enabled_record_names AS
SELECT r.zone_id, r.name FROM public.records r WHERE NOT r.disabled;

GRANT SELECT ON pdns.active_zones, pdns.enabled_record_names TO zoneapi_pdns;

-- CREATE OR REPLACE sets every attribute anew: no SECURITY DEFINER, no SET, so nothing stops inlining.
CREATE OR REPLACE FUNCTION pdns.empty_non_terminals(qname text, only_domain integer)
RETURNS TABLE (domain_id integer, name text)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT z.pdns_id, qname
    FROM pdns.active_zones z
    WHERE (only_domain IS NULL OR z.pdns_id = only_domain)
      AND z.name = ANY (ARRAY(
          SELECT array_to_string(l.labels[i:], '.')
          FROM (SELECT string_to_array(qname, '.') AS labels) l,
               generate_subscripts(l.labels, 1) AS i
          WHERE i > 1))
      AND NOT EXISTS (
          SELECT FROM pdns.enabled_record_names r
          WHERE left(r.name, -1) = qname AND r.zone_id = z.id)
      AND EXISTS (
          SELECT FROM pdns.enabled_record_names r
          WHERE r.zone_id = z.id
            AND reverse(r.name) >= ('.' || reverse(qname) || '.')
            AND reverse(r.name) < ('.' || reverse(qname) || '.' || chr(1114111)))
$$;
