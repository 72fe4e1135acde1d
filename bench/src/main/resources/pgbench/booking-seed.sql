-- The practitioner the booking-shaped script books with: working around the clock, as the bench's own clinic does.
INSERT INTO practitioner (id, given_name, family_name, specialty, department, clinic_id, time_zone, keycloak_subject, version, created_at, updated_at)
VALUES ('42fe25c2-ce54-45a8-83cb-9d2a883e5fd7', 'Bench', 'Practitioner', 'General practice', 'Benchmarking', 'main', 'UTC', NULL, 1, now(), now());
INSERT INTO working_hours (practitioner_id, version, updated_at) VALUES ('42fe25c2-ce54-45a8-83cb-9d2a883e5fd7', 1, now());
INSERT INTO working_interval (practitioner_id, day_of_week, kind, start_time, end_time)
SELECT '42fe25c2-ce54-45a8-83cb-9d2a883e5fd7', day, 'WORK', time '00:00', time '23:59:59' FROM generate_series(1, 7) AS day;
INSERT INTO slot_length (practitioner_id, appointment_type, minutes)
SELECT '42fe25c2-ce54-45a8-83cb-9d2a883e5fd7', kind, 10 FROM unnest(ARRAY['CONSULTATION', 'FOLLOW_UP', 'LAB_VISIT']) AS kind;
