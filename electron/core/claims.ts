// A case's tagged claims as one in-memory state, kept in step with its files. Annotations and claims
// live in their source's file, events and actors in the index, and the undo history in history.json,
// so an edit rewrites only the files it touched. Records that fail their schema (a hand-edited file)
// are reported and written back untouched, never dropped.
import { join } from 'node:path';
import type { ClaimsView } from '../../shared/api.ts';
import { diffState, type ChangeSet, type UndoState } from '../../shared/model/changes.ts';
import { reanchorAnnotations } from '../../shared/text/anchor.ts';
import type { Annotation, Claim } from '../../shared/model/claims.ts';
import { apply, type ClaimState, type Command } from '../../shared/model/commands.ts';
import { canRedo, canUndo, emptyStack, execute, redo, undo, type UndoStack } from '../../shared/model/undo.ts';
import { ApiError } from '../../shared/errors.ts';
import type { PageRange, SourceBody } from '../../shared/model/source.ts';
import { reresolveAll } from '../../shared/timing/timing.ts';
import { readCaseClaims, type IndexRecordKind, type Unreadable } from './claims-load.ts';
import type { HistoryFile } from './history-file.ts';
import { SourceRecords } from './source-records.ts';
import { movedSources, reachesOutside, SourceCommands } from './source-commands.ts';
import type { CaseStore } from './store/index.ts';

/** How many change sets are kept for a client catching up (a window that was asleep reads the view again). */
const RECENT_CHANGES = 200;

