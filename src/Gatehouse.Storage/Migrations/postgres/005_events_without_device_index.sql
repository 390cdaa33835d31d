-- As on SQLite: one index insert less per event. Event queries always name the organization and read newest
-- first (ix_events_org_at); a device is one more filter on it, like a site, a zone or an outcome.
DROP INDEX IF EXISTS ix_events_device_at;
