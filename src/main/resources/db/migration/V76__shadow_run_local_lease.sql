-- A shadow run computed on a node's own thread (its scheduler not running) holds a lease that node renews while it holds
-- the run; when the node dies the lease lapses and the run reads as failed instead of running for ever. Runs fired as
-- the clustered Quartz job have none: Quartz recovers them on another node.
ALTER TABLE shadow_run ADD COLUMN local_lease_until timestamptz;
