// The claim-form prefill and the suggester are one parser: for each suggestion on the seed
// articles, selecting its quote and pressing its key pre-fills the fields accepting it would. The
// suggestions are made here as the core makes them (the renderer is given them, never runs the
// suggester), from the whole text, so the prefill has to pick the same one out of all of them.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { acceptSuggestion } from '../../shared/suggest/accept.ts';
import { STARTER_ACTORS } from '../../shared/model/actors.ts';
import { canonicalize } from '../../shared/text/canonical.ts';
import type { Claim } from '../../shared/model/claims.ts';
import { suggest } from '../../shared/suggest/suggest.ts';
import { prefillClaim } from './prefill.ts';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
const key = JSON.parse(readFileSync(path.join(corpus, 'seeds-key.json'), 'utf8'));
const files = readdirSync(path.join(corpus, 'seeds')).filter((f) => f.endsWith('.txt'));
const KEY = { casualties: 'casualties', munitions: 'munitions', count: 'munitions', attribution: 'attribution', timing: 'timing' } as const;

/** The fields a fact-checker sees in the form, without ids, times and origin. */
function fields(c: Claim): Record<string, unknown> {
  const { id: _id, annotationId: _a, created: _c, modified: _m, origin: _o, note: _n, ...rest } = c as Claim & { note?: string };
  return rest;
}

describe.each(files)('%s', (file) => {
  const text = canonicalize(readFileSync(path.join(corpus, 'seeds', file), 'utf8'));
  const meta = key.documents[file] ?? {};
  const published: string | null = meta.published ?? meta.likelyPublished ?? null;
  const list = suggest(text, { published });
  it.each(list.map((s, i) => [`${i} ${s.kind} “${s.quote.slice(0, 60)}”`, s] as const))('%s', (_name, s) => {
    const ids = { annotationId: 'a1', claimId: 'c1' };
    const now = '2026-01-01T00:00:00.000Z';
    const accepted = acceptSuggestion(s, { sourceId: 's1', text, ids, now, actors: STARTER_ACTORS, published }).claim;
    const prefilled = prefillClaim(KEY[s.kind], s.quote, {
      id: 'c1',
      annotationId: 'a1',
      sourceId: 's1',
      created: now,
      published,
      actors: [],
      starterActors: STARTER_ACTORS,
      within: { text, targets: [{ start: s.start, end: s.end }], suggestions: list },
    });
    expect(fields(prefilled)).toEqual(fields(accepted));
  });
});
