import type { CombinedError } from 'urql';
import { problem, REFUSALS, refusalReasons } from './errors';

/**
 * One field of a form: the paths by which the BFF (and the services behind it) name it, what a
 * person reads above it, and the sentences shown when it is missing or refused. The services
 * name fields in their own words (`contact.phone`, `allergy.severity`); this is the one place
 * where those names meet the forms'.
 */
export interface FormField {
  label: string;
  paths: readonly string[];
  /** Said before sending when the field is empty; absent for optional fields. */
  required?: string;
  /**
   * Said whenever the service refuses the value, instead of its description: the services write
   * those in English for developers, and a person reads this one in their language.
   */
  invalid: string;
  /** The services' refusals of the state (`extensions.reasons`, e.g. SLOT_TAKEN) that are about this field's value. */
  refusals?: readonly (keyof typeof REFUSALS)[];
  /** A field of GraphQL type Date: where a value the BFF cannot read as a date belongs. */
  date?: true;
}

export type FormFields = Record<string, FormField>;

export const SIGN_UP = {
  given: { label: 'Given name', paths: ['name.given'], required: 'Enter your given name.', invalid: 'Enter your given name as you write it.' },
  family: {
    label: 'Family name',
    paths: ['name.family'],
    required: 'Enter your family name.',
    invalid: 'Enter your family name as you write it.',
  },
  dateOfBirth: {
    label: 'Date of birth',
    paths: ['dateOfBirth'],
    required: 'Enter your date of birth.',
    invalid: 'Enter your date of birth as a date in the past.',
    date: true,
  },
  sex: { label: 'Sex', paths: ['sex'], invalid: 'Choose one of the answers offered.' },
  email: {
    label: 'E-mail',
    paths: ['email', 'contact.email'],
    required: 'Enter your e-mail address: it is also your login name.',
    invalid: 'Enter an e-mail address such as name@example.org.',
  },
  phone: { label: 'Phone', paths: ['phone', 'contact.phone'], invalid: 'Enter a phone number such as +49 30 1234567.' },
  password: {
    label: 'Password',
    paths: ['password'],
    required: 'Choose a password of at least 12 characters.',
    invalid: 'Choose another password of at least 12 characters that is hard to guess.',
  },
  // Stored after the first sign-in, through the preferences' mutation: nothing the BFF checks at sign-up.
  messages: { label: 'The clinic may write to me', paths: [], invalid: 'Give a phone number for text messages, or untick them.' },
} satisfies FormFields;

export const PROFILE = {
  email: {
    label: 'E-mail',
    paths: ['contact.email'],
    // patient-service needs one way to reach the patient: an e-mail or a phone number.
    required: 'Give an e-mail address or a phone number: the clinic needs one to reach you.',
    invalid: 'Enter an e-mail address such as name@example.org.',
  },
  phone: { label: 'Phone', paths: ['contact.phone'], invalid: 'Enter a phone number such as +49 30 1234567.' },
  street: { label: 'Street and number', paths: ['contact.address.lines', 'contact.address.lines[0]'], invalid: 'Enter the street and number.' },
  moreAddress: { label: 'More of the address', paths: ['contact.address.lines[1]'], invalid: 'Shorten the second address line.' },
  postalCode: { label: 'Postal code', paths: ['contact.address.postalCode'], invalid: 'Enter the postal code as the post writes it.' },
  region: { label: 'Region', paths: ['contact.address.region'], invalid: 'Shorten the region.' },
  city: { label: 'City', paths: ['contact.address.city'], invalid: 'Enter the city.' },
  countryCode: {
    label: 'Country',
    paths: ['contact.address.countryCode'],
    invalid: 'Enter the country as its two-letter code, such as DE.',
  },
} satisfies FormFields;

/** The profile's language, saved on its own: patient-service keeps it beside the contact details. */
export const PROFILE_LANGUAGE = {
  language: { label: 'Language', paths: ['preferredLanguage'], invalid: 'Choose English or German.' },
} satisfies FormFields;

/**
 * How the clinic writes to a patient (notification-service's preferences). Every path the service or
 * the BFF may name lands on a field: a refusal of the whole update (the patient, the update's mask)
 * on `choices`, said for the form.
 */
export const MESSAGE_PREFERENCES = {
  channels: {
    label: 'The clinic may write to me',
    paths: ['channels', 'consentedChannels'],
    invalid: 'Choose e-mail, text message, both or neither.',
  },
  quietFrom: {
    label: 'Quiet from',
    paths: ['quietHours.start', 'quietHours'],
    required: 'Enter when your quiet hours begin, such as 21:00.',
    invalid: 'Enter when your quiet hours begin as hours and minutes, such as 21:00.',
  },
  quietUntil: {
    label: 'Quiet until',
    paths: ['quietHours.end'],
    required: 'Enter when your quiet hours end, such as 08:00.',
    invalid: 'Enter when your quiet hours end as hours and minutes, such as 08:00.',
  },
  choices: {
    label: 'Your choices',
    paths: ['input', 'patientId', 'updateMask'],
    invalid: 'Your choices could not be saved as sent. Reload the page and choose again.',
  },
} satisfies FormFields;

