-- Every consent given, withdrawn or cleared, kept for good (GDPR art. 7(1): the clinic must be able to
-- show that a patient consented, when and how). channel_consent holds only how it stands now; a
-- trigger writes each change here, so no code path can change consent without leaving its trace.
create table channel_consent_history (
    id         bigint generated always as identity primary key,
    patient_id uuid not null,
    channel    text not null check (channel in ('EMAIL', 'SMS')),
    -- CLEARED: the row was removed, consent is as if never asked
    state      text not null check (state in ('GIVEN', 'WITHDRAWN', 'CLEARED')),
    source     text check (source in ('PATIENT', 'STAFF', 'UNSUBSCRIBE_LINK')),
    changed_at timestamptz not null,
    recorded_at timestamptz not null default clock_timestamp()
);

create index channel_consent_history_patient on channel_consent_history (patient_id, id);

create function channel_consent_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        insert into channel_consent_history (patient_id, channel, state, source, changed_at)
        values (old.patient_id, old.channel, 'CLEARED', null, clock_timestamp());
        return old;
    end if;
    if tg_op = 'UPDATE' and (old.state, old.source, old.changed_at) is not distinct from (new.state, new.source, new.changed_at) then
        return new;
    end if;
    insert into channel_consent_history (patient_id, channel, state, source, changed_at)
    values (new.patient_id, new.channel, new.state, new.source, new.changed_at);
    return new;
end
$$;

create trigger channel_consent_history_kept after insert or update or delete on channel_consent
    for each row execute function channel_consent_changed();

create function channel_consent_history_is_kept() returns trigger language plpgsql as $$
begin
    raise exception 'channel_consent_history is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger channel_consent_history_append_only before update or delete on channel_consent_history
    for each row execute function channel_consent_history_is_kept();
