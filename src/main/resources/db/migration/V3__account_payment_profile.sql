-- How each active account pays, in the categories of the volumes document (used by PPA rules and reports).
CREATE VIEW account_payment_profile AS
SELECT c.id AS customer_id,
       c.customer_no,
       CASE
           WHEN coalesce(s.ppa, false) AND card.on_file THEN 'bank-ppa-and-stripe-card'
           WHEN coalesce(s.ppa, false) THEN 'bank-ppa'
           WHEN coalesce(s.stripe_ppa, false) THEN 'stripe-ppa'
           WHEN card.on_file THEN 'stripe-card'
           ELSE 'none'
       END AS profile
FROM customer c
LEFT JOIN account_ppa_settings s ON s.customer_id = c.id
CROSS JOIN LATERAL (SELECT exists(SELECT 1 FROM payment_method pm
                                  WHERE pm.customer_id = c.id AND pm.kind = 'stripe-card') AS on_file) card
WHERE c.status = 'active';
