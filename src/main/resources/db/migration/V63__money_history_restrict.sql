-- Issue 19: no stray delete erases financial history. Deleting a customer cascaded to its invoices, payments and their
-- allocations, charge ledger, bank-debit notices and reversals; an invoice or payment took its own history with it.
-- Now a customer, invoice or payment that has money history cannot be deleted (ON DELETE RESTRICT): the delete fails
-- and nothing goes. Corrections are credit notes and reversals, as before. The demo's "replace" empties the tables with
-- TRUNCATE … CASCADE, which foreign-key actions do not concern.
ALTER TABLE invoice
    DROP CONSTRAINT invoice_customer_id_fkey,
    ADD CONSTRAINT invoice_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customer ON DELETE RESTRICT;
ALTER TABLE invoice_line
    DROP CONSTRAINT invoice_line_invoice_id_fkey,
    ADD CONSTRAINT invoice_line_invoice_id_fkey FOREIGN KEY (invoice_id) REFERENCES invoice ON DELETE RESTRICT;
ALTER TABLE payment
    DROP CONSTRAINT payment_customer_id_fkey,
    ADD CONSTRAINT payment_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customer ON DELETE RESTRICT;
ALTER TABLE payment_allocation
    DROP CONSTRAINT payment_allocation_payment_id_fkey,
    ADD CONSTRAINT payment_allocation_payment_id_fkey FOREIGN KEY (payment_id) REFERENCES payment ON DELETE RESTRICT,
    DROP CONSTRAINT payment_allocation_invoice_id_fkey,
    ADD CONSTRAINT payment_allocation_invoice_id_fkey FOREIGN KEY (invoice_id) REFERENCES invoice ON DELETE RESTRICT;
ALTER TABLE charge_attempt
    DROP CONSTRAINT charge_attempt_invoice_id_fkey,
    ADD CONSTRAINT charge_attempt_invoice_id_fkey FOREIGN KEY (invoice_id) REFERENCES invoice ON DELETE RESTRICT;
ALTER TABLE bank_debit_notice
    DROP CONSTRAINT bank_debit_notice_invoice_id_fkey,
    ADD CONSTRAINT bank_debit_notice_invoice_id_fkey FOREIGN KEY (invoice_id) REFERENCES invoice ON DELETE RESTRICT;
ALTER TABLE payment_reversal
    DROP CONSTRAINT payment_reversal_payment_id_fkey,
    ADD CONSTRAINT payment_reversal_payment_id_fkey FOREIGN KEY (payment_id) REFERENCES payment ON DELETE RESTRICT;
ALTER TABLE reversal_debit
    DROP CONSTRAINT reversal_debit_payment_reversal_id_fkey,
    ADD CONSTRAINT reversal_debit_payment_reversal_id_fkey FOREIGN KEY (payment_reversal_id) REFERENCES payment_reversal ON DELETE RESTRICT,
    DROP CONSTRAINT reversal_debit_invoice_id_fkey,
    ADD CONSTRAINT reversal_debit_invoice_id_fkey FOREIGN KEY (invoice_id) REFERENCES invoice ON DELETE RESTRICT;
