// Importing a verified bundle (see read.ts): as a new case folder, or merged into an open case.
// Both take BundleContents, which only exist once every check has passed, so nothing here can write
// half of a bad bundle.
import { access, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BundleContents, Clash } from '../../../shared/exchange/bundle.ts';
import { ClashFile, DEFAULT_BUNDLE_SCHEMAS, checkReferences, originalEntry, type BundleSchemas } from '../../../shared/exchange/bundle.ts';
import type { ClaimsView } from '../../../shared/api.ts';
import type { Annotation, Claim } from '../../../shared/model/claims.ts';
import { validateActors, validateEvents } from '../../../shared/model/claims-validate.ts';
import { emptyStack } from '../../../shared/model/undo.ts';
import { ApiError } from '../../../shared/errors.ts';
import { mergeCases, type MergeCounts, type MergeSide } from '../../../shared/exchange/merge.ts';
import type { Source } from '../../../shared/model/source.ts';
import { CaseStore, writeFileDurable, type StoreOptions } from '../store/index.ts';
import { originalPath } from '../store/layout.ts';
import { CLASHES_FILE, readClashes } from './export.ts';

const HISTORY_FILE = 'history.json';

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

async function writeExtraOriginals(dir: string, contents: BundleContents): Promise<void> {
  for (const [name, data] of contents.originals) {
    const m = /^originals\/([a-f0-9]{64})\.([a-z0-9]{1,10})$/.exec(name);
    if (!m) continue;
    const target = originalPath(dir, { sha256: m[1], originalExt: m[2] });
    if (!(await exists(target))) await writeFileDurable(target, data);
  }
}

export async function writeClashes(dir: string, clashes: Clash[]): Promise<void> {
  await writeFileDurable(path.join(dir, CLASHES_FILE), `${JSON.stringify(ClashFile.parse({ format: 'corroborate-clashes', clashes }), null, 1)}\n`);
}

/**
 * A new case folder at `dir` holding the bundle's case (same ids throughout). The case id and name
 * default to the bundle's; pass others when that id is taken in the data folder. Returns the open
 * store (the caller keeps it, as for any case it opened). If writing fails part-way, the new folder
 * is removed: a half-imported case is never left behind.
 */
export async function importAsNewCase(
  contents: BundleContents,
  dir: string,
  init: { id?: string; name?: string } = {},
  storeOptions: StoreOptions = {},
): Promise<CaseStore> {
  dir = path.resolve(dir);
  const existed = await exists(dir);
  const store = await CaseStore.create(dir, { id: init.id ?? contents.index.id, name: init.name ?? contents.index.name }, storeOptions);
  try {
    for (const s of contents.sources) await store.addSource(s.source, s.body, s.original);
    await writeExtraOriginals(dir, contents);
    await store.updateIndex((d) => {
      d.events = contents.events;
      d.actors = contents.actors;
      d.decisions = contents.decisions;
      d.reconciliations = contents.reconciliations;
    });
    if (contents.clashes.length) await writeClashes(dir, contents.clashes);
    return store;
  } catch (e) {
    await store.close().catch(() => {});
    if (!existed) await rm(dir, { recursive: true, force: true }).catch(() => {});
    else {
      // The folder was there (empty) before: remove only what we made.
      for (const name of ['case.json', 'sources', 'originals', 'backups', CLASHES_FILE])
        await rm(path.join(dir, name), { recursive: true, force: true }).catch(() => {});
    }
    throw e;
  }
}

/** What a merge did, for the user: counts in total and per record type, and the new clashes. */
export interface MergeReport extends MergeCounts {
  byType: Record<string, MergeCounts>;
  /** Clashes found by this merge (both versions kept; the case uses the later edit). */
  newClashes: Clash[];
  /** True when nothing at all was written (the bundle brought nothing new). */
  nothingChanged: boolean;
}

/** The claims side of an open case: CaseClaims fits (view() for the validated state, bodyRecords for the raw ones). */
export interface LocalClaims {
  view(): Pick<ClaimsView, 'annotations' | 'claims' | 'events' | 'actors'>;
  bodyRecords(sourceId: string): { annotations: unknown[]; claims: unknown[] };
}

/**
 * Merges a verified bundle into an open case, by id (shared/exchange/merge.ts): added, unchanged, or — when a
 * record differs — the later edit used and the other version kept in clashes.json. Everything is
 * decided and checked in memory first; if the merged case would not hold together (a passage that no
 * longer reads its words in a text replaced on one side), nothing is written.
 *
 * After it resolves the caller MUST reload the case's claims (CaseClaims caches them and would write
 * its stale copy back on the next edit). The undo history is cleared when anything changed: its steps
 * refer to records the merge may have replaced.
 */
