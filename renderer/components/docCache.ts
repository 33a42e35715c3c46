// Source texts and originals, fetched once per open case and shared by every pane.
import { useEffect, useState } from 'react';
import type { Client, Output, SourceDocument } from '../../shared/api.ts';

type Original = Output<'sources.original'>;

export class DocCache {
  private docs = new Map<string, Promise<SourceDocument>>();
  private originals = new Map<string, Promise<Original>>();
  private readonly client: Client;
  private readonly caseId: string;
  constructor(client: Client, caseId: string) {
    this.client = client;
    this.caseId = caseId;
  }
  doc(sourceId: string): Promise<SourceDocument> {
    let p = this.docs.get(sourceId);
    if (!p) {
      p = this.client.call('sources.get', { caseId: this.caseId, sourceId });
      this.docs.set(sourceId, p);
      p.catch(() => this.docs.delete(sourceId));
    }
    return p;
  }
  original(sourceId: string): Promise<Original> {
    let p = this.originals.get(sourceId);
    if (!p) {
      p = this.client.call('sources.original', { caseId: this.caseId, sourceId });
      this.originals.set(sourceId, p);
      p.catch(() => this.originals.delete(sourceId));
    }
    return p;
  }
  forget(sourceId: string): void {
    this.docs.delete(sourceId);
    this.originals.delete(sourceId);
  }
}

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string };

export function useLoaded<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    load().then(
      (value) => live && setResult({ state: 'ready', value }),
      (e: unknown) => live && setResult({ state: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  return [result, () => setAttempt((n) => n + 1)];
}
