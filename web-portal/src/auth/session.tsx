import { createContext, useContext } from 'react';

/** Who is signed in, as the token says: a patient's record id is their subject. */
export interface Session {
  subject: string;
  roles: readonly string[];
}

export const SessionContext = createContext<Session>({ subject: '', roles: [] });

export function useSession(): Session {
  return useContext(SessionContext);
}
