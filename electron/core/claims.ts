// A case's tagged claims as one in-memory state, kept in step with its files. Annotations and claims
// live in their source's file, events and actors in the index, and the undo history in history.json,
// so an edit rewrites only the files it touched. Records that fail their schema (a hand-edited file)
// are reported and written back untouched, never dropped.
//
// A case opens before its claims are read: the instance exists once the index's records and the
// undo history are in (open), and the sources' records come in behind it, a few sources at a time,
// in the edit queue so no edit sees half a batch. Edits that touch only what is read already run at
// once (claims-ready.ts); the rest wait for the read. Reads of the whole case (view(), state()) are
// for callers that waited for `loaded` (session.ts hands this out only then, except to the handlers
// that read the sources a window shows and make the edits that fit).
import type { ClaimsView } from '../../shared/api.ts';
import { diffState, type ChangeSet, type UndoState } from '../../shared/model/changes.ts';
import type { Annotation, Claim } from '../../shared/model/claims.ts';
import { apply, type ClaimState, type Command } from '../../shared/model/commands.ts';
import { canRedo, canUndo, emptyStack, execute, redo, undo, type UndoStack } from '../../shared/model/undo.ts';
import { ApiError } from '../../shared/errors.ts';
import type { PageRange } from '../../shared/model/source.ts';
import { LOAD_BATCH, readCaseStart, readSourceParts, type CaseStart, type IndexRecordKind, type Unreadable } from './claims-load.ts';
import { readiness, type Loaded } from './claims-ready.ts';
import { ChangeFeed, NO_RECORDS } from './claims-feed.ts';
import { reanchored, scopedRecords } from './claims-view.ts';
import { ReadProgress } from './claims-progress.ts';
import { CaseLists } from './claims-lists.ts';
import { scopeOf } from './claims-scope.ts';
import { checkTouched, writeClaimFiles } from './claims-write.ts';
import type { HistoryFile } from './history-file.ts';
import { stepOverOthers } from './sync/undo-over.ts';
import { movedSources, reachesOutside, SourceCommands } from './source-commands.ts';
import type { CaseStore } from './store/index.ts';

/** Said by a step that found, inside the queue, that what it needs is not read yet: it waits and tries again. */
const NOT_YET = Symbol('not yet');
const nextTurn = () => new Promise<void>((r) => setImmediate(r));

