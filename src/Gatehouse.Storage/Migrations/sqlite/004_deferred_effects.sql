-- Presence and the cards' last grants are written in bulk, behind the events that caused them (DeferredEffects):
-- this row says through which event the tables include them, so a start replays only the events after it.
CREATE TABLE deferred_effects (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    through_event_id INTEGER NOT NULL
);
INSERT INTO deferred_effects (id, through_event_id) SELECT 1, coalesce(max(id), 0) FROM events;
