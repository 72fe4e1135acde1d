import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { InvoiceStatus, PaymentMethod, PatientInvoicesQuery } from '../gql/graphql';
import { problem } from '../api/errors';
import { PAYMENT, missingFields } from '../api/formFields';
import { PatientSearch } from '../doctor/PatientSearch';
import { useI18n } from '../i18n/I18n';
import { formatMoney } from '../money/money';
import { Choice, Field } from '../ui/Field';
import { useFormCheck } from '../ui/formCheck';
import { Done, Empty, Loading, Page, Problem, buttonClass, quietButtonClass } from '../ui/States';
import { formatDateTime } from '../ui/time';
import { InvoiceLines, paymentMethodName } from './InvoiceLines';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import { PaymentHistory } from './PaymentHistory';
import { toMinorUnits } from './amounts';
import { Worklist } from './Worklist';

const PatientInvoices = graphql(`
  query PatientInvoices($patientId: ID!, $statuses: [InvoiceStatus!]) {
    invoices(patientId: $patientId, statuses: $statuses, first: 50) {
      edges {
        node {
          ...InvoiceSummary
          ...InvoiceDetails
        }
      }
    }
  }
`);

const RecordPayment = graphql(`
  mutation RecordPayment($input: RecordPaymentInput!) {
    recordPayment(input: $input) {
      id
      status
      balanceDue {
        amountMinor
        currency
      }
      payments {
        ...PaymentParts
      }
    }
  }
`);

const STATUSES: readonly InvoiceStatus[] = ['ISSUED', 'PARTIALLY_PAID', 'PAID', 'VOID'];

type Invoice = PatientInvoicesQuery['invoices']['edges'][number]['node'];

/** Billing staff work through open invoices (the worklist), or pick a patient, filter their invoices by status and record payments against them. */
export function Invoices() {
  const { t, phrase } = useI18n();
  const [patient, setPatient] = useState<{ id: string; name: string }>();
  const [statuses, setStatuses] = useState<InvoiceStatus[]>(['ISSUED', 'PARTIALLY_PAID']);
  const [receipt, setReceipt] = useState<string>();
  const [{ data, fetching, error }, refresh] = useQuery({
    query: PatientInvoices,
    variables: { patientId: patient?.id ?? '', statuses: statuses.length ? statuses : null },
    pause: !patient,
  });
  const invoices = data?.invoices.edges.map((edge) => edge.node) ?? [];
  const toggle = (status: InvoiceStatus) =>
    setStatuses(statuses.includes(status) ? statuses.filter((s) => s !== status) : [...statuses, status]);

  const statusChoice = (
    <fieldset className="flex flex-wrap gap-3">
      <legend className="font-medium">{t('worklist.status')}</legend>
      {STATUSES.map((status) => (
        <label key={status} className="flex min-h-11 items-center gap-1">
          <input type="checkbox" checked={statuses.includes(status)} onChange={() => toggle(status)} />
          {t(`invoice.status.${status}`)}
        </label>
      ))}
    </fieldset>
  );

  return (
    <Page title={t('nav.invoices')}>
      {!patient ? (
        <>
          <Worklist />
          <section aria-labelledby="one-patient" className="flex flex-col gap-2">
            <h3 id="one-patient" className="font-semibold">
              {t('worklist.onePatient')}
            </h3>
            <PatientSearch onChoose={(id, name) => setPatient({ id, name })} />
          </section>
        </>
      ) : (
        <>
          <p className="flex flex-wrap items-center gap-2">
            {t('invoice.of')} <strong>{patient.name}</strong>
            <button
              type="button"
              className={quietButtonClass}
              onClick={() => {
                setPatient(undefined);
                setReceipt(undefined);
              }}
            >
              {t('invoice.anotherPatient')}
            </button>
          </p>
          {statusChoice}
          {receipt && <Done>{receipt}</Done>}
          {fetching && !data && <Loading what={t('invoice.loading')} />}
          <Problem>{phrase(problem(error))}</Problem>
          {data && invoices.length === 0 && <Empty>{t('invoice.noneInStatuses')}</Empty>}
          <ul className="flex flex-col gap-3">
            {invoices.map((invoice) => (
              <InvoiceItem
                key={invoice.id}
                invoice={invoice}
                onPaid={(said) => {
                  setReceipt(said);
                  refresh({ requestPolicy: 'network-only' });
                }}
              />
            ))}
          </ul>
          <PatientPayments patientId={patient.id} />
        </>
      )}
    </Page>
  );
}

