-- A second candidate, measured with `EXTRA_SQL=bench/dns/stored-powerdns-form.sql bench/dns/run.sh` (bench/README.md):
-- PowerDNS's form of each row stored in the row, so that pdns.records is one table with no join and no function per
-- row. (Migration 0009 now has an inlinable pdns.empty_non_terminals, the first candidate's point, which reads
-- pdns.records and so gains from this too.) This file only fills the columns once, which is
-- enough to measure the serving path; a migration would keep them in the write's transaction (the API already
-- rewrites the SOA on every serial bump, and a zone's pause would update its rows' served flag).
ALTER TABLE records
    ADD COLUMN pdns_domain_id integer,
    ADD COLUMN pdns_content text COLLATE "C",
    ADD COLUMN pdns_prio integer,
    ADD COLUMN served boolean NOT NULL DEFAULT false;

UPDATE records r
SET pdns_domain_id = v.domain_id, pdns_content = v.content, pdns_prio = v.prio, served = true
FROM pdns.records v, zones z
WHERE z.id = r.zone_id AND v.domain_id = z.pdns_id AND v.name = left(r.name, -1) AND v.type = r.type
  AND v.content = CASE r.type
                      WHEN 'MX' THEN r.content
                      WHEN 'SRV' THEN regexp_replace(r.content, '^\S+\s+', '')
                      WHEN 'SOA' THEN regexp_replace(r.content, '^(\S+\s+\S+\s+)\d+', '\1' || z.serial)
                      WHEN 'TXT' THEN pdns.txt_strings(r.content)
                      WHEN 'HTTPS' THEN pdns.svc_params(r.content)
                      WHEN 'SVCB' THEN pdns.svc_params(r.content)
                      ELSE r.content
                  END;

CREATE OR REPLACE VIEW pdns.records AS
SELECT r.pdns_domain_id AS domain_id,
       left(r.name, -1) AS name,
       r.type::text AS type,
       r.pdns_content AS content,
       r.ttl,
       r.pdns_prio AS prio,
       r.disabled,
       NULL::text AS ordername,
       true AS auth
FROM public.records r
WHERE r.served;
