-- PowerDNS Authoritative (launch=gpgsql, deploy/pdns/pdns.conf) answers queries straight from these tables, so a
-- change is served the moment its transaction commits. PowerDNS reads the schema pdns: views in the shape of its own
-- gpgsql schema (domains, records and the tables its default queries touch), computed from zones and records. It only
-- reads; nothing here is ever written by it, and the role zoneapi_pdns may read nothing else.
CREATE SCHEMA pdns;

-- PowerDNS numbers zones with an integer (domain_id); ours are UUIDs. The identity column gives each zone one for life.
ALTER TABLE zones ADD COLUMN pdns_id integer GENERATED ALWAYS AS IDENTITY CONSTRAINT zones_pdns_id_key UNIQUE;

-- Every answer starts with lookups by (name, type) or by name alone, in PowerDNS's spelling of names: without the
-- trailing dot. The view's name column is this very expression, so its lookups are scans of this index. (Not a partial
-- index without the disabled records: the planner then misjudged how many rows a name has and read whole zones.)
CREATE INDEX records_pdns_name_type_idx ON records (left(name, -1), type);

-- Empty non-terminals (below): is there a record below this name? The names below b.example.com all end in
-- ".b.example.com", so reversed they start with "moc.elpmaxe.b.": a range of this index.
CREATE INDEX records_pdns_reversed_name_idx ON records (reverse(left(name, -1)));

