-- The event writer sends a batch's effects, its events and its COMMIT in one round trip when every effect is
-- planned to change exactly one row (OneRoundTrip). A statement that changed fewer rows than planned (a race lost
-- to another node) must then stop the COMMIT, so each statement asks this function, which raises GH001 when the
-- counts differ: PostgreSQL skips the rest of the batch, the COMMIT with it, and the writer rolls back.
CREATE OR REPLACE FUNCTION gatehouse_expect_rows(actual bigint, planned bigint) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
    IF actual <> planned THEN
        RAISE EXCEPTION 'gatehouse: % rows changed where % were planned', actual, planned USING ERRCODE = 'GH001';
    END IF;
    RETURN TRUE;
END
$$;
