/** The realm roles in an access token's realm_access claim; the token is only read here, the BFF checks it. */
export function realmRoles(accessToken: string | undefined): string[] {
  return (claims(accessToken) as { realm_access?: { roles?: string[] } } | undefined)?.realm_access?.roles ?? [];
}

/** Whether the stored access token is a token at all (a JWT with readable claims), not whether it is valid. */
export function readableToken(accessToken: string | undefined): boolean {
  return claims(accessToken) !== undefined;
}

function claims(accessToken: string | undefined): object | undefined {
  const payload = accessToken?.split('.')[1];
  if (!payload) return undefined;
  try {
    const parsed: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}
