// Export: a case, or the part of it a user chose (some events, some sources), as one bundle file.
// Everything goes through the same checks an import makes, so a bundle we write always verifies.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  BUNDLE_PATHS,
  ClashFile,
  DEFAULT_BUNDLE_SCHEMAS,
  bodyEntry,
  checkReferences,
  originalEntry,
  textEntry,
  type BundleSchemas,
  type Clash,
  type Manifest,
  type ManifestFile,
} from '../../../shared/exchange/bundle.ts';
import type { Annotation, Claim } from '../../../shared/model/claims.ts';
import type { ClaimState } from '../../../shared/model/commands.ts';
import { claimsCsv, reconciliationsCsv } from '../../../shared/exchange/csv.ts';
import { ApiError } from '../../../shared/errors.ts';
import { renderReport } from '../../../shared/exchange/report.ts';
import { toWebAnnotations } from '../../../shared/exchange/w3c.ts';
import type { CaseStore } from '../store/index.ts';
import { originalPath } from '../store/layout.ts';
import { writeZip, type ZipWriteEntry } from './zip.ts';

export const CLASHES_FILE = 'clashes.json';

export interface ExportOptions {
  appVersion: string;
  /** Only these sources (and the claims on them). */
  sourceIds?: string[];
  /** Only these events (and the claims in them, with their sources). */
  eventIds?: string[];
  /** The export's time (tests pin it). */
  now?: Date;
  schemas?: BundleSchemas;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const enc = new TextEncoder();

/** Clashes recorded by earlier merges (case folder's clashes.json); none when absent. */
export async function readClashes(dir: string): Promise<Clash[]> {
  const text = await readFile(path.join(dir, CLASHES_FILE), 'utf8').catch(() => null);
  if (text === null) return [];
  try {
    const parsed = ClashFile.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data.clashes;
  } catch {
    // fall through
  }
  throw new ApiError('CASE_CORRUPT', `${CLASHES_FILE} in the case folder cannot be read; it holds edits set aside by a merge. Nothing was changed.`);
}

/** Chooses the records a (partial) export carries. */
function select(index: CaseStore['index'], claims: ClaimState, opts: ExportOptions) {
  const allSources = new Map(index.sources.map((s) => [s.id, s]));
  const allEvents = new Map(claims.events.map((e) => [e.id, e]));
  for (const id of opts.sourceIds ?? []) if (!allSources.has(id)) throw new ApiError('NOT_FOUND', `There is no source ${id} in this case to export.`);
  for (const id of opts.eventIds ?? []) if (!allEvents.has(id)) throw new ApiError('NOT_FOUND', `There is no event ${id} in this case to export.`);
  const chosenSources = opts.sourceIds ? new Set(opts.sourceIds) : null;
  const chosenEvents = opts.eventIds ? new Set(opts.eventIds) : null;
  const whole = !chosenSources && !chosenEvents;

  const byId = new Map(claims.claims.map((c) => [c.id, c]));
  const picked = new Map<string, Claim>();
  for (const c of claims.claims) {
    if (chosenSources && !chosenSources.has(c.sourceId)) continue;
    if (chosenEvents && (c.eventId === null || !chosenEvents.has(c.eventId))) continue;
    if (!allSources.has(c.sourceId)) continue;
    picked.set(c.id, c);
  }
  // A timing claim counted from another claim takes that claim along, so nothing dangles.
  for (const c of [...picked.values()]) {
    let cur: Claim | undefined = c;
    while (cur && cur.kind === 'timing' && cur.anchorClaimId && !picked.has(cur.anchorClaimId)) {
      cur = byId.get(cur.anchorClaimId);
      if (cur) picked.set(cur.id, cur);
    }
  }
  const sourceIds = new Set<string>(chosenSources ?? (chosenEvents ? [] : allSources.keys()));
  for (const c of picked.values()) sourceIds.add(c.sourceId);
  const sources = index.sources.filter((s) => sourceIds.has(s.id));
  const annotationIds = new Set([...picked.values()].map((c) => c.annotationId));
  // Choosing events takes only the passages their claims rest on; choosing sources takes all of theirs.
  const annotations = claims.annotations.filter((a) => sourceIds.has(a.sourceId) && (!chosenEvents || annotationIds.has(a.id)));
  const eventIds = new Set<string>(chosenEvents ?? (whole ? allEvents.keys() : []));
  for (const c of picked.values()) if (c.eventId) eventIds.add(c.eventId);
  const events = claims.events.filter((e) => eventIds.has(e.id));
  return { whole, sources, annotations, claims: claims.claims.filter((c) => picked.has(c.id)), events };
}

/**
 * The bundle's bytes. `claims` is the case's validated state (CaseClaims.view() will do): records
 * that failed validation stay in the case but are not exported, because no import could accept them.
 */
export async function exportCase(store: CaseStore, claims: ClaimState, opts: ExportOptions): Promise<Uint8Array> {
  const schemas = opts.schemas ?? DEFAULT_BUNDLE_SCHEMAS;
  const now = opts.now ?? new Date();
  const created = now.toISOString();
  const index = store.index;
  const sel = select(index, claims, opts);
  const eventIds = new Set(sel.events.map((e) => e.id));
  // Records that fail their schema stay in the case but cannot travel (no import would accept them).
  // A whole case keeps the rest; a part keeps those of its events.
  const keep = <T extends { eventId: string }>(raw: unknown[], schema: { safeParse(v: unknown): { success: boolean; data?: T } }): T[] =>
    raw
      .map((r) => schema.safeParse(r))
      .filter((r) => r.success)
      .map((r) => r.data as T)
      .filter((r) => sel.whole || eventIds.has(r.eventId));
  const decisions = keep(index.decisions, schemas.decision);
  const reconciliations = keep(index.reconciliations, schemas.reconciliation);
  const actors = claims.actors;

  const files: ZipWriteEntry[] = [];
  const bodies = new Map<string, { id: string; text: string; annotations: Annotation[]; claims: Claim[] }>();
  const texts = new Map<string, string>();
  const originals = new Set<string>();
  for (const s of sel.sources) {
    const body = await store.readBody(s.id);
    texts.set(s.id, body.text);
    bodies.set(s.id, {
      id: s.id,
      text: body.text,
      annotations: sel.annotations.filter((a) => a.sourceId === s.id),
      claims: sel.claims.filter((c) => c.sourceId === s.id),
    });
  }
  const problems = checkReferences({ sources: sel.sources, bodies, events: sel.events, actors, decisions, reconciliations });
  if (problems.length) {
    throw new ApiError(
      'CASE_CORRUPT',
      `The case cannot be exported as it is: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
      { problems },
    );
  }

  const caseIndex = { ...index, sources: sel.sources, events: sel.events, actors, decisions, reconciliations };
  const json = (v: unknown) => enc.encode(`${JSON.stringify(v, null, 1)}\n`);
  files.push({ path: BUNDLE_PATHS.caseIndex, data: json(caseIndex) });
  for (const s of sel.sources) {
    files.push({ path: bodyEntry(s.id), data: json(bodies.get(s.id)) });
    files.push({ path: textEntry(s.id), data: enc.encode(texts.get(s.id)) });
    const current = originalEntry(s);
    if (!originals.has(current)) {
      originals.add(current);
      files.push({ path: current, data: await store.readOriginal(s) });
    }
    for (const v of s.previousVersions ?? []) {
      const name = originalEntry(v);
      if (originals.has(name)) continue;
      const data = await readFile(originalPath(store.dir, v)).catch(() => null); // an earlier version may have been cleaned away
      if (data && sha256(data) === v.sha256) {
        originals.add(name);
        files.push({ path: name, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) });
      }
    }
  }
  if (sel.whole) {
    const clashes = await readClashes(store.dir);
    if (clashes.length) files.push({ path: BUNDLE_PATHS.clashes, data: json({ format: 'corroborate-clashes', clashes }) });
  }

  const base = { sources: sel.sources, claims: sel.claims, events: sel.events };
  const collection = toWebAnnotations({
    ...base,
    caseId: index.id,
    caseName: index.name,
    generated: created,
    appVersion: opts.appVersion,
    texts,
    annotations: sel.annotations,
  });
  files.push({ path: BUNDLE_PATHS.annotations, data: json(collection) });
  const annotationById = new Map(sel.annotations.map((a) => [a.id, a]));
  files.push({
    path: BUNDLE_PATHS.claimsCsv,
    data: enc.encode(
      claimsCsv({
        ...base,
        quoteOf: (c) => {
          const a = annotationById.get(c.annotationId);
          if (!a) return { exact: '', start: null, end: null };
          return {
            exact: a.targets.map((t) => t.exact).join(' … '),
            start: a.orphan ? null : a.targets[0].start,
            end: a.orphan ? null : a.targets.at(-1)!.end,
          };
        },
      }),
    ),
  });
  files.push({ path: BUNDLE_PATHS.reconciliationsCsv, data: enc.encode(reconciliationsCsv({ ...base, reconciliations })) });
  files.push({
    path: BUNDLE_PATHS.report,
    data: enc.encode(
      renderReport({
        ...base,
        caseName: index.name,
        generated: created,
        appVersion: opts.appVersion,
        texts,
        annotations: sel.annotations,
        actors,
        decisions,
        reconciliations,
      }),
    ),
  });

  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    appVersion: opts.appVersion,
    created,
    case: { id: index.id, name: index.name },
    scope: { sourceIds: opts.sourceIds ?? null, eventIds: opts.eventIds ?? null },
    counts: {
      sources: sel.sources.length,
      annotations: sel.annotations.length,
      claims: sel.claims.length,
      events: sel.events.length,
      actors: actors.length,
      decisions: decisions.length,
      reconciliations: reconciliations.length,
      originals: originals.size,
    },
    files: files.map((f): ManifestFile => ({ path: f.path, sha256: sha256(f.data), bytes: f.data.byteLength })),
  };
  return writeZip([{ path: BUNDLE_PATHS.manifest, data: json(manifest) }, ...files], now);
}