-- RFC 1035 §3.3.14: TXT RDATA is a sequence of character-strings of at most 255 octets each. A TXT value is stored
-- unquoted and whole (CONTRACT A3); PowerDNS reads the zone-file form: each piece of at most 255 UTF-8 octets (never
-- cut inside a character) quoted, with '"' and '\' escaped, pieces separated by a space. The API's exports cut
-- values in the same places (TxtStrings.Split).
CREATE FUNCTION pdns.txt_strings(value text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    pieces text[] := '{}';
    piece text := '';
    octets integer := 0;
    ch text;
BEGIN
    IF octet_length(value) > 255 THEN
        FOREACH ch IN ARRAY regexp_split_to_array(value, '') LOOP
            IF octets + octet_length(ch) > 255 THEN
                pieces := pieces || piece;
                piece := '';
                octets := 0;
            END IF;
            piece := piece || ch;
            octets := octets + octet_length(ch);
        END LOOP;
        value := piece;
    END IF;
    pieces := pieces || value;
    RETURN (SELECT string_agg('"' || replace(replace(p, '\', '\\'), '"', '\"') || '"', ' ' ORDER BY n)
            FROM unnest(pieces) WITH ORDINALITY AS t (p, n));
END
$$;

-- PowerDNS 4.7 parses SVCB/HTTPS parameters by the names it knows (RFC 9460's mandatory ... ipv6hint) and keyNNNNN
-- with a value. Newer names are written as their numbers (RFC 9460 §2.1): dohpath (RFC 9461) as key7, ohttp
-- (RFC 9540) as key8, tls-supported-groups (draft-ietf-tls-key-share-prediction) as key9, its list of 16-bit group
-- numbers in wire form as \DDD octets; a key without a value as keyNNNNN="" (PowerDNS refuses a bare generic key;
-- on the wire both are the same empty value).
CREATE FUNCTION pdns.svc_params(content text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    tokens text[];
    token text;
    name text;
    value text;
    i integer;
BEGIN
    IF content !~ '(dohpath|ohttp|tls-supported-groups|key[0-9])' THEN
        RETURN content;
    END IF;
    -- Tokens: runs of characters that are not spaces, where a quoted part ("...", with \-escapes) may hold spaces.
    tokens := ARRAY(SELECT m[1] FROM regexp_matches(content, '((?:[^\s"]|"(?:[^"\\]|\\.)*")+)', 'g') AS m);
    -- The first two are SvcPriority and TargetName.
    FOR i IN 3 .. coalesce(array_length(tokens, 1), 0) LOOP
        token := tokens[i];
        name := split_part(token, '=', 1);
        value := CASE WHEN position('=' IN token) > 0 THEN substr(token, position('=' IN token) + 1) END;
        IF name = 'tls-supported-groups' AND value IS NOT NULL THEN
            value := '"' || (SELECT string_agg(format('\%s\%s', lpad((g::integer >> 8)::text, 3, '0'), lpad((g::integer & 255)::text, 3, '0')), '' ORDER BY n)
                             FROM unnest(string_to_array(btrim(value, '"'), ',')) WITH ORDINALITY AS t (g, n)) || '"';
        ELSIF name = 'mandatory' AND value IS NOT NULL THEN
            value := replace(replace(replace(value, 'tls-supported-groups', 'key9'), 'dohpath', 'key7'), 'ohttp', 'key8');
        END IF;
        name := CASE name WHEN 'dohpath' THEN 'key7' WHEN 'ohttp' THEN 'key8' WHEN 'tls-supported-groups' THEN 'key9' ELSE name END;
        IF value IS NULL AND name ~ '^key[0-9]+$' THEN
            value := '""';
        END IF;
        tokens[i] := name || coalesce('=' || value, '');
    END LOOP;
    RETURN array_to_string(tokens, ' ');
END
$$;

-- Zones that are not active (paused, pending, error) are not served at all: without their SOA, PowerDNS does not
-- know the zone and answers REFUSED. All zones are NATIVE for PowerDNS: the database is the replication, so it sends
-- no NOTIFY and never writes notified_serial.
CREATE VIEW pdns.domains AS
SELECT z.pdns_id AS id,
       z.name::text AS name,
       NULL::text AS master,
       NULL::integer AS last_check,
       'NATIVE'::text AS type,
       NULL::bigint AS notified_serial,
       NULL::text AS account,
       NULL::text AS options,
       NULL::text AS catalog
FROM public.zones z
WHERE z.status = 'active';

-- One row per enabled value of an active zone, in PowerDNS's storage form:
--  * names without the trailing dot;
--  * MX and SRV: PowerDNS writes prio in front of content itself, so prio holds the MX preference or SRV priority and
--    content the rest (the MX target; SRV weight, port and target);
--  * SOA: the zone's live serial, raised in the transaction of every change;
--  * TXT: quoted 255-octet strings (pdns.txt_strings);
--  * HTTPS and SVCB: parameters PowerDNS 4.7 has no name for as keyNNNNN (pdns.svc_params);
--  * every other type in the presentation form the API stores (CAA, TLSA, SSHFP, HTTPS, SVCB, NAPTR, ALIAS...).
-- ordername and auth serve DNSSEC, which ZoneApi does not sign: every record is authoritative data.
CREATE VIEW pdns.records AS
SELECT z.pdns_id AS domain_id,
       left(r.name, -1) AS name,
       r.type::text AS type,
       CASE r.type
           WHEN 'MX' THEN r.content
           WHEN 'SRV' THEN regexp_replace(r.content, '^\S+\s+', '')
           WHEN 'SOA' THEN regexp_replace(r.content, '^(\S+\s+\S+\s+)\d+', '\1' || z.serial)
           WHEN 'TXT' THEN pdns.txt_strings(r.content)
           WHEN 'HTTPS' THEN pdns.svc_params(r.content)
           WHEN 'SVCB' THEN pdns.svc_params(r.content)
           ELSE r.content
       END::text AS content,
       r.ttl,
       CASE WHEN r.type IN ('MX', 'SRV') THEN r.priority END AS prio,
       r.disabled,
       NULL::text AS ordername,
       true AS auth
FROM public.records r
JOIN public.zones z ON z.id = r.zone_id
WHERE NOT r.disabled
  AND z.status = 'active';

-- RFC 8020: a name that owns no records but has names below it (an empty non-terminal, b.example.com when only
-- a.b.example.com holds records) exists, and answers NODATA, not NXDOMAIN; it also stops wildcard synthesis from
-- above (RFC 4592 §2.2.2). PowerDNS knows such names by rows of type NULL that `pdnsutil rectify-zone` writes in its
-- own schema. Here they are computed for the name asked: pdns.conf's any-query and any-id-query add this function's
-- rows when pdns.records has none at the name. It reads the views, not the tables, so zoneapi_pdns needs no more
-- rights, and it is a plain SQL function (not STRICT, no SET, not SECURITY DEFINER) so that PostgreSQL inlines it
-- into PowerDNS's prepared statements: planned once per connection, two index lookups per enclosing zone.
CREATE FUNCTION pdns.empty_non_terminals(qname text, only_domain integer)
RETURNS TABLE (domain_id integer, name text)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT d.id, qname
    FROM pdns.domains d
    WHERE (only_domain IS NULL OR d.id = only_domain)
      -- The zones strictly above the name (an apex owns a SOA, so it is never empty).
      AND d.name = ANY (ARRAY(
          SELECT array_to_string(l.labels[i:], '.')
          FROM (SELECT string_to_array(qname, '.') AS labels) l,
               generate_subscripts(l.labels, 1) AS i
          WHERE i > 1))
      AND NOT EXISTS (SELECT FROM pdns.records r WHERE r.name = qname AND r.domain_id = d.id)
      -- A record whose reversed name starts with reverse(qname) || '.': a range in the "C" collation, which compares
      -- UTF-8 bytes, so chr(1114111) (U+10FFFF) sorts after anything that can follow the prefix.
      AND EXISTS (
          SELECT FROM pdns.records r
          WHERE r.domain_id = d.id
            AND reverse(r.name) >= reverse(qname) || '.'
            AND reverse(r.name) < reverse(qname) || '.' || chr(1114111))
$$;

-- The rest of PowerDNS's schema, empty: no DNSSEC keys, metadata, comments, TSIG keys or autoprimaries come from
-- ZoneApi. Its default queries read them, so they must exist.
CREATE VIEW pdns.domainmetadata AS
SELECT NULL::integer AS id, NULL::integer AS domain_id, NULL::text AS kind, NULL::text AS content
WHERE false;

CREATE VIEW pdns.cryptokeys AS
SELECT NULL::integer AS id, NULL::integer AS domain_id, NULL::integer AS flags, NULL::boolean AS active,
       NULL::boolean AS published, NULL::text AS content
WHERE false;

CREATE VIEW pdns.comments AS
SELECT NULL::integer AS id, NULL::integer AS domain_id, NULL::text AS name, NULL::text AS type,
       NULL::integer AS modified_at, NULL::text AS account, NULL::text AS comment
WHERE false;

CREATE VIEW pdns.tsigkeys AS
SELECT NULL::integer AS id, NULL::text AS name, NULL::text AS algorithm, NULL::text AS secret
WHERE false;

CREATE VIEW pdns.supermasters AS
SELECT NULL::inet AS ip, NULL::text AS nameserver, NULL::text AS account
WHERE false;

-- The least-privilege role PowerDNS logs in as: it may read the pdns schema and nothing else. Roles belong to the
-- whole cluster, which may hold many ZoneApi databases (the test suite makes one per test class), so it is created
-- once, whoever comes first, and granted in every database. It is created without LOGIN: the operator gives it a
-- password (ALTER ROLE zoneapi_pdns LOGIN PASSWORD '...', see deploy/pdns/README.md), or creates it before the first
-- migration with the login already set. When the database user may not create roles, this step is skipped with a
-- notice and the grants at the end of deploy/pdns/README.md are left to the operator.
DO $$
BEGIN
    BEGIN
        CREATE ROLE zoneapi_pdns NOLOGIN;
    EXCEPTION
        -- duplicate_object: it exists; unique_violation: another database's migration created it at the same moment.
        WHEN duplicate_object OR unique_violation THEN NULL;
        WHEN insufficient_privilege THEN
            RAISE NOTICE 'cannot create the role zoneapi_pdns (no CREATEROLE); create it and grant it read access to schema pdns (deploy/pdns/README.md)';
    END;

    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'zoneapi_pdns') THEN
        GRANT USAGE ON SCHEMA pdns TO zoneapi_pdns;
        GRANT SELECT ON ALL TABLES IN SCHEMA pdns TO zoneapi_pdns;
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pdns TO zoneapi_pdns;
    END IF;
END
$$;
