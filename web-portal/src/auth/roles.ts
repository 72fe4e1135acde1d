/** The realm roles in an access token's realm_access claim; the token is only read here, the BFF checks it. */
export function realmRoles(accessToken: string | undefined): string[] {
  const payload = accessToken?.split('.')[1];
  if (!payload) return [];
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    return (JSON.parse(json) as { realm_access?: { roles?: string[] } }).realm_access?.roles ?? [];
  } catch {
    return [];
  }
}
