-- Nothing to change: on PostgreSQL this step moves the request ids' unique key (R-DEC-05) onto the events and drops
-- processed_requests. SQLite keeps the table: its claims run in process under the single write lock, where the
-- table costs no round trip and its key stays small. The number is kept so a version means one step on both.
SELECT 1;
