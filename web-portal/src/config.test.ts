import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig, UnknownClinicZone } from './config';

function served(body: unknown) {
  vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the portal's runtime configuration", () => {
  it("takes the clinic's time zone the server names", async () => {
    served({ keycloakUrl: 'https://auth.example', clinicTimeZone: 'America/New_York' });

    await expect(loadConfig('https://portal.example')).resolves.toMatchObject({
      keycloakUrl: 'https://auth.example',
      clinicTimeZone: 'America/New_York',
    });
  });

  it('spells a zone as Intl does', async () => {
    served({ clinicTimeZone: 'europe/vienna' });

    await expect(loadConfig('https://portal.example')).resolves.toMatchObject({ clinicTimeZone: 'Europe/Vienna' });
  });

  it("shows Berlin's times, the demo clinic's, when the server names no zone or serves no configuration", async () => {
    served({ keycloakUrl: 'https://auth.example' });
    await expect(loadConfig('https://portal.example')).resolves.toMatchObject({ clinicTimeZone: 'Europe/Berlin' });

    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } })));
    await expect(loadConfig('https://portal.example')).resolves.toMatchObject({
      graphqlUrl: 'https://portal.example/graphql',
      clinicTimeZone: 'Europe/Berlin',
    });
  });

  it('refuses a zone no browser knows rather than show the times in another', async () => {
    for (const zone of ['Europe/Berln', '+01:00', '', 42]) {
      served({ clinicTimeZone: zone });

      const refused = loadConfig('https://portal.example');

      await expect(refused).rejects.toBeInstanceOf(UnknownClinicZone);
      await expect(refused).rejects.toMatchObject({ zone: String(zone) });
    }
  });
});
