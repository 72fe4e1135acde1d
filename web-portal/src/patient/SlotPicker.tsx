import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { CombinedError } from 'urql';
import { problem, refusalReasons } from '../api/errors';
import { useI18n } from '../i18n/I18n';
import { Empty, Loading, Problem, quietButtonClass } from '../ui/States';
import { onRadioKey, tabStop } from '../ui/roving';
import { addDays, dayIn, formatDay, formatTime, formatWeekdayDay } from '../ui/time';

const FreeSlots = graphql(`
  query FreeSlots($practitionerId: ID!, $from: Date!, $to: Date!) {
    availableSlots(practitionerId: $practitionerId, from: $from, to: $to) {
      start
      end
    }
  }
`);

const DAYS_SHOWN = 7;

interface SlotPickerProps {
  practitionerId: string;
  /** The practitioner's time zone, the clinic's: the days and times are theirs, as the BFF's free slots are. */
  zone: string;
  chosen?: string;
  onChoose: (start: string) => void;
}

const dayButtonClass = (shown: boolean) =>
  `rounded border px-2 py-1 text-sm disabled:opacity-40 focus:outline-2 focus:outline-offset-2 focus:outline-sky-900 ${
    shown ? 'border-sky-800 font-semibold' : 'border-slate-300'
  }`;
const timeButtonClass = (chosen: boolean) =>
  `rounded border px-3 py-1 focus:outline-2 focus:outline-offset-2 focus:outline-sky-900 ${
    chosen ? 'border-sky-800 bg-sky-700 text-white' : 'border-slate-400'
  }`;

/** The chosen time was taken meanwhile: the free times shown are out of date and are read again. */
export function timeGone(error: CombinedError | undefined): boolean {
  return refusalReasons(error?.graphQLErrors[0]).some((reason) => reason === 'SLOT_TAKEN' || reason === 'PATIENT_DOUBLE_BOOKED');
}

/**
 * A week of a practitioner's free slots: a strip of days (weekday, date and how many times are
 * free), then the chosen day's times. Days and times are the clinic's (the practitioner's zone,
 * named in the legend). Each strip is a radio group, one Tab stop whose arrow keys, Home and End
 * move and choose; one day at a time keeps it short on a phone.
 */
export function SlotPicker({ practitionerId, zone, chosen, onChoose }: SlotPickerProps) {
  const { t, phrase } = useI18n();
  const [firstDay, setFirstDay] = useState(() => dayIn(new Date(), zone));
  const [pickedDay, setPickedDay] = useState<string>();
  const lastDay = addDays(firstDay, DAYS_SHOWN - 1);
  // Read again each time the picker is shown: times are taken all the time, in other tabs too.
  const [{ data, fetching, error }] = useQuery({
    query: FreeSlots,
    variables: { practitionerId, from: firstDay, to: lastDay },
    requestPolicy: 'cache-and-network',
  });
  const days = Array.from({ length: DAYS_SHOWN }, (_, i) => addDays(firstDay, i));
  const slots = data?.availableSlots ?? [];
  const slotsOn = (day: string) => slots.filter((slot) => dayIn(new Date(slot.start), zone) === day);
  const day = pickedDay && days.includes(pickedDay) ? pickedDay : days.find((d) => slotsOn(d).length > 0);
  const times = day ? slotsOn(day) : [];
  const moveWeek = (by: number) => {
    setFirstDay(addDays(firstDay, by));
    setPickedDay(undefined);
  };
  const dayTabStop = tabStop(days.length, day ? days.indexOf(day) : -1, (i) => slotsOn(days[i]).length > 0);
  const timeTabStop = tabStop(times.length, times.findIndex((slot) => slot.start === chosen), () => true);

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="font-medium">{t('slots.legend', { from: formatDay(firstDay), to: formatDay(lastDay), zone })}</legend>
      <div className="flex gap-2">
        <button type="button" className={quietButtonClass} onClick={() => moveWeek(-DAYS_SHOWN)}>
          {t('slots.earlier')}
        </button>
        <button type="button" className={quietButtonClass} onClick={() => moveWeek(DAYS_SHOWN)}>
          {t('slots.later')}
        </button>
      </div>
      {fetching && !data && <Loading what={t('slots.loading')} />}
      <Problem>{phrase(problem(error))}</Problem>
      {data && slots.length === 0 && <Empty>{t('slots.none')}</Empty>}
      {slots.length > 0 && (
        <>
          <div
            role="radiogroup"
            aria-label={t('slots.days')}
            className="grid grid-cols-4 gap-1 sm:grid-cols-7"
            onKeyDown={(event) => onRadioKey(event, (i) => setPickedDay(days[i]))}
          >
            {days.map((d, i) => (
              <button
                key={d}
                type="button"
                role="radio"
                aria-checked={d === day}
                tabIndex={i === dayTabStop ? 0 : -1}
                disabled={slotsOn(d).length === 0}
                onClick={() => setPickedDay(d)}
                className={dayButtonClass(d === day)}
              >
                {t('slots.day', { day: formatWeekdayDay(d), count: slotsOn(d).length })}
              </button>
            ))}
          </div>
          <div
            role="radiogroup"
            aria-label={t('slots.on', { day: day ? formatWeekdayDay(day) : '' })}
            className="flex flex-wrap gap-2"
            onKeyDown={(event) => onRadioKey(event, (i) => onChoose(times[i].start))}
          >
            {times.map((slot, i) => (
              <button
                key={slot.start}
                type="button"
                role="radio"
                aria-checked={chosen === slot.start}
                tabIndex={i === timeTabStop ? 0 : -1}
                onClick={() => onChoose(slot.start)}
                className={timeButtonClass(chosen === slot.start)}
              >
                {formatTime(slot.start, zone)}
              </button>
            ))}
          </div>
        </>
      )}
    </fieldset>
  );
}
