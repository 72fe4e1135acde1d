-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d).
-- The same databases as compose/local-stack: one per service that owns relational data,
-- Keycloak's, and the audit trail's. Each service's Flyway migrations create its schema on start.
CREATE DATABASE appointments;
CREATE DATABASE billing;
CREATE DATABASE notifications;
CREATE DATABASE keycloak;
CREATE DATABASE audit;

-- The audit trail's login roles must exist before the services start: the gRPC services and the
-- FHIR API insert as the writer, the BFF and the FHIR API read as the reader, patient-service erases
-- an approved patient's key as the eraser; service-support's migration (run as the owner, postgres
-- here) grants each its rights. Development passwords, as in compose/local-stack.
CREATE ROLE medicore_audit_writer LOGIN PASSWORD 'medicore-audit-writer-password';
CREATE ROLE medicore_audit_reader LOGIN PASSWORD 'medicore-audit-reader-password';
CREATE ROLE medicore_audit_eraser LOGIN PASSWORD 'medicore-audit-eraser-password';
