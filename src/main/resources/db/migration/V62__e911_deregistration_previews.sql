-- Issue 20, orphan 911 registrations: a bulk deregistration is previewed first, then confirmed with the preview's token.
-- The token is bound to the user who previewed and to the exact DIDs shown; it is claimed once (confirmed_at), by a
-- conditional update, so two confirmations of the same preview never both run.
CREATE TABLE e911_deregistration_preview (
    token        uuid PRIMARY KEY,
    requested_by text NOT NULL,
    dids         text[] NOT NULL CHECK (cardinality(dids) > 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    confirmed_at timestamptz
);