export class CaseClaims {
  readonly #store: CaseStore;
  #state: ClaimState;
  /** The same records by source, so a save touches only its source's few. */
  #records: SourceRecords;
  #stack: UndoStack;
  /** Where the stack is saved: a line per step (history-file.ts). */
  readonly #history: HistoryFile;
  #problems: string[];
  /** Per source, the raw records that failed validation: written back as they were. */
  readonly #unreadable = new Map<string, Unreadable>();
  #unreadableIndex: Record<IndexRecordKind, unknown[]> = {
    events: [],
    actors: [],
    decisions: [],
    reconciliations: [],
    gradeOverrides: [],
  };
  #queue: Promise<unknown> = Promise.resolve();
  /** Bumped by every change to the state; the recent change sets are kept for clients catching up. */
  // Starts from the clock, so a case read again (after a merge) never reuses a version a client holds.
  #version = Date.now();
  #recent: ChangeSet[] = [];
  readonly #listeners = new Set<(c: ChangeSet) => void>();
  /** The parts of commands outside the claim state (sources' metadata, the trash, rejections). */
  readonly #outside: SourceCommands;
  readonly #check = (c: Command) => this.#outside.check(c);

  private constructor(store: CaseStore, state: ClaimState, stack: UndoStack, history: HistoryFile, problems: string[]) {
    this.#store = store;
    this.#history = history;
    this.#outside = new SourceCommands(store);
    this.#state = state;
    this.#records = SourceRecords.of(state);
    this.#stack = stack;
    this.#problems = problems;
  }

  /**
   * Reads every claim of the case. `version` is the one it starts at (a preview of some sources,
   * served while this runs, carries it too); it yields between batches so the host keeps answering.
   */
  static async load(store: CaseStore, opts: { version?: number } = {}): Promise<CaseClaims> {
    const loaded = await readCaseClaims(store);
    const cc = new CaseClaims(store, loaded.state, loaded.stack, loaded.history, loaded.problems);
    for (const [k, v] of loaded.unreadable) cc.#unreadable.set(k, v);
    if (opts.version !== undefined) cc.#version = opts.version;
    cc.#unreadableIndex = loaded.unreadableIndex;
    return cc;
  }

  /** The case's claims, or those of some sources and events (a reader's open sources, one event). */
  view(scope?: { sourceIds?: string[]; eventIds?: string[] }): ClaimsView {
    const st = this.#state;
    const scoped = !!(scope && (scope.sourceIds || scope.eventIds));
    let claims = st.claims;
    let annotations = st.annotations;
    if (scoped) {
      const sources = new Set(scope?.sourceIds ?? []);
      const events = new Set(scope?.eventIds ?? []);
      claims = st.claims.filter((c) => sources.has(c.sourceId) || (c.eventId !== null && events.has(c.eventId)));
      const used = new Set(claims.map((c) => c.annotationId));
      annotations = st.annotations.filter((a) => sources.has(a.sourceId) || used.has(a.id));
    }
    return {
      version: this.#version,
      scope: scoped ? { sourceIds: scope?.sourceIds ?? [], eventIds: scope?.eventIds ?? [] } : null,
      annotations,
      claims,
      events: st.events,
      actors: st.actors,
      decisions: st.decisions ?? [],
      reconciliations: st.reconciliations ?? [],
      gradeOverrides: st.gradeOverrides ?? [],
      ...this.undoState(),
      problems: [...this.#problems],
      totalClaims: st.claims.length,
    };
  }

  /**
   * Tells clients that read a preview (at the starting version) that the case is read: one change
   * with no records, the undo state, the claims count and every problem found while reading.
   */
  announceLoaded(): ChangeSet {
    const empty = { put: [], deleted: [] };
    this.#version++;
    const change: ChangeSet = {
      annotations: empty,
      claims: empty,
      events: empty,
      actors: empty,
      decisions: empty,
      reconciliations: empty,
      gradeOverrides: empty,
      version: this.#version,
      undo: this.undoState(),
      problems: [...this.#problems],
      reset: false,
      totalClaims: this.#state.claims.length,
    };
    this.#remember(change);
    return change;
  }

  undoState(): UndoState {
    const label = (e: { label: string | null } | undefined) => e?.label ?? null;
    return {
      canUndo: canUndo(this.#stack),
      canRedo: canRedo(this.#stack),
      undoLabel: label(this.#stack.done.at(-1)),
      redoLabel: label(this.#stack.undone.at(-1)),
    };
  }

  get version(): number {
    return this.#version;
  }

  /** The change sets after version `since`, or reset when they are older than those kept. */
  changesSince(since: number): { version: number; changes: ChangeSet[]; reset: boolean } {
    if (since > this.#version) return { version: this.#version, changes: [], reset: true };
    const changes = this.#recent.filter((c) => c.version > since);
    const complete = since === this.#version || changes[0]?.version === since + 1;
    return { version: this.#version, changes: complete ? changes : [], reset: !complete };
  }

  /** Called with every change set, in order (a host's change feed). Returns the unsubscribe. */
  subscribe(fn: (c: ChangeSet) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  execute(command: Command, label?: string): Promise<ChangeSet> {
    return this.#serial(async () => {
      const step = wrap(() => execute(this.#state, this.#stack, command, { label: label ?? null, at: new Date().toISOString() }, this.#check));
      return this.#commit(step.state, step.stack, [], command, step.stack.done.at(-1)?.inverse ?? null);
    });
  }

  /**
   * A colleague's edit arriving by sync (sync/): applied and saved like any command, but not put on
   * this user's undo stack, so undo stays personal.
   */
  applyRemote(command: Command): Promise<ChangeSet> {
    return this.#serial(async () => this.#commit(wrap(() => apply(this.#state, command)).state, this.#stack));
  }

  undo(): Promise<ChangeSet> {
    return this.#serial(async () => this.#step(undo));
  }

  redo(): Promise<ChangeSet> {
    return this.#serial(async () => this.#step(redo));
  }

  /** Runs work that rewrites this case's files outside the command path (a merge), with no edit in between. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.#serial(fn);
  }

  /** The state as the comparison code reads it. */
  state(): ClaimState {
    return this.#state;
  }

  /** The undo history as it stands (read only: which trashed sources an undo may still bring back). */
  history(): Readonly<UndoStack> {
    return this.#stack;
  }

  /** After a publication date changes: relative dates of that source follow it (not an undoable edit). */
  reresolveSource(sourceId: string, published: string | null): Promise<ChangeSet | null> {
    return this.#serial(async () => {
      const mine = this.#records.get(sourceId).claims;
      const next = reresolveAll(mine, published, { modified: new Date().toISOString() });
      if (next.every((c, i) => c === mine[i])) return null;
      const byId = new Map(next.map((c) => [c.id, c]));
      return this.#commit({ ...this.#state, claims: this.#state.claims.map((c) => byId.get(c.id) ?? c) }, this.#stack);
    });
  }

  /**
   * A source's text is being replaced: re-anchor its annotations in `text`; those that cannot be
   * found keep their old passage and are marked orphans. Returns the annotations to store with the
   * new text. The undo history is cleared: its passages point into the old text.
   */
  reanchorSource(sourceId: string, text: string, pages: PageRange[] | null): { annotations: Annotation[]; anchored: number; orphaned: number } {
    const mine = this.#records.get(sourceId).annotations.filter((a) => !a.orphan);
    const { anchored, orphans } = reanchorAnnotations(text, mine, { pages: pages ?? undefined });
    const now = new Date().toISOString();
    const byId = new Map<string, Annotation>();
    for (const a of anchored) byId.set(a.annotation.id, { ...a.annotation, targets: a.targets });
    for (const o of orphans) byId.set(o.annotation.id, { ...o.annotation, orphan: { reason: o.reason, since: now } });
    const annotations = this.#records.get(sourceId).annotations.map((a) => byId.get(a.id) ?? a);
    return { annotations, anchored: anchored.length, orphaned: orphans.length };
  }

  /** Adopts the annotations written with a replaced text (see reanchorSource) and forgets history. */
  adoptSource(sourceId: string, annotations: Annotation[]): Promise<ChangeSet> {
    return this.#serial(async () => {
      const prev = this.#state;
      this.#state = { ...prev, annotations: [...prev.annotations.filter((a) => a.sourceId !== sourceId), ...annotations] };
      this.#stack = emptyStack();
      await this.#history.reset(this.#stack);
      return this.#publish(prev, this.#state, []);
    });
  }

  /** Other changes to a source's file go through the same queue, so no edit overwrites another. */
  updateBody(sourceId: string, mutate: (body: SourceBody) => SourceBody): Promise<SourceBody> {
    return this.#serial(async () => {
      const next = mutate(await this.#store.readBody(sourceId));
      await this.#store.writeBody(next);
      return next;
    });
  }

  /** A source's claims, from the per-source lists (not a filter of every claim of the case). */
  claimsOf(sourceId: string): readonly Claim[] {
    return this.#records.get(sourceId).claims;
  }

  bodyRecords(sourceId: string): { annotations: unknown[]; claims: unknown[] } {
    const bad = this.#unreadable.get(sourceId);
    return {
      annotations: [...this.#records.get(sourceId).annotations, ...(bad?.annotations ?? [])],
      claims: [...this.#records.get(sourceId).claims, ...(bad?.claims ?? [])],
    };
  }

  /** A source left the case: so do its annotations and claims (the history's references to them go too). */
  forgetSource(sourceId: string): Promise<ChangeSet> {
    return this.#serial(async () => {
      this.#unreadable.delete(sourceId);
      const prev = this.#state;
      const next = {
        ...prev,
        annotations: prev.annotations.filter((a) => a.sourceId !== sourceId),
        claims: prev.claims.filter((c) => c.sourceId !== sourceId),
      };
      this.#state = next;
      this.#stack = emptyStack();
      await this.#history.reset(this.#stack);
      const change = this.#publish(prev, next, []);
      this.#records.drop(sourceId);
      return change;
    });
  }

  async #step(fn: typeof undo): Promise<ChangeSet> {
    const applied = fn === undo ? this.#stack.done.at(-1)?.inverse : this.#stack.undone.at(-1)?.command;
    const step = wrap(() => fn(this.#state, this.#stack, this.#check));
    if (step.problem) this.#problems = [...this.#problems, step.problem];
    // What takes the step's outside part back if a later write fails: the entry's other side.
    const revert = fn === undo ? step.stack.undone.at(-1)?.command : step.stack.done.at(-1)?.inverse;
    return this.#commit(step.state, step.stack, step.problem ? [step.problem] : [], step.problem ? null : (applied ?? null), revert ?? null);
  }

  /** Records a change made to the state: a new version, kept for catching up and told to listeners. */
  #publish(prev: ClaimState, next: ClaimState, problems: string[]): ChangeSet {
    const changes = diffState(prev, next);
    this.#records.apply(changes, next);
    this.#version++;
    const change: ChangeSet = { ...changes, version: this.#version, undo: this.undoState(), problems, reset: false, totalClaims: next.claims.length };
    this.#remember(change);
    return change;
  }

  /** Writes the files whose records changed, then the history; only then is the new state the case's. */
  async #commit(
    next: ClaimState,
    stack: UndoStack,
    problems: string[] = [],
    applied: Command | null = null,
    revert: Command | null = null,
  ): Promise<ChangeSet> {
    const prev = this.#state;
    const changes = diffState(prev, next);
    // A source's file holds its annotations and claims: a put (a moved record too: order matters
    // for undo's exact restore) or a delete rewrites it, from that source's own records.
    const touched = this.#records.touched(changes);
    // A source going to the trash takes its file with it; one coming back is in the case before its file is written.
    const moved = applied ? movedSources(applied) : null;
    for (const sid of touched) {
      if (!this.#store.hasSource(sid) && !moved?.restored.has(sid) && !moved?.trashed.has(sid))
        throw new ApiError('NOT_FOUND', 'That claim’s source is no longer in this case.');
    }

    this.#state = next;
    this.#records.apply(changes, next);
    let outside = null;
    try {
      outside = applied ? await this.#outside.run(applied) : null;
      for (const sid of touched) {
        if (outside?.trashed.has(sid)) continue;
        const body = await this.#store.readBody(sid);
        await this.#store.writeBody({ ...body, ...this.bodyRecords(sid) });
      }
      const indexFields = ['events', 'actors', 'decisions', 'reconciliations', 'gradeOverrides'] as const;
      if (indexFields.some((k) => prev[k] !== next[k])) {
        await this.#store.updateIndex(
          (d) => {
            for (const k of indexFields) d[k] = [...(next[k] ?? []), ...this.#unreadableIndex[k]];
          },
          { fields: indexFields },
        );
      }
      if (stack !== this.#stack) await this.#history.save(this.#stack, stack); // a colleague's edit (applyRemote) leaves it
      this.#stack = stack;
    } catch (e) {
      // Not acknowledged: the in-memory state goes back to what is on disk for the untouched part,
      // and what the step did outside the claims (a source trashed, corrected) is taken back.
      this.#state = prev;
      this.#records = SourceRecords.of(prev);
      if (applied && revert && reachesOutside(applied)) await this.#outside.run(revert).catch(() => undefined);
      throw e;
    }
    this.#version++;
    const change: ChangeSet = { ...changes, version: this.#version, undo: this.undoState(), problems, reset: false, totalClaims: next.claims.length };
    if (outside && (outside.sources.put.length || outside.sources.deleted.length || outside.suggestions.length))
      Object.assign(change, { sources: outside.sources, suggestions: outside.suggestions });
    this.#remember(change);
    return change;
  }

  #remember(change: ChangeSet): void {
    this.#recent.push(change);
    if (this.#recent.length > RECENT_CHANGES) this.#recent.splice(0, this.#recent.length - RECENT_CHANGES);
    for (const fn of this.#listeners) fn(change);
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

function wrap<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError('INVALID_INPUT', e instanceof Error ? e.message : String(e));
  }
}
