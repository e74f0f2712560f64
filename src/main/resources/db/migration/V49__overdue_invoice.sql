-- The one definition of an overdue invoice: open (not paid, not payment-pending, not written off, not cancelled) and
-- past its due date on the business clock's today (the engine's clock, which tests move). Every question "what is
-- overdue" reads this function; PostgreSQL inlines it into the calling query, so the invoice indexes still serve.
CREATE FUNCTION overdue_invoice(today date) RETURNS SETOF invoice LANGUAGE sql STABLE AS $$
    SELECT * FROM automation.invoice WHERE status = 'open' AND due_date < today
$$;
