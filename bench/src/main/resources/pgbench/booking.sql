-- One booking as appointment-service and the audit trail issue it (JooqPractitioners, JooqAppointments,
-- JooqWorkingHours, JooqOutbox, PostgresAuditTrail): the practitioner read, the idempotency key's
-- lookup and the working hours' version (the schedule itself is remembered while its version holds),
-- then one transaction that queues on the slot (advisory lock), claims it under a savepoint against
-- the exclusion constraints, remembers the key and writes the outbox row; then the access record
-- through the audit chain's trigger (its own database in the system, its own autocommit transaction here).
-- Each run takes a distinct one-second period far in the future, so no two collide.
\set slot random(1, 100000000000)
SELECT id, given_name, family_name, specialty, department, clinic_id, time_zone, keycloak_subject, version, created_at, updated_at
  FROM practitioner WHERE id = '42fe25c2-ce54-45a8-83cb-9d2a883e5fd7';
SELECT caller_subject, idempotency_key, fingerprint, appointment_id, created_at
  FROM booking_request WHERE caller_subject = '7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a04' AND idempotency_key = 'booking-' || :slot::text;
SELECT version FROM working_hours WHERE practitioner_id = '42fe25c2-ce54-45a8-83cb-9d2a883e5fd7';
BEGIN;
SELECT pg_advisory_xact_lock(:slot::bigint);
SAVEPOINT claim;
INSERT INTO appointment (id, patient_id, practitioner_id, appointment_type, status, period, reason, booked_by_subject,
                         booked_by_role, version, created_at, updated_at)
  VALUES (gen_random_uuid(), '828cdee6-fc08-46bb-af0b-636f5e07575a', '42fe25c2-ce54-45a8-83cb-9d2a883e5fd7', 'LAB_VISIT', 'BOOKED',
          tstzrange(timestamptz '2030-01-01 00:00:00+00' + :slot::bigint * interval '1 second',
                    timestamptz '2030-01-01 00:00:01+00' + :slot::bigint * interval '1 second', '[)'),
          '', '7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a04', 'ADMIN', 1, now(), now())
  RETURNING id AS appointment \gset
RELEASE SAVEPOINT claim;
INSERT INTO booking_request (caller_subject, idempotency_key, fingerprint, appointment_id, created_at)
  VALUES ('7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a04', 'booking-' || :slot::text,
          '20cc845b-a063-4887-9317-182deef30dc2|7aba2be3-768a-4c2a-b8b1-71c1ece6fdef|2030-01-01T00:00:00Z|LAB_VISIT|',
          :appointment::uuid, now())
  ON CONFLICT DO NOTHING;
INSERT INTO outbox_event (event_id, event_type, aggregate_id, occurred_at, payload, trace_parent)
  VALUES (gen_random_uuid(), 'medicore.events.v1.AppointmentBooked', :appointment::uuid, now(),
          '{"eventId":"2c137d1a-e2e1-4a50-85c0-917a1a2cdeaa","occurredAt":"2026-12-02T10:32:03.267128225Z","appointmentId":"b2417527-ba8e-465f-a525-03bda4cf850e","patientId":"828cdee6-fc08-46bb-af0b-636f5e07575a","practitionerId":"42fe25c2-ce54-45a8-83cb-9d2a883e5fd7","department":"Benchmarking","clinicId":"main","appointmentType":"LAB_VISIT","start":"2030-01-01T00:40:00Z","end":"2030-01-01T00:50:00Z"}',
          '');
COMMIT;
INSERT INTO audit.access_record (occurred_at, subject, roles, client_id, service, operation, action, resource_type, resource_ids,
                                 patient_ids, fields_changed, client_address, forwarded_for, outcome, status, trace_id)
  VALUES (now(), '7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a04', ARRAY['ADMIN', 'default-roles-medicore', 'offline_access', 'uma_authorization'],
          'medicore-local-dev', 'medicore.appointment.v1.AppointmentService', 'BookAppointment', 'CHANGE', 'Appointment',
          ARRAY[:appointment::text, '42fe25c2-ce54-45a8-83cb-9d2a883e5fd7'], ARRAY['828cdee6-fc08-46bb-af0b-636f5e07575a'],
          ARRAY[]::text[], '127.0.0.1', '', 'ALLOWED', 'OK', '');
