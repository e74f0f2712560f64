-- Billing from what each subscription was billed through, so a late start, a late annual plan or a late one-time item
-- is caught up on the next run and a cancellation is credited: nothing is lost, nothing is billed twice.
ALTER TABLE subscription ADD COLUMN billed_through date;
ALTER TABLE invoice_line ADD COLUMN period_start date;
ALTER TABLE invoice_line ADD COLUMN period_end date;

-- A credit note (an invoice whose credits exceed its charges) leaves its amount on the account as credit.
ALTER TABLE payment DROP CONSTRAINT payment_method_check;
ALTER TABLE payment ADD CONSTRAINT payment_method_check
    CHECK (method IN ('stripe', 'paysafe', 'bank-ppa', 'portal', 'cheque', 'cash', 'phone', 'transfer', 'credit-note'));

-- Rows billed before this version: a line covers its invoice's period (annual lines: the year from the anniversary).
UPDATE invoice_line l SET period_start = i.period_start,
       period_end = CASE WHEN l.billing_frequency = 'annual' THEN (i.period_start + interval '1 year' - interval '1 day')::date ELSE i.period_end END
FROM invoice i WHERE i.id = l.invoice_id AND l.subscription_id IS NOT NULL;
UPDATE subscription s SET billed_through = b.through
FROM (SELECT subscription_id, max(period_end) AS through FROM invoice_line WHERE subscription_id IS NOT NULL GROUP BY subscription_id) b
WHERE b.subscription_id = s.id;
-- cancelled before this version and never billed here: the legacy system billed them
UPDATE subscription SET billed_through = end_date WHERE billed_through IS NULL AND status = 'cancelled';
