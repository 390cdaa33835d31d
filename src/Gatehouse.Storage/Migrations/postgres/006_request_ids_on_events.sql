-- Request ids (R-DEC-05) are kept unique by the events themselves: one unique index entry per scan instead of a
-- row and two index entries in processed_requests. Compared bytewise (COLLATE "C"): a request id is an opaque token,
-- and comparing under the database's linguistic collation made this index the most expensive part of an insert
-- (docs/performance.md). Events already hold each (device, request id) once: the claim and the event were always
-- written in one transaction, and a duplicate was never stored.
CREATE UNIQUE INDEX ux_events_request ON events (device_id, request_id COLLATE "C") WHERE request_id IS NOT NULL;
DROP TABLE processed_requests;
