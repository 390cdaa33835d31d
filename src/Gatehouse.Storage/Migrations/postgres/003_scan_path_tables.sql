-- The tables every scan writes, trimmed as on SQLite (same number, so both dialects stay at one version).
-- PostgreSQL keeps its heap-plus-index layout (a clustered table is not a thing here), but the index of
-- presence by site goes: the table holds only who is inside now, the scan path never reads it (the in-memory
-- access index does), and the index was one more random page to write for every entry and exit.
DROP INDEX IF EXISTS ix_presence_site;
