-- Issue 21: the assistant's commands. One row per sentence typed: who, when, the text and locale, what it was understood
-- as (intent, parameters — never a secret: the interpreter refuses sentences that carry one), the status and the result.
-- A proposal is confirmed by one conditional UPDATE proposed → executing (WHERE status = 'proposed' AND not expired), so
-- two confirmations racing execute once: the second finds no row to move.
CREATE TABLE assistant_command (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    actor        text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    text         text        NOT NULL,
    locale       text        NOT NULL CHECK (locale IN ('fr', 'en')),
    customer_no  text,
    intent       text,
    parameters   jsonb       NOT NULL DEFAULT '{}'::jsonb,
    status       text        NOT NULL CHECK (status IN ('proposed', 'clarification', 'refused', 'answered', 'executing',
                                                        'executed', 'failed', 'cancelled', 'expired')),
    summary_fr   text,
    summary_en   text,
    calls        text[]      NOT NULL DEFAULT '{}',
    expires_at   timestamptz,
    decided_by   text,
    decided_at   timestamptz,
    result       jsonb
);
CREATE INDEX assistant_command_actor ON assistant_command (actor, created_at DESC);
