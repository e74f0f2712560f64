-- Issue 21: the Tasklist filters the engine creates at start-up, one per team. A team's row is claimed (ON CONFLICT DO
-- NOTHING) in the transaction that creates its filter, so two nodes starting together create it once, and a filter an
-- admin deletes on purpose is not created again.
CREATE TABLE tasklist_filter (
    team       text PRIMARY KEY,
    filter_id  text,
    created_at timestamptz NOT NULL DEFAULT now()
);
