-- Nothing to change: PostgreSQL's identity columns never give an id twice. On SQLite this step makes every table's
-- id AUTOINCREMENT, so a deleted row's id is never given to a new one. The number is kept so a version means one
-- step on both.
SELECT 1;
