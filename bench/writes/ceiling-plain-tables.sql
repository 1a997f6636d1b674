-- PostgreSQL's own ceiling for "bump the zone's serial and insert a record", with nothing of ZoneApi's schema: a zone
-- row and a record table with its primary key only. bench/writes/run.sh measures it with ceiling-plain.pgbench.
CREATE TABLE zones (
    id     integer PRIMARY KEY,
    serial bigint NOT NULL
);
CREATE TABLE records (
    zone_id integer NOT NULL REFERENCES zones (id),
    id      text NOT NULL,
    name    text NOT NULL,
    type    text NOT NULL,
    content text NOT NULL,
    ttl     integer NOT NULL,
    PRIMARY KEY (zone_id, id)
);
INSERT INTO zones VALUES (1, 2026120200);
