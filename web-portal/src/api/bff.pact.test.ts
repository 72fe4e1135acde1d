// @vitest-environment node
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { formatDocument, stringifyDocument, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BookDocument,
  DashboardDocument,
  FreeSlotsDocument,
  LabReportDownloadDocument,
  LabReportsDocument,
  MyAppointmentsDocument,
  MyInvoicesDocument,
  MyLabResultsDocument,
  MyRecordDocument,
  PatientInvoicesDocument,
  PractitionersDocument,
  RecordPaymentDocument,
  UpdateMyLanguageDocument,
} from '../gql/graphql';
import { checkCommittedPact, forgetWrittenPact, pactDirectory } from '../test-support/committedPact';
import { apiClient } from './client';

const { eachLike, fromProviderState, integer, like, regex, reify } = MatchersV3;

/**
 * The portal's pact with the BFF: the operations its screens send, taken from the same generated
 * documents the screens use and sent by the portal's own urql client, so the pact holds exactly
 * what goes over the wire. Values only the BFF's world knows (ids, free times, the caller's token)
 * come from the provider states; responses are matched by type.
 */
const PACT_FILE = 'web-portal-bff-graphql.json';
const pact = new PactV4({ consumer: 'web-portal', provider: 'bff-graphql', dir: pactDirectory, logLevel: 'warn' });

const PATIENT_ID = 'a7f5e3c1-2d9b-4b6a-9e8f-5d3b1a7c4e33';
const PRACTITIONER_ID = 'c9a7f5e3-4b2d-4f8e-a1c6-7e5d3b9a2f44';
const APPOINTMENT_ID = 'e5c3a1f7-9b4d-4d2e-8f6a-3b1c7e5a9d22';
const INVOICE_ID = '3b9d7f1e-5a2c-4e8b-9d6f-2c4a8e1b7d53';
const REPORT_ID = '5e3c1a9f-7d5b-4b3e-9c1a-6f4d2b8e0a77';
const INSTANT = '2026-06-01T08:00:00Z';
const money = { amountMinor: integer(4500), currency: like('EUR') };
const name = { given: like('Alice'), family: like('Patient') };

/**
 * An operation as urql sends it (its cache adds __typename), by a demo user of the realm whose
 * real token the BFF's state puts into the Authorization header.
 */
function operation<D, V extends AnyVariables>(
  description: string,
  user: string,
  document: TypedDocumentNode<D, V>,
  variables: Record<string, unknown>,
  ...states: [string, Record<string, string>?][]
) {
  const interaction: ReturnType<PactV4['addGraphQLInteraction']> = pact
    .addGraphQLInteraction()
    .given('a signed-in user', { user });
  states.forEach(([state, parameters]) => interaction.given(state, parameters));
  const definition = document.definitions.find((node) => node.kind === 'OperationDefinition');
  const request = interaction
    .uponReceiving(description)
    .withOperation(definition!.name!.value)
    .withVariables(variables)
    .withRequest('POST', '/graphql', (builder) =>
      builder.headers({
        Authorization: fromProviderState('Bearer ${token}', 'Bearer a-token'),
        // urql's: it asks for the GraphQL-over-HTTP media type first, which decides how the BFF answers.
        Accept: 'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed',
      }),
    )
    .withQuery(stringifyDocument(formatDocument(document)));
  return {
    respondingWith: (data: unknown) =>
      request.willRespondWith(200, (response) => {
        response
          .headers({ 'Content-Type': regex('application/(graphql-response\\+)?json(;.*)?', 'application/graphql-response+json') })
          .jsonBody({ data });
      }),
  };
}

async function send<D, V extends AnyVariables>(url: string, document: TypedDocumentNode<D, V>, variables: Record<string, unknown>) {
  const client = apiClient(`${url}/graphql`, { token: () => 'a-token', renew: () => Promise.reject(new Error('no renewal in a pact')), ended: () => {} });
  const vars = reify(variables) as V;
  const isMutation = document.definitions.some((node) => node.kind === 'OperationDefinition' && node.operation === 'mutation');
  const result = await (isMutation
    ? client.mutation(document, vars).toPromise()
    : client.query(document, vars, { requestPolicy: 'network-only' }).toPromise());
  expect(result.error).toBeUndefined();
  return result.data!;
}

