-- Patients whose personal data was erased on request (GDPR art. 17; issue 27, point 6), on patient-service's
-- PatientErased: the id and when, nothing else. Events that arrive later for the patient (a replayed
-- registration, a cancellation from another topic) find the marker and are skipped, so nothing is kept
-- about them again and no message is planned.
create table erased_patient (
    patient_id uuid primary key,
    erased_at  timestamptz not null
);

-- The consent history stays append-only, with one exception: an erased patient's rows, removed in the
-- transaction that writes the marker (which inserts the marker first). Erasure outranks the duty to show
-- consent: what was sent on it is kept in notification without anything that identifies an address.
create or replace function channel_consent_history_is_kept() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and exists (select 1 from erased_patient where patient_id = old.patient_id) then
        return old;
    end if;
    raise exception 'channel_consent_history is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
