// Test support: the five seed articles as a real case on disk, tagged with the answer key's claims
// (read from ../shared/corpus at test time, never copied), its events, and decisions and
// reconciliations on the disputed rows of its matrices. Built through the same store, import and
// command paths the app uses.
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTarget } from '../../shared/text/anchor.ts';
import { Claim, Event, type Population } from '../../shared/model/claims.ts';
import type { Command } from '../../shared/model/commands.ts';
import { computeAll, type Decision } from '../../shared/compare/conflicts.ts';
import { makeReconciliation, ReconcileError, type Reconciliation } from '../../shared/compare/reconcile.ts';
import { FIGURE_RULES_VERSION } from '../../shared/figures/figures.ts';
import type { Source } from '../../shared/model/source.ts';
import { CaseClaims } from '../../electron/core/claims.ts';
import { extractFile } from '../../electron/core/import/index.ts';
import { CaseStore } from '../../electron/core/store/index.ts';

export const corpusDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');
const T = '2024-06-01T09:00:00.000Z';

interface KeyClaim {
  id: string;
  doc: string;
  event?: string;
  kind: string;
  quote: string;
  measure?: string;
  figure?: { low: number | null; best: number | null; high: number | null; qualifier: string };
  population?: Partial<Population> | null;
  parts?: Array<{
    population?: Record<string, unknown>;
    figure: { low: number | null; best: number | null; high: number | null; qualifier: string };
    subset?: boolean;
  }>;
  speaker?: string;
  asOf?: string;
  weapon?: string;
  perpetrator?: string;
  stance?: string;
  date?: string;
  note?: string;
}
interface Key {
  documents: Record<string, { outlet: string | null; title: string; published: string | null; independenceGroup: string }>;
  events: Array<{ id: string; title: string; date?: string; place?: string }>;
  claims: KeyClaim[];
  disagreements: Array<{ id: string; event: string; key: string; claims: string[]; verdict: string; why: string }>;
}

export const seedsKey = (): Key => JSON.parse(readFileSync(path.join(corpusDir, 'seeds-key.json'), 'utf8')) as Key;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const seedSourceId = (doc: string) => `s_seed${doc.slice(0, 3)}`;

const population = (p: Record<string, unknown> | null | undefined): Population => ({
  nationality: typeof p?.nationality === 'string' ? p.nationality : null,
  affiliation: (typeof p?.affiliation === 'string' ? p.affiliation : 'unknown') as Population['affiliation'],
  side: typeof p?.side === 'string' ? p.side : null,
  ...(typeof p?.role === 'string' ? { role: p.role } : {}),
});

function claimFromKey(k: KeyClaim, sourceId: string, annotationId: string, events: Set<string>): Claim {
  const common = {
    id: k.id,
    sourceId,
    annotationId,
    eventId: k.event && events.has(k.event) ? k.event : null,
    speaker: k.speaker ?? null,
    asOf: k.asOf ?? null,
    note: k.note ?? '',
    origin: { type: 'manual' as const },
    created: T,
    modified: T,
  };
  const fig = (f: NonNullable<KeyClaim['figure']>, raw: string) =>
    ({ ...f, raw, rules: FIGURE_RULES_VERSION }) as Extract<Claim, { kind: 'casualties' }>['figure'];
  switch (k.kind) {
    case 'casualties':
    case 'munitions':
    case 'count':
      return Claim.parse({
        kind: k.kind,
        ...common,
        measure: k.measure ?? null,
        weapon: k.weapon ?? null,
        population: population(k.population),
        figure: k.figure
          ? fig(k.figure, k.quote.slice(0, 500))
          : { raw: '', low: null, best: null, high: null, qualifier: 'unspecified', rules: FIGURE_RULES_VERSION },
        parts: (k.parts ?? []).map((p) => ({
          population: population(p.population),
          figure: fig(p.figure, p.figure.best === null ? '' : String(p.figure.best)),
          subset: p.subset ?? false,
          ...(p.population?.severity === 'serious' && k.measure ? { measure: `${k.measure}_serious` } : {}),
        })),
      });
    case 'attribution':
      return Claim.parse({
        kind: 'attribution',
        ...common,
        perpetrator: k.perpetrator ? { name: k.perpetrator, actorId: null } : null,
        attributedBy: k.speaker ?? null,
        stance: k.stance ?? 'asserted',
      });
    case 'timing': {
      const d = k.date && FULL_DATE.test(k.date) ? k.date : null;
      return Claim.parse({
        kind: 'timing',
        ...common,
        expression: k.quote.slice(0, 500),
        reference: null,
        anchorClaimId: null,
        start: d,
        end: d,
        precision: d ? 'day' : null,
        method: 'manual',
        relative: false,
        approximate: false,
      });
    }
    default:
      return Claim.parse({ kind: 'other', ...common });
  }
}

