-- Tenancy (CONTRACT A4): the rules that follow a name past a record's own name (MX/NS/SRV targets, CNAME
-- and ALIAS chains and loops, both warnings) read only the writing customer's zones, and each name only in
-- the one of them that answers for it: the zone whose name is the longest suffix of the name. A customer may
-- nest its own zones (example.com and dev.example.com); then dev.example.com alone answers for the names
-- below it, as the delegation would make it on the internet. Another customer's zone is never read: its
-- names are names on the internet, as far as this customer's rules go.
--
-- NULL when none of the customer's zones encloses the name. The suffixes go in as one array (ARRAY(...),
-- not a subquery), so the planner probes zones_name_key once per suffix instead of reading all of a large
-- customer's zones.
CREATE FUNCTION zoneapi_enclosing_zone(customer uuid, fqdn text) RETURNS uuid
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
    SELECT z.id
    FROM zones z
    WHERE z.customer_id = customer
      AND z.name = ANY (ARRAY(
          SELECT array_to_string(l.labels[i:], '.')
          FROM (SELECT string_to_array(rtrim(fqdn, '.'), '.') AS labels) l,
               generate_subscripts(l.labels, 1) AS i))
    ORDER BY length(z.name) DESC
    LIMIT 1
$$;

-- CNAME, ALIAS, MX, NS and SRV writes read and change edges between names in all of a customer's zones;
-- the zone row lock covers only one zone, so they serialise on this lock as well, taken after the zone row
-- lock. One lock per customer: another customer's writes never wait on it. The class 0x5A6F6E65 ("Zone")
-- keeps these two-key locks apart from every other advisory lock; a hashtext collision between two
-- customers would only make them take turns, never break a rule.
CREATE FUNCTION zoneapi_lock_alias_graph(customer uuid) RETURNS void
LANGUAGE sql VOLATILE STRICT AS $$
    SELECT pg_advisory_xact_lock(1517252197, hashtext(customer::text))
$$;

-- records_name_idx (0004) served lookups by owner name across every zone. The rules now look a name up
-- only in one zone, through the (zone_id, name, ...) indexes, and nothing else reads records by name
-- alone, so it would only slow every write down.
DROP INDEX records_name_idx;
