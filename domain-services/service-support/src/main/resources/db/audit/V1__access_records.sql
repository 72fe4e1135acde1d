-- The audit trail of every access to patient data. Services connect as medicore_audit_writer,
-- which may only insert the facts of an access; the position in the chain and the hashes are
-- set here, under a lock, so a writer can neither choose them nor fork the chain.
-- The login roles are created by whoever provisions the database (the local stack, the
-- platform's secrets); this only makes sure the roles exist before it grants to them.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'medicore_audit_writer') THEN
    CREATE ROLE medicore_audit_writer NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'medicore_audit_reader') THEN
    CREATE ROLE medicore_audit_reader NOLOGIN;
  END IF;
END $$;

CREATE TABLE audit.access_record (
  position       bigint      PRIMARY KEY,
  occurred_at    timestamptz NOT NULL,
  subject        text        NOT NULL,
  roles          text[]      NOT NULL,
  client_id      text        NOT NULL,
  service        text        NOT NULL,
  operation      text        NOT NULL,
  action         text        NOT NULL CHECK (action IN ('READ', 'CHANGE')),
  resource_type  text        NOT NULL,
  resource_ids   text[]      NOT NULL,
  patient_ids    text[]      NOT NULL,
  fields_changed text[]      NOT NULL,
  client_address text        NOT NULL,
  forwarded_for  text        NOT NULL,
  outcome        text        NOT NULL CHECK (outcome IN ('ALLOWED', 'DENIED', 'FAILED')),
  status         text        NOT NULL,
  trace_id       text        NOT NULL,
  previous_hash  text        NOT NULL,
  hash           text        NOT NULL
);

CREATE INDEX access_record_by_patient ON audit.access_record USING gin (patient_ids);
CREATE INDEX access_record_by_subject ON audit.access_record (subject, position);
CREATE INDEX access_record_by_time ON audit.access_record (occurred_at);

-- One canonical text per record, hashed with the previous record's hash: changing any field
-- of any record breaks every link after it.
CREATE FUNCTION audit.digest(r audit.access_record) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
    r.position::text, r.previous_hash,
    to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    r.subject, array_to_string(r.roles, E'\x1e'), r.client_id, r.service, r.operation, r.action,
    r.resource_type, array_to_string(r.resource_ids, E'\x1e'), array_to_string(r.patient_ids, E'\x1e'),
    array_to_string(r.fields_changed, E'\x1e'), r.client_address, r.forwarded_for, r.outcome, r.status, r.trace_id),
    'UTF8')), 'hex')
$$;

CREATE FUNCTION audit.chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = audit, pg_temp AS $$
DECLARE
  last_record audit.access_record;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('audit.access_record'));
  SELECT * INTO last_record FROM audit.access_record ORDER BY position DESC LIMIT 1;
  NEW.position := coalesce(last_record.position, 0) + 1;
  NEW.previous_hash := coalesce(last_record.hash, repeat('0', 64));
  NEW.hash := audit.digest(NEW);
  RETURN NEW;
END $$;

CREATE TRIGGER chain BEFORE INSERT ON audit.access_record
  FOR EACH ROW EXECUTE FUNCTION audit.chain();

-- Grants already keep the services out; this also stops the owner from editing by mistake.
CREATE FUNCTION audit.refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP;
END $$;

CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit.access_record
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER no_truncate BEFORE TRUNCATE ON audit.access_record
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();

-- The first record whose hash, link or position does not follow from the one before it;
-- NULL when the whole chain holds.
CREATE FUNCTION audit.first_broken_link() RETURNS bigint
LANGUAGE sql STABLE AS $$
  SELECT position FROM (
    SELECT r.position, r.hash, r.previous_hash, audit.digest(r) AS expected,
           lag(r.hash, 1, repeat('0', 64)) OVER (ORDER BY r.position) AS previous,
           lag(r.position, 1, 0::bigint) OVER (ORDER BY r.position) AS previous_position
    FROM audit.access_record r) links
  WHERE hash <> expected OR previous_hash <> previous OR position <> previous_position + 1
  ORDER BY position
  LIMIT 1
$$;

REVOKE ALL ON audit.access_record FROM PUBLIC;
REVOKE ALL ON FUNCTION audit.chain() FROM PUBLIC;
GRANT USAGE ON SCHEMA audit TO medicore_audit_writer, medicore_audit_reader;
GRANT INSERT (occurred_at, subject, roles, client_id, service, operation, action, resource_type, resource_ids,
              patient_ids, fields_changed, client_address, forwarded_for, outcome, status, trace_id)
  ON audit.access_record TO medicore_audit_writer;
GRANT SELECT ON audit.access_record TO medicore_audit_reader;
