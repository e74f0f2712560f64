-- Issue 17, edges 6 and 8.
-- An arrangement the rules (rules/arrangement-cutoff.drl) judged kept is 'kept'; 'completed' stays for the legacy
-- system's own "completed" arrangements (accord_paiement status 1), imported as they were.
ALTER TABLE payment_arrangement DROP CONSTRAINT payment_arrangement_status_check;
ALTER TABLE payment_arrangement ADD CONSTRAINT payment_arrangement_status_check
    CHECK (status IN ('pending', 'open', 'kept', 'completed', 'broken'));
-- the sweep looks for open arrangements whose due or cutoff date has passed
CREATE INDEX payment_arrangement_open_idx ON payment_arrangement (due_date) WHERE status = 'open';

-- A write-off closes an invoice as 'written-off' with a credit note: an invoice row with negative lines that names the
-- invoice it credits. One write-off credit note per invoice, guaranteed here (a retried write-off finds it).
ALTER TABLE invoice DROP CONSTRAINT invoice_status_check;
ALTER TABLE invoice ADD CONSTRAINT invoice_status_check
    CHECK (status IN ('draft', 'open', 'payment-pending', 'paid', 'cancelled', 'written-off'));
ALTER TABLE invoice ADD COLUMN credit_note_for bigint REFERENCES invoice;
CREATE UNIQUE INDEX invoice_credit_note_for_uq ON invoice (credit_note_for) WHERE credit_note_for IS NOT NULL;
