import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { badRequest } from '../test-support/fakeClient';
import {
  AUDIT_FILTER,
  BOOKING,
  CANCELLATION,
  HISTORY_ENTRY,
  LAB_REPORT_UPLOAD,
  LAB_REVIEW,
  PATIENT_SEARCH,
  PAYMENT,
  PROFILE,
  PROFILE_LANGUAGE,
  RESCHEDULE,
  SIGN_UP,
  errorsByPath,
  fieldFor,
  formErrors,
  missingFields,
  type FormFields,
} from './formFields';

// Every path the BFF and the services behind it name in a refusal of these inputs (the BFF's own
// checks spell them with `input.`, the services' come in the schema's camel case), and the
// form field it must land on.
const PATHS: [string, FormFields, string, string][] = [
  ['registerPatient', SIGN_UP, 'input.name.given', 'given'],
  ['registerPatient', SIGN_UP, 'input.name.family', 'family'],
  ['registerPatient', SIGN_UP, 'name.given', 'given'],
  ['registerPatient', SIGN_UP, 'input.dateOfBirth', 'dateOfBirth'],
  ['registerPatient', SIGN_UP, 'dateOfBirth', 'dateOfBirth'],
  ['registerPatient', SIGN_UP, 'input.email', 'email'],
  ['registerPatient', SIGN_UP, 'contact.email', 'email'],
  ['registerPatient', SIGN_UP, 'contact.phone', 'phone'],
  ['registerPatient', SIGN_UP, 'input.password', 'password'],
  ['updatePatient', PROFILE, 'contact.phone', 'phone'],
  ['updatePatient', PROFILE, 'contact.email', 'email'],
  ['updatePatient', PROFILE, 'contact.address.lines', 'street'],
  ['updatePatient', PROFILE, 'contact.address.city', 'city'],
  ['updatePatient', PROFILE, 'contact.address.countryCode', 'countryCode'],
  ['updatePatient', PROFILE, 'input.contact.address.postalCode', 'postalCode'],
  ['updatePatient', PROFILE, 'contact.address.region', 'region'],
  ['updatePatient', PROFILE, 'contact.address.lines[1]', 'moreAddress'],
  ['updatePatient', PROFILE_LANGUAGE, 'preferredLanguage', 'language'],
  ['updatePatient', PROFILE_LANGUAGE, 'input.preferredLanguage', 'language'],
  ['auditTrail', AUDIT_FILTER, 'filter.patientId', 'patientId'],
  ['auditTrail', AUDIT_FILTER, 'filter.from', 'from'],
  ['auditTrail', AUDIT_FILTER, 'filter.to', 'to'],
  ['addHistoryEntry', HISTORY_ENTRY, 'allergy.severity', 'severity'],
  ['addHistoryEntry', HISTORY_ENTRY, 'allergy.substance', 'text'],
  ['addHistoryEntry', HISTORY_ENTRY, 'condition.display', 'text'],
  ['addHistoryEntry', HISTORY_ENTRY, 'medication.name', 'text'],
  ['addHistoryEntry', HISTORY_ENTRY, 'medication.dosage', 'dosage'],
  ['addHistoryEntry', HISTORY_ENTRY, 'note.text', 'text'],
  ['recordPayment', PAYMENT, 'amount.amountMinor', 'amount'],
  ['recordPayment', PAYMENT, 'amount.currency', 'amount'],
  ['recordPayment', PAYMENT, 'method', 'method'],
  ['bookAppointment', BOOKING, 'start', 'start'],
  ['bookAppointment', BOOKING, 'reason', 'reason'],
  ['cancelAppointment', CANCELLATION, 'reason', 'reason'],
  ['rescheduleAppointment', RESCHEDULE, 'newStart', 'newStart'],
  ['patients', PATIENT_SEARCH, 'familyNamePrefix', 'familyNamePrefix'],
  ['requestLabReportUpload', LAB_REPORT_UPLOAD, 'sizeBytes', 'file'],
  ['requestLabReportUpload', LAB_REPORT_UPLOAD, 'fileName', 'file'],
];

