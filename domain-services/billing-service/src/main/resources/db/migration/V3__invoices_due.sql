-- Billing staff's worklist reads the invoices with a balance due, the earliest due date first,
-- across all patients; paid and void invoices, the bulk of the table in time, stay out of the index.
create index invoice_due on invoice (due_date, issued_at, id) where status in ('ISSUED', 'PARTIALLY_PAID');