export class CaseClaims {
  readonly #store: CaseStore;
  /** The records by source, and the index's; the case-wide lists only when asked (claims-lists.ts). */
  readonly #lists: CaseLists;
  #stack: UndoStack;
  /** Where the stack is saved: a line per step (history-file.ts). */
  readonly #history: HistoryFile;
  #problems: string[];
  /** Per source, the raw records that failed validation: written back as they were. */
  readonly #unreadable = new Map<string, Unreadable>();
  #unreadableIndex: Record<IndexRecordKind, unknown[]>;
  #queue: Promise<unknown> = Promise.resolve();
  /** Every change to the state, versioned, kept for clients catching up and told to listeners. */
  readonly #feed = new ChangeFeed();
  /** The parts of commands outside the claim state (sources' metadata, the trash, rejections). */
  readonly #outside: SourceCommands;
  readonly #check = (c: Command) => this.#outside.check(c);
  /** Which sources' records are in the state yet (all, once `#loading` is done). */
  readonly #progress: ReadProgress;
  #loading: Promise<void> = Promise.resolve();
  readonly #loaded: Loaded = {
    claim: (id) => this.#lists.records.sourceOf('claims', id) !== undefined || this.#progress.holds('claims', id),
    annotation: (id) => this.#lists.records.sourceOf('annotations', id) !== undefined || this.#progress.holds('annotations', id),
    source: (id) => this.#progress.status(id),
  };

  private constructor(store: CaseStore, start: CaseStart) {
    const { state, stack, history, problems } = start;
    this.#unreadableIndex = start.unreadableIndex;
    this.#store = store;
    this.#history = history;
    this.#outside = new SourceCommands(store);
    this.#progress = new ReadProgress((id) => store.hasSource(id));
    this.#lists = new CaseLists(state, { sources: () => store.index.sources, position: (id) => store.positionOfSource(id) });
    this.#stack = stack;
    this.#problems = problems;
  }

  /**
   * The case's claims as soon as the index's records and the undo history are read; the sources'
   * records are read behind it (`loaded`), yielding between batches so the host keeps answering.
   */
  static async open(store: CaseStore): Promise<CaseClaims> {
    const cc = new CaseClaims(store, await readCaseStart(store));
    cc.#loading = cc.#readAll();
    cc.#loading.catch(() => undefined); // a caller that waits for it hears of a failure
    return cc;
  }

  /** Every claim of the case read. */
  static async load(store: CaseStore): Promise<CaseClaims> {
    const cc = await CaseClaims.open(store);
    await cc.loaded;
    return cc;
  }

  /** Resolves when every source's records are read (and announced: one change with the count and the problems). */
  get loaded(): Promise<void> {
    return this.#loading;
  }

  get complete(): boolean {
    return this.#progress.complete;
  }

  /** Reads these sources' records now, ahead of the rest (the sources a window shows); they are in the state when it returns. */
  async readSources(ids: readonly string[], opts: { join?: boolean } = {}): Promise<void> {
    const want = [...new Set(ids)].filter((id) => this.#progress.status(id) === 'unread');
    if (want.length) {
      const problems: string[] = [];
      const { parts, failed } = await readSourceParts(this.#store, want, this.#progress.pool, problems);
      this.#progress.take(parts, failed);
      if (problems.length) this.#problems = [...this.#problems, ...problems];
    }
    // The background read leaves its parts to be joined once, by whatever needs the state next.
    if (opts.join !== false && this.#progress.pending) await this.#serial(async () => undefined);
  }

  async #readAll(): Promise<void> {
    await nextTurn(); // whoever opened the case subscribes first
    const ids = this.#store.index.sources.map((s) => s.id);
    for (let i = 0; i < ids.length; i += LOAD_BATCH) {
      // A case closed meanwhile (a command-line run that is done, a window that moved on) is not read further.
      if (this.#store.closed) throw new ApiError('NOT_FOUND', 'The case was closed while its claims were being read.');
      // A batch of bodies at a time: their texts and records are let go before the next is read.
      await this.readSources(ids.slice(i, i + LOAD_BATCH), { join: false });
      await this.#queue; // edits first: the read goes on when none is waiting
      await nextTurn();
    }
    await this.#serial(async () => {
      this.#progress.finish();
      this.#announceLoaded();
    });
  }

  /** Adds the sources read since to the state (from the edit queue: no edit is under way). */
  #join(): void {
    if (!this.#progress.pending) return;
    for (const p of this.#progress.drain()) {
      this.#lists.add(p.id, p);
      if (p.bad) this.#unreadable.set(p.id, p.bad);
    }
  }

  /** The sources a command may touch (claims-scope.ts): it is applied to their records only. */
  #scopeOf(...commands: Array<Command | undefined>): Set<string> {
    const out = new Set<string>();
    for (const c of commands) if (c) for (const sid of scopeOf(c, this.#lists.records)) out.add(sid);
    return out;
  }

  /** Until `fn`'s edit can run on what is read (claims-ready.ts): its sources read first, or the whole read awaited. */
  async #ready(cmd: Command | undefined): Promise<void> {
    while (cmd && !this.complete) {
      const r = readiness(cmd, this.#loaded);
      if ('now' in r) return;
      if ('later' in r) return this.#loading;
      await this.readSources(r.read);
    }
  }

  #readyNow(cmd: Command | undefined): boolean {
    return !cmd || this.complete || 'now' in readiness(cmd, this.#loaded);
  }

  /** The case's claims, or those of some sources and events (a reader's open sources, one event). */
  view(scope?: { sourceIds?: string[]; eventIds?: string[] }): ClaimsView {
    const st = this.#lists.base;
    return {
      version: this.#feed.version,
      ...scopedRecords(this.#lists, scope),
      events: st.events,
      actors: st.actors,
      decisions: st.decisions ?? [],
      reconciliations: st.reconciliations ?? [],
      gradeOverrides: st.gradeOverrides ?? [],
      ...this.undoState(),
      problems: [...this.#problems],
      // Known once the case is read: the change that announces it brings the count.
      totalClaims: this.#count(),
    };
  }

  /**
   * Tells clients that read some sources while the case was being read that it is: one change
   * with no records, the undo state, the claims count and every problem found while reading.
   */
  #announceLoaded(): ChangeSet {
    return this.#feed.publish(NO_RECORDS, { undo: this.undoState(), problems: [...this.#problems], totalClaims: this.#count() });
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
    return this.#feed.version;
  }

  /** The change sets after version `since`, or reset when they are older than those kept. */
  changesSince(since: number): { version: number; changes: ChangeSet[]; reset: boolean } {
    return this.#feed.since(since);
  }

  /** Called with every change set, in order (a host's change feed). Returns the unsubscribe. */
  subscribe(fn: (c: ChangeSet) => void): () => void {
    return this.#feed.subscribe(fn);
  }

  async execute(command: Command, label?: string): Promise<ChangeSet> {
    for (;;) {
      await this.#ready(command);
      const r = await this.#serial(async () => {
        if (!this.#readyNow(command)) return NOT_YET; // a source left or an edit came in between: ask again
        const scope = this.#scopeOf(command);
        const prev = this.#lists.scoped(scope);
        const step = wrap(() => execute(prev, this.#stack, command, { label: label ?? null, at: new Date().toISOString() }, this.#check));
        return this.#commit(scope, prev, step.state, step.stack, [], command, step.stack.done.at(-1)?.inverse ?? null);
      });
      if (r !== NOT_YET) return r;
    }
  }

  /**
   * A colleague's edit arriving by sync (sync/): checked, applied and saved like any command, its
   * source-side part too (a deleted source goes to the trash with its text), but not put on this
   * user's undo stack, so undo stays personal.
   */
  async applyRemote(command: Command): Promise<ChangeSet> {
    await this.#loading;
    return this.#serial(async () => {
      const scope = this.#scopeOf(command);
      const prev = this.#lists.scoped(scope);
      const r = wrap(() => (this.#check(command), apply(prev, command)));
      return this.#commit(scope, prev, r.state, this.#stack, [], command, r.inverse);
    });
  }

  undo(): Promise<ChangeSet> {
    return this.#stepWhenReady(undo);
  }

  redo(): Promise<ChangeSet> {
    return this.#stepWhenReady(redo);
  }

  /** An undo or redo, once what its entry touches is read (an entry found stale is dropped, so it must not run on half a case). */
  async #stepWhenReady(fn: typeof undo): Promise<ChangeSet> {
    const next = () => (fn === undo ? this.#stack.done.at(-1)?.inverse : this.#stack.undone.at(-1)?.command);
    for (;;) {
      await this.#ready(next());
      const r = await this.#serial(async () => (this.#readyNow(next()) ? this.#step(fn) : NOT_YET));
      if (r !== NOT_YET) return r;
    }
  }

  /** Runs work that rewrites this case's files outside the command path (a merge), with no edit in between. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    await this.#loading;
    return this.#serial(fn);
  }

  /** The state as the comparison code reads it. */
  state(): ClaimState {
    return this.#lists.full();
  }

  /** The undo history as it stands (read only: which trashed sources an undo may still bring back). */
  history(): Readonly<UndoStack> {
    return this.#stack;
  }

  /**
   * A source's text is being replaced: re-anchor its annotations in `text`; those that cannot be
   * found keep their old passage and are marked orphans. Returns the annotations to store with the
   * new text. The undo history is cleared: its passages point into the old text.
   */
  reanchorSource(sourceId: string, text: string, pages: PageRange[] | null): { annotations: Annotation[]; anchored: number; orphaned: number } {
    return reanchored(this.#lists.records.get(sourceId).annotations, text, pages);
  }

  /** Adopts the annotations written with a replaced text (see reanchorSource) and forgets history. */
  async adoptSource(sourceId: string, annotations: Annotation[]): Promise<ChangeSet> {
    await this.#loading;
    return this.#serial(async () => {
      const scope = new Set([sourceId]);
      const prev = this.#lists.scoped(scope);
      const next = { ...prev, annotations: [...prev.annotations.filter((a) => a.sourceId !== sourceId), ...annotations] };
      this.#lists.take(scope, next);
      this.#stack = emptyStack();
      await this.#history.reset(this.#stack);
      return this.#publish(prev, next, []);
    });
  }

  /** A source's claims, from the per-source lists (not a filter of every claim of the case). Read the source first (readSources). */
  claimsOf(sourceId: string): readonly Claim[] {
    return this.#lists.records.get(sourceId).claims;
  }

  /** A source's annotations, likewise. */
  annotationsOf(sourceId: string): readonly Annotation[] {
    return this.#lists.records.get(sourceId).annotations;
  }

  bodyRecords(sourceId: string): { annotations: unknown[]; claims: unknown[] } {
    const bad = this.#unreadable.get(sourceId);
    const mine = this.#lists.records.get(sourceId);
    return { annotations: [...mine.annotations, ...(bad?.annotations ?? [])], claims: [...mine.claims, ...(bad?.claims ?? [])] };
  }

  async #step(fn: typeof undo): Promise<ChangeSet> {
    const entry = fn === undo ? this.#stack.done.at(-1) : this.#stack.undone.at(-1);
    // Both sides of the entry: what the step does, and what the check below does to see what it would change.
    const scope = this.#scopeOf(entry?.command, entry?.inverse);
    const prev = this.#lists.scoped(scope);
    // Undoing (redoing) what a colleague has changed since lists both versions as a clash instead (sync/undo-over.ts).
    const over = stepOverOthers(prev, this.#stack, fn === undo ? 'undo' : 'redo');
    if (over) this.#problems = [...this.#problems, over.problem];
    if (over) return this.#commit(scope, prev, prev, over.stack, [over.problem], over.command, over.revert);
    const applied = fn === undo ? entry?.inverse : entry?.command;
    const step = wrap(() => fn(prev, this.#stack, this.#check));
    if (step.problem) this.#problems = [...this.#problems, step.problem];
    // What takes the step's outside part back if a later write fails: the entry's other side.
    const revert = fn === undo ? step.stack.undone.at(-1)?.command : step.stack.done.at(-1)?.inverse;
    return this.#commit(scope, prev, step.state, step.stack, step.problem ? [step.problem] : [], step.problem ? null : (applied ?? null), revert ?? null);
  }

  /** Records a change made to the state: a new version, kept for catching up and told to listeners. */
  #publish(prev: ClaimState, next: ClaimState, problems: string[]): ChangeSet {
    return this.#feed.publish(this.#lists.inCase(diffState(prev, next)), { undo: this.undoState(), problems, totalClaims: this.#count() });
  }

  /** The case's claim count, or null while it is being read. */
  #count(): number | null {
    return this.complete ? this.#lists.records.count('claims') : null;
  }

  /** Writes the files whose records changed, then the history; only then is the new state the case's. `prev` is scoped(scope). */
  async #commit(
    scope: ReadonlySet<string>,
    prev: ClaimState,
    next: ClaimState,
    stack: UndoStack,
    problems: string[] = [],
    applied: Command | null = null,
    revert: Command | null = null,
  ): Promise<ChangeSet> {
    const changes = diffState(prev, next);
    // A source's file holds its annotations and claims: a put (a moved record too: order matters
    // for undo's exact restore) or a delete rewrites it, from that source's own records.
    const touched = this.#lists.records.touched(changes);
    // A source going to the trash takes its file with it; one coming back is in the case before its file is written.
    const moved = applied ? movedSources(applied) : null;
    checkTouched(this.#store, this.#progress, touched, moved);

    this.#lists.take(scope, next);
    let outside = null;
    try {
      outside = applied ? await this.#outside.run(applied) : null;
      await writeClaimFiles(
        this.#store,
        { prev, next, touched, trashed: outside?.trashed ?? null },
        { body: (sid) => this.bodyRecords(sid), unreadableIndex: this.#unreadableIndex },
      );
      if (stack !== this.#stack) await this.#history.save(this.#stack, stack); // a colleague's edit (applyRemote) leaves it
      this.#stack = stack;
    } catch (e) {
      // Not acknowledged: the in-memory state goes back to what is on disk for the untouched part,
      // and what the step did outside the claims (a source trashed, corrected) is taken back.
      this.#lists.take(scope, prev);
      if (applied && revert && reachesOutside(applied)) await this.#outside.run(revert).catch(() => undefined);
      throw e;
    }
    const reached = outside && (outside.sources.put.length || outside.sources.deleted.length || outside.suggestions.length);
    return this.#feed.publish(this.#lists.inCase(changes), {
      undo: this.undoState(),
      problems,
      totalClaims: this.#count(),
      ...(reached ? { sources: outside?.sources, suggestions: outside?.suggestions } : {}),
    });
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const go = () => (this.#join(), fn());
    const run = this.#queue.then(go, go);
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
