-- Scheduling: practitioners, their weekly hours, appointments, booking idempotency and the outbox.
create extension if not exists btree_gist;

create table practitioner (
    id               uuid primary key,
    given_name       text        not null,
    family_name      text        not null,
    specialty        text        not null,
    department       text        not null,
    clinic_id        text        not null,
    time_zone        text        not null,
    keycloak_subject text unique,
    version          bigint      not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

-- One row per practitioner once hours are set; the pattern itself lives in the child tables.
create table working_hours (
    practitioner_id uuid primary key references practitioner (id),
    version         bigint      not null,
    updated_at      timestamptz not null
);

-- Wall-clock intervals per day of week (ISO 1 = Monday), in the practitioner's time zone.
create table working_interval (
    practitioner_id uuid    not null references working_hours (practitioner_id) on delete cascade,
    day_of_week     integer not null check (day_of_week between 1 and 7),
    kind            text    not null check (kind in ('WORK', 'BREAK')),
    start_time      time    not null,
    end_time        time    not null check (end_time > start_time),
    primary key (practitioner_id, day_of_week, kind, start_time)
);

create table day_off (
    practitioner_id uuid not null references working_hours (practitioner_id) on delete cascade,
    day             date not null,
    primary key (practitioner_id, day)
);

create table slot_length (
    practitioner_id  uuid    not null references working_hours (practitioner_id) on delete cascade,
    appointment_type text    not null check (appointment_type in ('CONSULTATION', 'FOLLOW_UP', 'LAB_VISIT')),
    minutes          integer not null check (minutes between 5 and 240),
    primary key (practitioner_id, appointment_type)
);

create table appointment (
    id                        uuid primary key,
    patient_id                text        not null,
    practitioner_id           uuid        not null references practitioner (id),
    appointment_type          text        not null check (appointment_type in ('CONSULTATION', 'FOLLOW_UP', 'LAB_VISIT')),
    status                    text        not null check (status in ('BOOKED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
    period                    tstzrange   not null check (not isempty(period) and lower_inc(period) and not upper_inc(period)),
    reason                    text        not null,
    booked_by_subject         text        not null,
    booked_by_role            text        not null,
    cancelled_by              text,
    cancel_recorded_by_subject text,
    cancel_recorded_by_role   text,
    cancel_reason             text,
    cancelled_at              timestamptz,
    cancel_late               boolean,
    checked_in_at             timestamptz,
    completed_at              timestamptz,
    version                   bigint      not null,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    -- The guarantee the service rests on: active appointments of one practitioner never
    -- overlap, however many requests race. Cancelled, completed and no-show rows free the time.
    constraint appointment_practitioner_no_overlap
        exclude using gist (practitioner_id with =, period with &&)
        where (status in ('BOOKED', 'CHECKED_IN')),
    constraint appointment_patient_no_overlap
        exclude using gist (patient_id with =, period with &&)
        where (status in ('BOOKED', 'CHECKED_IN'))
);

create index appointment_patient_start on appointment (patient_id, lower(period));
create index appointment_practitioner_start on appointment (practitioner_id, lower(period));

-- Remembers each booking request by (caller, idempotency key) so retries return the first result.
create table booking_request (
    caller_subject  text        not null,
    idempotency_key text        not null,
    fingerprint     text        not null,
    appointment_id  uuid        not null references appointment (id),
    created_at      timestamptz not null,
    primary key (caller_subject, idempotency_key)
);

-- Transactional outbox: written in the transaction of the change, published by the relay.
create table outbox_event (
    sequence     bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    event_type   text        not null,
    aggregate_id uuid        not null,
    occurred_at  timestamptz not null,
    payload      jsonb       not null,
    sent_at      timestamptz
);

create index outbox_event_unsent on outbox_event (sequence) where sent_at is null;
