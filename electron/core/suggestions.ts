// Claim suggestions for a source, computed off the host's thread (the import worker) so a 300-page
// text never stalls the window, cached per text and publication date, minus what the user already
// tagged or rejected.
import { createHash } from 'node:crypto';
import type { Annotation } from '../../shared/model/claims.ts';
import { ApiError } from '../../shared/errors.ts';
import { suggest, type Suggestion } from '../../shared/suggest/suggest.ts';
import { runInWorker } from './import/index.ts';

export const SUGGEST_TIMEOUT_MS = 120_000;

export function suggestIsolated(text: string, published: string | null): Promise<Suggestion[]> {
  return runInWorker<Suggestion[]>({
    message: () => ({ value: { task: 'suggest', text, published } }),
    inThread: async () => suggest(text, { published }),
    timeoutMs: SUGGEST_TIMEOUT_MS,
    tooLong: () => new ApiError('TOO_LARGE', `Finding claims in this source took longer than ${SUGGEST_TIMEOUT_MS / 1000} seconds and was stopped.`),
    failed: (why) => new ApiError('INTERNAL', `Finding claims in this source ${why}.`),
  });
}

/** Stable across recomputation of the same text: what a rejection remembers. */
export function suggestionKey(s: Pick<Suggestion, 'kind' | 'rule' | 'start' | 'end' | 'quote'>): string {
  const h = createHash('sha256').update(s.quote).digest('hex').slice(0, 12);
  return `${s.kind}:${s.start}-${s.end}:${h}`;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** What is left to propose: not rejected, and not already tagged as a claim of the same kind there. */
export function openSuggestions(all: Suggestion[], annotations: Annotation[], rejected: ReadonlySet<string>) {
  const kept: Array<Suggestion & { key: string }> = [];
  let hidden = 0;
  for (const s of all) {
    const key = suggestionKey(s);
    const tagged = annotations.some(
      (a) => !a.orphan && (a.kind === s.kind || (a.kind === 'count' && s.kind === 'munitions')) && a.targets.some((t) => overlaps(t, s)),
    );
    if (rejected.has(key) || tagged) hidden++;
    else kept.push({ ...s, key });
  }
  return { suggestions: kept, hidden };
}

/** Remembers the last suggestions of each source for its current text and date. */
export class SuggestionCache {
  readonly #entries = new Map<string, { stamp: string; value: Promise<Suggestion[]> }>();

  get(sourceId: string, text: string, published: string | null, refresh = false): Promise<Suggestion[]> {
    const stamp = `${published}:${createHash('sha256').update(text).digest('hex')}`;
    const hit = this.#entries.get(sourceId);
    if (hit && hit.stamp === stamp && !refresh) return hit.value;
    const value = suggestIsolated(text, published);
    value.catch(() => this.#entries.delete(sourceId));
    this.#entries.set(sourceId, { stamp, value });
    return value;
  }
}
