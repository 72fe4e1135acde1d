import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { useI18n } from '../i18n/I18n';
import { Empty, Loading, Problem, quietButtonClass } from '../ui/States';
import { addDays, dayIn, formatDay, formatTime, viewerZone } from '../ui/time';

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
  chosen?: string;
  onChoose: (start: string) => void;
}

/**
 * A week of a practitioner's free slots: a strip of days (with how many times are free), then the
 * chosen day's times in the viewer's zone. One day at a time keeps it short on a phone.
 */
export function SlotPicker({ practitionerId, chosen, onChoose }: SlotPickerProps) {
  const { t, phrase } = useI18n();
  const [firstDay, setFirstDay] = useState(() => dayIn(new Date()));
  const [pickedDay, setPickedDay] = useState<string>();
  const lastDay = addDays(firstDay, DAYS_SHOWN - 1);
  const [{ data, fetching, error }] = useQuery({
    query: FreeSlots,
    variables: { practitionerId, from: firstDay, to: lastDay },
  });
  const days = Array.from({ length: DAYS_SHOWN }, (_, i) => addDays(firstDay, i));
  const slots = data?.availableSlots ?? [];
  const slotsOn = (day: string) => slots.filter((slot) => dayIn(new Date(slot.start)) === day);
  const day = pickedDay && days.includes(pickedDay) ? pickedDay : days.find((d) => slotsOn(d).length > 0);
  const moveWeek = (by: number) => {
    setFirstDay(addDays(firstDay, by));
    setPickedDay(undefined);
  };

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="font-medium">
        {t('slots.legend', { from: formatDay(firstDay), to: formatDay(lastDay), zone: viewerZone() })}
      </legend>
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
          <div role="group" aria-label={t('slots.days')} className="grid grid-cols-4 gap-1 sm:grid-cols-7">
            {days.map((d) => (
              <button
                key={d}
                type="button"
                disabled={slotsOn(d).length === 0}
                aria-current={d === day ? 'date' : undefined}
                onClick={() => setPickedDay(d)}
                className={`rounded border px-2 py-1 text-sm disabled:opacity-40 ${
                  d === day ? 'border-sky-800 font-semibold' : 'border-slate-300'
                }`}
              >
                {d.slice(5)} ({slotsOn(d).length})
              </button>
            ))}
          </div>
          <div role="group" aria-label={t('slots.on', { day: day ?? '' })} className="flex flex-wrap gap-2">
            {day &&
              slotsOn(day).map((slot) => (
                <button
                  key={slot.start}
                  type="button"
                  aria-pressed={chosen === slot.start}
                  onClick={() => onChoose(slot.start)}
                  className={`rounded border px-3 py-1 ${chosen === slot.start ? 'border-sky-800 bg-sky-700 text-white' : 'border-slate-400'}`}
                >
                  {formatTime(slot.start)}
                </button>
              ))}
          </div>
        </>
      )}
    </fieldset>
  );
}
