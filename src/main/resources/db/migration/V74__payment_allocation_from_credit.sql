-- An allocation made from credit already on the account (PaymentService.applyCredit: an overpayment or a payment received
-- before the invoice existed) rather than when its payment was recorded. ERPNext books the two differently: the first are
-- the Payment Entry's references; the second are the new Sales Invoice's advances against that Payment Entry, or ERPNext
-- would keep the invoice outstanding while the engine has it paid.
ALTER TABLE payment_allocation ADD COLUMN from_credit boolean NOT NULL DEFAULT false;
