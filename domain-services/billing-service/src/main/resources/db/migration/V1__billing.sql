-- Billing: accounts, the fee schedule, invoices with gap-free numbers, payments, and the
-- bookkeeping that makes event handling exactly-once (processed_event, parked_charge) and
-- publishing reliable (outbox).

create table billing_account (
    id          uuid primary key,
    patient_id  uuid not null unique,
    opened_at   timestamptz not null,
    updated_at  timestamptz not null
);

-- One schedule for the clinic group: a single row, replaced as a whole.
create table fee_schedule (
    id                     smallint primary key default 1 check (id = 1),
    currency               char(3) not null,
    tax_rate_basis_points  integer not null check (tax_rate_basis_points between 0 and 10000),
    version                bigint not null,
    updated_at             timestamptz not null,
    updated_by_subject     text not null,
    updated_by_role        text not null
);

create table appointment_fee (
    appointment_type             text primary key,
    fee_minor                    bigint not null check (fee_minor >= 0),
    late_cancellation_fee_minor  bigint not null check (late_cancellation_fee_minor >= 0),
    no_show_fee_minor            bigint not null check (no_show_fee_minor >= 0)
);

-- The schedule the service starts with, so events can be priced before staff edit it.
insert into fee_schedule (currency, tax_rate_basis_points, version, updated_at, updated_by_subject, updated_by_role)
values ('EUR', 0, 1, now(), 'billing-service', 'SYSTEM');
insert into appointment_fee values
    ('CONSULTATION', 8000, 2500, 4000),
    ('FOLLOW_UP',    5000, 1500, 2500),
    ('LAB_VISIT',    3000, 1000, 1500);

-- Invoice numbers are gap-free per year: the counter row is incremented and locked in the
-- transaction that inserts the invoice, so a rollback gives the number back (a sequence would not).
create table invoice_number_counter (
    year        integer primary key,
    last_value  integer not null check (last_value > 0)
);

create table invoice (
    id                     uuid primary key,
    number                 text not null unique,
    patient_id             uuid not null references billing_account (patient_id),
    appointment_id         uuid not null,
    charge_reason          text not null,
    status                 text not null,
    currency               char(3) not null,
    subtotal_minor         bigint not null,
    tax_minor              bigint not null,
    tax_rate_basis_points  integer not null,
    issued_at              timestamptz not null,
    due_date               date not null,
    voided_at              timestamptz,
    void_reason            text,
    practitioner_id        text not null,
    department             text not null,
    clinic_id              text not null,
    appointment_start      timestamptz not null,
    version                bigint not null,
    unique (appointment_id, charge_reason)
);
create index invoice_by_patient on invoice (patient_id, issued_at desc, id desc);

create table invoice_line_item (
    invoice_id        uuid not null references invoice (id),
    position          integer not null,
    description       text not null,
    quantity          integer not null check (quantity > 0),
    unit_price_minor  bigint not null,
    primary key (invoice_id, position)
);

create table payment (
    id                   uuid primary key,
    invoice_id           uuid not null references invoice (id),
    amount_minor         bigint not null check (amount_minor > 0),
    method               text not null,
    reference            text not null,
    received_at          timestamptz not null,
    recorded_at          timestamptz not null,
    recorded_by_subject  text not null,
    recorded_by_role     text not null,
    idempotency_key      text not null unique,
    request_fingerprint  text not null
);
create index payment_by_invoice on payment (invoice_id, recorded_at);

-- Every consumed event id, written in the transaction of its effect: a redelivery finds it.
create table processed_event (
    event_id      uuid primary key,
    event_type    text not null,
    processed_at  timestamptz not null
);

-- Charges for patients whose account is not open yet (the patients topic lags the
-- appointments topic); issued in the transaction that opens the account.
create table parked_charge (
    event_id          uuid primary key,
    patient_id        uuid not null,
    appointment_id    uuid not null,
    appointment_type  text not null,
    charge_reason     text not null,
    practitioner_id   text not null,
    department        text not null,
    clinic_id         text not null,
    appointment_start timestamptz not null,
    occurred_at       timestamptz not null,
    parked_at         timestamptz not null
);
create index parked_charge_by_patient on parked_charge (patient_id);

create table outbox (
    position      bigserial primary key,
    event_id      uuid not null unique,
    aggregate_id  text not null,
    event_type    text not null,
    occurred_at   timestamptz not null,
    payload       text not null,
    published_at  timestamptz
);
create index outbox_unpublished on outbox (position) where published_at is null;
