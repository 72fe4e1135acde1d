import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { NotificationsQuery } from '../gql/graphql';
import { problem } from '../api/errors';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/I18n';
import { PageButtons, useCursorPages } from '../ui/Pages';
import { Empty, Loading, Page, Problem } from '../ui/States';
import { Table } from '../ui/Table';
import { formatDateTime } from '../ui/time';
import { MessagePreferencesForm } from './MessagePreferences';

const Notifications = graphql(`
  query Notifications($patientId: ID!, $after: String) {
    notifications(patientId: $patientId, first: 20, after: $after) {
      edges {
        node {
          id
          kind
          channel
          recipient
          status
          createdAt
          dueAt
          sentAt
          invoiceNumber
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

type Notification = NotificationsQuery['notifications']['edges'][number]['node'];

/** When a message went, or when it is due while it waits; planned is what a withdrawn or failed one has. */
function when(message: Notification): string {
  if (message.sentAt) return formatDateTime(message.sentAt);
  return formatDateTime(message.status === 'PENDING' ? message.dueAt : message.createdAt);
}

/**
 * The messages the clinic sent a patient (never their text): what each was about, by which
 * channel, to which address (masked), what became of it and when, the latest planned first.
 * For the patient themself, and for clinicians in the chart.
 */
export function MessageList({ patientId }: { patientId: string }) {
  const { t, phrase } = useI18n();
  const pages = useCursorPages();
  const [{ data, fetching, error }] = useQuery({ query: Notifications, variables: { patientId, after: pages.after }, requestPolicy: 'cache-and-network' });
  const messages = data?.notifications.edges.map((edge) => edge.node) ?? [];
  return (
    <div className="flex flex-col gap-2">
      {fetching && !data && <Loading what={t('messages.loading')} />}
      <Problem>{phrase(problem(error))}</Problem>
      {data && messages.length === 0 && <Empty>{t('messages.none')}</Empty>}
      {messages.length > 0 && (
        <Table
          columns={[
            { label: t('messages.about') },
            { label: t('messages.channel') },
            { label: t('messages.to') },
            { label: t('messages.status') },
            { label: t('messages.when') },
          ]}
        >
          {messages.map((message) => (
            <tr key={message.id} className="border-t border-slate-200">
              <td>{message.invoiceNumber ? t('messages.kindInvoice', { number: message.invoiceNumber }) : t(`messages.kind.${message.kind}`)}</td>
              <td>{t(`messages.channel.${message.channel}`)}</td>
              <td>{message.recipient ?? '—'}</td>
              <td>{t(`messages.status.${message.status}`)}</td>
              <td>{when(message)}</td>
            </tr>
          ))}
        </Table>
      )}
      {(pages.page > 1 || data?.notifications.pageInfo.hasNextPage) && <PageButtons pages={pages} pageInfo={data?.notifications.pageInfo} />}
    </div>
  );
}

/** The signed-in patient's own messages. */
export function MyMessages() {
  const { subject } = useSession();
  const { t } = useI18n();
  return (
    <Page title={t('nav.messages')}>
      <MessagePreferencesForm patientId={subject} />
      <p className="text-sm text-slate-600">{t('messages.hint')}</p>
      <MessageList patientId={subject} />
    </Page>
  );
}

/** The messages section of a patient's chart. */
export function ChartMessages({ patientId }: { patientId: string }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="chart-messages" className="flex flex-col gap-2">
      <h3 id="chart-messages" className="font-semibold">
        {t('nav.messages')}
      </h3>
      <MessageList patientId={patientId} />
    </section>
  );
}