export const HISTORY_ENTRY = {
  kind: { label: 'Kind of entry', paths: ['kind'], invalid: 'Choose the kind of entry.' },
  text: {
    label: 'Entry',
    paths: ['text', 'condition.display', 'allergy.substance', 'medication.name', 'note.text'],
    required: 'Write the entry: the condition, substance, medication or note.',
    invalid: 'Write the entry in plain words, and shorter.',
  },
  severity: {
    label: 'Severity',
    paths: ['severity', 'allergy.severity'],
    required: 'Choose how severe the allergy is.',
    invalid: 'Choose how severe the allergy is.',
  },
  dosage: { label: 'Dosage', paths: ['dosage', 'medication.dosage'], invalid: 'Shorten the dosage, such as 5 mg twice a day.' },
} satisfies FormFields;

export const PAYMENT = {
  amount: {
    label: 'Amount',
    paths: ['amount', 'amount.amountMinor', 'amount.currency'],
    required: 'Enter an amount such as 12.50.',
    invalid: 'Enter an amount above zero, such as 12.50.',
    refusals: ['AMOUNT_EXCEEDS_BALANCE'],
  },
  method: { label: 'Method', paths: ['method'], invalid: 'Choose how it was paid.' },
  reference: { label: 'Reference', paths: ['reference'], invalid: 'Shorten the reference.' },
} satisfies FormFields;

export const BOOKING = {
  practitionerId: {
    label: 'Practitioner',
    paths: ['practitionerId'],
    required: 'Choose a practitioner.',
    invalid: 'Choose a practitioner from the list.',
  },
  start: {
    label: 'Time',
    paths: ['start'],
    invalid: 'Choose another time: this one cannot be booked.',
    refusals: ['SLOT_TAKEN', 'OUTSIDE_WORKING_HOURS', 'IN_THE_PAST', 'PATIENT_DOUBLE_BOOKED'],
  },
  reason: { label: 'Reason', paths: ['reason'], invalid: 'Keep the reason under 500 characters.' },
} satisfies FormFields;

export const CANCELLATION = {
  reason: {
    label: 'Why do you cancel?',
    paths: ['reason'],
    required: 'Say in a few words why you cancel: the practice reads it.',
    invalid: 'Say in a few words (under 500 characters) why you cancel.',
  },
} satisfies FormFields;

export const RESCHEDULE = {
  newStart: {
    label: 'New time',
    paths: ['newStart'],
    required: 'Choose the new time.',
    invalid: 'Choose another time: this one cannot be booked.',
    refusals: ['SLOT_TAKEN', 'OUTSIDE_WORKING_HOURS', 'IN_THE_PAST', 'PATIENT_DOUBLE_BOOKED'],
  },
} satisfies FormFields;

export const PATIENT_SEARCH = {
  familyNamePrefix: {
    label: 'Family name starts with',
    paths: ['search.familyNamePrefix', 'familyNamePrefix'],
    invalid: 'Type the first letters of the family name.',
  },
} satisfies FormFields;

export const AUDIT_FILTER = {
  patientId: { label: 'Patient', paths: ['filter.patientId', 'auditTrail.filter.patientId'], invalid: 'Choose the patient again from the search.' },
  from: { label: 'From', paths: ['filter.from', 'from'], invalid: 'Enter the first day as a date.' },
  to: { label: 'To', paths: ['filter.to', 'to'], invalid: 'Enter the last day as a date, not before the first.' },
} satisfies FormFields;

export const LAB_REPORT_UPLOAD = {
  file: {
    label: 'Lab report (PDF)',
    paths: ['fileName', 'sizeBytes', 'contentType'],
    required: 'Choose a PDF file first.',
    invalid: 'Choose a PDF file of at most 10 MiB whose name has at most 255 characters.',
  },
} satisfies FormFields;

/**
 * The lab review's fields: rows of values that come and go, so a row's path is written with
 * `[]` for its number (`values[].unit` stands for `values[2].unit`).
 */
export const LAB_REVIEW = {
  testName: { label: 'Test', paths: ['values[].testName'], invalid: 'Enter the test in at most 200 characters.' },
  code: { label: 'Code', paths: ['values[].code'], invalid: 'Enter a LOINC code such as 718-7, or leave it empty.' },
  value: { label: 'Value', paths: ['values[].value'], invalid: 'Enter the value in at most 100 characters.' },
  unit: { label: 'Unit', paths: ['values[].unit'], invalid: 'Shorten the unit to at most 50 characters.' },
  referenceRange: { label: 'Reference range', paths: ['values[].referenceRange'], invalid: 'Shorten the reference range to at most 100 characters.' },
  patientId: { label: 'Right patient', paths: ['patientId'], invalid: "Enter the right patient's record id, as their chart shows it." },
  reason: { label: 'Reason', paths: ['reason'], invalid: 'Say in plain words (at most 500 characters) why the report is rejected.' },
} satisfies FormFields;

