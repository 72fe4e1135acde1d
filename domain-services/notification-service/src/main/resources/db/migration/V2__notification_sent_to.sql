-- Where each message went, as staff and the patient see it in the record of sent messages: the
-- address masked when it was tried ("a***@example.org"), never the address itself, which stays
-- with the patient's record. Null until a send is tried, and when the patient had no address.
alter table notification add column sent_to text;
