-- notification-service: who to tell and how (recipient, practitioner_zone), the calendar state
-- of each appointment (appointment_calendar), every message to send or sent (notification), and
-- the bookkeeping that makes event handling exactly-once (processed_event).

-- Contact details and choices of a patient. Filled by whoever owns them (patient-service's
-- contact, the portal's preferences); a patient without a row gets e-mail in English in the
-- clinic zone, and a message without an address fails visibly.
create table recipient (
    patient_id        uuid primary key,
    email             text,
    phone             text,
    email_enabled     boolean not null default true,
    sms_enabled       boolean not null default false,
    language          text not null default 'en' check (language in ('en', 'de')),
    time_zone         text not null,
    quiet_hours_start time not null default '21:00',
    quiet_hours_end   time not null default '08:00',
    updated_at        timestamptz not null
);

-- The practitioner's IANA zone: the calendar file's TZID.
create table practitioner_zone (
    practitioner_id text primary key,
    time_zone       text not null
);

-- One row per appointment: the calendar entry the patient holds (RFC 5545 UID = appointment
-- id, SEQUENCE raised on every change).
create table appointment_calendar (
    appointment_id    uuid primary key,
    patient_id        uuid not null,
    practitioner_zone text not null,
    sequence          integer not null,
    starts_at         timestamptz not null,
    ends_at           timestamptz not null,
    cancelled         boolean not null,
    updated_at        timestamptz not null
);

-- Every message, one row per channel. idempotency_key is unique: a redelivered event or a
-- second instance scheduling the same message inserts nothing.
create table notification (
    id                  uuid primary key,
    idempotency_key     text not null unique,
    patient_id          uuid not null,
    kind                text not null check (kind in ('BOOKING_CONFIRMED', 'APPOINTMENT_MOVED',
                            'APPOINTMENT_CANCELLED', 'REMINDER', 'RESULTS_READY', 'INVOICE_ISSUED')),
    channel             text not null check (channel in ('EMAIL', 'SMS')),
    status              text not null check (status in ('PENDING', 'SENT', 'WITHDRAWN', 'FAILED')),
    due_at              timestamptz not null,
    attempts            integer not null default 0,
    next_attempt_at     timestamptz not null,
    -- what the message says, by kind (nullable columns instead of a document: typed, queryable)
    appointment_id      uuid,
    appointment_start   timestamptz,
    appointment_end     timestamptz,
    practitioner_zone   text,
    calendar_sequence   integer,
    report_id           uuid,
    invoice_number      text,
    amount_minor        bigint,
    currency            char(3),
    payment_due         date,
    -- what happened
    created_at          timestamptz not null,
    sent_at             timestamptz,
    provider_message_id text,
    last_error          text
);

-- The delivery round: pending messages whose time has come, oldest first.
create index notification_due on notification (next_attempt_at) where status = 'PENDING';
-- Withdrawing an appointment's pending reminders on reschedule or cancellation.
create index notification_appointment on notification (appointment_id) where status = 'PENDING';
-- Staff and the patient read a patient's messages, newest first.
create index notification_patient on notification (patient_id, created_at desc);

create table processed_event (
    event_id      uuid primary key,
    event_type    text not null,
    processed_at  timestamptz not null
);
