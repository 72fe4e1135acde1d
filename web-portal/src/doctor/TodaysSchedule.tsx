import { useEffect, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { graphql } from '../gql';
import type { AppointmentChangeInput, TodaysScheduleQuery } from '../gql/graphql';
import { problem } from '../api/errors';
import { useSession } from '../auth/session';
import { Link } from '../routing/router';
import { Empty, Loading, Page, Problem, Warning, quietButtonClass } from '../ui/States';
import { useI18n } from '../i18n/I18n';
import { addDays, dayIn, formatDateTime, formatLongDay, formatTime } from '../ui/time';

const MyPractitioner = graphql(`
  query MyPractitioner {
    practitioners(first: 100) {
      edges {
        node {
          id
          keycloakSubject
          timeZone
          name {
            family
          }
        }
      }
    }
  }
`);

const Schedule = graphql(`
  query TodaysSchedule($practitionerId: ID!, $date: Date!) {
    schedule(practitionerId: $practitionerId, date: $date) {
      id
      start
      end
      status
      version
      appointmentType
      reason
      outsideWorkingHoursSince
      patientId
      patient {
        name {
          given
          family
        }
      }
    }
  }
`);

const Changes = graphql(`
  subscription ScheduleChanges($practitionerId: ID!) {
    appointmentChanged(practitionerId: $practitionerId) {
      appointmentId
      kind
      occurredAt
    }
  }
`);

const CheckIn = graphql(`
  mutation CheckIn($input: AppointmentChangeInput!) {
    checkIn(input: $input) {
      id
      status
      version
    }
  }
`);

const Complete = graphql(`
  mutation Complete($input: AppointmentChangeInput!) {
    completeAppointment(input: $input) {
      id
      status
      version
    }
  }
`);

const NoShow = graphql(`
  mutation NoShow($input: AppointmentChangeInput!) {
    markNoShow(input: $input) {
      id
      status
      version
    }
  }
`);

/** The signed-in doctor's day in their practitioner's zone, refreshed whenever one of its appointments changes. */
export function TodaysSchedule() {
  const { subject } = useSession();
  const { t, phrase } = useI18n();
  const [practitioners] = useQuery({ query: MyPractitioner });
  const me = practitioners.data?.practitioners.edges.map((edge) => edge.node).find((p) => p.keycloakSubject === subject);
  return (
    <Page title={t('nav.schedule')}>
      {practitioners.fetching && !practitioners.data && <Loading what={t('schedule.loadingPractice')} />}
      <Problem>{phrase(problem(practitioners.error))}</Problem>
      {practitioners.data && !me && <Empty>{t('schedule.notLinked')}</Empty>}
      {me && <Day practitionerId={me.id} zone={me.timeZone} />}
    </Page>
  );
}

function Day({ practitionerId, zone }: { practitionerId: string; zone: string }) {
  const { t, phrase } = useI18n();
  const today = dayIn(new Date(), zone);
  const [date, setDate] = useState(today);
  const [{ data, fetching, error }, refresh] = useQuery({ query: Schedule, variables: { practitionerId, date } });
  const [live] = useSubscription({ query: Changes, variables: { practitionerId } });
  const [checkedIn, checkIn] = useMutation(CheckIn);
  const [completed, complete] = useMutation(Complete);
  const [noShown, markNoShow] = useMutation(NoShow);
  const lastChange = live.data?.appointmentChanged;

  useEffect(() => {
    if (lastChange) refresh({ requestPolicy: 'network-only' });
  }, [lastChange, refresh]);

  const change = (act: (variables: { input: AppointmentChangeInput }) => Promise<unknown>, appointment: Appointment) =>
    void act({ input: { appointmentId: appointment.id, expectedVersion: appointment.version } }).then(() =>
      refresh({ requestPolicy: 'network-only' }),
    );
  const appointments = data?.schedule ?? [];
  return (
    <>
      <nav aria-label={t('schedule.day')} className="flex flex-wrap items-center gap-2">
        <button type="button" className={quietButtonClass} onClick={() => setDate(addDays(date, -1))}>
          {t('schedule.previous')}
        </button>
        <button type="button" className={quietButtonClass} onClick={() => setDate(today)} disabled={date === today}>
          {t('schedule.today')}
        </button>
        <button type="button" className={quietButtonClass} onClick={() => setDate(addDays(date, 1))}>
          {t('schedule.next')}
        </button>
      </nav>
      <p className="text-sm text-slate-600">
        <strong data-testid="schedule-day">{formatLongDay(date)}</strong>, {t('schedule.timesIn', { zone })}{' '}
        <span role="status" aria-live="polite">
          {live.error ? t('schedule.liveOff') : t('live.on')}
        </span>
      </p>
      {fetching && !data && <Loading what={t('schedule.loading')} />}
      <Problem>{phrase(problem(error ?? checkedIn.error ?? completed.error ?? noShown.error))}</Problem>
      {data && appointments.length === 0 && <Empty>{date === today ? t('schedule.noneToday') : t('schedule.noneOnDay')}</Empty>}
      <ol className="flex flex-col gap-2">
        {appointments.map((appointment) => (
          <li key={appointment.id} className="flex flex-wrap items-center gap-3 rounded border border-slate-300 bg-white p-3">
            <span className="font-medium">
              {formatTime(appointment.start, zone)}–{formatTime(appointment.end, zone)}
            </span>
            <Link href={`/patients/${appointment.patientId}`} className="underline">
              {appointment.patient ? `${appointment.patient.name.given} ${appointment.patient.name.family}` : t('schedule.patient')}
            </Link>
            <span className="text-sm text-slate-600">
              {t(`appointment.type.${appointment.appointmentType}`)}, {t(`appointment.status.${appointment.status}`)}
            </span>
            {appointment.reason && <span className="basis-full text-sm">{t('schedule.reason', { reason: appointment.reason })}</span>}
            {appointment.status === 'BOOKED' && appointment.outsideWorkingHoursSince && (
              <div className="basis-full">
                <Warning testId="outside-hours">
                  {t('schedule.outsideHours', { since: formatDateTime(appointment.outsideWorkingHoursSince, zone) })}
                </Warning>
              </div>
            )}
            {appointment.status === 'BOOKED' && (
              <>
                <button type="button" className={quietButtonClass} onClick={() => change(checkIn, appointment)}>
                  {t('schedule.checkIn')}
                </button>
                <button type="button" className={quietButtonClass} onClick={() => change(markNoShow, appointment)}>
                  {t('schedule.noShow')}
                </button>
              </>
            )}
            {appointment.status === 'CHECKED_IN' && (
              <button type="button" className={quietButtonClass} onClick={() => change(complete, appointment)}>
                {t('schedule.complete')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

type Appointment = TodaysScheduleQuery['schedule'][number];
