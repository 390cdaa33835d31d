-- Nothing to change: on PostgreSQL this step adds the function that stops a one-round-trip batch's COMMIT when an
-- effect changed fewer rows than planned. SQLite writes step by step. The number is kept so a version means one
-- step on both.
SELECT 1;
