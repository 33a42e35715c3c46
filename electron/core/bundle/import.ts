// Importing a verified bundle (see read.ts): as a new case folder, or merged into an open case.
// Both take BundleContents, which only exist once every check has passed, so nothing here can write
// half of a bad bundle.
import { access, rm } from 'node:fs/promises';
import path from 'node:path';
import type { BundleContents, Clash } from '../../../shared/exchange/bundle.ts';
import { ClashFile, DEFAULT_BUNDLE_SCHEMAS, checkReferences, originalEntry, recordKey, type BundleSchemas } from '../../../shared/exchange/bundle.ts';
import type { ChangeSet } from '../../../shared/model/changes.ts';
import type { Command, MergedRecords, SimpleCommand } from '../../../shared/model/commands-schema.ts';
import type { ClaimsView } from '../../../shared/api.ts';
import type { Annotation, Claim } from '../../../shared/model/claims.ts';
import { ApiError } from '../../../shared/errors.ts';
import { mergeCases, type MergeCounts, type MergeSide } from '../../../shared/exchange/merge.ts';
import type { Source } from '../../../shared/model/source.ts';
import { CaseStore, writeFileDurable, type StoreOptions } from '../store/index.ts';
import { originalPath } from '../store/layout.ts';
import { writeOriginal } from '../store/case-files.ts';
import { keepVersion, stageSource } from '../merge-steps.ts';
import { CLASHES_FILE, readClashes } from './export.ts';

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
  /** The merge's one undo step, as clients take it in (null when nothing changed). */
  changes: ChangeSet | null;
}

/** The claims side of an open case (CaseClaims fits): the state the merge starts from, and the edit queue it runs in. */
export interface LocalClaims {
  view(): Pick<ClaimsView, 'annotations' | 'claims' | 'events' | 'actors' | 'decisions' | 'reconciliations'>;
  /** Work with no edit in between (the plan and the staging of what the merge brings). */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  execute(command: Command, label?: string): Promise<ChangeSet>;
}

type RecordType = 'annotation' | 'claim' | 'event' | 'actor' | 'decision' | 'reconciliation';
const COLLECTION: Record<RecordType, keyof MergedRecords> = {
  annotation: 'annotations',
  claim: 'claims',
  event: 'events',
  actor: 'actors',
  decision: 'decisions',
  reconciliation: 'reconciliations',
};

/**
 * Merges a verified bundle into an open case, by id (shared/exchange/merge.ts): added, unchanged, or — when a
 * record differs — the later edit used and the other version kept in clashes.json. Everything is
 * decided and checked in memory first; if the merged case would not hold together (a passage that no
 * longer reads its words in a text replaced on one side), nothing is written.
 *
 * The merge is one command on the case's undo stack ("Merge bundle …"): the records it brings
 * (records.merge), the sources it adds (staged in the trash, then source.add) or changes
 * (source.replace, with the replaced text kept) and the clashes it lists (clashes.put). Undo takes
 * every part back, so the case is as it was; an edit made in between makes that step stale instead
 * of being overwritten. Records that fail their schema stay in their files as they were.
 */
export async function mergeIntoCase(store: CaseStore, local: LocalClaims, contents: BundleContents, opts: { now?: Date } = {}): Promise<MergeReport> {
  // Planned and staged with no edit in between; an edit that slips in before the step runs makes it stale (refused, nothing changed).
  const plan = await local.exclusive(async () => {
    const planned = await planMerge(store, local, contents, opts);
    if (planned.command) await planned.stage();
    return planned;
  });
  const label = `Merge bundle “${contents.manifest.case.name}”`;
  const changes = plan.command ? await local.execute(plan.command, label) : null;
  return { ...plan.report, changes };
}

async function planMerge(store: CaseStore, local: LocalClaims, contents: BundleContents, opts: { now?: Date }) {
  const found = (opts.now ?? new Date()).toISOString();
  // The case as the edit queue holds it: the records a step's `was` is checked against. (Records that
  // fail their schema are not in it; they stay in their files as they are.)
  const view = local.view();
  const index = store.index;
  const mine: MergeSide = {
    sources: [...index.sources],
    annotations: view.annotations,
    claims: view.claims,
    events: view.events,
    actors: view.actors,
    decisions: view.decisions,
    reconciliations: view.reconciliations,
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
    else texts.set(s.id, await store.readText(s.id));
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

  const knownIds = new Set(existing.map((c) => c.id));
  const addedClashes: Clash[] = [];
  for (const c of [...contents.clashes, ...result.clashes]) if (!knownIds.has(c.id)) (knownIds.add(c.id), addedClashes.push(c));

  // The steps, in the order they run: clashes first (from then on both versions of every clashing
  // record are kept), the sources, then the records (whose files the command writes last).
  const steps: SimpleCommand[] = [];
  if (addedClashes.length) steps.push({ type: 'clashes.put', payload: { clashes: addedClashes, present: true } });
  const staging: Array<() => Promise<void>> = [];
  for (const s of m.sources) {
    if (!localSourceIds.has(s.id)) {
      const t = theirSource.get(s.id)!;
      // Staged with its text; its annotations and claims come with records.merge.
      staging.push(() => stageSource(store.dir, s, { id: s.id, text: t.body.text, annotations: [], claims: [] }, t.original, { durable: false }));
      steps.push({ type: 'source.add', payload: { id: s.id, present: true } });
      continue;
    }
    if (!result.changed.source.has(s.id)) continue;
    const before = store.source(s.id) as Source;
    if (before.sha256 !== s.sha256) {
      const original = contents.originals.get(originalEntry(s));
      if (!original) throw new ApiError('INVALID_INPUT', `The bundle lacks the original file of source ${s.id}.`);
      staging.push(async () => {
        await writeOriginal(store.dir, s, original);
        await keepVersion(store.dir, s.id, s.sha256, texts.get(s.id)!);
      });
    }
    steps.push({ type: 'source.replace', payload: { id: s.id, from: before, to: s } });
  }
  const records: MergedRecords = {};
  for (const [type, collection] of Object.entries(COLLECTION) as Array<[RecordType, keyof MergedRecords]>) {
    const changed = result.changed[type];
    if (!changed.size) continue;
    const was = new Map((mine[collection] as object[]).map((r) => [recordKey(r), r]));
    const list = m[collection] as object[];
    (records as Record<string, unknown>)[collection] = list
      .filter((r) => changed.has(recordKey(r)))
      .map((r) => ({ value: r, was: was.get(recordKey(r)) ?? null }));
  }
  if (Object.keys(records).length) steps.push({ type: 'records.merge', payload: records });

  const report = { ...result.total, byType: result.counts, newClashes: result.clashes, nothingChanged: steps.length === 0 };
  const command: Command | null = steps.length ? { type: 'batch', payload: { commands: steps } } : null;
  return {
    report,
    command,
    stage: async () => {
      await writeExtraOriginals(store.dir, contents);
      for (const s of staging) await s();
    },
  };
}
