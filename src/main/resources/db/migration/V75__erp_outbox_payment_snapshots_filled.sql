-- Payment Entries queued before V73 had no allocation snapshot, and the outbox read their allocations as they were when
-- sent. Filled now with the allocations the payment itself made (not credit applied later), as ErpOutbox takes them, so
-- every queued Payment Entry carries its snapshot and the sender has one way to read it.
UPDATE erp_outbox o SET snapshot = (
    SELECT coalesce(jsonb_agg(jsonb_build_object('invoice', a.invoice_no, 'amount', a.amount) ORDER BY a.invoice_id), '[]')
    FROM (SELECT i.id AS invoice_id, i.invoice_no, sum(pa.amount) AS amount FROM payment_allocation pa
          JOIN invoice i ON i.id = pa.invoice_id WHERE pa.payment_id = p.id AND NOT pa.from_credit
          GROUP BY i.id, i.invoice_no) a)
FROM payment p
WHERE o.doctype = 'Payment Entry' AND o.action = 'create' AND o.snapshot IS NULL AND o.engine_id = p.payment_no;
