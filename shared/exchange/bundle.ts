// The bundle format: one .zip that carries a case (or part of one) to a colleague, who can verify it,
// open it as a new case or merge it into theirs. Schemas first: the manifest, the case data inside,
// and the checks that make a bundle trustworthy before anything of it is written anywhere.
//
// Layout of a bundle (every path is fixed or built from a validated id / sha256, so no entry name is
// ever taken from the bundle's own data):
//   manifest.json                 format, version, app version, created, counts, sha256 of every file
//   case/case.json                the case index: sources (metadata), events, actors, decisions, reconciliations
//   case/sources/<sourceId>.json  per source: canonical text, annotations, claims (the store's body file)
//   case/clashes.json             edits that clashed in an earlier merge (kept so nothing is lost), if any
//   originals/<sha256>.<ext>      the untouched original files (current and earlier versions)
//   texts/<sourceId>.txt          the canonical texts, as plain UTF-8, for readers without Corroborate
//   annotations.jsonld            W3C Web Annotation collection (shared/exchange/w3c.ts)
//   claims.csv, reconciliations.csv   spreadsheet-safe tables (shared/exchange/csv.ts)
//   report.html                   the printable report (shared/exchange/report.ts)
import { z } from 'zod';
import { CaseIndex } from '../model/case.ts';
import { Actor, Annotation, Claim, Event, RecordId } from '../model/claims.ts';
import { validateRecords } from '../model/claims-validate.ts';
import { Decision } from '../compare/conflicts.ts';
import { Reconciliation } from '../compare/reconcile.ts';
import { Source, SourceBody } from '../model/source.ts';

export const BUNDLE_FORMAT = 'corroborate-bundle';
/** Bumped when a bundle's layout or a record's shape changes incompatibly; newer bundles are refused. */
export const BUNDLE_FORMAT_VERSION = 1;
export const BUNDLE_EXTENSION = 'zip';

export const BUNDLE_PATHS = {
  manifest: 'manifest.json',
  caseIndex: 'case/case.json',
  clashes: 'case/clashes.json',
  annotations: 'annotations.jsonld',
  claimsCsv: 'claims.csv',
  reconciliationsCsv: 'reconciliations.csv',
  report: 'report.html',
} as const;
export const bodyEntry = (sourceId: string): string => `case/sources/${sourceId}.json`;
export const textEntry = (sourceId: string): string => `texts/${sourceId}.txt`;
export const originalEntry = (o: { sha256: string; originalExt: string }): string => `originals/${o.sha256}.${o.originalExt}`;

const Sha256 = z.string().regex(/^[a-f0-9]{64}$/, 'a sha256 in lower-case hex');

/** Entry names a bundle may contain: the fixed ones above, or the patterned ones. Nothing else. */
const ENTRY_PATTERNS: RegExp[] = [/^case\/sources\/s_[a-z0-9]{6,32}\.json$/, /^texts\/s_[a-z0-9]{6,32}\.txt$/, /^originals\/[a-f0-9]{64}\.[a-z0-9]{1,10}$/];
export const isKnownEntry = (name: string): boolean => (Object.values(BUNDLE_PATHS) as string[]).includes(name) || ENTRY_PATTERNS.some((p) => p.test(name));

export const ManifestFile = z.object({
  path: z.string().min(1).max(300),
  sha256: Sha256,
  bytes: z.number().int().nonnegative(),
});
export type ManifestFile = z.infer<typeof ManifestFile>;

export const BundleCounts = z.object({
  sources: z.number().int().nonnegative(),
  annotations: z.number().int().nonnegative(),
  claims: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  actors: z.number().int().nonnegative(),
  decisions: z.number().int().nonnegative(),
  reconciliations: z.number().int().nonnegative(),
  originals: z.number().int().nonnegative(),
});
export type BundleCounts = z.infer<typeof BundleCounts>;

/** Read first and alone, so a bundle from a newer Corroborate is refused with that reason, not a schema error. */
export const ManifestHead = z.object({
  format: z.literal(BUNDLE_FORMAT, { error: `this is not a Corroborate bundle (manifest.json "format" is not "${BUNDLE_FORMAT}")` }),
  formatVersion: z.number().int().positive(),
});

export const Manifest = ManifestHead.extend({
  appVersion: z.string().min(1).max(50),
  created: z.iso.datetime({ offset: true }),
  case: z.object({ id: CaseIndex.shape.id, name: z.string().min(1).max(200) }),
  /** What was chosen for export; null lists mean "all". */
  scope: z.object({
    sourceIds: z.array(Source.shape.id).nullable(),
    eventIds: z.array(RecordId).nullable(),
  }),
  counts: BundleCounts,
  files: z.array(ManifestFile).max(1_000_000),
});
export type Manifest = z.infer<typeof Manifest>;

// ---------------------------------------------------------------- decisions, reconciliations, clashes

/**
 * Decisions (shared/compare/conflicts.ts) and reconciliations (shared/compare/reconcile.ts) have no id of their own:
 * each belongs to one row of one event's matrix, so (eventId, rowKey) is their identity, for merging
 * and for duplicate checks. Records with an id use it.
 */
