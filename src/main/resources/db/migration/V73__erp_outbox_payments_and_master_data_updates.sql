-- What a document looked like when the engine recorded it, for the parts that change afterwards: a payment's allocations
-- ([{"invoice": "INV-…", "amount": 12.34}, …]) taken in the payment's transaction, so the Payment Entry's references are
-- those of its posting — credit applied later to an invoice queued after the payment must neither appear in it nor hold it
-- back. NULL for entries queued before this column (their allocations are read when they are sent).
ALTER TABLE erp_outbox ADD COLUMN snapshot jsonb;

-- A Payment Entry the engine recorded from ERPNext and that was cancelled there is reversed whole, as its own kind
-- (erpnext.ledger.CancelledErpPayments): the money never came, it was not refunded nor returned by a bank.
ALTER TABLE payment_reversal DROP CONSTRAINT payment_reversal_kind_check,
    ADD CONSTRAINT payment_reversal_kind_check CHECK (kind IN ('refund', 'dispute', 'dispute-won', 'return', 'cancelled'));

-- 'update': master data the engine changed on a document ERPNext holds (a service location's address, a device assigned,
-- installed or returned), posted as the row is when relayed — created there first when ERPNext does not have it.
ALTER TABLE erp_outbox DROP CONSTRAINT erp_outbox_action_check,
    ADD CONSTRAINT erp_outbox_action_check CHECK (action IN ('create', 'status', 'update'));