describe('the BFF field paths and the forms', () => {
  it.each(PATHS)('%s: %s lands on its field', (_operation, form, path, name) => {
    expect(fieldFor(form, path)).toBe(name);
  });

  it('puts a refused phone number on the Phone field in a sentence, not in the service words', () => {
    const errors = formErrors(SIGN_UP, badRequest([{ field: 'contact.phone', description: 'must be a phone number in E.164 form such as +4930123456' }]));

    expect(errors.fields).toEqual({ phone: 'Enter a phone number such as +49 30 1234567.' });
    expect(errors.problem).toBe('Please check the marked fields.');
  });

  it("says every refused field in the form's own sentence, never in the service's words", () => {
    const errors = formErrors(SIGN_UP, badRequest([{ field: 'input.password', description: 'must have at least 10 characters' }]));

    expect(errors.fields.password).toBe('Choose another password of at least 12 characters that is hard to guess.');
  });

  it('puts a refusal of the state that is about one value on that field, by its reason', () => {
    const taken = new CombinedError({
      graphQLErrors: [new GraphQLError('slot is taken', { extensions: { classification: 'CONFLICT', code: 'FAILED_PRECONDITION', reasons: ['SLOT_TAKEN'] } })],
    });
    const tooMuch = new CombinedError({
      graphQLErrors: [
        new GraphQLError('the amount exceeds the balance due', {
          extensions: { classification: 'CONFLICT', code: 'FAILED_PRECONDITION', reasons: ['AMOUNT_EXCEEDS_BALANCE'] },
        }),
      ],
    });

    expect(formErrors(RESCHEDULE, taken).fields).toEqual({ newStart: 'That time has just been taken. Choose another.' });
    expect(formErrors(BOOKING, taken).fields).toEqual({ start: 'That time has just been taken. Choose another.' });
    expect(formErrors(PAYMENT, tooMuch).fields).toEqual({ amount: 'The amount is more than is still due on the invoice.' });
  });

  it('puts a value GraphQL could not read as a date on the date field, without GraphQL wording', () => {
    const unreadable = new CombinedError({
      graphQLErrors: [new GraphQLError("Variable 'input' has an invalid value: not a valid Date: ''", { extensions: { classification: 'ValidationError' } })],
    });

    const errors = formErrors(SIGN_UP, unreadable);

    expect(errors.fields).toEqual({ dateOfBirth: 'Enter your date of birth as a date in the past.' });
    expect(JSON.stringify(errors)).not.toMatch(/Variable|input|Date:/);
  });

  it('says a refusal of a field the form does not have for the whole form', () => {
    const errors = formErrors(CANCELLATION, badRequest([{ field: 'expectedVersion', description: 'is required' }]));

    expect(errors.fields).toEqual({});
    expect(errors.problem).toBe('Please check: is required.');
  });

  it('names the required fields left empty before anything is sent', () => {
    expect(missingFields(CANCELLATION, { reason: '  ' })).toEqual({ reason: 'Say in a few words why you cancel: the practice reads it.' });
    expect(missingFields(HISTORY_ENTRY, { text: 'Penicillin', severity: '' }, ['text', 'severity'])).toEqual({
      severity: 'Choose how severe the allergy is.',
    });
    expect(missingFields(HISTORY_ENTRY, { text: 'Feels better' }, ['text'])).toEqual({});
  });
});

describe('a form of rows', () => {
  it('finds each refusal by its path, row index included', () => {
    const refusal = badRequest([{ field: 'input.values[2].unit', description: 'is required' }]);

    expect(errorsByPath(LAB_REVIEW, refusal)).toEqual({ 'values[2].unit': 'Shorten the unit to at most 50 characters.' });
  });

  it("says each refused row's field and the reviewer's in the form's words", () => {
    const refusal = badRequest([
      { field: 'input.values[0].code', description: 'must be a LOINC code such as 718-7' },
      { field: 'input.values[11].testName', description: 'must be 1 to 200 characters' },
      { field: 'input.reason', description: 'must be 1 to 500 characters' },
      { field: 'input.patientId', description: 'must be a patient id (UUID)' },
    ]);

    expect(errorsByPath(LAB_REVIEW, refusal)).toEqual({
      'values[0].code': 'Enter a LOINC code such as 718-7, or leave it empty.',
      'values[11].testName': 'Enter the test in at most 200 characters.',
      reason: 'Say in plain words (at most 500 characters) why the report is rejected.',
      patientId: "Enter the right patient's record id, as their chart shows it.",
    });
  });
});
