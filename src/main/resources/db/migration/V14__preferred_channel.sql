-- How the customer wants to hear from us: text message (default, as the legacy system did) or e-mail.
ALTER TABLE customer ADD COLUMN preferred_channel text NOT NULL DEFAULT 'sms' CHECK (preferred_channel IN ('sms', 'email'));
ALTER TABLE notification ADD COLUMN recipient_hint text;   -- where it went, masked (j***@example.com, ***-0100)
