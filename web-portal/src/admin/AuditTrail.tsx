import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { AuditFilter } from '../gql/graphql';
import { AUDIT_FILTER, formErrors } from '../api/formFields';
import { problem } from '../api/errors';
import { PatientSearch } from '../doctor/PatientSearch';
import { useI18n } from '../i18n/I18n';
import { Field } from '../ui/Field';
import { PageButtons, useCursorPages } from '../ui/Pages';
import { Done, Empty, Loading, Page, Problem, buttonClass, quietButtonClass } from '../ui/States';
import { addDays, formatDateTime, startOfDayIn, clinicZone } from '../ui/time';

const AuditTrailPage = graphql(`
  query AuditTrailPage($filter: AuditFilter, $first: Int, $after: String) {
    auditTrail(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          position
          occurredAt
          subject
          roles
          clientId
          service
          operation
          action
          resourceType
          patientIds
          fieldsChanged
          outcome
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const AuditChain = graphql(`
  query AuditChain {
    auditChain {
      intact
      records
      firstBrokenPosition
    }
  }
`);

export const AUDIT_PAGE_SIZE = 25;

/** The days an admin typed, as the instants the trail is filtered by: whole days of the clinic's zone, both included. */
export function auditWindow(fromDay: string, toDay: string, zone = clinicZone()): Pick<AuditFilter, 'from' | 'to'> {
  return {
    from: fromDay ? startOfDayIn(fromDay, zone) : null,
    to: toDay ? startOfDayIn(addDays(toDay, 1), zone) : null,
  };
}

interface Chosen {
  patient?: { id: string; name: string };
  fromDay: string;
  toDay: string;
}

/** Admins read who touched which patient data, newest first, a page at a time, and whether the chain is whole. */
export function AuditTrail() {
  const { t, phrase } = useI18n();
  const zone = clinicZone();
  const [chosen, setChosen] = useState<Chosen>({ fromDay: '', toDay: '' });
  const [draft, setDraft] = useState<Chosen>(chosen);
  const [wrongDays, setWrongDays] = useState<string>();
  const [choosingPatient, setChoosingPatient] = useState(false);
  const pages = useCursorPages();
  const after = pages.after;
  const filter: AuditFilter = { patientId: chosen.patient?.id ?? null, ...auditWindow(chosen.fromDay, chosen.toDay, zone) };
  const [{ data, fetching, error }] = useQuery({ query: AuditTrailPage, variables: { filter, first: AUDIT_PAGE_SIZE, after } });
  const [chain] = useQuery({ query: AuditChain });
  const refused = formErrors(AUDIT_FILTER, error);
  const records = data?.auditTrail.edges.map((edge) => edge.node) ?? [];

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (draft.fromDay && draft.toDay && draft.fromDay > draft.toDay) {
      setWrongDays(t('audit.toBeforeFrom'));
      return;
    }
    setWrongDays(undefined);
    setChosen(draft);
    pages.restart();
  };

  return (
    <Page title={t('audit.title')}>
      <ChainStatus check={chain.data?.auditChain} failed={problem(chain.error)} />
      <form onSubmit={apply} noValidate className="flex flex-col gap-3 rounded border border-slate-300 bg-white p-3">
        <fieldset className="flex flex-col gap-2">
          <legend className="font-medium">{t('audit.patient')}</legend>
          {draft.patient ? (
            <p className="flex flex-wrap items-center gap-2">
              <span>{draft.patient.name}</span>
              <button type="button" className={quietButtonClass} onClick={() => setDraft({ ...draft, patient: undefined })}>
                {t('audit.everyPatient')}
              </button>
            </p>
          ) : choosingPatient ? (
            <PatientSearch
              onChoose={(id, name) => {
                setDraft({ ...draft, patient: { id, name } });
                setChoosingPatient(false);
              }}
            />
          ) : (
            <p className="flex flex-wrap items-center gap-2">
              <span>{t('audit.everyPatient')}</span>
              <button type="button" className={quietButtonClass} onClick={() => setChoosingPatient(true)}>
                {t('audit.choosePatient')}
              </button>
            </p>
          )}
        </fieldset>
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="font-medium">{t('audit.days', { zone })}</legend>
          <Field
            label={t('audit.from')}
            type="date"
            value={draft.fromDay}
            onChange={(e) => setDraft({ ...draft, fromDay: e.target.value })}
            error={phrase(refused.fields.from)}
          />
          <Field
            label={t('audit.to')}
            type="date"
            value={draft.toDay}
            onChange={(e) => setDraft({ ...draft, toDay: e.target.value })}
            error={wrongDays ?? phrase(refused.fields.to)}
          />
        </fieldset>
        <div>
          <button type="submit" className={buttonClass}>
            {t('audit.show')}
          </button>
        </div>
      </form>
      {fetching && <Loading what={t('audit.loading')} />}
      <Problem>{refused.fields.from || refused.fields.to ? undefined : phrase(refused.problem)}</Problem>
      {data && records.length === 0 && <Empty>{t('audit.none')}</Empty>}
      {records.length > 0 && (
        <ol aria-label={t('audit.records')} className="flex flex-col gap-2">
          {records.map((record) => (
            <li key={record.position} className="rounded border border-slate-300 bg-white p-3 text-sm break-words">
              <p className="font-medium">
                {formatDateTime(record.occurredAt, zone)} · {t(`audit.action.${record.action}`)} · {t(`audit.outcome.${record.outcome}`)}
              </p>
              <p>
                {t('audit.who', { subject: record.subject, roles: record.roles.join(', ') || '–', client: record.clientId })}
              </p>
              <p>
                {t('audit.what', { service: record.service, operation: record.operation, resource: record.resourceType })}
                {record.fieldsChanged.length > 0 && ` ${t('audit.fields', { fields: record.fieldsChanged.join(', ') })}`}
              </p>
              {record.patientIds.length > 0 && <p className="text-slate-600">{t('audit.patients', { ids: record.patientIds.join(', ') })}</p>}
              <p className="text-slate-600">{t('audit.position', { position: record.position, status: record.status })}</p>
            </li>
          ))}
        </ol>
      )}
      <PageButtons pages={pages} pageInfo={data?.auditTrail.pageInfo} />
    </Page>
  );
}

function ChainStatus({ check, failed }: { check?: { intact: boolean; records: number; firstBrokenPosition?: number | null }; failed?: string }) {
  const { t, phrase } = useI18n();
  if (failed) return <Problem>{phrase(failed)}</Problem>;
  if (!check) return <Loading what={t('audit.chainLoading')} />;
  return check.intact ? (
    <Done>{t('audit.intact', { records: check.records })}</Done>
  ) : (
    <Problem>{t('audit.broken', { records: check.records, position: check.firstBrokenPosition ?? '?' })}</Problem>
  );
}
