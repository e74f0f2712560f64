-- A payment taken back by the processor (refund, dispute): its allocations are undone and the invoices it paid are open
-- again; the payment row stays, marked, so the history tells what happened.
ALTER TABLE payment ADD COLUMN reversed_at timestamptz;
ALTER TABLE payment ADD COLUMN reversal_reason text;
