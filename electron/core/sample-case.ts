// The sample case as a newcomer first sees it: its three reports imported, their claims tagged the
// way the app proposes them (the suggester's claims, accepted as "Accept" would), grouped into one
// event, with one disagreement reconciled and the others left open, so Compare shows at once what
// the app is for. What to tag and how to reconcile is data (sample.ts); the claims themselves come
// from the same code a user's accept runs, so the sample never shows what the app cannot do.
import { acceptSuggestion } from '../../shared/suggest/accept.ts';
import { STARTER_ACTORS } from '../../shared/model/actors.ts';
import type { Actor, Annotation, Claim, Event } from '../../shared/model/claims.ts';
import { computeMatrix } from '../../shared/compare/conflicts.ts';
import { makeReconciliation, type Reconciliation } from '../../shared/compare/reconcile.ts';
import type { Source } from '../../shared/model/source.ts';
import type { Suggestion } from '../../shared/suggest/suggest.ts';
import { SAMPLE_EVENT, SAMPLE_RECONCILE, SAMPLE_REPORTS } from './sample.ts';
import type { CaseStore } from './store/index.ts';

/** Stable ids, so the sample reads the same on every machine (and in its tests). */
const id = (prefix: string, n: number) => `${prefix}_sample${String(n).padStart(2, '0')}`;

export interface SampleTags {
  annotations: Annotation[];
  claims: Claim[];
  event: Event;
  actors: Actor[];
  reconciliation: Reconciliation;
}

/** The sample's claims, event and reconciliation for its sources (in SAMPLE_REPORTS order), their texts and what the suggester found in each. */
export function sampleTags(sources: readonly Source[], texts: readonly string[], suggestions: readonly Suggestion[][], at: string): SampleTags {
  const event: Event = { ...SAMPLE_EVENT, id: id('e', 1), created: at, modified: at };
  const annotations: Annotation[] = [];
  const claims: Claim[] = [];
  const actors = new Map<string, Actor>();
  let n = 0;
  SAMPLE_REPORTS.forEach((report, i) => {
    const source = sources[i];
    const text = texts[i];
    const found = suggestions[i];
    for (const quote of report.tag) {
      const s = found.find((x) => x.quote.startsWith(quote));
      if (!s) throw new Error(`The sample report ${report.file} no longer suggests “${quote}…”: update sample.ts.`);
      n++;
      const r = acceptSuggestion(s, {
        sourceId: source.id,
        text,
        ids: { annotationId: id('a', n), claimId: id('c', n) },
        now: at,
        actors: STARTER_ACTORS,
        published: source.published.value.date,
        eventId: event.id,
      });
      annotations.push(r.annotation);
      claims.push(r.claim);
      const actorId = r.claim.kind === 'attribution' ? r.claim.perpetrator?.actorId : null;
      const actor = actorId ? STARTER_ACTORS.find((a) => a.id === actorId) : undefined;
      if (actor) actors.set(actor.id, actor);
    }
  });
  const state = { annotations, claims, events: [event], actors: [...actors.values()] };
  const matrix = computeMatrix(state, [...sources], event);
  const row = matrix.rows.find((r) => r.key === SAMPLE_RECONCILE.rowKey && r.verdict === 'conflict');
  if (!row) throw new Error(`The sample's row ${SAMPLE_RECONCILE.rowKey} is not a conflict any more: update sample.ts.`);
  const reconciliation = makeReconciliation({
    eventId: event.id,
    rowKey: row.key,
    figures: row.cells.map((c) => ({ claimId: c.claimId, low: c.low, best: c.best, high: c.high, basis: c.basis })),
    method: SAMPLE_RECONCILE.method,
    rationale: SAMPLE_RECONCILE.rationale,
    by: null,
    at,
  });
  return { annotations, claims, event, actors: [...actors.values()], reconciliation };
}

/**
 * Writes the sample's tags into its freshly made case: each source's file, then the index. `find`
 * gives the suggester's claims for a source's text.
 */
export async function tagSampleCase(
  st: CaseStore,
  sources: readonly Source[],
  find: (sourceId: string, text: string, published: string | null) => Promise<Suggestion[]>,
): Promise<void> {
  const at = new Date().toISOString();
  const texts = await Promise.all(sources.map((s) => st.readText(s.id)));
  const suggestions = await Promise.all(sources.map((s, i) => find(s.id, texts[i], s.published.value.date)));
  const tags = sampleTags(sources, texts, suggestions, at);
  for (const s of sources) {
    const body = await st.readBody(s.id);
    await st.writeBody({
      ...body,
      annotations: tags.annotations.filter((a) => a.sourceId === s.id),
      claims: tags.claims.filter((c) => c.sourceId === s.id),
    });
  }
  await st.updateIndex(
    (d) => {
      d.events = [tags.event];
      d.actors = tags.actors;
      d.reconciliations = [tags.reconciliation];
    },
    { fields: ['events', 'actors', 'reconciliations'] },
  );
}
