import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { HistoryEntryKind } from '../gql/graphql';
import { problem } from '../api/errors';
import { HISTORY_ENTRY, missingFields } from '../api/formFields';
import { LabResultsTable } from '../patient/LabResultsTable';
import { Choice, Field } from '../ui/Field';
import { useFormCheck } from '../ui/formCheck';
import { Empty, Loading, Page, Problem, buttonClass } from '../ui/States';
import { dayIn, formatDateTime } from '../ui/time';
import { ChartBanner } from './ChartBanner';

const Chart = graphql(`
  query PatientChart($id: ID!) {
    patient(id: $id) {
      ...PatientDemographics
      history(first: 50) {
        id
        kind
        summary
        recordedAt
      }
      labResults(first: 50) {
        ...LabResultParts
      }
      appointments(filter: ALL, first: 20) {
        id
        start
        status
        appointmentType
      }
    }
  }
`);

const AddHistoryEntry = graphql(`
  mutation AddHistoryEntry($input: AddHistoryEntryInput!) {
    addHistoryEntry(input: $input) {
      id
    }
  }
`);

const KINDS = [
  { value: 'CONDITION', label: 'Condition' },
  { value: 'ALLERGY', label: 'Allergy' },
  { value: 'MEDICATION', label: 'Medication' },
  { value: 'NOTE', label: 'Note' },
] as const;

const SEVERITIES = [
  { value: '', label: 'Choose the severity' },
  { value: 'MILD', label: 'Mild' },
  { value: 'MODERATE', label: 'Moderate' },
  { value: 'SEVERE', label: 'Severe' },
  { value: 'LIFE_THREATENING', label: 'Life-threatening' },
] as const;

/** Demographics, history, lab results and appointments of one patient, for clinicians. */
export function PatientChart({ patientId }: { patientId: string }) {
  const [{ data, fetching, error }, refresh] = useQuery({ query: Chart, variables: { id: patientId } });
  const patient = data?.patient;
  return (
    <Page title={patient ? `${patient.name.given} ${patient.name.family}` : 'Patient chart'}>
      {fetching && !data && <Loading what="the chart" />}
      <Problem>{problem(error)}</Problem>
      {data && !patient && <Empty>No such patient.</Empty>}
      {patient && (
        <>
          <ChartBanner facts={patient} today={dayIn(new Date())} />
          <p>
            {patient.sex?.toLowerCase() ?? 'sex not given'}; {patient.contact.email ?? 'no e-mail'}, {patient.contact.phone ?? 'no phone'}
          </p>
          <h3 className="font-semibold">History</h3>
          {(patient.history ?? []).length === 0 && <Empty>No history recorded.</Empty>}
          <ul className="list-disc pl-5">
            {(patient.history ?? []).map((entry) => (
              <li key={entry.id}>
                {entry.kind.toLowerCase()}: {entry.summary} ({formatDateTime(entry.recordedAt)})
              </li>
            ))}
          </ul>
          <HistoryEntryForm patientId={patient.id} onAdded={() => refresh({ requestPolicy: 'network-only' })} />
          <h3 className="font-semibold">Lab results</h3>
          {(patient.labResults ?? []).length === 0 ? <Empty>No lab results.</Empty> : <LabResultsTable results={patient.labResults ?? []} />}
          <h3 className="font-semibold">Appointments</h3>
          {(patient.appointments ?? []).length === 0 && <Empty>No appointments.</Empty>}
          <ul className="list-disc pl-5">
            {(patient.appointments ?? []).map((appointment) => (
              <li key={appointment.id}>
                {formatDateTime(appointment.start)}: {appointment.appointmentType.toLowerCase().replace('_', ' ')},{' '}
                {appointment.status.toLowerCase().replace('_', ' ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

function HistoryEntryForm({ patientId, onAdded }: { patientId: string; onAdded: () => void }) {
  const [kind, setKind] = useState<HistoryEntryKind>('NOTE');
  const [text, setText] = useState('');
  const [severity, setSeverity] = useState('');
  const [dosage, setDosage] = useState('');
  const [result, add] = useMutation(AddHistoryEntry);
  const { errors, problem, passes } = useFormCheck(HISTORY_ENTRY, result.error);
  const allergy = kind === 'ALLERGY';
  const medication = kind === 'MEDICATION';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!passes(missingFields(HISTORY_ENTRY, { text, severity }, allergy ? ['text', 'severity'] : ['text']))) return;
    const input = { patientId, kind, text, severity: allergy ? severity : null, dosage: medication && dosage ? dosage : null };
    void add({ input }).then((added) => {
      if (!added.error) {
        setText('');
        setSeverity('');
        setDosage('');
        onAdded();
      }
    });
  };
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-2 rounded border border-slate-300 p-3">
      <Choice label="Kind of entry" value={kind} options={KINDS} onChange={(value) => setKind(value as HistoryEntryKind)} error={errors.kind} />
      <Field label={allergy ? 'Substance' : medication ? 'Medication' : 'Entry'} value={text} onChange={(event) => setText(event.target.value)} error={errors.text} />
      {allergy && <Choice label="Severity" value={severity} options={SEVERITIES} onChange={setSeverity} error={errors.severity} />}
      {medication && <Field label="Dosage (optional)" value={dosage} onChange={(event) => setDosage(event.target.value)} error={errors.dosage} />}
      <Problem>{problem}</Problem>
      <button type="submit" className={buttonClass} disabled={result.fetching}>
        Add to history
      </button>
    </form>
  );
}
