-- An account is suspended while it has a suspension that started and has not ended (legacy flag-only rows have no dates).
CREATE VIEW open_suspension AS
SELECT id, customer_id, started_at, reason, process_instance_id
FROM suspension
WHERE started_at IS NOT NULL AND ended_at IS NULL;
