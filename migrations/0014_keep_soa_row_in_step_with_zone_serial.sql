-- Single-record writes (issue 9). Until now every record write ran an UPDATE of its zone's SOA row of its own (a
-- new content-derived id and the new serial in the content), and the zone's trigger (0011) then updated that row a
-- second time for pdns_content: two new row versions per write, each a non-HOT update (id and content are indexed)
-- that adds an entry to every index on records, and one more round trip while the zone's row lock is held.
--
-- Now the SOA row follows zones.serial by itself: the zone's trigger writes the new serial into the SOA's content, once,
-- in the transaction of the bump (and records_pdns_form recomputes pdns_content from it, as for any content change).
-- The API only raises zones.serial.
--
-- The SOA's id no longer changes with the serial: a zone has exactly one SOA (RFC 1035 §5.2) and its content is the
-- server's, never the client's, so the id names the zone's SOA, as RecordId.ForSoa computes it: the content-derived
-- id (0003) of the apex, type SOA and empty data. A client that listed the SOA can still address it after a write.
UPDATE records
SET id = translate(rtrim(encode(sha256(convert_to(name || E'\n' || 'SOA' || E'\n', 'UTF8')), 'base64'), '='), '+/', '-_')
WHERE type = 'SOA';

CREATE OR REPLACE FUNCTION zoneapi_zones_pdns_form() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status IS DISTINCT FROM OLD.status THEN
        UPDATE public.records r
        SET served = NOT r.disabled AND NEW.status = 'active'
        WHERE r.zone_id = NEW.id
          AND r.served IS DISTINCT FROM (NOT r.disabled AND NEW.status = 'active');
    END IF;
    -- MNAME RNAME SERIAL ... (RFC 1035 §3.3.13): the third field is the serial. Updating content fires
    -- records_pdns_form (0011), which derives pdns_content from it.
    IF NEW.serial IS DISTINCT FROM OLD.serial THEN
        UPDATE public.records r
        SET content = regexp_replace(r.content, '^(\S+\s+\S+\s+)\d+', '\1' || NEW.serial),
            updated_at = now()
        WHERE r.zone_id = NEW.id AND r.type = 'SOA';
    END IF;
    RETURN NULL;
END
$$;
