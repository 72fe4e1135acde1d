const KEY = 'medicore.erasureRequest';

/**
 * The id of the erasure request this patient made, kept in this browser: patient-service answers a
 * request by its id and has no "my request" call, so without the id the profile could not say where
 * the request stands. A request made on another device shows here once the patient asks again (a
 * repeat while one is pending answers with that one, recording nothing new).
 */
export function keepErasureRequest(patientId: string, requestId: string): void {
  localStorage.setItem(KEY, JSON.stringify({ patientId, requestId }));
}

/** The request kept for this patient, if any; anything unreadable in the storage counts as none. */
export function erasureRequestOf(patientId: string): string | undefined {
  try {
    const kept = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { patientId?: unknown; requestId?: unknown } | null;
    return kept?.patientId === patientId && typeof kept.requestId === 'string' ? kept.requestId : undefined;
  } catch {
    return undefined;
  }
}

export function forgetErasureRequest(): void {
  localStorage.removeItem(KEY);
}
