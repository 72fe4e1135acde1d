-- Erasure (issue 27, point 6) by crypto-shredding: from here on the personal values of a record (a patient's id,
-- a patient caller's subject and addresses) are stored sealed with a data key of that person, kept wrapped in
-- audit.patient_key. Forgetting a patient deletes the row; the records keep their text and their hashes, so the
-- chain still verifies, but nothing can open those values again.
--
-- Records written before this migration are not touched: rewriting their values would rewrite history and
-- break every link after them. They keep their personal values in plaintext and erasure does not reach them.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'medicore_audit_eraser') THEN
    CREATE ROLE medicore_audit_eraser NOLOGIN;
  END IF;
END $$;

-- One data key per person. The pseudonym (an HMAC of the person's id with a key of the services' configuration)
-- finds the row without storing the id; key_id is random and is all a record holds of the key, so once the row is
-- gone nothing leads from a record back to the person.
CREATE TABLE audit.patient_key (
  pseudonym   text        PRIMARY KEY,
  key_id      uuid        NOT NULL UNIQUE,
  wrapped_key bytea       NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Added without a default, so records already written read NULL here: that is what marks them as written before
-- sealing, and what keeps their digest as it was. New records get the defaults.
ALTER TABLE audit.access_record ADD COLUMN patient_keys text[], ADD COLUMN approved_by text;
ALTER TABLE audit.access_record ALTER COLUMN patient_keys SET DEFAULT '{}', ALTER COLUMN approved_by SET DEFAULT '';
ALTER TABLE audit.access_record ADD CONSTRAINT sealed_or_before_sealing
  CHECK ((patient_keys IS NULL) = (approved_by IS NULL));
CREATE INDEX access_record_by_patient_key ON audit.access_record USING gin (patient_keys);

-- The digest of V1 for the records before sealing (concat_ws leaves out the NULL part), and the same text with the
-- new columns appended for the records after: the chain is over what is stored, the sealed text included.
CREATE OR REPLACE FUNCTION audit.digest(r audit.access_record) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
    r.position::text, r.previous_hash,
    to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    r.subject, array_to_string(r.roles, E'\x1e'), r.client_id, r.service, r.operation, r.action,
    r.resource_type, array_to_string(r.resource_ids, E'\x1e'), array_to_string(r.patient_ids, E'\x1e'),
    array_to_string(r.fields_changed, E'\x1e'), r.client_address, r.forwarded_for, r.outcome, r.status, r.trace_id,
    CASE WHEN r.patient_keys IS NOT NULL
         THEN concat_ws(E'\x1f', array_to_string(r.patient_keys, E'\x1e'), r.approved_by) END),
    'UTF8')), 'hex')
$$;

REVOKE ALL ON audit.patient_key FROM PUBLIC;
GRANT USAGE ON SCHEMA audit TO medicore_audit_eraser;
GRANT INSERT (patient_keys, approved_by) ON audit.access_record TO medicore_audit_writer;
-- The writer finds a person's key or adds it; it can't change or remove one.
GRANT SELECT, INSERT ON audit.patient_key TO medicore_audit_writer;
GRANT SELECT ON audit.patient_key TO medicore_audit_reader;
-- Only erasure removes a key, and records that it did.
GRANT SELECT, DELETE ON audit.patient_key TO medicore_audit_eraser;
GRANT INSERT (occurred_at, subject, roles, client_id, service, operation, action, resource_type, resource_ids,
              patient_ids, fields_changed, client_address, forwarded_for, outcome, status, trace_id, patient_keys,
              approved_by)
  ON audit.access_record TO medicore_audit_eraser;
