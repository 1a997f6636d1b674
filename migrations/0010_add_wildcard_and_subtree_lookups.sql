-- Servable zones (CONTRACT A4): the rules that keep every zone loadable by BIND and PowerDNS look at names the
-- way a server answers them: RFC 4592 wildcard matching, and everything at or below a delegation point.
--
-- Both need "the records at or below a name". The names below sub.example.com. all end in ".sub.example.com.",
-- so reversed ("." || "moc.elpmaxe.bus") they all start with ".moc.elpmaxe.bus.": a prefix, which these btrees
-- (in the columns' "C" collation) find as a range, as zones_reversed_name_idx (0006) does for zone names.
CREATE INDEX records_zone_reversed_name_idx ON records (zone_id, reverse(name));
-- The MX, NS, SRV and alias records whose targets a new wildcard CNAME would answer for: targets below a name.
CREATE INDEX records_reversed_target_idx ON records (reverse(target)) WHERE target IS NOT NULL;

-- Whether the zone holds records at fqdn or below it: whether the name exists (RFC 4592 §2.2.2: an empty
-- non-terminal exists too). '/' is the character after '.', so the range is exactly "starts with R || '.'".
CREATE FUNCTION zoneapi_subtree_exists(zone uuid, fqdn text) RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
    SELECT EXISTS (SELECT 1 FROM records r WHERE r.zone_id = zone AND r.name = fqdn COLLATE "C")
        OR EXISTS (SELECT 1 FROM records r
                   WHERE r.zone_id = zone
                     AND reverse(r.name) >= (reverse(fqdn) || '.') COLLATE "C"
                     AND reverse(r.name) < (reverse(fqdn) || '/') COLLATE "C")
$$;

-- The owner name whose records answer a query for fqdn in the zone (RFC 4592 §3.3.1): fqdn itself when it
-- exists; otherwise the source of synthesis "*.<closest encloser>" when the zone holds records there; NULL
-- when neither (NXDOMAIN). The closest encloser is the deepest ancestor of fqdn that exists; the apex always
-- does (it holds the SOA). fqdn must lie in the zone (the caller finds the zone with zoneapi_enclosing_zone).
CREATE FUNCTION zoneapi_answering_name(zone uuid, fqdn text) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE
        WHEN zoneapi_subtree_exists(zone, fqdn) THEN fqdn
        ELSE (
            SELECT w.name
            FROM (
                SELECT '*.' || e.name AS name
                FROM (
                    SELECT array_to_string(l.labels[i:], '.') || '.' AS name, i
                    FROM (SELECT string_to_array(rtrim(fqdn, '.'), '.') AS labels) l,
                         generate_subscripts(l.labels, 1) AS i
                    WHERE i > 1
                ) e
                WHERE length(e.name) >= (SELECT length(z.name) + 1 FROM zones z WHERE z.id = zone)
                  AND zoneapi_subtree_exists(zone, e.name)
                ORDER BY e.i
                LIMIT 1
            ) w
            WHERE EXISTS (SELECT 1 FROM records r WHERE r.zone_id = zone AND r.name = w.name COLLATE "C")
        )
    END
$$;