/** Builds the seeds case in `dir`; returns the open store and its claims. */
export async function buildSeedsCase(dir: string, opts: { id?: string } = {}): Promise<{ store: CaseStore; claims: CaseClaims; skipped: string[] }> {
  const key = seedsKey();
  const store = await CaseStore.create(dir, { id: opts.id ?? 'seeds', name: 'Seed reports: attacks on U.S. troops in Iraq' });
  const texts = new Map<string, string>();
  const files = readdirSync(path.join(corpusDir, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort();
  for (const file of files) {
    const bytes = new Uint8Array(readFileSync(path.join(corpusDir, 'seeds', file)));
    const x = await extractFile(file, bytes);
    const id = seedSourceId(file);
    const doc = key.documents[file];
    const source: Source = {
      id,
      kind: x.kind,
      file,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      originalExt: 'txt',
      bytes: bytes.byteLength,
      importedAt: T,
      title: x.title,
      outlet: doc?.outlet ? { value: doc.outlet, confidence: 'high', how: 'corrected by user' } : x.outlet,
      authors: x.authors,
      published: doc?.published ? { value: { date: doc.published, precision: 'day' }, confidence: 'high', how: 'corrected by user' } : x.published,
      url: x.url,
      language: x.language,
      direction: x.direction,
      independenceGroup: doc?.independenceGroup ?? null,
      notes: '',
      characters: x.text.length,
      pages: x.pages,
      warnings: x.warnings,
    };
    await store.addSource(source, { id, text: x.text, annotations: [], claims: [] }, bytes);
    texts.set(id, x.text);
  }
  const claims = await CaseClaims.load(store);
  const events = key.events.map((e) =>
    Event.parse({
      id: e.id,
      title: e.title,
      start: e.date && FULL_DATE.test(e.date) ? e.date : null,
      end: e.date && FULL_DATE.test(e.date) ? e.date : null,
      precision: e.date && FULL_DATE.test(e.date) ? 'day' : null,
      place: e.place ?? null,
      placePrecision: null,
      type: null,
      actorIds: [],
      aggregate: false,
      note: '',
      created: T,
      modified: T,
    }),
  );
  const eventIds = new Set(events.map((e) => e.id));
  const commands: Command[] = events.map((event) => ({ type: 'event.create', payload: { event, at: null, assign: [] } }));
  const skipped: string[] = [];
  for (const k of key.claims) {
    const sourceId = seedSourceId(k.doc);
    const text = texts.get(sourceId)!;
    const at = text.indexOf(k.quote);
    if (at < 0) {
      skipped.push(k.id);
      continue;
    }
    const kind = (['casualties', 'munitions', 'count', 'attribution', 'timing'].includes(k.kind) ? k.kind : 'other') as Claim['kind'];
    const annotation = { id: `a_${k.id}`, sourceId, targets: [makeTarget(text, at, at + k.quote.length)], kind, created: T, modified: T };
    commands.push({ type: 'claim.create', payload: { annotation, claim: claimFromKey(k, sourceId, annotation.id, eventIds), at: null } });
  }
  await claims.execute({ type: 'batch', payload: { commands: commands as Extract<Command, { type: 'batch' }>['payload']['commands'] } }, 'Tag the seed claims');

  // Decisions and reconciliations on the disputed rows of the real matrices (shared/compare/conflicts.ts,
  // shared/compare/reconcile.ts), as a user would make them.
  const matrices = computeAll(claims.view(), store.index.sources);
  const decisions: Decision[] = [];
  const reconciliations: Reconciliation[] = [];
  for (const m of matrices) {
    for (const row of m.rows) {
      if (row.verdict === 'single') continue;
      decisions.push({
        eventId: m.eventId,
        rowKey: row.key,
        status: row.verdict === 'consistent' ? 'dismissed' : 'confirmed',
        note: `Checked against the quotes: ${row.why}`,
        at: T,
        by: 'seed test',
        verdict: row.verdict,
        claims: row.claims,
      });
      const figures = row.cells.filter((c) => (c.basis === 'figure' || c.basis === 'part') && (c.low !== null || c.best !== null));
      if (figures.length < 2) continue;
      try {
        reconciliations.push(
          makeReconciliation({
            eventId: m.eventId,
            rowKey: row.key,
            figures,
            method: 'ucdp',
            rationale: 'Median of the figures reported; low and high as reported.',
            by: 'seed test',
            at: T,
          }),
        );
      } catch (e) {
        if (!(e instanceof ReconcileError)) throw e;
      }
    }
  }
  const puts: Command[] = [
    ...decisions.map((d) => ({ type: 'record.put' as const, payload: { collection: 'decisions' as const, key: `${d.eventId}|${d.rowKey}`, value: d } })),
    ...reconciliations.map((r) => ({
      type: 'record.put' as const,
      payload: { collection: 'reconciliations' as const, key: `${r.eventId}|${r.rowKey}`, value: r },
    })),
  ];
  if (puts.length) await claims.execute({ type: 'batch', payload: { commands: puts as Extract<Command, { type: 'record.put' }>[] } });
  return { store, claims, skipped };
}
