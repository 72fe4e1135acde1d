import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { graphql } from '../gql';
import type { MyRecordQuery } from '../gql/graphql';
import { problem } from '../api/errors';
import { PROFILE, PROFILE_LANGUAGE } from '../api/formFields';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/I18n';
import { LANGUAGES, OWN_NAME, isLanguage } from '../i18n/language';
import { Choice, Field } from '../ui/Field';
import { useFormCheck } from '../ui/formCheck';
import { toE164 } from '../ui/phone';
import { Done, Empty, Loading, Page, Problem, buttonClass, quietButtonClass } from '../ui/States';
import { formatDay } from '../ui/time';
import { erasureRequestOf } from './erasureRequestKept';
import { MyErasure } from './MyErasure';
import { RecordDownload } from './RecordDownload';

const MyRecord = graphql(`
  query MyRecord {
    me {
      email
      patient {
        ...PatientDemographics
        version
        preferredLanguage
        contact {
          address {
            ...AddressParts
          }
        }
      }
    }
  }
`);

const UpdateMyContact = graphql(`
  mutation UpdateMyContact($input: UpdatePatientInput!) {
    updatePatient(input: $input) {
      id
      version
      contact {
        email
        phone
        address {
          ...AddressParts
        }
      }
    }
  }
`);

const UpdateMyLanguage = graphql(`
  mutation UpdateMyLanguage($input: UpdatePatientInput!) {
    updatePatient(input: $input) {
      id
      version
      preferredLanguage
    }
  }
`);

type Patient = NonNullable<MyRecordQuery['me']['patient']>;
type Contact = Record<keyof typeof PROFILE, string>;

/** The record's contact details as the form's fields. */
export function contactOf(patient: Patient): Contact {
  const address = patient.contact.address;
  return {
    email: patient.contact.email ?? '',
    phone: patient.contact.phone ?? '',
    street: address?.lines[0] ?? '',
    moreAddress: address?.lines.slice(1).join(', ') ?? '',
    postalCode: address?.postalCode ?? '',
    city: address?.city ?? '',
    region: address?.region ?? '',
    countryCode: address?.countryCode ?? '',
  };
}

/** The address as one line, or undefined when the record has none. */
function addressLine(contact: Contact): string | undefined {
  const parts = [contact.street, contact.moreAddress, [contact.postalCode, contact.city].filter(Boolean).join(' '), contact.region, contact.countryCode];
  const line = parts.filter(Boolean).join(', ');
  return line || undefined;
}

/** patient-service keeps the version it refused against in the error's metadata (STALE_VERSION). */
export function staleVersion(error: CombinedError | undefined): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.classification === 'CONFLICT' && (e.extensions?.reason === 'STALE_VERSION' || e.extensions?.code === 'ABORTED'));
}

