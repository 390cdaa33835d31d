-- Newest first is read by scanning this index backwards; stored ascending, each new event goes to the right end of
-- its organization's range instead of the left. With one organization (or the newest) that is the index's
-- rightmost page, which PostgreSQL inserts into without descending the tree and splits 90/10; inserted at the
-- left, every page split in half and stayed half empty (the index was three times the primary key's size).
DROP INDEX IF EXISTS ix_events_org_at;
CREATE INDEX ix_events_org_at ON events (organization_id, at, id);
