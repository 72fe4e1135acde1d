import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { problem } from '../api/errors';
import { Empty, Loading, Problem, quietButtonClass } from '../ui/States';
import { addDays, dayIn, formatTime, viewerZone } from '../ui/time';

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

/** A week of a practitioner's free slots as a calendar: one column per day, times in the viewer's zone. */
export function SlotPicker({ practitionerId, chosen, onChoose }: SlotPickerProps) {
  const [firstDay, setFirstDay] = useState(() => dayIn(new Date()));
  const lastDay = addDays(firstDay, DAYS_SHOWN - 1);
  const [{ data, fetching, error }] = useQuery({
    query: FreeSlots,
    variables: { practitionerId, from: firstDay, to: lastDay },
  });
  const days = Array.from({ length: DAYS_SHOWN }, (_, i) => addDays(firstDay, i));
  const slots = data?.availableSlots ?? [];

  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="font-medium">
        Free times, {firstDay} to {lastDay} ({viewerZone()})
      </legend>
      <div className="flex gap-2">
        <button type="button" className={quietButtonClass} onClick={() => setFirstDay(addDays(firstDay, -DAYS_SHOWN))}>
          Earlier week
        </button>
        <button type="button" className={quietButtonClass} onClick={() => setFirstDay(addDays(firstDay, DAYS_SHOWN))}>
          Later week
        </button>
      </div>
      {fetching && !data && <Loading what="free times" />}
      <Problem>{problem(error)}</Problem>
      {data && slots.length === 0 && <Empty>No free times this week. Try a later week.</Empty>}
      {slots.length > 0 && (
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-7">
          {days.map((day) => (
            <div key={day} className="flex flex-col gap-1">
              <h3 className="text-sm font-semibold">{day}</h3>
              {slots
                .filter((slot) => dayIn(new Date(slot.start)) === day)
                .map((slot) => (
                  <button
                    key={slot.start}
                    type="button"
                    aria-pressed={chosen === slot.start}
                    onClick={() => onChoose(slot.start)}
                    className={`rounded border px-2 py-1 text-sm ${
                      chosen === slot.start ? 'border-sky-800 bg-sky-700 text-white' : 'border-slate-400'
                    }`}
                  >
                    {formatTime(slot.start)}
                  </button>
                ))}
            </div>
          ))}
        </div>
      )}
    </fieldset>
  );
}
