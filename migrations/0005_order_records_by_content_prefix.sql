-- A btree index entry may not exceed about 2.7 kB ("btree version 4 maximum 2704"), and TXT, TLSA and
-- other values can be longer: with the whole content in records_zone_order_idx, writing one failed. Pages
-- are ordered by the first 512 characters of the content (at most 2 kB in UTF-8), then by id, which is as
-- deterministic and keeps every entry within the limit.
ALTER TABLE records ADD COLUMN content_key text COLLATE "C" GENERATED ALWAYS AS (left(content, 512)) STORED;
DROP INDEX records_zone_order_idx;
CREATE INDEX records_zone_order_idx ON records (zone_id, name, type, content_key, id);
