import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { LanguageProvider } from '../i18n/I18n';
import { expectNoAxeViolations } from '../test-support/axe';
import { badRequest, fakeClient, withClient, type Sent } from '../test-support/fakeClient';
import { erasureRequestOf, keepErasureRequest } from './erasureRequestKept';
import { MyErasure } from './MyErasure';

const PENDING = {
  id: 'e-1',
  state: 'PENDING',
  requestedAt: '2026-12-01T09:00:00Z',
  decidedAt: null,
  declineReason: null,
  erasedAt: null,
};
const DECLINED = { ...PENDING, state: 'DECLINED', decidedAt: '2026-12-02T10:00:00Z', declineReason: 'Your treatment is still open.' };

describe("a patient's request to erase their data", () => {
  afterEach(() => localStorage.clear());

  it('says what is erased and what may be kept, asks for confirmation, then shows the request pending', async () => {
    const sent: Sent = [];
    const { container } = render(
      withClient(fakeClient({ RequestErasure: { data: { requestErasure: PENDING } }, MyErasureRequest: { data: { erasureRequest: PENDING } } }, sent),
        <MyErasure patientId="p-1" />, 'p-1'),
    );
    expect(screen.getByText(/your record \(name, date of birth/)).toBeInTheDocument();
    expect(screen.getByText(/medical records \(history, lab results\) for the years the law requires/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Ask to erase my data' }));

    expect(screen.getByText(/Do you really want your data erased\?/)).toHaveFocus();
    expect(sent).toEqual([]);
    await expectNoAxeViolations(container);
    await userEvent.type(screen.getByLabelText('Why (optional)'), 'I am moving abroad');
    await userEvent.click(screen.getByRole('button', { name: 'Yes, ask to erase my data' }));

    expect(await screen.findByRole('status')).toHaveTextContent(/^Your request of .+ is waiting for an administrator's decision\.$/);
    expect(sent[0]).toEqual({ name: 'RequestErasure', variables: { reason: 'I am moving abroad' } });
    expect(erasureRequestOf('p-1')).toBe('e-1');
    expect(screen.queryByRole('button', { name: 'Ask to erase my data' })).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('sends nothing when the patient keeps their data, and gives the focus back', async () => {
    const sent: Sent = [];
    render(withClient(fakeClient({}, sent), <MyErasure patientId="p-1" />, 'p-1'));

    await userEvent.click(screen.getByRole('button', { name: 'Ask to erase my data' }));
    await userEvent.click(screen.getByRole('button', { name: 'No, keep my data' }));

    expect(screen.getByRole('button', { name: 'Ask to erase my data' })).toHaveFocus();
    expect(sent).toEqual([]);
  });

  it("shows a declined request with the clinic's reason, and lets the patient ask again", async () => {
    keepErasureRequest('p-1', 'e-1');
    const sent: Sent = [];
    render(withClient(fakeClient({ MyErasureRequest: { data: { erasureRequest: DECLINED } } }, sent), <MyErasure patientId="p-1" />, 'p-1'));

    expect(await screen.findByRole('status')).toHaveTextContent(/was declined on .+\. The reason the clinic gives: Your treatment is still open\./);
    expect(sent).toEqual([{ name: 'MyErasureRequest', variables: { id: 'e-1' } }]);
    expect(screen.getByRole('button', { name: 'Ask to erase my data' })).toBeInTheDocument();
  });

  it.each([
    ['APPROVED', /approved on .+; your data is being erased\./],
    ['DONE', /Your data was erased on .+\. You cannot sign in again\./],
  ])('shows an %s request and offers no second one', async (state, words) => {
    keepErasureRequest('p-1', 'e-1');
    const request = { ...PENDING, state, decidedAt: '2026-12-02T10:00:00Z', erasedAt: state === 'DONE' ? '2026-12-02T10:00:05Z' : null };
    render(withClient(fakeClient({ MyErasureRequest: { data: { erasureRequest: request } } }), <MyErasure patientId="p-1" />, 'p-1'));

    expect(await screen.findByRole('status')).toHaveTextContent(words);
    expect(screen.queryByRole('button', { name: 'Ask to erase my data' })).toBeNull();
  });

  it("forgets a kept request patient-service does not know, and another patient's", async () => {
    keepErasureRequest('p-1', 'e-1');
    const notFound = new CombinedError({ graphQLErrors: [new GraphQLError('erasure request e-1 not found', { extensions: { classification: 'NOT_FOUND' } })] });
    render(withClient(fakeClient({ MyErasureRequest: { error: notFound } }), <MyErasure patientId="p-1" />, 'p-1'));

    expect(await screen.findByRole('button', { name: 'Ask to erase my data' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(erasureRequestOf('p-1')).toBeUndefined());
    keepErasureRequest('p-2', 'e-2');
    expect(erasureRequestOf('p-1')).toBeUndefined();
  });

  it('says why the request could not be sent, and a refused reason beside its field', async () => {
    const unreachable = new CombinedError({ networkError: new Error('Failed to fetch') });
    const { unmount } = render(withClient(fakeClient({ RequestErasure: { error: unreachable } }), <MyErasure patientId="p-1" />, 'p-1'));
    await userEvent.click(screen.getByRole('button', { name: 'Ask to erase my data' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, ask to erase my data' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your request could not be sent. The clinic cannot be reached right now. Try again shortly.',
    );
    expect(erasureRequestOf('p-1')).toBeUndefined();
    unmount();

    render(withClient(fakeClient({ RequestErasure: { error: badRequest([{ field: 'reason', description: 'must be at most 500 characters' }]) } }),
      <MyErasure patientId="p-1" />, 'p-1'));
    await userEvent.click(screen.getByRole('button', { name: 'Ask to erase my data' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, ask to erase my data' }));

    expect(await screen.findByLabelText('Why (optional)')).toHaveAccessibleDescription('Shorten the reason to at most 500 characters.');
  });

  it('says it in German', async () => {
    render(
      <LanguageProvider initial="de">
        {withClient(fakeClient({}), <MyErasure patientId="p-1" />, 'p-1')}
      </LanguageProvider>,
    );

    await userEvent.click(screen.getByRole('button', { name: 'Löschung meiner Daten beantragen' }));

    expect(screen.getByRole('button', { name: 'Ja, Löschung beantragen' })).toBeInTheDocument();
    expect(screen.getByLabelText('Warum (freiwillig)')).toBeInTheDocument();
  });
});
