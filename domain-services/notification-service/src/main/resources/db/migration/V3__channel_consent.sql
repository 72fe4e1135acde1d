-- Whether the patient agreed to be written to on a channel (issue 25, point 4). A channel without
-- a row has no consent: nothing is sent on it, and its messages are WITHDRAWN with the reason.
-- Patients written to before this table existed have no row either: their consent was never asked.
create table channel_consent (
    patient_id uuid not null,
    channel    text not null check (channel in ('EMAIL', 'SMS')),
    state      text not null check (state in ('GIVEN', 'WITHDRAWN')),
    -- PATIENT (signed in), STAFF (on the patient's word), UNSUBSCRIBE_LINK (a message's link)
    source     text not null check (source in ('PATIENT', 'STAFF', 'UNSUBSCRIBE_LINK')),
    changed_at timestamptz not null,
    primary key (patient_id, channel)
);

-- Withdrawing consent withdraws the patient's pending messages on the channel at once.
create index notification_patient_pending on notification (patient_id, channel) where status = 'PENDING';
