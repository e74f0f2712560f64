-- The rule set in force for every node: the last one published (at start-up or by a reload), with its DRL, so each
-- node of a cluster picks up a reload made on another; and which version each node runs.
CREATE SEQUENCE rule_set_generation;
CREATE TABLE rule_set (
    version      text PRIMARY KEY,
    files        jsonb NOT NULL,           -- {"rules/suspension.drl": "<drl text>", ...}
    generation   bigint NOT NULL,          -- the highest is in force; publishing a known version again raises it
    published_at timestamptz NOT NULL DEFAULT now(),
    published_by text
);
CREATE TABLE rule_set_node (
    node_id text PRIMARY KEY,
    version text NOT NULL,
    seen_at timestamptz NOT NULL
);
