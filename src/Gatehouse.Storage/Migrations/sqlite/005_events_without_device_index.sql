-- Every event inserted into the index by device dirtied that device's page: with a few dozen devices, nearly
-- one page per event in a batch, about a third of the pages a batch writes to the WAL (docs/performance.md).
-- Event queries always name the organization and read newest first, which ix_events_org_at serves in that
-- order; a device is one more filter on it, like a site, a zone or an outcome.
DROP INDEX IF EXISTS ix_events_device_at;
