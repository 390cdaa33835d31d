-- Nothing to change: on SQLite this step adds the table that says through which event presence and the cards'
-- last grants were applied in bulk (DeferredEffects). PostgreSQL writes them in each batch, because several nodes
-- decide races on those rows, so it has no such table. The number is kept so a version means one step on both.
SELECT 1;
