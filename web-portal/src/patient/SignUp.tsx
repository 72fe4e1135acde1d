import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { Sex } from '../gql/graphql';
import { SIGN_UP, missingFields } from '../api/formFields';
import { Choice, Field, Ticks } from '../ui/Field';
import { useFormCheck } from '../ui/formCheck';
import { useI18n } from '../i18n/I18n';
import { toE164 } from '../ui/phone';
import { Done, Page, Problem, buttonClass } from '../ui/States';
import { CHANNELS } from './channels';
import { keepSignUpConsent } from './signUpConsent';

const RegisterPatient = graphql(`
  mutation RegisterPatient($input: RegisterPatientInput!) {
    registerPatient(input: $input) {
      patient {
        id
        name {
          given
        }
      }
    }
  }
`);

const SEXES = ['', 'FEMALE', 'MALE', 'OTHER'] as const;

/** A new patient creates their account and record in one step, then signs in with it. */
export function SignUp({ onSignIn }: { onSignIn: () => void }) {
  const { t, phrase } = useI18n();
  const [form, setForm] = useState({ given: '', family: '', dateOfBirth: '', sex: '', email: '', phone: '', password: '' });
  // Unticked until the person ticks: consent is asked, never assumed.
  const [channels, setChannels] = useState<string[]>([]);
  const [result, register] = useMutation(RegisterPatient);
  const { errors, problem, passes } = useFormCheck(SIGN_UP, result.error);
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const phone = toE164(form.phone);
    const wrong = missingFields(SIGN_UP, form);
    if (phone === undefined) wrong.phone = SIGN_UP.phone.invalid;
    if (channels.includes('SMS') && !form.phone.trim()) wrong.messages = SIGN_UP.messages.invalid;
    if (!passes(wrong)) return;
    const consented = CHANNELS.filter((channel) => channels.includes(channel));
    void register({
      input: {
        name: { given: form.given, family: form.family },
        dateOfBirth: form.dateOfBirth,
        sex: form.sex ? (form.sex as Sex) : null,
        email: form.email,
        phone: phone || null,
        password: form.password,
      },
    }).then((answer) => {
      const patientId = answer.data?.registerPatient.patient.id;
      if (patientId && consented.length) keepSignUpConsent({ patientId, channels: consented });
    });
  };

  if (result.data) {
    return (
      <Page title={t('signUp.title')}>
        <Done>{t('signUp.ready', { name: result.data.registerPatient.patient.name.given })}</Done>
        {channels.length > 0 && <p>{t('signUp.consentOnSignIn')}</p>}
        <button type="button" className={buttonClass} onClick={onSignIn}>
          {t('app.signIn')}
        </button>
      </Page>
    );
  }
  return (
    <Page title={t('signUp.title')}>
      <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-2">
        <Field label={t('signUp.given')} autoComplete="given-name" value={form.given} onChange={(e) => set('given')(e.target.value)} error={phrase(errors.given)} />
        <Field label={t('signUp.family')} autoComplete="family-name" value={form.family} onChange={(e) => set('family')(e.target.value)} error={phrase(errors.family)} />
        <Field
          label={t('signUp.dateOfBirth')}
          type="date"
          autoComplete="bday"
          value={form.dateOfBirth}
          onChange={(e) => set('dateOfBirth')(e.target.value)}
          error={phrase(errors.dateOfBirth)}
        />
        <Choice
          label={t('signUp.sex')}
          value={form.sex}
          options={SEXES.map((sex) => ({ value: sex, label: t(`signUp.sex.${sex || 'none'}`) }))}
          onChange={set('sex')}
          error={phrase(errors.sex)}
        />
        <Field label={t('profile.field.email')} type="email" autoComplete="email" value={form.email} onChange={(e) => set('email')(e.target.value)} error={phrase(errors.email)} />
        <Field
          label={t('profile.field.phone')}
          type="tel"
          autoComplete="tel"
          placeholder="+49 30 1234567"
          value={form.phone}
          onChange={(e) => set('phone')(e.target.value)}
          error={phrase(errors.phone)}
        />
        <Field
          label={t('signUp.password')}
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={(e) => set('password')(e.target.value)}
          error={phrase(errors.password)}
        />
        <div className="sm:col-span-2">
          <Ticks
            legend={t('signUp.messages')}
            options={CHANNELS.map((channel) => ({ value: channel, label: t(`preferences.channel.${channel}`) }))}
            ticked={channels}
            onChange={setChannels}
            error={phrase(errors.messages)}
          />
        </div>
        <div className="sm:col-span-2 flex flex-col gap-2">
          <Problem>{phrase(problem)}</Problem>
          <button type="submit" className={buttonClass} disabled={result.fetching}>
            {result.fetching ? t('signUp.creating') : t('signUp.create')}
          </button>
        </div>
      </form>
    </Page>
  );
}