/** A patient's request to erase their data: the reason is theirs to give or not. */
export const ERASURE_REQUEST = {
  reason: { label: 'Why', paths: ['reason'], invalid: 'Shorten the reason to at most 500 characters.' },
} satisfies FormFields;

/** An administrator declines an erasure request: the legal ground, which the patient reads. */
export const ERASURE_DECLINE = {
  reason: {
    label: 'Reason for declining',
    paths: ['reason'],
    required: 'Say why the request is declined: the legal ground to keep the data.',
    invalid: 'Say in plain words (at most 500 characters) why the request is declined.',
  },
} satisfies FormFields;

/** An administrator records a patient's request to be erased: how and when they asked, no personal data. */
export const ERASURE_FOR = {
  reason: {
    label: 'How and when the patient asked',
    paths: ['reason'],
    required: 'Say how and when the patient asked for the erasure.',
    invalid: 'Say in plain words (at most 500 characters) how and when the patient asked.',
  },
} satisfies FormFields;

/** What to show for a form: a sentence per field, and one for the form when no field explains it. */
export interface FormErrors<K extends string> {
  fields: Partial<Record<K, string>>;
  problem?: string;
}

interface Violation {
  field: string;
  description: string;
}

/** The form field a BFF path names, with or without the input argument (`input.contact.phone`), a row's number or not. */
export function fieldFor<F extends FormFields>(form: F, path: string): Extract<keyof F, string> | undefined {
  const bare = path.replace(/^input\./, '');
  const anyRow = bare.replace(/\[\d+\](?=\.)/g, '[]');
  return (Object.keys(form) as Extract<keyof F, string>[]).find((name) => form[name].paths.includes(bare) || form[name].paths.includes(anyRow));
}

/**
 * The BFF's refusal as sentences on the form's fields. A violation on a path no field has is
 * said for the form; a value the BFF could not even read as its GraphQL type (a date that is
 * no date) goes to the form's date field instead of showing GraphQL's own words.
 */
export function formErrors<F extends FormFields>(form: F, error: CombinedError | undefined): FormErrors<Extract<keyof F, string>> {
  const fields: Partial<Record<Extract<keyof F, string>, string>> = {};
  const unplaced: string[] = [];
  for (const graphQLError of error?.graphQLErrors ?? []) {
    const violations = (graphQLError.extensions?.violations ?? []) as Violation[];
    for (const violation of violations) {
      const name = fieldFor(form, violation.field);
      if (name) fields[name] ??= form[name].invalid;
      else unplaced.push(violation.description);
    }
    for (const reason of refusalReasons(graphQLError)) {
      const name = (Object.keys(form) as Extract<keyof F, string>[]).find((field) => form[field].refusals?.includes(reason));
      if (name) fields[name] ??= REFUSALS[reason];
    }
    if (!violations.length && /not a valid Date/i.test(graphQLError.message)) {
      const dateField = (Object.keys(form) as Extract<keyof F, string>[]).find((name) => form[name].date);
      if (dateField) fields[dateField] ??= form[dateField].invalid;
    }
  }
  if (Object.keys(fields).length) {
    return { fields, problem: unplaced.length ? `Please check: ${unplaced.join('; ')}.` : 'Please check the marked fields.' };
  }
  if (unplaced.length) return { fields, problem: `Please check: ${unplaced.join('; ')}.` };
  return { fields, problem: problem(error) };
}

/** The required fields left empty, with their sentences; checked before anything is sent. */
export function missingFields<F extends FormFields>(
  form: F,
  values: Partial<Record<Extract<keyof F, string>, string | undefined>>,
  only: readonly Extract<keyof F, string>[] = Object.keys(form) as Extract<keyof F, string>[],
): Partial<Record<Extract<keyof F, string>, string>> {
  const missing: Partial<Record<Extract<keyof F, string>, string>> = {};
  for (const name of only) {
    const required = form[name].required;
    if (required && !(values[name] ?? '').trim()) missing[name] = required;
  }
  return missing;
}

/**
 * For a form of rows (the lab review's `values[2].unit`): the BFF's refusals by path, without the
 * input argument, each in the form's words; a path the form does not know keeps the service's.
 */
export function errorsByPath<F extends FormFields>(form: F, error: CombinedError | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const graphQLError of error?.graphQLErrors ?? []) {
    for (const violation of (graphQLError.extensions?.violations ?? []) as Violation[]) {
      const name = fieldFor(form, violation.field);
      errors[violation.field.replace(/^input\./, '')] = name ? form[name].invalid : violation.description;
    }
  }
  return errors;
}
