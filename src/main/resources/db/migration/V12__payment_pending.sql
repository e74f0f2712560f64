-- A bank debit (Paysafe PENDING, Stripe processing) is submitted, not paid: the invoice waits in 'payment-pending' until
-- the processor settles it or returns it (NSF, account closed, payment stopped).
ALTER TABLE invoice DROP CONSTRAINT invoice_status_check;
ALTER TABLE invoice ADD CONSTRAINT invoice_status_check CHECK (status IN ('draft', 'open', 'payment-pending', 'paid', 'cancelled'));

ALTER TABLE charge_attempt DROP CONSTRAINT charge_attempt_state_check;
ALTER TABLE charge_attempt ADD CONSTRAINT charge_attempt_state_check
    CHECK (state IN ('requested', 'succeeded', 'declined', 'pending', 'unknown', 'settled', 'returned'));
ALTER TABLE charge_attempt ADD COLUMN return_reason text;

-- Webhook deliveries already handled (processors retry and may send an event twice).
CREATE TABLE webhook_event (
    provider    text NOT NULL,
    event_id    text NOT NULL,
    type        text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, event_id)
);
