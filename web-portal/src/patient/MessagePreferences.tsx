import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { MessagePreferencesQuery, NotificationChannel } from '../gql/graphql';
import { problem } from '../api/errors';
import { MESSAGE_PREFERENCES, missingFields } from '../api/formFields';
import { useI18n } from '../i18n/I18n';
import { Field, Ticks } from '../ui/Field';
import { useFormCheck } from '../ui/formCheck';
import { Done, Loading, Problem, buttonClass } from '../ui/States';
import { CHANNELS } from './channels';

const MyMessagePreferences = graphql(`
  query MessagePreferences($patientId: ID!) {
    messagePreferences(patientId: $patientId) {
      patientId
      channels
      consents {
        channel
        state
      }
      quietHours {
        start
        end
      }
      timeZone
    }
  }
`);

// Its answer's type makes urql read the preferences query again, so the form shows what was recorded.
const UpdateMyMessagePreferences = graphql(`
  mutation UpdateMessagePreferences($input: UpdateMessagePreferencesInput!) {
    updateMessagePreferences(input: $input) {
      patientId
    }
  }
`);

type Preferences = MessagePreferencesQuery['messagePreferences'];

/** The channels the patient agreed to be written on. */
function consented(preferences: Preferences): NotificationChannel[] {
  return CHANNELS.filter((channel) => preferences.consents.some((consent) => consent.channel === channel && consent.state === 'GIVEN'));
}

/**
 * A time of day as notification-service reads it (HH:MM, 24-hour), or undefined. A time input gives
 * HH:MM, or HH:MM:SS where a browser shows seconds; anything else (typed into a browser without a
 * time picker) is not a time.
 */
export function hourAndMinute(value: string): string | undefined {
  const time = /^([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d+)?)?$/.exec(value.trim());
  return time ? `${time[1]}:${time[2]}` : undefined;
}

/**
 * How the clinic may write to the patient: consent per channel (a ticked channel is also the one
 * messages are planned on: one question per channel, not two) and the quiet hours, which are the
 * patient's wall-clock hours in their own zone, sent as typed and never converted through this
 * device's zone.
 */
export function MessagePreferencesForm({ patientId }: { patientId: string }) {
  const { t, phrase } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: MyMessagePreferences, variables: { patientId } });
  const preferences = data?.messagePreferences;
  return (
    <section aria-labelledby="message-preferences" className="flex flex-col gap-2 border-b border-slate-200 pb-4">
      <h3 id="message-preferences" className="font-semibold">
        {t('preferences.title')}
      </h3>
      {fetching && !data && <Loading what={t('preferences.loading')} />}
      <Problem>{phrase(problem(error))}</Problem>
      {preferences && <PreferencesForm key={preferences.patientId} preferences={preferences} />}
    </section>
  );
}

function PreferencesForm({ preferences }: { preferences: Preferences }) {
  const { t, phrase } = useI18n();
  const [channels, setChannels] = useState<string[]>(() => consented(preferences));
  const [quiet, setQuiet] = useState({ quietFrom: preferences.quietHours.start, quietUntil: preferences.quietHours.end });
  const [saved, setSaved] = useState(false);
  const [result, update] = useMutation(UpdateMyMessagePreferences);
  const { errors, problem: refusal, passes } = useFormCheck(MESSAGE_PREFERENCES, result.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const start = hourAndMinute(quiet.quietFrom);
    const end = hourAndMinute(quiet.quietUntil);
    const wrong = missingFields(MESSAGE_PREFERENCES, quiet, ['quietFrom', 'quietUntil']);
    if (quiet.quietFrom.trim() && !start) wrong.quietFrom = MESSAGE_PREFERENCES.quietFrom.invalid;
    if (quiet.quietUntil.trim() && !end) wrong.quietUntil = MESSAGE_PREFERENCES.quietUntil.invalid;
    if (!passes(wrong) || !start || !end) return;
    const chosen = CHANNELS.filter((channel) => channels.includes(channel));
    void update({
      input: { patientId: preferences.patientId, channels: chosen, consentedChannels: chosen, quietHours: { start, end } },
    }).then((answer) => setSaved(!!answer.data));
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      <p className="text-sm text-slate-600">{t('preferences.hint')}</p>
      <Ticks
        legend={t('preferences.channels')}
        options={CHANNELS.map((channel) => ({ value: channel, label: t(`preferences.channel.${channel}`) }))}
        ticked={channels}
        onChange={setChannels}
        error={phrase(errors.channels)}
      />
      <p className="text-sm text-slate-600">{t('preferences.quietHint', { zone: preferences.timeZone })}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          label={t('preferences.quietFrom')}
          type="time"
          value={quiet.quietFrom}
          onChange={(e) => setQuiet({ ...quiet, quietFrom: e.target.value })}
          error={phrase(errors.quietFrom)}
        />
        <Field
          label={t('preferences.quietUntil')}
          type="time"
          value={quiet.quietUntil}
          onChange={(e) => setQuiet({ ...quiet, quietUntil: e.target.value })}
          error={phrase(errors.quietUntil)}
        />
      </div>
      <Problem>{phrase(errors.choices ?? refusal)}</Problem>
      {saved && <Done>{t('preferences.saved')}</Done>}
      <div>
        <button type="submit" className={buttonClass} disabled={result.fetching}>
          {t('preferences.save')}
        </button>
      </div>
    </form>
  );
}
