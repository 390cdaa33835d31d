-- Nothing to change: on PostgreSQL this step stores ix_events_org_at ascending, for its b-tree's rightmost-page
-- inserts. SQLite keeps the index as it is (its scan path writes were measured with it, docs/performance.md).
-- The number is kept so a version means one step on both.
SELECT 1;
