-- Support → resolution: tickets triaged by DMN, diagnosed and fixed remotely, or dispatched; work orders and labour.

-- ticket ids are TCK-… (the ISP's numbering); the column is recomputed
ALTER TABLE ticket DROP COLUMN ticket_no;
ALTER TABLE ticket ADD COLUMN ticket_no text GENERATED ALWAYS AS ('TCK-' || lpad(id::text, greatest(6, length(id::text)), '0')) STORED UNIQUE;
ALTER TABLE ticket
    ADD COLUMN channel        text CHECK (channel IN ('phone', 'portal', 'email')),
    ADD COLUMN required_skill text,
    ADD COLUMN sla_due_at     timestamptz,
    ADD COLUMN diagnosis      text,
    ADD COLUMN resolution     text;

ALTER TABLE technician ADD COLUMN hourly_rate numeric(8,2) NOT NULL DEFAULT 95.00 CHECK (hourly_rate >= 0);

ALTER TABLE work_order
    ADD COLUMN location_id bigint REFERENCES service_location ON DELETE SET NULL,
    ADD COLUMN outcome     text CHECK (outcome IN ('resolved', 'not-resolved', 'needs-return')),
    ADD COLUMN invoice_id  bigint REFERENCES invoice ON DELETE SET NULL,
    ADD COLUMN created_at  timestamptz NOT NULL DEFAULT now();
CREATE INDEX work_order_ticket_idx ON work_order (ticket_id);
ALTER TABLE work_order_technician ADD COLUMN technician_id bigint REFERENCES technician ON DELETE SET NULL;
CREATE INDEX work_order_technician_tech_idx ON work_order_technician (technician_id);
CREATE INDEX dispatch_job_location_idx ON dispatch_job (location_id);
