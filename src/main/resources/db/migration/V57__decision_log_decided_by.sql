-- Who took a decision a person made (an approval, a write-off review, a dispatch …): the user who completed the task.
-- NULL for decisions of the engine itself (rules, DMN tables).
ALTER TABLE decision_log ADD COLUMN decided_by text;
