-- Ownership (CONTRACT A5): a zone name and every name below it belong to at most one customer. Creating a
-- zone looks for another customer's zone above the new name (an equality lookup of each parent name, on
-- zones_name_key) and below it. The names below example.com all end in ".example.com", so reversed they
-- all start with "moc.elpmaxe.": a prefix, which this btree (in the column's "C" collation) finds as a
-- range. Zone creation serialises itself with advisory locks along the name's branch; see ZoneOwnership.
CREATE INDEX zones_reversed_name_idx ON zones (reverse(name));
