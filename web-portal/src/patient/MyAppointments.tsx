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
import { Done, Empty, Loading, Page, Problem, buttonClass, quietButtonClass } from '../ui/States';
import { formattingLocale } from '../i18n/language';
import { formatDateTime } from '../ui/time';
import { calendarHref } from './calendarFile';
import { cancellationFee, type CancellationFee, type LateFees } from './cancellationFee';
import { PastVisits } from './PastVisits';
import { SlotPicker } from './SlotPicker';

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
          practitioner {
            name {
              given
              family
            }
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

const typeName = (type: string) => type.toLowerCase().replace('_', ' ');
const withWhom = (appointment: Appointment) => `${appointment.practitioner?.name.given ?? ''} ${appointment.practitioner?.name.family ?? ''}`.trim();

export function MyAppointments() {
  const { subject } = useSession();
  const [{ data, fetching, error }, refresh] = useQuery({ query: MyAppointmentsList, variables: { patientId: subject } });
  const [confirmation, setConfirmation] = useState<string>();
  const appointments = data?.appointments.edges.map((edge) => edge.node) ?? [];
  return (
    <Page title="My appointments">
      {confirmation && <Done>{confirmation}</Done>}
      {fetching && !data && <Loading what="your appointments" />}
      <Problem>{problem(error)}</Problem>
      {data && appointments.length === 0 && (
        <Empty>
          No upcoming appointments. <Link href="/book" className="underline">Book one</Link>.
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
function feeSentence(fee: CancellationFee): string {
  const tax = (fee: { taxRateBasisPoints: number }) =>
    fee.taxRateBasisPoints > 0 ? ` plus ${(fee.taxRateBasisPoints / 100).toLocaleString(formattingLocale())} % tax` : '';
  switch (fee.kind) {
    case 'free':
      return 'Cancelling this appointment costs nothing.';
    case 'charged':
      return `Cancelling now costs a late cancellation fee of ${formatMoney(fee.fee)}${tax(fee)}: the appointment is too close. You will receive an invoice.`;
    case 'free-until':
      return `Cancelling is free until ${formatDateTime(fee.until)}; after that it costs ${formatMoney(fee.fee)}${tax(fee)}.`;
  }
}

function AppointmentItem({ appointment, fees, onChanged }: { appointment: Appointment; fees?: LateFees | null; onChanged: (said: string) => void }) {
  const [changing, setChanging] = useState<'cancel' | 'reschedule'>();
  const [reason, setReason] = useState('');
  const [newStart, setNewStart] = useState<string>();
  const [cancelled, cancel] = useMutation(Cancel);
  const [moved, reschedule] = useMutation(Reschedule);
  const cancelling = useFormCheck(CANCELLATION, cancelled.error);
  const moving = useFormCheck(RESCHEDULE, moved.error);
  const open = appointment.status === 'BOOKED';
  const fee = cancellationFee(appointment, fees, new Date());
  const what = `${typeName(appointment.appointmentType)} with ${withWhom(appointment)}`;

  return (
    <li className="rounded border border-slate-300 bg-white p-3">
      <p className="font-medium">
        {formatDateTime(appointment.start)} with {withWhom(appointment)}
      </p>
      <p className="text-sm text-slate-600">
        {typeName(appointment.appointmentType)}, {appointment.status.toLowerCase().replace('_', ' ')}
        {appointment.reason && `: ${appointment.reason}`}
      </p>
      {open && !changing && (
        <div className="mt-2 flex flex-wrap gap-2">
          <button type="button" className={quietButtonClass} onClick={() => setChanging('reschedule')}>
            Reschedule
          </button>
          <button type="button" className={quietButtonClass} onClick={() => setChanging('cancel')}>
            Cancel
          </button>
          <a
            className={quietButtonClass}
            href={calendarHref({ id: appointment.id, start: appointment.start, end: appointment.end, summary: `MediCore: ${what}` })}
            download="appointment.ics"
          >
            Add to my calendar
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
              const charged = fee.kind === 'charged' ? ` A late cancellation fee of ${formatMoney(fee.fee)} will be invoiced.` : ' No fee applies.';
              onChanged(`Your ${what} on ${formatDateTime(appointment.start)} is cancelled.${charged}`);
            });
          }}
        >
          <p data-testid="cancellation-fee" className="rounded border border-amber-300 bg-amber-50 p-2 text-amber-900">
            {feeSentence(fee)}
          </p>
          <Field label="Why do you cancel?" value={reason} onChange={(e) => setReason(e.target.value)} error={cancelling.errors.reason} />
          <Problem>{cancelling.problem}</Problem>
          <div className="flex flex-wrap gap-2">
            <button type="submit" className={buttonClass} disabled={cancelled.fetching}>
              {fee.kind === 'charged' ? `Cancel and pay ${formatMoney(fee.fee)}` : 'Cancel the appointment'}
            </button>
            <button type="button" className={quietButtonClass} onClick={() => setChanging(undefined)}>
              Keep it
            </button>
          </div>
        </form>
      )}
      {changing === 'reschedule' && (
        <div className="mt-2 flex flex-col gap-2">
          <p data-testid="reschedule-fee" className="rounded border border-slate-300 bg-slate-50 p-2">
            Moving the appointment costs nothing: the fee schedule charges only visits, late cancellations and missed
            appointments.{' '}
            {fee.kind !== 'free' &&
              appointment.lateCancellationFrom &&
              `For the new time, cancelling becomes late ${noticeHours(appointment.start, appointment.lateCancellationFrom)} hours before it starts.`}
          </p>
          <SlotPicker practitionerId={appointment.practitionerId} chosen={newStart} onChoose={setNewStart} />
          <Problem>{moving.errors.newStart ?? moving.problem}</Problem>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={buttonClass}
              disabled={!newStart || moved.fetching}
              onClick={() => {
                if (!moving.passes(missingFields(RESCHEDULE, { newStart })) || !newStart) return;
                void reschedule({ input: { appointmentId: appointment.id, expectedVersion: appointment.version, newStart } }).then((result) => {
                  if (!result.data) return;
                  setChanging(undefined);
                  onChanged(`Your ${what} is moved from ${formatDateTime(appointment.start)} to ${formatDateTime(result.data.rescheduleAppointment.start)}.`);
                });
              }}
            >
              Move it there
            </button>
            <button type="button" className={quietButtonClass} onClick={() => setChanging(undefined)}>
              Keep the time
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
