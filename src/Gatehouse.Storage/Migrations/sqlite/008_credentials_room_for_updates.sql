-- Nothing to change: on PostgreSQL this step leaves room on the cards' pages for their updates. SQLite updates rows
-- in place and writes the cards' last grants in bulk (DeferredEffects). The number is kept so a version means one
-- step on both.
SELECT 1;
