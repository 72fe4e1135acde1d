import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { MyAppointmentsQuery } from '../gql/graphql';
import { problem } from '../api/errors';
import { CANCELLATION, RESCHEDULE, missingFields } from '../api/formFields';
import { useSession } from '../auth/session';
import { Link } from '../routing/router';
import { Field } from '../ui/Field';
import { useFormCheck } from '../ui/formCheck';
import { Empty, Loading, Page, Problem, buttonClass, quietButtonClass } from '../ui/States';
import { formatDateTime } from '../ui/time';
import { SlotPicker } from './SlotPicker';

const MyAppointmentsList = graphql(`
  query MyAppointments($patientId: ID!) {
    appointments(patientId: $patientId, filter: UPCOMING, first: 50) {
      edges {
        node {
          id
          start
          status
          version
          appointmentType
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
      version
    }
  }
`);

type Appointment = MyAppointmentsQuery['appointments']['edges'][number]['node'];

export function MyAppointments() {
  const { subject } = useSession();
  const [{ data, fetching, error }, refresh] = useQuery({ query: MyAppointmentsList, variables: { patientId: subject } });
  const appointments = data?.appointments.edges.map((edge) => edge.node) ?? [];
  return (
    <Page title="My appointments">
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
            onChanged={() => refresh({ requestPolicy: 'network-only' })}
          />
        ))}
      </ul>
    </Page>
  );
}

function AppointmentItem({ appointment, onChanged }: { appointment: Appointment; onChanged: () => void }) {
  const [changing, setChanging] = useState<'cancel' | 'reschedule'>();
  const [reason, setReason] = useState('');
  const [newStart, setNewStart] = useState<string>();
  const [cancelled, cancel] = useMutation(Cancel);
  const [moved, reschedule] = useMutation(Reschedule);
  const cancelling = useFormCheck(CANCELLATION, cancelled.error);
  const moving = useFormCheck(RESCHEDULE, moved.error);
  const open = appointment.status === 'BOOKED';

  const done = (result: { error?: unknown }) => {
    if (!result.error) {
      setChanging(undefined);
      onChanged();
    }
  };

  return (
    <li className="rounded border border-slate-300 bg-white p-3">
      <p className="font-medium">
        {formatDateTime(appointment.start)} with {appointment.practitioner?.name.given} {appointment.practitioner?.name.family}
      </p>
      <p className="text-sm text-slate-600">
        {appointment.appointmentType.toLowerCase().replace('_', ' ')}, {appointment.status.toLowerCase().replace('_', ' ')}
      </p>
      {open && !changing && (
        <div className="mt-2 flex gap-2">
          <button type="button" className={quietButtonClass} onClick={() => setChanging('reschedule')}>
            Reschedule
          </button>
          <button type="button" className={quietButtonClass} onClick={() => setChanging('cancel')}>
            Cancel
          </button>
        </div>
      )}
      {changing === 'cancel' && (
        <form
          className="mt-2 flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (!cancelling.passes(missingFields(CANCELLATION, { reason }))) return;
            void cancel({ input: { appointmentId: appointment.id, expectedVersion: appointment.version, reason } }).then(done);
          }}
        >
          <Field label="Why do you cancel?" value={reason} onChange={(e) => setReason(e.target.value)} error={cancelling.errors.reason} />
          <Problem>{cancelling.problem}</Problem>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass} disabled={cancelled.fetching}>
              Cancel the appointment
            </button>
            <button type="button" className={quietButtonClass} onClick={() => setChanging(undefined)}>
              Keep it
            </button>
          </div>
        </form>
      )}
      {changing === 'reschedule' && (
        <div className="mt-2 flex flex-col gap-2">
          <SlotPicker practitionerId={appointment.practitionerId} chosen={newStart} onChoose={setNewStart} />
          <Problem>{moving.errors.newStart ?? moving.problem}</Problem>
          <div className="flex gap-2">
            <button
              type="button"
              className={buttonClass}
              disabled={!newStart || moved.fetching}
              onClick={() =>
                newStart &&
                void reschedule({
                  input: { appointmentId: appointment.id, expectedVersion: appointment.version, newStart },
                }).then(done)
              }
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
