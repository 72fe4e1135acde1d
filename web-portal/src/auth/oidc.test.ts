import { UserManager } from 'oidc-client-ts';
import { describe, expect, it, vi } from 'vitest';
import { shareAcrossTabs } from './oidc';

const KEY = 'oidc.user:http://keycloak/realms/medicore:medicore-portal';

function manager() {
  const userManager = new UserManager({ authority: 'http://keycloak/realms/medicore', client_id: 'medicore-portal', redirect_uri: 'http://portal/' });
  const getUser = vi.spyOn(userManager, 'getUser').mockResolvedValue(null);
  const removeUser = vi.spyOn(userManager, 'removeUser').mockResolvedValue();
  return { userManager, getUser, removeUser };
}

describe('one session for all tabs', () => {
  it('takes up the session another tab stored', () => {
    const { userManager, getUser } = manager();
    shareAcrossTabs(userManager, window);

    window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: '{"access_token":"t"}' }));

    expect(getUser).toHaveBeenCalledWith(true);
  });

  it('signs out when another tab signed out', () => {
    const { userManager, removeUser } = manager();
    shareAcrossTabs(userManager, window);

    window.dispatchEvent(new StorageEvent('storage', { key: KEY, newValue: null }));
    window.dispatchEvent(new StorageEvent('storage', { key: 'something-else', newValue: null }));

    expect(removeUser).toHaveBeenCalledOnce();
  });
});
