import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LanguageProvider } from '../i18n/I18n';
import { expectNoAxeViolations } from '../test-support/axe';
import { conflict, fakeClient, withClient, type Sent } from '../test-support/fakeClient';
import { ErasureRequests } from './ErasureRequests';

const BY_PATIENT = {
  id: 'e-1',
  patientId: 'p-1',
  requestedByRole: 'PATIENT',
  requestedBy: 'p-1',
  reason: null,
  requestedAt: '2026-12-01T09:00:00Z',
};
const BY_THIS_ADMIN = { ...BY_PATIENT, id: 'e-2', patientId: 'p-2', requestedByRole: 'ADMIN', requestedBy: 'admin-1',
  reason: 'asked by letter of 2026-12-01', requestedAt: '2026-12-02T09:00:00Z' };

const pending = (...nodes: object[]) => ({
  PendingErasureRequests: {
    data: { pendingErasureRequests: { edges: nodes.map((node) => ({ node })), pageInfo: { hasNextPage: false, endCursor: null } } },
  },
});

const fourEyes = new CombinedError({
  graphQLErrors: [new GraphQLError('you recorded this erasure request, so another administrator must decide it', {
    extensions: { classification: 'FORBIDDEN', code: 'PERMISSION_DENIED', reason: 'FOUR_EYES' },
  })],
});

const asAdmin = (answers: Parameters<typeof fakeClient>[0], sent?: Sent) =>
  render(withClient(fakeClient(answers, sent), <ErasureRequests />, 'admin-1', ['ADMIN']));

describe("the admin's erasure requests", () => {
  it('lists the pending requests oldest first and approves one after a confirmation', async () => {
    const sent: Sent = [];
    const { container } = asAdmin({ ...pending(BY_PATIENT, BY_THIS_ADMIN), ApproveErasureRequest: { data: { approveErasureRequest: { id: 'e-1', state: 'DONE' } } } }, sent);

    const items = await screen.findAllByRole('listitem');
    expect(items.map((item) => within(item).getByText(/^Patient record/).textContent)).toEqual(['Patient record p-1', 'Patient record p-2']);
    expect(items[0]).toHaveTextContent(/Asked by the patient on .+\./);
    expect(items[0]).toHaveTextContent('No reason given.');
    expect(within(items[0]).getByRole('link', { name: "Open the patient's chart" })).toHaveAttribute('href', '/patients/p-1');
    await expectNoAxeViolations(container);

    await userEvent.click(within(items[0]).getByRole('button', { name: 'Approve and erase' }));
    expect(within(items[0]).getByText(/^Erase this patient now\?/)).toHaveFocus();
    expect(sent.map((operation) => operation.name)).not.toContain('ApproveErasureRequest');
    await expectNoAxeViolations(container);
    await userEvent.click(within(items[0]).getByRole('button', { name: 'Yes, erase' }));

    expect(await screen.findByRole('status')).toHaveTextContent('The patient was erased.');
    expect(sent).toContainEqual({ name: 'ApproveErasureRequest', variables: { id: 'e-1' } });
  });

  it('says that another administrator must decide a request this admin recorded', async () => {
    asAdmin({ ...pending(BY_THIS_ADMIN), ApproveErasureRequest: { error: fourEyes } });

    const item = await screen.findByRole('listitem');
    expect(item).toHaveTextContent(/Recorded by you on .+: another administrator must decide it\./);
    expect(item).toHaveTextContent('Reason: asked by letter of 2026-12-01');
    await userEvent.click(within(item).getByRole('button', { name: 'Approve and erase' }));
    await userEvent.click(within(item).getByRole('button', { name: 'Yes, erase' }));

    expect(await within(item).findByRole('alert')).toHaveTextContent('You recorded this request, so another administrator must decide it.');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('asks for the reason before declining, sends nothing without one, then declines with it', async () => {
    const sent: Sent = [];
    asAdmin({ ...pending(BY_PATIENT), DeclineErasureRequest: { data: { declineErasureRequest: { id: 'e-1', state: 'DECLINED' } } } }, sent);
    const item = await screen.findByRole('listitem');

    await userEvent.click(within(item).getByRole('button', { name: 'Decline' }));
    const reason = within(item).getByLabelText('Reason for declining (the patient reads it)');
    expect(reason).toHaveFocus();
    await userEvent.type(reason, '   ');
    await userEvent.click(within(item).getByRole('button', { name: 'Decline the request' }));

    expect(reason).toHaveAccessibleDescription('Say why the request is declined: the legal ground to keep the data.');
    expect(within(item).getByRole('alert')).toHaveTextContent('Please check the marked fields.');
    expect(sent.map((operation) => operation.name)).not.toContain('DeclineErasureRequest');

    await userEvent.type(reason, 'The treatment is still open (retention duty)');
    await userEvent.click(within(item).getByRole('button', { name: 'Decline the request' }));

    expect(await screen.findByRole('status')).toHaveTextContent('The request was declined.');
    expect(sent).toContainEqual({ name: 'DeclineErasureRequest', variables: { id: 'e-1', reason: 'The treatment is still open (retention duty)' } });
  });

  it('says in words that a patient was erased already, and a request decided meanwhile', async () => {
    asAdmin({ ...pending(BY_PATIENT), ApproveErasureRequest: { error: conflict(['ALREADY_ERASED'], 'the patient was erased already') },
      DeclineErasureRequest: { error: conflict(['ALREADY_DECIDED'], 'the erasure request was decided already') } });
    const item = await screen.findByRole('listitem');

    await userEvent.click(within(item).getByRole('button', { name: 'Approve and erase' }));
    await userEvent.click(within(item).getByRole('button', { name: 'Yes, erase' }));
    expect(await within(item).findByRole('alert')).toHaveTextContent('The patient has already been erased.');

    await userEvent.click(within(item).getByRole('button', { name: 'Cancel' }));
    await userEvent.click(within(item).getByRole('button', { name: 'Decline' }));
    await userEvent.type(within(item).getByRole('textbox'), 'retention duty');
    await userEvent.click(within(item).getByRole('button', { name: 'Decline the request' }));
    expect(await within(item).findByRole('alert')).toHaveTextContent('The request has already been decided, by another administrator meanwhile.');
  });

  it('says when nothing waits', async () => {
    asAdmin(pending());
    expect(await screen.findByText('No erasure request is waiting for a decision.')).toBeInTheDocument();
  });

  it('says when the list cannot be read', async () => {
    asAdmin({ PendingErasureRequests: { error: new CombinedError({ networkError: new Error('Failed to fetch') }) } });
    expect(await screen.findByRole('alert')).toHaveTextContent('The clinic cannot be reached right now. Try again shortly.');
  });

  it('says the four-eyes refusal in German', async () => {
    render(
      <LanguageProvider initial="de">
        {withClient(fakeClient({ ...pending(BY_THIS_ADMIN), ApproveErasureRequest: { error: fourEyes } }), <ErasureRequests />, 'admin-1', ['ADMIN'])}
      </LanguageProvider>,
    );
    const item = await screen.findByRole('listitem');
    await userEvent.click(within(item).getByRole('button', { name: 'Genehmigen und löschen' }));
    await userEvent.click(within(item).getByRole('button', { name: 'Ja, löschen' }));

    expect(await within(item).findByRole('alert')).toHaveTextContent(
      'Sie haben diesen Antrag erfasst; entscheiden muss deshalb eine andere Administratorin oder ein anderer Administrator.',
    );
  });
});
