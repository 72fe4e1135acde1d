import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { MyAppointmentsQuery } from '../gql/graphql';
import { problem } from '../api/errors';
import { CANCELLATION, RESCHEDULE, missingFields } from '../api/formFields';
import { useSession } from '../auth/session';
import { formatMoney } from '../money/money';
import { Link } from '../routing/router';
import { Field } from '../ui/Field';
import { useFormCheck } from '../ui/formCheck';
import { Done, Empty, Loading, Page, Problem, Warning, buttonClass, quietButtonClass } from '../ui/States';
import { useI18n, type I18n } from '../i18n/I18n';
import { formattingLocale } from '../i18n/language';
import { clinicZone, formatDateTime } from '../ui/time';
import { calendarHref } from './calendarFile';
import { cancellationFee, type CancellationFee, type LateFees } from './cancellationFee';
import { PastVisits } from './PastVisits';
import { SlotPicker, timeGone } from './SlotPicker';

const MyAppointmentsList = graphql(`
  query MyAppointments($patientId: ID!) {
    appointments(patientId: $patientId, filter: UPCOMING, first: 50) {
      edges {
        node {
          id
          start
          end
          status
          version
          appointmentType
          reason
          lateCancellationFrom
          practitionerId
          outsideWorkingHoursSince
          practitioner {
            name {
              given
              family
            }
            timeZone
          }
        }
      }
    }
    feeSchedule {
      taxRateBasisPoints
      fees {
        appointmentType
        lateCancellationFee {
          amountMinor
          currency
        }
      }
    }
  }
`);

const Cancel = graphql(`
  mutation CancelAppointment($input: CancelAppointmentInput!) {
    cancelAppointment(input: $input) {
      id
      status
      version
    }
  }
`);

const Reschedule = graphql(`
  mutation RescheduleAppointment($input: RescheduleAppointmentInput!) {
    rescheduleAppointment(input: $input) {
      id
      start
      end
      version
    }
  }
`);

type Appointment = MyAppointmentsQuery['appointments']['edges'][number]['node'];

const withWhom = (appointment: Appointment) => `${appointment.practitioner?.name.given ?? ''} ${appointment.practitioner?.name.family ?? ''}`.trim();

export function MyAppointments() {
  const { subject } = useSession();
  const { t, phrase } = useI18n();
  const [{ data, fetching, error }, refresh] = useQuery({ query: MyAppointmentsList, variables: { patientId: subject } });
  const [confirmation, setConfirmation] = useState<string>();
  const appointments = data?.appointments.edges.map((edge) => edge.node) ?? [];
  return (
    <Page title={t('nav.appointments')}>
      {confirmation && <Done>{confirmation}</Done>}
      {fetching && !data && <Loading what={t('appointments.loading')} />}
      <Problem>{phrase(problem(error))}</Problem>
      {data && appointments.length === 0 && (
        <Empty>
          {t('appointments.none')}{' '}
          <Link href="/book" className="underline">
            {t('appointments.bookOne')}
          </Link>
        </Empty>
      )}
      <ul className="flex flex-col gap-3">
        {appointments.map((appointment) => (
          <AppointmentItem
            key={appointment.id}
            appointment={appointment}
            fees={data?.feeSchedule}
            onChanged={(said) => {
              setConfirmation(said);
              refresh({ requestPolicy: 'network-only' });
            }}
          />
        ))}
      </ul>
      <PastVisits patientId={subject} />
    </Page>
  );
}

/** How long before the start a cancellation becomes late, as appointment-service says for this appointment. */
const noticeHours = (start: string, lateFrom: string) => Math.round((Date.parse(start) - Date.parse(lateFrom)) / 3_600_000);

/** The fee in words, before the patient decides. */
function feeSentence(fee: CancellationFee, t: I18n['t'], zone: string): string {
  const tax = (fee: { taxRateBasisPoints: number }) =>
    fee.taxRateBasisPoints > 0 ? t('fee.plusTax', { rate: (fee.taxRateBasisPoints / 100).toLocaleString(formattingLocale()) }) : '';
  switch (fee.kind) {
    case 'free':
      return t('fee.free');
    case 'charged':
      return t('fee.charged', { fee: formatMoney(fee.fee), tax: tax(fee) });
    case 'free-until':
      return t('fee.freeUntil', { until: formatDateTime(fee.until, zone), fee: formatMoney(fee.fee), tax: tax(fee) });
  }
}

