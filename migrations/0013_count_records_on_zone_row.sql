-- A zone's number of records, kept on its row by the database for every writer (the API's single writes, batches,
-- set-based imports, a cascade from a zone delete, an operator's SQL), so a list page's pagination.total and the
-- records-per-zone quota read one column instead of counting the zone's rows (a count(*) of a 100,000-record zone
-- costs 25-30 ms, on every page).
--
-- Statement-level triggers with transition tables: one UPDATE of each zone row a statement touched, not one per row,
-- so an import inserting 100,000 rows in one statement updates its zone row once. The API's record writes already
-- hold the zone row FOR UPDATE when they write, so this takes no new lock for them. A writer that inserts or deletes
-- records without locking their zone row first takes it here, at the end of its statement; two such writers in one
-- zone can deadlock on the row locks the rows' own trigger (records_pdns_form, 0011) takes, so lock the zone first.
ALTER TABLE zones
    ADD COLUMN record_count integer NOT NULL DEFAULT 0 CONSTRAINT zones_record_count_check CHECK (record_count >= 0);

UPDATE zones z
SET record_count = counted.records
FROM (SELECT zone_id, count(*)::integer AS records FROM records GROUP BY zone_id) AS counted
WHERE z.id = counted.zone_id;

CREATE FUNCTION zoneapi_records_count_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE public.zones z
    SET record_count = z.record_count + added.records
    FROM (SELECT zone_id, count(*)::integer AS records FROM inserted GROUP BY zone_id) AS added
    WHERE z.id = added.zone_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER records_count_inserted AFTER INSERT ON records
REFERENCING NEW TABLE AS inserted
FOR EACH STATEMENT EXECUTE FUNCTION zoneapi_records_count_inserted();

-- A zone deleted with its records (ON DELETE CASCADE) has no row left to update: zero rows, nothing to do.
CREATE FUNCTION zoneapi_records_count_deleted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE public.zones z
    SET record_count = z.record_count - removed.records
    FROM (SELECT zone_id, count(*)::integer AS records FROM deleted GROUP BY zone_id) AS removed
    WHERE z.id = removed.zone_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER records_count_deleted AFTER DELETE ON records
REFERENCING OLD TABLE AS deleted
FOR EACH STATEMENT EXECUTE FUNCTION zoneapi_records_count_deleted();

CREATE FUNCTION zoneapi_records_count_truncated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE public.zones SET record_count = 0 WHERE record_count <> 0;
    RETURN NULL;
END
$$;

CREATE TRIGGER records_count_truncated AFTER TRUNCATE ON records
FOR EACH STATEMENT EXECUTE FUNCTION zoneapi_records_count_truncated();

-- A record never moves to another zone (no writer does it; its id, rules and serial belong to its zone). Refusing
-- the move keeps the counts exact without an UPDATE trigger on every write: PostgreSQL allows transition tables
-- only on triggers without a column list, and one for all updates would run on every SOA serial bump.
CREATE FUNCTION zoneapi_records_stay_in_zone() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a record cannot move to another zone (delete it and insert it there)'
        USING ERRCODE = 'check_violation';
END
$$;

CREATE TRIGGER records_stay_in_zone BEFORE UPDATE OF zone_id ON records
FOR EACH ROW WHEN (OLD.zone_id IS DISTINCT FROM NEW.zone_id)
EXECUTE FUNCTION zoneapi_records_stay_in_zone();
