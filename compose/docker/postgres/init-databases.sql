-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d).
-- The same databases as compose/local-stack: one per service that owns relational data,
-- plus Keycloak's. Each service's Flyway migrations create its schema on start.
CREATE DATABASE appointments;
CREATE DATABASE billing;
CREATE DATABASE keycloak;