export const recordKey = (r: object): string => {
  const x = r as { id?: unknown; eventId?: unknown; rowKey?: unknown };
  return typeof x.id === 'string' ? x.id : `${String(x.eventId)}|${String(x.rowKey)}`;
};

export interface BundleSchemas {
  decision: z.ZodType<Decision>;
  reconciliation: z.ZodType<Reconciliation>;
}
export const DEFAULT_BUNDLE_SCHEMAS: BundleSchemas = { decision: Decision, reconciliation: Reconciliation };

export const ClashRecordType = z.enum(['source', 'annotation', 'claim', 'event', 'actor', 'decision', 'reconciliation', 'grade']);
export type ClashRecordType = z.infer<typeof ClashRecordType>;

/**
 * A record edited on both sides of a merge. Both versions are kept: `current` is what the case now
 * uses (the later edit), `other` is the one set aside; the user picks or combines them.
 */
export const Clash = z.object({
  id: RecordId,
  type: ClashRecordType,
  recordId: z.string().min(1).max(200),
  current: z.unknown(),
  other: z.unknown(),
  found: z.iso.datetime({ offset: true }),
  /** Where the set-aside version came from (the bundle's case name and creation date). */
  from: z.string().max(500),
  resolved: z.boolean(),
});
export type Clash = z.infer<typeof Clash>;
export const ClashFile = z.object({ format: z.literal('corroborate-clashes'), clashes: z.array(Clash) });
export type ClashFile = z.infer<typeof ClashFile>;

// ---------------------------------------------------------------- what a bundle holds, parsed

export interface BundleSource {
  source: Source;
  body: { id: string; text: string; annotations: Annotation[]; claims: Claim[] };
  /** The current original, keyed by its path in the bundle. */
  original: Uint8Array;
}

export interface BundleContents {
  manifest: Manifest;
  index: CaseIndex;
  sources: BundleSource[];
  events: Event[];
  actors: Actor[];
  decisions: Decision[];
  reconciliations: Reconciliation[];
  clashes: Clash[];
  /** Every original a source refers to (current and earlier versions), by entry name; others are ignored. */
  originals: Map<string, Uint8Array>;
  /** What was ignored rather than refused, in words (originals no source refers to). */
  notes?: string[];
}

/** A zod error as one sentence. */
export function issuesText(error: z.ZodError, limit = 4): string {
  const shown = error.issues.slice(0, limit).map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** Parses JSON text, naming the entry when it is not JSON. */
export function parseEntryJson(name: string, text: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, problem: `${name} is not valid JSON (${e instanceof Error ? e.message : String(e)}).` };
  }
}

/**
 * Every record of the case data against its schema, strictly: a bundle is refused as a whole when
 * one record is bad (unlike the store, which keeps a damaged case open), because importing it would
 * silently drop that record.
 */
export function parseCaseData(
  indexRaw: unknown,
  bodiesRaw: Map<string, unknown>,
  schemas: BundleSchemas = DEFAULT_BUNDLE_SCHEMAS,
): { problems: string[]; data?: Omit<BundleContents, 'manifest' | 'sources' | 'clashes' | 'originals'> & { bodies: Map<string, BundleSource['body']> } } {
  const problems: string[] = [];
  const ix = CaseIndex.safeParse(indexRaw);
  if (!ix.success) return { problems: [`${BUNDLE_PATHS.caseIndex} does not hold a valid case index: ${issuesText(ix.error)}.`] };
  const index = ix.data;
  const strict = <T extends { id: string }>(schema: z.ZodType<T>, raw: unknown[], noun: string, where: string): T[] => {
    const r = validateRecords(schema, raw, noun);
    for (const p of r.problems) problems.push(`${where}: ${p.message.replace(' was left out', ' is invalid')}.`);
    return r.records;
  };
  const seenSources = new Set<string>();
  for (const s of index.sources) {
    if (seenSources.has(s.id)) problems.push(`${BUNDLE_PATHS.caseIndex}: source ${s.id} is listed twice.`);
    seenSources.add(s.id);
  }
  const events = strict(Event, index.events, 'event', BUNDLE_PATHS.caseIndex);
  const actors = strict(Actor, index.actors, 'actor', BUNDLE_PATHS.caseIndex);
  const keyed = <T extends object>(schema: z.ZodType<T>, raw: unknown[], noun: string): T[] => {
    const out: T[] = [];
    const seen = new Set<string>();
    raw.forEach((item, i) => {
      const p = schema.safeParse(item);
      if (!p.success) return problems.push(`${BUNDLE_PATHS.caseIndex}: ${noun} ${i + 1} is invalid: ${issuesText(p.error)}.`);
      const key = recordKey(p.data);
      if (seen.has(key)) return problems.push(`${BUNDLE_PATHS.caseIndex}: ${noun} ${i + 1} (${key}) appears twice.`);
      seen.add(key);
      out.push(p.data);
    });
    return out;
  };
  const decisions = keyed(schemas.decision, index.decisions, 'decision');
  const reconciliations = keyed(schemas.reconciliation, index.reconciliations, 'reconciliation');
  const bodies = new Map<string, BundleSource['body']>();
  for (const s of index.sources) {
    const name = bodyEntry(s.id);
    const raw = bodiesRaw.get(s.id);
    if (raw === undefined) {
      problems.push(`Source ${s.id} is listed in ${BUNDLE_PATHS.caseIndex} but ${name} is missing.`);
      continue;
    }
    const b = SourceBody.safeParse(raw);
    if (!b.success) {
      problems.push(`${name} is not a valid source file: ${issuesText(b.error)}.`);
      continue;
    }
    if (b.data.id !== s.id) {
      problems.push(`${name} belongs to source ${b.data.id}, not ${s.id}.`);
      continue;
    }
    bodies.set(s.id, {
      id: s.id,
      text: b.data.text,
      annotations: strict(Annotation, b.data.annotations, 'annotation', name),
      claims: strict(Claim, b.data.claims, 'claim', name),
    });
  }
  for (const id of bodiesRaw.keys()) {
    if (!seenSources.has(id)) problems.push(`${bodyEntry(id)} is in the bundle but its source is not listed in ${BUNDLE_PATHS.caseIndex}.`);
  }
  return { problems, data: { index, events, actors, decisions, reconciliations, bodies } };
}