// Once in a loaded CI run a request never reached Pact's mock server (it passed on every rerun);
// an interaction that fails is run again rather than failing the build on a lost connection.
describe('the portal as a consumer of bff-graphql', { retry: 2 }, () => {
  beforeAll(() => {
    forgetWrittenPact(PACT_FILE);
    // Node 20 has no WebSocket; the client's socket is lazy and these operations never open it.
    vi.stubGlobal('WebSocket', class {});
  });
  afterAll(() => checkCommittedPact(PACT_FILE));

  it('reads the signed-in patient and their record', () => {
    const variables = {};
    return operation('the signed-in patient reads their record', 'patient', MyRecordDocument, variables)
      .respondingWith({
        me: {
          email: like('patient@medicore.local'),
          patient: {
            id: like(PATIENT_ID),
            name,
            dateOfBirth: like('1985-04-12'),
            sex: like('FEMALE'),
            // The profile sends it back as updatePatient's expectedVersion.
            version: integer(1),
            contact: {
              email: like('patient@medicore.local'),
              phone: like('+49301234567'),
              address: { lines: eachLike('Invalidenstraße 1'), postalCode: like('10115'), city: like('Berlin'), countryCode: like('DE') },
            },
          },
        },
      })
      .executeTest(async (server) => {
        const data = await send(server.url, MyRecordDocument, variables);
        expect(data.me.patient?.name.family).toBe('Patient');
      });
  });

  it("saves the patient's language on their record", () => {
    const variables = {
      input: { patientId: fromProviderState('${subject}', PATIENT_ID), expectedVersion: fromProviderState('${version}', 1), preferredLanguage: 'de' },
    };
    return operation('a patient saves their language', 'patient', UpdateMyLanguageDocument, variables, ["the signed-in patient's record"])
      .respondingWith({ updatePatient: { id: like(PATIENT_ID), version: integer(2), preferredLanguage: like('de') } })
      .executeTest(async (server) => {
        const data = await send(server.url, UpdateMyLanguageDocument, variables);
        expect(data.updatePatient.preferredLanguage).toBe('de');
      });
  });

  it('lists the practitioners who take bookings', () => {
    const variables = {};
    return operation('a patient lists the practitioners', 'patient', PractitionersDocument, variables,
      ['a practitioner who takes bookings'])
      .respondingWith({
        practitioners: {
          edges: eachLike({
            node: { id: like(PRACTITIONER_ID), name, specialty: like('General practice'), department: like('General medicine'), timeZone: like('Europe/Berlin') },
          }),
        },
      })
      .executeTest(async (server) => {
        const data = await send(server.url, PractitionersDocument, variables);
        expect(data.practitioners.edges).toHaveLength(1);
      });
  });

  it("shows a week of a practitioner's free slots", () => {
    const variables = {
      practitionerId: fromProviderState('${practitionerId}', PRACTITIONER_ID),
      from: fromProviderState('${from}', '2026-06-01'),
      to: fromProviderState('${to}', '2026-06-07'),
    };
    return operation("a patient reads a week of a practitioner's free slots", 'patient', FreeSlotsDocument, variables,
      ['a practitioner who takes bookings'])
      .respondingWith({ availableSlots: eachLike({ start: like(INSTANT), end: like('2026-06-01T08:20:00Z') }) })
      .executeTest(async (server) => {
        const data = await send(server.url, FreeSlotsDocument, variables);
        expect(data.availableSlots[0].start).toBe(INSTANT);
      });
  });

  it('books a free slot', () => {
    const variables = {
      input: {
        patientId: fromProviderState('${subject}', PATIENT_ID),
        practitionerId: fromProviderState('${practitionerId}', PRACTITIONER_ID),
        start: fromProviderState('${start}', INSTANT),
        reason: like('check-up'),
        idempotencyKey: like('0d6b1c3a-8f2e-4a7d-9b5c-1e3f7a9d2b40'),
      },
    };
    return operation('a patient books a free slot', 'patient', BookDocument, variables, ['a practitioner who takes bookings'])
      .respondingWith({
        bookAppointment: {
          id: like(APPOINTMENT_ID),
          start: like(INSTANT),
          end: like('2026-06-01T08:20:00Z'),
          status: like('BOOKED'),
          appointmentType: like('CONSULTATION'),
          reason: like('check-up'),
          practitioner: { name, department: like('General medicine') },
        },
      })
      .executeTest(async (server) => {
        const data = await send(server.url, BookDocument, variables);
        expect(data.bookAppointment.status).toBe('BOOKED');
      });
  });

  it("lists the patient's upcoming appointments", () => {
    const variables = { patientId: fromProviderState('${subject}', PATIENT_ID) };
    return operation('a patient lists their upcoming appointments', 'patient', MyAppointmentsDocument, variables,
      ['the patient has an upcoming appointment'])
      .respondingWith({
        appointments: {
          edges: eachLike({
            node: {
              id: like(APPOINTMENT_ID),
              start: like(INSTANT),
              end: like('2026-06-01T08:20:00Z'),
              status: like('BOOKED'),
              version: integer(1),
              appointmentType: like('CONSULTATION'),
              lateCancellationFrom: like('2026-05-31T08:00:00Z'),
              practitionerId: like(PRACTITIONER_ID),
              // outsideWorkingHoursSince is asked for too; null in this state, so not matched
              practitioner: { name, timeZone: like('Europe/Berlin') },
            },
          }),
        },
        feeSchedule: {
          taxRateBasisPoints: integer(0),
          fees: eachLike({ appointmentType: like('CONSULTATION'), lateCancellationFee: money }),
        },
      })
      .executeTest(async (server) => {
        const data = await send(server.url, MyAppointmentsDocument, variables);
        expect(data.appointments.edges[0].node.practitioner?.name.family).toBe('Patient');
      });
  });

  const invoice = {
    id: like(INVOICE_ID),
    number: like('INV-2026-000001'),
    status: like('ISSUED'),
    issuedAt: like(INSTANT),
    total: money,
    balanceDue: money,
    chargeReason: like('LATE_CANCELLATION'),
    dueDate: like('2026-06-15'),
    lineItems: eachLike({ description: like('Late cancellation: Consultation, 2026-06-01'), quantity: integer(1), unitPrice: money, total: money }),
    subtotal: money,
    tax: money,
    amountPaid: money,
  };

  it("lists the patient's invoices", () => {
    const variables = { patientId: fromProviderState('${subject}', PATIENT_ID) };
    return operation('a patient lists their invoices', 'patient', MyInvoicesDocument, variables,
      ['the patient has an open invoice'])
      .respondingWith({ invoices: { edges: eachLike({ node: invoice }) } })
      .executeTest(async (server) => {
        const data = await send(server.url, MyInvoicesDocument, variables);
        expect(data.invoices.edges[0].node.balanceDue.amountMinor).toBe(4500);
      });
  });

  it("lets billing staff filter a patient's invoices by status", () => {
    const variables = { patientId: fromProviderState('${patientId}', PATIENT_ID), statuses: ['ISSUED', 'PARTIALLY_PAID'] };
    return operation("billing staff list a patient's open invoices", 'billing', PatientInvoicesDocument, variables,
      ['the patient has an open invoice'])
      .respondingWith({ invoices: { edges: eachLike({ node: invoice }) } })
      .executeTest(async (server) => {
        const data = await send(server.url, PatientInvoicesDocument, variables);
        expect(data.invoices.edges[0].node.amountPaid.currency).toBe('EUR');
      });
  });

  it('records a payment', () => {
    const variables = {
      input: {
        invoiceId: fromProviderState('${invoiceId}', INVOICE_ID),
        amount: { amountMinor: integer(100), currency: fromProviderState('${currency}', 'EUR') },
        method: 'CARD',
        reference: null,
        idempotencyKey: like('6f1e9a3c-2b7d-4c5e-8a1f-9d3b7e5c1a62'),
      },
    };
    return operation('billing staff record a payment', 'billing', RecordPaymentDocument, variables,
      ['the patient has an open invoice'])
      .respondingWith({
        recordPayment: {
          id: like(INVOICE_ID),
          status: like('PARTIALLY_PAID'),
          balanceDue: money,
          payments: eachLike({ id: like('7a5c3e1f-9d7b-4f5e-a3c1-8e6d4b2a0f66'), amount: money, method: like('CARD'), receivedAt: like(INSTANT) }),
        },
      })
      .executeTest(async (server) => {
        const data = await send(server.url, RecordPaymentDocument, variables);
        expect(data.recordPayment.status).toBe('PARTIALLY_PAID');
      });
  });

  it("reads the patient's lab results", () => {
    const variables = { patientId: fromProviderState('${subject}', PATIENT_ID) };
    return operation('a patient reads their lab results', 'patient', MyLabResultsDocument, variables,
      ['the patient has lab results'])
      .respondingWith({
        labResults: {
          edges: eachLike({
            node: {
              id: like('f1d9b7a5-6e3c-4a2f-b8d1-9c7a5e3f1b55'),
              testName: like('Glucose'),
              value: like('98'),
              numericValue: like(98.0),
              unit: like('mg/dL'),
              abnormalFlag: like('NORMAL'),
              referenceRange: { low: like(70.0), high: like(99.0) },
              observedAt: like(INSTANT),
            },
          }),
        },
      })
      .executeTest(async (server) => {
        const data = await send(server.url, MyLabResultsDocument, variables);
        expect(data.labResults.edges[0].node.testName).toBe('Glucose');
      });
  });

  it("lists the patient's lab reports", () => {
    const variables = { patientId: fromProviderState('${subject}', PATIENT_ID) };
    return operation('a patient lists their lab reports', 'patient', LabReportsDocument, variables,
      ['the patient has lab results'])
      .respondingWith({
        labReports: {
          edges: eachLike({
            node: { id: like(REPORT_ID), fileName: like('labs.pdf'), status: like('PROCESSED'), createdAt: like(INSTANT) },
          }),
        },
      })
      .executeTest(async (server) => {
        const data = await send(server.url, LabReportsDocument, variables);
        expect(data.labReports.edges[0].node.fileName).toBe('labs.pdf');
      });
  });

  it("asks for a lab report's PDF when the patient opens it", () => {
    const variables = { reportId: fromProviderState('${reportId}', REPORT_ID) };
    return operation("a patient asks for a lab report's PDF", 'patient', LabReportDownloadDocument, variables,
      ['the patient has lab results'])
      .respondingWith({
        labReportDownload: {
          downloadUrl: like('http://127.0.0.1:19000/medicore-lab-reports/uploads/report.pdf?X-Amz-Signature=0'),
          expiresAt: like(INSTANT),
        },
      })
      .executeTest(async (server) => {
        const data = await send(server.url, LabReportDownloadDocument, variables);
        expect(data.labReportDownload.downloadUrl).toContain('X-Amz-Signature');
      });
  });

  it("reads the admin dashboard's figures", () => {
    const variables = {};
    const window = {
      windowKey: like('main|CLINIC|2026-06-01T08:00:00Z'),
      windowStart: like(INSTANT),
      dimension: like('CLINIC'),
      bookings: integer(1),
      noShows: integer(0),
      completions: integer(0),
      revenueInvoiced: { amountMinor: integer(0), currency: like('') },
      revenueCollected: { amountMinor: integer(0), currency: like('') },
    };
    return operation("an admin reads the clinic's figures", 'admin', DashboardDocument, variables,
      ['analytics has counted a booking'])
      .respondingWith({
        dashboard: {
          bookingsLastHour: integer(1),
          noShowRateLast7DaysBasisPoints: integer(0),
          practitionerUtilisation: eachLike({ practitionerId: like(PRACTITIONER_ID), department: like('Emergency'), utilisationBasisPoints: integer(10) }),
          lastHour: eachLike(window),
        },
        practitioners: { edges: eachLike({ node: { id: like(PRACTITIONER_ID), name } }) },
      })
      .executeTest(async (server) => {
        const data = await send(server.url, DashboardDocument, variables);
        expect(data.dashboard?.lastHour[0].bookings).toBe(1);
      });
  });
});
