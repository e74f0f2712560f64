-- Issue 17, edges 5 and 7: suspensions keep why they were asked, and a customer message knows whether it reached them.

-- Who asked for a suspension and from which day it may take effect (a customer's request waits for its date).
ALTER TABLE suspension ADD COLUMN requested_by text;
ALTER TABLE suspension ADD COLUMN effective_date date;

-- Twilio's MessageSid of a text and what Twilio last said about it (status callbacks). A notice counts only when
-- delivered: an SMS with delivery_status 'delivered', an e-mail the SMTP server accepted, or a notice given by phone.
ALTER TABLE notification ADD COLUMN provider_message_id text;
ALTER TABLE notification ADD COLUMN delivery_status text
    CHECK (delivery_status IN ('accepted', 'queued', 'sending', 'sent', 'delivered', 'undelivered', 'failed', 'read'));
ALTER TABLE notification ADD COLUMN delivery_error text;
ALTER TABLE notification ADD COLUMN delivery_updated_at timestamptz;
CREATE UNIQUE INDEX notification_provider_message_idx ON notification (provider_message_id) WHERE provider_message_id IS NOT NULL;

