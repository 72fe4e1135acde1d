-- The record value on the wire is the event's proto3 JSON exactly as JsonFormat printed it.
-- jsonb stores a parsed form and renders it anew (keys reordered, spaces added), so the payload
-- is kept as text. Rows written before keep jsonb's rendering: the same JSON, other bytes.
alter table outbox_event alter column payload type text using payload::text;

-- ListPractitioners pages in name order.
create index practitioner_by_name on practitioner (family_name, given_name, id);
