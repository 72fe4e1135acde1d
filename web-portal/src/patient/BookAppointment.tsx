import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { BOOKING } from '../api/formFields';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/I18n';
import { Link } from '../routing/router';
import { Choice, Field } from '../ui/Field';
import { useFormCheck } from '../ui/formCheck';
import { Done, Empty, Loading, Page, Problem, buttonClass } from '../ui/States';
import { clinicZone, formatDateTime, formatTime } from '../ui/time';
import { calendarHref } from './calendarFile';
import { SlotPicker, timeGone } from './SlotPicker';

const Practitioners = graphql(`
  query Practitioners {
    practitioners(first: 100) {
      edges {
        node {
          id
          name {
            given
            family
          }
          specialty
          department
          timeZone
        }
      }
    }
  }
`);

const Book = graphql(`
  mutation Book($input: BookAppointmentInput!) {
    bookAppointment(input: $input) {
      id
      start
      end
      status
      appointmentType
      reason
      practitioner {
        name {
          given
          family
        }
        department
      }
    }
  }
`);

/** Practitioner, then a free time from the calendar, then confirm; a retry of the same booking books once. */
export function BookAppointment() {
  const { subject } = useSession();
  const { t, phrase } = useI18n();
  const [practitioners] = useQuery({ query: Practitioners });
  const [practitionerId, setPractitionerId] = useState('');
  const [start, setStart] = useState<string>();
  const [reason, setReason] = useState('');
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [booking, book] = useMutation(Book);
  // Bumped when the chosen time was taken meanwhile, so the picker shows the times still free.
  const [slotReads, setSlotReads] = useState(0);
  const { errors, problem: refusal } = useFormCheck(BOOKING, booking.error);
  const practitioner = practitioners.data?.practitioners.edges.find(({ node }) => node.id === practitionerId)?.node;
  // The chosen slot's and the booked visit's times in the zone the free slots were shown in.
  const zone = practitioner?.timeZone ?? clinicZone();
  const options = practitioners.data?.practitioners.edges.map(({ node }) => ({
    value: node.id,
    label: `${node.name.given} ${node.name.family}, ${node.specialty} (${node.department})`,
  }));

  if (booking.data) {
    const booked = booking.data.bookAppointment;
    const what = t('appointments.what', {
      type: t(`appointment.type.${booked.appointmentType}`),
      who: `${booked.practitioner?.name.given ?? ''} ${booked.practitioner?.name.family ?? ''}`.trim(),
    });
    return (
      <Page title={t('nav.book')}>
        <Done>
          {t('book.booked', {
            what,
            when: formatDateTime(booked.start, zone),
            until: formatTime(booked.end, zone),
            where: booked.practitioner ? `, ${booked.practitioner.department}` : '',
          })}
        </Done>
        {booked.reason && <p>{t('book.reasonGiven', { reason: booked.reason })}</p>}
        <div className="flex flex-wrap gap-3">
          <a
            className={buttonClass}
            href={calendarHref({ id: booked.id, start: booked.start, end: booked.end, summary: `MediCore: ${what}`, description: booked.reason ?? undefined })}
            download="appointment.ics"
          >
            {t('appointments.addToCalendar')}
          </a>
          <Link href="/appointments" className="underline self-center">
            {t('book.seeMine')}
          </Link>
        </div>
      </Page>
    );
  }
  return (
    <Page title={t('nav.book')}>
      {practitioners.fetching && !practitioners.data && <Loading what={t('book.loadingPractitioners')} />}
      <Problem>{phrase(problem(practitioners.error))}</Problem>
      {options && options.length === 0 && <Empty>{t('book.noPractitioner')}</Empty>}
      {options && options.length > 0 && (
        <Choice
          label={t('book.practitioner')}
          value={practitionerId}
          options={[{ value: '', label: t('book.choosePractitioner') }, ...options]}
          onChange={(id) => {
            setPractitionerId(id);
            setStart(undefined);
          }}
          error={phrase(errors.practitionerId)}
        />
      )}
      {practitioner && <SlotPicker key={`${practitioner.id}:${slotReads}`} practitionerId={practitioner.id} zone={practitioner.timeZone} chosen={start} onChoose={setStart} />}
      {start && (
        <form
          className="flex flex-col gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            void book({ input: { patientId: subject, practitionerId, start, reason: reason || null, idempotencyKey } }).then((result) => {
              if (timeGone(result.error)) setSlotReads((reads) => reads + 1);
            });
          }}
        >
          <p>{t('book.chosen', { when: formatDateTime(start, zone) })}</p>
          <Field label={t('book.reason')} value={reason} onChange={(e) => setReason(e.target.value)} error={phrase(errors.reason)} />
          <Problem>{phrase(errors.start ?? (errors.reason ? undefined : refusal))}</Problem>
          <button type="submit" className={buttonClass} disabled={booking.fetching}>
            {booking.fetching ? t('book.booking') : t('book.confirm')}
          </button>
        </form>
      )}
    </Page>
  );
}