export async function mergeIntoCase(
  store: CaseStore,
  local: LocalClaims,
  contents: BundleContents,
  opts: { now?: Date; schemas?: BundleSchemas } = {},
): Promise<MergeReport> {
  const schemas = opts.schemas ?? DEFAULT_BUNDLE_SCHEMAS;
  const found = (opts.now ?? new Date()).toISOString();
  const view = local.view();
  const index = store.index;
  // Records in the case index that fail their schema are kept exactly as they are, after the merged ones.
  const splitLoose = <T>(raw: unknown[], schema: { safeParse(v: unknown): { success: boolean; data?: T } }) => {
    const ok: T[] = [];
    const bad: unknown[] = [];
    for (const r of raw) {
      const p = schema.safeParse(r);
      if (p.success) ok.push(p.data as T);
      else bad.push(r);
    }
    return { ok, bad };
  };
  const decisions = splitLoose(index.decisions, schemas.decision);
  const reconciliations = splitLoose(index.reconciliations, schemas.reconciliation);
  const badEvents = validateEvents(index.events).problems.map((p) => index.events[p.index]);
  const badActors = validateActors(index.actors ?? []).problems.map((p) => (index.actors ?? [])[p.index]);

  const mine: MergeSide = {
    sources: [...index.sources],
    annotations: view.annotations,
    claims: view.claims,
    events: view.events,
    actors: view.actors,
    decisions: decisions.ok,
    reconciliations: reconciliations.ok,
  };
  const theirs: MergeSide = {
    sources: contents.sources.map((s) => s.source),
    annotations: contents.sources.flatMap((s) => s.body.annotations),
    claims: contents.sources.flatMap((s) => s.body.claims),
    events: contents.events,
    actors: contents.actors,
    decisions: contents.decisions,
    reconciliations: contents.reconciliations,
  };
  const existing = await readClashes(store.dir);
  const from = `bundle “${contents.manifest.case.name}” exported ${contents.manifest.created}`;
  const result = mergeCases(mine, theirs, { found, from, existingClashes: [...existing, ...contents.clashes] });
  const m = result.merged;

  // Texts: a source keeps the text that goes with the version of its record the merge chose.
  const theirSource = new Map(contents.sources.map((s) => [s.source.id, s]));
  const localSourceIds = new Set(index.sources.map((s) => s.id));
  const texts = new Map<string, string>();
  for (const s of m.sources) {
    const t = theirSource.get(s.id);
    const localRecord = store.source(s.id);
    if (t && (!localRecord || (result.changed.source.has(s.id) && t.source.sha256 === s.sha256 && localRecord.sha256 !== s.sha256)))
      texts.set(s.id, t.body.text);
    else texts.set(s.id, (await store.readBody(s.id)).text);
  }

  // The merged case must hold together before anything is written.
  const bodies = new Map<string, { id: string; text: string; annotations: Annotation[]; claims: Claim[] }>();
  for (const s of m.sources) {
    bodies.set(s.id, {
      id: s.id,
      text: texts.get(s.id)!,
      annotations: m.annotations.filter((a) => a.sourceId === s.id),
      claims: m.claims.filter((c) => c.sourceId === s.id),
    });
  }
  const problems = checkReferences({
    sources: m.sources,
    bodies,
    events: m.events,
    actors: m.actors,
    decisions: m.decisions,
    reconciliations: m.reconciliations,
  });
  if (problems.length) {
    throw new ApiError(
      'INVALID_INPUT',
      `The bundle cannot be merged into this case; nothing was changed: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`,
      { problems },
    );
  }

  const allClashes = [...existing];
  const knownIds = new Set(existing.map((c) => c.id));
  for (const c of [...contents.clashes, ...result.clashes]) if (!knownIds.has(c.id)) (knownIds.add(c.id), allClashes.push(c));
  const newClashes = allClashes.length > existing.length;

  const touchedSources = new Set<string>();
  for (const id of result.changed.annotation) touchedSources.add(m.annotations.find((a) => a.id === id)!.sourceId);
  for (const id of result.changed.claim) touchedSources.add(m.claims.find((c) => c.id === id)!.sourceId);
  const indexChanged = ['event', 'actor', 'decision', 'reconciliation'].some((k) => result.changed[k as 'event'].size > 0);
  const nothingChanged = result.changed.source.size === 0 && touchedSources.size === 0 && !indexChanged && !newClashes;

  if (!nothingChanged) {
    // The clashes first: from this moment on, both versions of every clashing record are on disk.
    if (newClashes) await writeClashes(store.dir, allClashes);
    await writeExtraOriginals(store.dir, contents);
    const withUnreadable = (sid: string, body: { id: string; text: string; annotations: Annotation[]; claims: Claim[] }) => {
      if (!localSourceIds.has(sid)) return body;
      const raw = local.bodyRecords(sid);
      const validA = new Set(view.annotations.filter((a) => a.sourceId === sid).map((a) => a.id));
      const validC = new Set(view.claims.filter((c) => c.sourceId === sid).map((c) => c.id));
      const idOf = (r: unknown) => (r && typeof r === 'object' ? (r as { id?: unknown }).id : undefined);
      return {
        ...body,
        annotations: [...body.annotations, ...(raw.annotations.filter((r) => !validA.has(idOf(r) as string)) as Annotation[])],
        claims: [...body.claims, ...(raw.claims.filter((r) => !validC.has(idOf(r) as string)) as Claim[])],
      };
    };
    for (const s of m.sources) {
      const body = withUnreadable(s.id, bodies.get(s.id)!);
      if (!localSourceIds.has(s.id)) {
        await store.addSource(s, body, theirSource.get(s.id)!.original);
        continue;
      }
      const before = store.source(s.id) as Source;
      if (result.changed.source.has(s.id) && before.sha256 !== s.sha256) {
        const original = contents.originals.get(originalEntry(s));
        if (!original) throw new ApiError('INVALID_INPUT', `The bundle lacks the original file of source ${s.id}.`);
        await store.replaceSource(s, body, original);
      } else {
        if (result.changed.source.has(s.id)) {
          await store.updateIndex((d) => {
            d.sources = d.sources.map((x) => (x.id === s.id ? s : x));
          });
        }
        if (touchedSources.has(s.id)) await store.writeBody(body);
      }
    }
    if (indexChanged) {
      await store.updateIndex((d) => {
        d.events = [...m.events, ...badEvents];
        d.actors = [...m.actors, ...badActors];
        d.decisions = [...m.decisions, ...decisions.bad];
        d.reconciliations = [...m.reconciliations, ...reconciliations.bad];
      });
    }
    await writeFileDurable(path.join(store.dir, HISTORY_FILE), JSON.stringify(emptyStack()));
  }
  return { ...result.total, byType: result.counts, newClashes: result.clashes, nothingChanged };
}