/**
 * Referential integrity, in words: every claim's source, annotation, event, actor and anchor claim
 * exists; every annotation's passage is inside its text and reads what it says it reads (orphans
 * excepted: their passage is the old one, kept on purpose); ids are unique across the case.
 */
export function checkReferences(data: {
  sources: Source[];
  bodies: Map<string, BundleSource['body']>;
  events: Event[];
  actors: Actor[];
  decisions?: unknown[];
  reconciliations?: unknown[];
}): string[] {
  const problems: string[] = [];
  const sourceIds = new Set(data.sources.map((s) => s.id));
  const eventIds = new Set(data.events.map((e) => e.id));
  const actorIds = new Set(data.actors.map((a) => a.id));
  const annotations = new Map<string, Annotation>();
  const claims = new Map<string, Claim>();
  for (const [sid, body] of data.bodies) {
    for (const a of body.annotations) {
      if (annotations.has(a.id)) problems.push(`Annotation ${a.id} appears twice (in ${annotations.get(a.id)!.sourceId} and ${sid}).`);
      annotations.set(a.id, a);
      if (a.sourceId !== sid) problems.push(`Annotation ${a.id} is stored with source ${sid} but says it belongs to ${a.sourceId}.`);
      if (a.orphan) continue;
      a.targets.forEach((t, i) => {
        const where = `Annotation ${a.id}, passage ${i + 1}`;
        if (t.end > body.text.length) problems.push(`${where} ends at ${t.end}, past the end of its text (${body.text.length} characters).`);
        else if (body.text.slice(t.start, t.end) !== t.exact)
          problems.push(`${where} does not read “${t.exact.slice(0, 60)}” at ${t.start}–${t.end} of its text.`);
      });
    }
    for (const c of body.claims) {
      if (claims.has(c.id)) problems.push(`Claim ${c.id} appears twice.`);
      claims.set(c.id, c);
    }
  }
  for (const [sid, body] of data.bodies) {
    for (const c of body.claims) {
      const where = `Claim ${c.id}`;
      if (c.sourceId !== sid) problems.push(`${where} is stored with source ${sid} but points at source ${c.sourceId}.`);
      if (!sourceIds.has(c.sourceId)) problems.push(`${where} points at source ${c.sourceId}, which is not in the bundle.`);
      const a = annotations.get(c.annotationId);
      if (!a) problems.push(`${where} points at annotation ${c.annotationId}, which is not in the bundle.`);
      else if (a.sourceId !== c.sourceId) problems.push(`${where} and its annotation ${a.id} are in different sources.`);
      if (c.eventId !== null && !eventIds.has(c.eventId)) problems.push(`${where} points at event ${c.eventId}, which is not in the bundle.`);
      if (c.kind === 'attribution' && c.perpetrator?.actorId && !actorIds.has(c.perpetrator.actorId)) {
        problems.push(`${where} names actor ${c.perpetrator.actorId}, which is not in the bundle.`);
      }
      if (c.kind === 'timing' && c.anchorClaimId !== null && !claims.has(c.anchorClaimId)) {
        problems.push(`${where} counts from claim ${c.anchorClaimId}, which is not in the bundle.`);
      }
    }
  }
  for (const e of data.events) {
    for (const id of e.actorIds) if (!actorIds.has(id)) problems.push(`Event ${e.id} names actor ${id}, which is not in the bundle.`);
  }
  // Decisions and reconciliations are not checked: they record what a row held when the user decided
  // (Decision.claims, Reconciliation.used), and conflicts.ts / reconcile.ts expect them to go stale.
  return problems;
}