/** The patient's payments across all their invoices, whatever statuses the list above shows. */
function PatientPayments({ patientId }: { patientId: string }) {
  const { t, phrase } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: PatientInvoices, variables: { patientId, statuses: null } });
  if (fetching && !data) return <Loading what={t('payments.loading')} />;
  if (error) return <Problem>{phrase(problem(error))}</Problem>;
  return data ? <PaymentHistory invoices={data.invoices.edges.map((edge) => edge.node)} /> : null;
}

const METHODS: readonly PaymentMethod[] = ['CARD', 'CASH', 'BANK_TRANSFER', 'INSURANCE'];

/** One invoice and, while open, the form to record a payment; `onPaid` gets the receipt in words. */
export function InvoiceItem({ invoice, onPaid }: { invoice: Invoice; onPaid: (receipt: string) => void }) {
  const { t, phrase } = useI18n();
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<PaymentMethod>('CARD');
  const [reference, setReference] = useState('');
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [result, record] = useMutation(RecordPayment);
  const { errors, problem: refusal, passes } = useFormCheck(PAYMENT, result.error);
  const currency = invoice.balanceDue.currency;
  const open = invoice.status === 'ISSUED' || invoice.status === 'PARTIALLY_PAID';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amountMinor = toMinorUnits(amount, currency);
    const wrong = missingFields(PAYMENT, { amount });
    if (!wrong.amount && !amountMinor) wrong.amount = PAYMENT.amount.invalid;
    if (!passes(wrong) || !amountMinor) return;
    void record({
      input: { invoiceId: invoice.id, amount: { amountMinor, currency }, method, reference: reference || null, idempotencyKey },
    }).then((paid) => {
      const invoiceNow = paid.data?.recordPayment;
      if (invoiceNow) {
        // The receipt: the newest payment as billing-service recorded it, and what is left to pay.
        const payment = invoiceNow.payments[invoiceNow.payments.length - 1];
        setAmount('');
        setIdempotencyKey(crypto.randomUUID());
        onPaid(
          t('invoice.receipt', {
            number: invoice.number,
            amount: formatMoney(payment.amount),
            method: paymentMethodName(payment.method, t),
            when: formatDateTime(payment.receivedAt),
            reference: payment.reference ? ` (${payment.reference})` : '',
            left: formatMoney(invoiceNow.balanceDue),
          }),
        );
      }
    });
  };

  return (
    <li className="rounded border border-slate-300 bg-white p-3">
      <p className="flex flex-wrap items-center gap-2">
        <strong>{invoice.number}</strong> <InvoiceStatusBadge status={invoice.status} />
        <span>{t('invoice.issued', { when: formatDateTime(invoice.issuedAt) })}</span>
      </p>
      <p>
        {t('invoice.totalPaidDue', { total: formatMoney(invoice.total), paid: formatMoney(invoice.amountPaid) })}{' '}
        <strong data-testid="balance-due">{formatMoney(invoice.balanceDue)}</strong>
      </p>
      <InvoiceLines invoice={invoice} />
      {open && (
        <form onSubmit={submit} noValidate className="mt-2 grid gap-2 sm:grid-cols-4 sm:items-end">
          <Field
            label={t('payment.amount', { currency })}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            error={phrase(errors.amount)}
          />
          <Choice
            label={t('payment.method')}
            value={method}
            options={METHODS.map((choice) => ({ value: choice, label: t(`payment.choice.${choice}`) }))}
            onChange={(value) => setMethod(value as PaymentMethod)}
            error={phrase(errors.method)}
          />
          <Field label={t('payment.reference')} value={reference} onChange={(e) => setReference(e.target.value)} error={phrase(errors.reference)} />
          <button type="submit" className={buttonClass} disabled={result.fetching}>
            {t('payment.record')}
          </button>
          <div className="sm:col-span-4">
            <Problem>{phrase(refusal)}</Problem>
          </div>
        </form>
      )}
    </li>
  );
}