export function MyProfile() {
  const { t } = useI18n();
  const [{ data, fetching, error }, refresh] = useQuery({ query: MyRecord });
  const { subject } = useSession();
  const erasureAsked = erasureRequestOf(subject) !== undefined;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const patient = data?.me.patient;
  const notGiven = t('profile.notGiven');
  const shown = patient && contactOf(patient);
  return (
    <Page title={t('profile.title')}>
      {fetching && !data && <Loading what={t('profile.loading')} />}
      <Problem>{problem(error)}</Problem>
      {data && !patient && !erasureAsked && <Empty>{t('profile.noRecord')}</Empty>}
      {/* Once erased, the record is gone but the token lives until it expires: the request says what happened. */}
      {data && !patient && erasureAsked && <MyErasure patientId={subject} />}
      {saved && !editing && <Done>{t('profile.saved')}</Done>}
      {patient && shown && !editing && (
        <>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 break-words">
            <dt className="font-medium">{t('profile.name')}</dt>
            <dd>
              {patient.name.given} {patient.name.family}
            </dd>
            <dt className="font-medium">{t('profile.dateOfBirth')}</dt>
            <dd>{formatDay(patient.dateOfBirth)}</dd>
            <dt className="font-medium">{t('profile.email')}</dt>
            <dd className="min-w-0">{patient.contact.email ?? data.me.email ?? notGiven}</dd>
            <dt className="font-medium">{t('profile.phone')}</dt>
            <dd>{shown.phone || notGiven}</dd>
            <dt className="font-medium">{t('profile.address')}</dt>
            <dd className="min-w-0">{addressLine(shown) ?? notGiven}</dd>
            <dt className="font-medium">{t('profile.language')}</dt>
            <dd>{isLanguage(patient.preferredLanguage) ? OWN_NAME[patient.preferredLanguage] : t('profile.languageNotChosen')}</dd>
          </dl>
          <div>
            <button
              type="button"
              className={buttonClass}
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('profile.change')}
            </button>
          </div>
          <LanguageForm patient={patient} reread={() => refresh({ requestPolicy: 'network-only' })} />
          <RecordDownload patientId={patient.id} />
          <MyErasure patientId={patient.id} />
        </>
      )}
      {patient && editing && (
        <ContactForm
          patient={patient}
          onDone={(changed) => {
            setEditing(false);
            setSaved(changed);
            if (changed) refresh({ requestPolicy: 'network-only' });
          }}
          reread={() => refresh({ requestPolicy: 'network-only' })}
        />
      )}
    </Page>
  );
}

/**
 * The language the portal and the clinic's messages speak to the patient, saved on the profile on
 * its own (against the version shown; a change made elsewhere meanwhile is read again). Saving
 * also switches this browser to it: the patient has just chosen it.
 */
function LanguageForm({ patient, reread }: { patient: Patient; reread: () => void }) {
  const { t, phrase, setLanguage } = useI18n();
  const [chosen, setChosen] = useState(patient.preferredLanguage ?? '');
  const [saved, setSaved] = useState(false);
  const [result, update] = useMutation(UpdateMyLanguage);
  const { errors, problem: refusal } = useFormCheck(PROFILE_LANGUAGE, result.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void update({ input: { patientId: patient.id, expectedVersion: patient.version, preferredLanguage: chosen || null } }).then((answer) => {
      const language = answer.data?.updatePatient.preferredLanguage;
      if (answer.data) {
        setSaved(true);
        if (isLanguage(language)) setLanguage(language);
        reread();
      } else if (staleVersion(answer.error)) reread();
    });
  };

  const options = [{ value: '', label: t('profile.languageNotChosen') }, ...LANGUAGES.map((language) => ({ value: language, label: OWN_NAME[language] }))];
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3 border-t border-slate-200 pt-4">
      <p className="text-sm text-slate-600">{t('profile.languageHint')}</p>
      <Choice label={t('profile.field.language')} value={chosen} options={options} onChange={setChosen} error={phrase(errors.language)} />
      <Problem>{phrase(refusal)}</Problem>
      {saved && <Done>{t('profile.languageSaved')}</Done>}
      <div>
        <button type="submit" className={buttonClass} disabled={result.fetching}>
          {t('profile.saveLanguage')}
        </button>
      </div>
    </form>
  );
}

const FIELDS: readonly { name: keyof Contact; type?: string; autoComplete?: string; placeholder?: string }[] = [
  { name: 'email', type: 'email', autoComplete: 'email' },
  { name: 'phone', type: 'tel', autoComplete: 'tel', placeholder: '+49 30 1234567' },
  { name: 'street', autoComplete: 'address-line1' },
  { name: 'moreAddress', autoComplete: 'address-line2' },
  { name: 'postalCode', autoComplete: 'postal-code' },
  { name: 'city', autoComplete: 'address-level2' },
  { name: 'region', autoComplete: 'address-level1' },
  { name: 'countryCode', autoComplete: 'country', placeholder: 'DE' },
];

/**
 * The contact details and address, sent whole with the version the form was opened on. When the
 * record changed meanwhile (another tab, the reception) the service refuses; the person then
 * sees what the record holds now beside what they typed, and decides.
 */
