import { createContext, useContext } from 'react';
import type { Client } from '../../shared/api.ts';

export const ClientContext = createContext<Client | null>(null);

export function useClient(): Client {
  const c = useContext(ClientContext);
  if (!c) throw new Error('No Client: wrap the app in <ClientContext value={client}>.');
  return c;
}
