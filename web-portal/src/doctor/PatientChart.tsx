import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { HistoryEntryKind } from '../gql/graphql';
import { problem } from '../api/errors';
import { HISTORY_ENTRY, missingFields } from '../api/formFields';
import { useI18n } from '../i18n/I18n';
import { RecordErasure } from '../admin/RecordErasure';
import { LabReports } from '../patient/LabReports';
import { ChartMessages } from '../patient/Messages';
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

const KINDS: readonly HistoryEntryKind[] = ['CONDITION', 'ALLERGY', 'MEDICATION', 'NOTE'];

const SEVERITIES = ['', 'MILD', 'MODERATE', 'SEVERE', 'LIFE_THREATENING'] as const;

/** Demographics, history, lab results and appointments of one patient, for clinicians. */
export function PatientChart({ patientId }: { patientId: string }) {
  const { t, phrase } = useI18n();
  const [{ data, fetching, error }, refresh] = useQuery({ query: Chart, variables: { id: patientId } });
  const patient = data?.patient;
  return (
    <Page title={patient ? `${patient.name.given} ${patient.name.family}` : t('chart.title')}>
      {fetching && !data && <Loading what={t('chart.loading')} />}
      <Problem>{phrase(problem(error))}</Problem>
      {data && !patient && <Empty>{t('chart.noSuchPatient')}</Empty>}
      {patient && (
        <>
          <ChartBanner facts={patient} today={dayIn(new Date())} />
          <p>
            {patient.sex ? t(`chart.sex.${patient.sex}`) : t('chart.noSex')}; {patient.contact.email ?? t('chart.noEmail')}, {patient.contact.phone ?? t('chart.noPhone')}
          </p>
          <h3 className="font-semibold">{t('chart.history')}</h3>
          {(patient.history ?? []).length === 0 && <Empty>{t('chart.noHistory')}</Empty>}
          <ul className="list-disc pl-5">
            {(patient.history ?? []).map((entry) => (
              <li key={entry.id}>
                {t(`chart.kind.${entry.kind}`)}: {entry.summary} ({formatDateTime(entry.recordedAt)})
              </li>
            ))}
          </ul>
          <HistoryEntryForm patientId={patient.id} onAdded={() => refresh({ requestPolicy: 'network-only' })} />
          <h3 className="font-semibold">{t('chart.labResults')}</h3>
          {(patient.labResults ?? []).length === 0 ? <Empty>{t('chart.noLabResults')}</Empty> : <LabResultsTable results={patient.labResults ?? []} />}
          <LabReports patientId={patient.id} />
          <ChartMessages patientId={patient.id} />
          <h3 className="font-semibold">{t('chart.appointments')}</h3>
          {(patient.appointments ?? []).length === 0 && <Empty>{t('chart.noAppointments')}</Empty>}
          <ul className="list-disc pl-5">
            {(patient.appointments ?? []).map((appointment) => (
              <li key={appointment.id}>
                {formatDateTime(appointment.start)}: {t(`appointment.type.${appointment.appointmentType}`)},{' '}
                {t(`appointment.status.${appointment.status}`)}
              </li>
            ))}
          </ul>
          <RecordErasure patientId={patient.id} />
        </>
      )}
    </Page>
  );
}

function HistoryEntryForm({ patientId, onAdded }: { patientId: string; onAdded: () => void }) {
  const { t, phrase } = useI18n();
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
      <Choice
        label={t('chart.entryKind')}
        value={kind}
        options={KINDS.map((choice) => ({ value: choice, label: t(`chart.kindChoice.${choice}`) }))}
        onChange={(value) => setKind(value as HistoryEntryKind)}
        error={phrase(errors.kind)}
      />
      <Field
        label={t(allergy ? 'chart.substance' : medication ? 'chart.medication' : 'chart.entry')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        error={phrase(errors.text)}
      />
      {allergy && (
        <Choice
          label={t('chart.severity')}
          value={severity}
          options={SEVERITIES.map((choice) => ({ value: choice, label: t(`chart.severity.${choice || 'none'}`) }))}
          onChange={setSeverity}
          error={phrase(errors.severity)}
        />
      )}
      {medication && (
        <Field label={t('chart.dosage')} value={dosage} onChange={(event) => setDosage(event.target.value)} error={phrase(errors.dosage)} />
      )}
      <Problem>{phrase(problem)}</Problem>
      <button type="submit" className={buttonClass} disabled={result.fetching}>
        {t('chart.add')}
      </button>
    </form>
  );
}