function AppointmentItem({ appointment, fees, onChanged }: { appointment: Appointment; fees?: LateFees | null; onChanged: (said: string) => void }) {
  const { t, phrase } = useI18n();
  const [changing, setChanging] = useState<'cancel' | 'reschedule'>();
  const [reason, setReason] = useState('');
  const [newStart, setNewStart] = useState<string>();
  const [cancelled, cancel] = useMutation(Cancel);
  const [moved, reschedule] = useMutation(Reschedule);
  // Bumped when the new time was taken meanwhile, so the picker shows the times still free.
  const [slotReads, setSlotReads] = useState(0);
  const cancelling = useFormCheck(CANCELLATION, cancelled.error);
  const moving = useFormCheck(RESCHEDULE, moved.error);
  const open = appointment.status === 'BOOKED';
  const fee = cancellationFee(appointment, fees, new Date());
  const type = t(`appointment.type.${appointment.appointmentType}`);
  const what = t('appointments.what', { type, who: withWhom(appointment) });
  // The visit's times in its practitioner's zone, as the reschedule form's free slots are.
  const zone = appointment.practitioner?.timeZone ?? clinicZone();

  return (
    <li className="rounded border border-slate-300 bg-white p-3">
      <p className="font-medium">
        {t('visits.when', { when: formatDateTime(appointment.start, zone), who: withWhom(appointment) })}
      </p>
      <p className="text-sm text-slate-600">
        {type}, {t(`appointment.status.${appointment.status}`)}
        {appointment.reason && `: ${appointment.reason}`}
      </p>
      {open && appointment.outsideWorkingHoursSince && (
        <Warning testId="outside-hours">{t('appointments.outsideHours', { since: formatDateTime(appointment.outsideWorkingHoursSince, zone) })}</Warning>
      )}
      {open && !changing && (
        <div className="mt-2 flex flex-wrap gap-2">
          <button type="button" className={quietButtonClass} onClick={() => setChanging('reschedule')}>
            {t('appointments.reschedule')}
          </button>
          <button type="button" className={quietButtonClass} onClick={() => setChanging('cancel')}>
            {t('appointments.cancel')}
          </button>
          <a
            className={quietButtonClass}
            href={calendarHref({ id: appointment.id, start: appointment.start, end: appointment.end, summary: `MediCore: ${what}` })}
            download="appointment.ics"
          >
            {t('appointments.addToCalendar')}
          </a>
        </div>
      )}
      {changing === 'cancel' && (
        <form
          className="mt-2 flex flex-col gap-2"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!cancelling.passes(missingFields(CANCELLATION, { reason }))) return;
            void cancel({ input: { appointmentId: appointment.id, expectedVersion: appointment.version, reason } }).then((result) => {
              if (result.error) return;
              setChanging(undefined);
              const charged = fee.kind === 'charged' ? t('appointments.feeInvoiced', { fee: formatMoney(fee.fee) }) : t('appointments.noFee');
              onChanged(`${t('appointments.cancelled', { what, when: formatDateTime(appointment.start, zone) })} ${charged}`);
            });
          }}
        >
          <p data-testid="cancellation-fee" className="rounded border border-amber-300 bg-amber-50 p-2 text-amber-900">
            {feeSentence(fee, t, zone)}
          </p>
          <Field label={t('appointments.why')} value={reason} onChange={(e) => setReason(e.target.value)} error={phrase(cancelling.errors.reason)} />
          <Problem>{phrase(cancelling.problem)}</Problem>
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={buttonClass} disabled={cancelled.fetching}>
              {fee.kind === 'charged' ? t('appointments.cancelAndPay', { fee: formatMoney(fee.fee) }) : t('appointments.cancelIt')}
            </button>
            <button type="button" className={quietButtonClass} onClick={() => setChanging(undefined)}>
              {t('appointments.keepIt')}
            </button>
          </div>
        </form>
      )}
      {changing === 'reschedule' && (
        <div className="mt-2 flex flex-col gap-2">
          <p data-testid="reschedule-fee" className="rounded border border-slate-300 bg-slate-50 p-2">
            {t('appointments.movingFree')}{' '}
            {fee.kind !== 'free' &&
              appointment.lateCancellationFrom &&
              t('appointments.lateFromNewTime', { hours: noticeHours(appointment.start, appointment.lateCancellationFrom) })}
          </p>
          <SlotPicker
            key={slotReads}
            practitionerId={appointment.practitionerId}
            zone={zone}
            chosen={newStart}
            onChoose={setNewStart}
          />
          <Problem>{phrase(moving.errors.newStart ?? moving.problem)}</Problem>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={buttonClass}
              disabled={!newStart || moved.fetching}
              onClick={() => {
                if (!moving.passes(missingFields(RESCHEDULE, { newStart })) || !newStart) return;
                void reschedule({ input: { appointmentId: appointment.id, expectedVersion: appointment.version, newStart } }).then((result) => {
                  if (timeGone(result.error)) setSlotReads((reads) => reads + 1);
                  if (!result.data) return;
                  setChanging(undefined);
                  onChanged(
                    t('appointments.moved', {
                      what,
                      from: formatDateTime(appointment.start, zone),
                      to: formatDateTime(result.data.rescheduleAppointment.start, zone),
                    }),
                  );
                });
              }}
            >
              {t('appointments.moveThere')}
            </button>
            <button type="button" className={quietButtonClass} onClick={() => setChanging(undefined)}>
              {t('appointments.keepTime')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