function ContactForm({ patient, onDone, reread }: { patient: Patient; onDone: (changed: boolean) => void; reread: () => void }) {
  const { t, phrase } = useI18n();
  const [values, setValues] = useState<Contact>(() => contactOf(patient));
  // The version the person's values were based on: the one they saw, or the newer one they chose to overwrite.
  const [basedOn, setBasedOn] = useState(patient.version);
  const [result, update] = useMutation(UpdateMyContact);
  const { errors, problem: refusal, passes } = useFormCheck(PROFILE, result.error);
  const conflict = staleVersion(result.error) && patient.version !== basedOn;
  const set = (name: keyof Contact) => (value: string) => setValues((now) => ({ ...now, [name]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const phone = toE164(values.phone);
    const wrong: Partial<Contact> = {};
    if (!values.email.trim() && !values.phone.trim()) wrong.email = PROFILE.email.required;
    if (phone === undefined) wrong.phone = PROFILE.phone.invalid;
    const address = [values.street, values.moreAddress, values.postalCode, values.city, values.region, values.countryCode].some((v) => v.trim());
    if (address && !values.street.trim()) wrong.street = PROFILE.street.invalid;
    if (address && !values.city.trim()) wrong.city = PROFILE.city.invalid;
    if (address && !/^[A-Za-z]{2}$/.test(values.countryCode.trim())) wrong.countryCode = PROFILE.countryCode.invalid;
    if (!passes(wrong)) return;
    const optional = (value: string) => value.trim() || null;
    void update({
      input: {
        patientId: patient.id,
        expectedVersion: basedOn,
        contact: {
          email: optional(values.email),
          phone: phone || null,
          address: address
            ? {
                lines: [values.street, values.moreAddress].map((line) => line.trim()).filter(Boolean),
                postalCode: optional(values.postalCode),
                city: optional(values.city),
                region: optional(values.region),
                countryCode: values.countryCode.trim().toUpperCase(),
              }
            : null,
        },
      },
    }).then((answer) => {
      if (answer.data) onDone(true);
      // Someone else's change: read the record as it is now, to show it beside the form.
      else if (staleVersion(answer.error)) reread();
    });
  };

  const current = contactOf(patient);
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-describedby={conflict ? 'profile-conflict' : undefined}>
      <p className="text-sm text-slate-600">{t('profile.formHint')}</p>
      {conflict && (
        <div id="profile-conflict" role="alert" className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-amber-900">
          <p>{t('profile.conflict')}</p>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 text-sm break-words">
            <dt className="font-medium">{t('profile.email')}</dt>
            <dd className="min-w-0">{current.email || t('profile.notGiven')}</dd>
            <dt className="font-medium">{t('profile.phone')}</dt>
            <dd>{current.phone || t('profile.notGiven')}</dd>
            <dt className="font-medium">{t('profile.address')}</dt>
            <dd className="min-w-0">{addressLine(current) ?? t('profile.notGiven')}</dd>
          </dl>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={quietButtonClass}
              onClick={() => {
                setValues(current);
                setBasedOn(patient.version);
              }}
            >
              {t('profile.takeCurrent')}
            </button>
            <button type="button" className={quietButtonClass} onClick={() => setBasedOn(patient.version)}>
              {t('profile.keepMine')}
            </button>
          </div>
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {FIELDS.map((field) => (
          <Field
            key={field.name}
            label={t(`profile.field.${field.name}`)}
            type={field.type}
            autoComplete={field.autoComplete}
            placeholder={field.placeholder}
            value={values[field.name]}
            onChange={(e) => set(field.name)(e.target.value)}
            error={phrase(errors[field.name])}
          />
        ))}
      </div>
      {!staleVersion(result.error) && <Problem>{phrase(refusal)}</Problem>}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass} disabled={result.fetching || conflict}>
          {t('profile.save')}
        </button>
        <button type="button" className={quietButtonClass} onClick={() => onDone(false)}>
          {t('profile.cancel')}
        </button>
      </div>
    </form>
  );
}
