-- Issue 17, money edges.

-- A charge attempt the processor never saw (its lookup found nothing) that the rules, asked again, no longer want: closed
-- unsent, so the ledger tells it apart from a decline ('closed': the reconciler found nothing charged, V40).
ALTER TABLE charge_attempt DROP CONSTRAINT charge_attempt_state_check;
ALTER TABLE charge_attempt ADD CONSTRAINT charge_attempt_state_check
    CHECK (state IN ('requested', 'succeeded', 'declined', 'pending', 'unknown', 'settled', 'returned', 'closed', 'withdrawn'));

-- One payment's money is never allocated twice: every allocation takes the payment's row lock, then checks that the
-- payment's allocations stay within what is left of its amount (a refund or dispute takes part of it back, V40). Two invoices allocating the same credit at once queue on the lock; the
-- second sees the first's allocation and is refused if it would go over.
CREATE FUNCTION payment_allocation_within_payment() RETURNS trigger AS $$
DECLARE
    paid numeric(12,2);
    used numeric(12,2);
BEGIN
    SELECT p.amount - p.reversed_amount INTO paid FROM automation.payment p WHERE p.id = NEW.payment_id FOR UPDATE;
    SELECT coalesce(sum(a.amount), 0) INTO used FROM automation.payment_allocation a WHERE a.payment_id = NEW.payment_id AND a.id <> NEW.id;
    IF used + NEW.amount > paid THEN
        RAISE EXCEPTION 'payment % cannot be allocated % (% of its % already allocated)', NEW.payment_id, NEW.amount, used, paid
            USING ERRCODE = 'check_violation', CONSTRAINT = 'payment_allocation_within_payment';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER payment_allocation_within_payment BEFORE INSERT OR UPDATE OF payment_id, amount ON payment_allocation
    FOR EACH ROW EXECUTE FUNCTION payment_allocation_within_payment();

-- A subscription cancelled before it ever started ends the day before its start: no day to bill, nothing to credit.
ALTER TABLE subscription DROP CONSTRAINT subscription_check;
ALTER TABLE subscription ADD CONSTRAINT subscription_check CHECK (end_date IS NULL OR end_date >= start_date - 1);

-- Accounts whose sweep step failed (logged, the sweep went on with the others).
ALTER TABLE collections_sweep ADD COLUMN accounts_failed integer NOT NULL DEFAULT 0;
