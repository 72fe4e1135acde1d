import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import type { Sex } from '../gql/graphql';
import { SIGN_UP, missingFields } from '../api/formFields';
import { Choice, Field } from '../ui/Field';
import { useFormCheck } from '../ui/formCheck';
import { toE164 } from '../ui/phone';
import { Done, Page, Problem, buttonClass } from '../ui/States';

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

const SEXES = [
  { value: '', label: 'Prefer not to say' },
  { value: 'FEMALE', label: 'Female' },
  { value: 'MALE', label: 'Male' },
  { value: 'OTHER', label: 'Other' },
] as const;

/** A new patient creates their account and record in one step, then signs in with it. */
export function SignUp({ onSignIn }: { onSignIn: () => void }) {
  const [form, setForm] = useState({ given: '', family: '', dateOfBirth: '', sex: '', email: '', phone: '', password: '' });
  const [result, register] = useMutation(RegisterPatient);
  const { errors, problem, passes } = useFormCheck(SIGN_UP, result.error);
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const phone = toE164(form.phone);
    const wrong = missingFields(SIGN_UP, form);
    if (phone === undefined) wrong.phone = SIGN_UP.phone.invalid;
    if (!passes(wrong)) return;
    void register({
      input: {
        name: { given: form.given, family: form.family },
        dateOfBirth: form.dateOfBirth,
        sex: form.sex ? (form.sex as Sex) : null,
        email: form.email,
        phone: phone || null,
        password: form.password,
      },
    });
  };

  if (result.data) {
    return (
      <Page title="Sign up">
        <Done>Welcome, {result.data.registerPatient.patient.name.given}. Your account is ready.</Done>
        <button type="button" className={buttonClass} onClick={onSignIn}>
          Sign in
        </button>
      </Page>
    );
  }
  return (
    <Page title="Sign up">
      <form onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-2">
        <Field label="Given name" value={form.given} onChange={(e) => set('given')(e.target.value)} error={errors.given} />
        <Field label="Family name" value={form.family} onChange={(e) => set('family')(e.target.value)} error={errors.family} />
        <Field label="Date of birth" type="date" value={form.dateOfBirth} onChange={(e) => set('dateOfBirth')(e.target.value)} error={errors.dateOfBirth} />
        <Choice label="Sex" value={form.sex} options={SEXES} onChange={set('sex')} error={errors.sex} />
        <Field label="E-mail" type="email" autoComplete="email" value={form.email} onChange={(e) => set('email')(e.target.value)} error={errors.email} />
        <Field label="Phone" type="tel" autoComplete="tel" placeholder="+49 30 1234567" value={form.phone} onChange={(e) => set('phone')(e.target.value)} error={errors.phone} />
        <Field label="Password" type="password" autoComplete="new-password" value={form.password} onChange={(e) => set('password')(e.target.value)} error={errors.password} />
        <div className="sm:col-span-2 flex flex-col gap-2">
          <Problem>{problem}</Problem>
          <button type="submit" className={buttonClass} disabled={result.fetching}>
            {result.fetching ? 'Creating your account…' : 'Create my account'}
          </button>
        </div>
      </form>
    </Page>
  );
}
