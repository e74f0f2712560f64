-- Issue 17, the money gaps.

-- A suspension recorded but never cut: the rules, asked again right before the cut, no longer wanted it (the customer
-- paid, an arrangement holds it). It ends with the rules' sentence saying why.
ALTER TABLE suspension ADD COLUMN end_reason text;

-- A payment reversal that took money back from an invoice already closed without it (written off, cancelled): what the
-- rules (rules/reversal-owed.drl) say is owed again is billed on a debit invoice, once per reversal event and invoice.
CREATE TABLE reversal_debit (
    payment_reversal_id bigint NOT NULL REFERENCES payment_reversal ON DELETE CASCADE,
    invoice_id          bigint NOT NULL REFERENCES invoice ON DELETE CASCADE,
    amount              numeric(12,2) NOT NULL CHECK (amount > 0),
    debit_invoice_id    bigint REFERENCES invoice,
    created_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (payment_reversal_id, invoice_id)
);
