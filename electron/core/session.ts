// The cases a core has open: one store (holding the case's lock) and one claims state per case,
// opened on first use and kept until the case is closed, deleted or the core shuts down. Both are
// kept by the case's folder, so every id the locator accepts for one folder reaches one store (and one lock).
import type { FeedEvent, OpenCase } from '../../shared/api.ts';
import type { CaseIndex, CaseSummary } from '../../shared/model/case.ts';
import { ApiError } from '../../shared/errors.ts';
import type { Source } from '../../shared/model/source.ts';
import type { CaseLocator } from './cases.ts';
import { CaseClaims } from './claims.ts';
import { CaseStore } from './store/index.ts';
import { SuggestionCache } from './suggestions.ts';
import { VerdictCache } from './verdicts.ts';

export class OpenCases {
  readonly locator: CaseLocator;
  readonly version: string;
  readonly suggestions = new SuggestionCache();
  readonly #stores = new Map<string, Promise<CaseStore>>();
  /** Each case's claims once every one is read, and as soon as the case's claims exist (being read). */
  readonly #claims = new Map<string, Promise<CaseClaims>>();
  readonly #early = new Map<string, Promise<CaseClaims>>();
  readonly #verdicts = new Map<string, VerdictCache>();

  constructor(locator: CaseLocator, version: string) {
    this.locator = locator;
    this.version = version;
  }

  /** Where a case's store and claims are kept: its folder (throws NOT_FOUND for an id this host does not serve). */
  #key(caseId: string): string {
    return this.locator.dirOf(caseId);
  }

  store(caseId: string): Promise<CaseStore> {
    const dir = this.#key(caseId);
    let s = this.#stores.get(dir);
    if (!s) {
      // Opened on its index: the source files are read with the claims, after the first screen.
      s = CaseStore.open(dir, { checkBodies: false }).catch(async (e: unknown) => {
        this.#stores.delete(dir);
        // A fixed case folder that has no case yet becomes one on first use.
        const fixedId = this.locator.fixedId;
        if (fixedId && e instanceof ApiError && e.code === 'NOT_FOUND') {
          const created = CaseStore.create(dir, { id: fixedId, name: fixedId });
          this.#stores.set(dir, created);
          return created;
        }
        throw e;
      });
      this.#stores.set(dir, s);
    }
    return s;
  }

  /** The store of a case if it is open in this core (for listing without opening). */
  async ifOpen(caseId: string): Promise<CaseStore | null> {
    let dir: string;
    try {
      dir = this.#key(caseId);
    } catch {
      return null;
    }
    return (await this.#stores.get(dir)?.catch(() => null)) ?? null;
  }

  readonly #feed = new Set<(e: FeedEvent) => void>();

  /** Tells `fn` of every change to the claims of any case open here; returns the unsubscribe. */
  watch(fn: (e: FeedEvent) => void): () => void {
    this.#feed.add(fn);
    return () => this.#feed.delete(fn);
  }

  /** Tells every watcher (a host's change feed). */
  emit(e: FeedEvent): void {
    for (const fn of this.#feed) fn(e);
  }

  /** A case's claims with every one read (the read starts here if it has not). */
  claims(caseId: string): Promise<CaseClaims> {
    const dir = this.#key(caseId);
    let c = this.#claims.get(dir);
    if (!c) {
      const early = this.early(caseId);
      c = early.then(async (cc) => {
        await cc.loaded;
        return cc;
      });
      c.catch(() => {
        // Read again on next use (a case closed meanwhile, a file that failed).
        if (this.#claims.get(dir) === c) this.#claims.delete(dir);
        if (this.#early.get(dir) === early) this.#early.delete(dir);
      });
      this.#claims.set(dir, c);
    }
    return c;
  }

  /**
   * A case's claims while they are still being read: for the sources a window shows (readSources)
   * and the edits that touch only what is read (CaseClaims.execute waits for the rest itself).
   * Anything that reads the whole case asks `claims`.
   */
  early(caseId: string): Promise<CaseClaims> {
    const dir = this.#key(caseId);
    let c = this.#early.get(dir);
    if (!c) {
      c = this.store(caseId).then(async (st) => {
        const cc = await CaseClaims.open(st);
        // Every change to a case's claims is announced by case id and version: the hosts' change feed.
        cc.subscribe((change) => {
          this.emit({ kind: 'claims', caseId: st.index.id, version: change.version });
        });
        return cc;
      });
      const mine = c;
      c.catch(() => {
        if (this.#early.get(dir) === mine) this.#early.delete(dir);
      });
      this.#early.set(dir, c);
    }
    return c;
  }

  /** After files were rewritten outside the command path (a merge): read the claims again. */
  reloadClaims(caseId: string): void {
    const dir = this.#key(caseId);
    this.#claims.delete(dir);
    this.#early.delete(dir);
    this.#verdicts.delete(dir);
  }

  /** The case's verdicts, kept per event and recomputed where an edit touched (verdicts.ts). */
  verdicts(caseId: string): VerdictCache {
    const dir = this.#key(caseId);
    let v = this.#verdicts.get(dir);
    if (!v) this.#verdicts.set(dir, (v = new VerdictCache()));
    return v;
  }

  adopt(caseId: string, st: CaseStore): void {
    this.#stores.set(this.#key(caseId), Promise.resolve(st));
  }

  async create(caseId: string, name: string): Promise<CaseStore> {
    const st = await CaseStore.create(this.locator.newCaseDir(caseId), { id: caseId, name });
    this.adopt(caseId, st);
    return st;
  }

  async close(caseId: string): Promise<void> {
    await this.#closeDir(this.#key(caseId));
  }

  async #closeDir(dir: string): Promise<void> {
    const s = this.#stores.get(dir);
    this.#stores.delete(dir);
    this.#claims.delete(dir);
    this.#early.delete(dir);
    this.#verdicts.delete(dir);
    if (s)
      await s.then(
        (st) => st.close(),
        () => undefined,
      );
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.#stores.keys()].map((dir) => this.#closeDir(dir)));
  }
}

export function summaryOf(st: CaseStore): CaseSummary {
  const ix = st.index;
  return { id: ix.id, name: ix.name, dir: st.dir, sources: ix.sources.length, modified: ix.modified, problem: null };
}

export function openView(st: CaseStore): OpenCase {
  return { id: st.index.id, name: st.index.name, dir: st.dir, sources: [...st.index.sources], warnings: [...st.warnings] };
}

/**
 * A source of a case, or NOT_FOUND. Give the store: it finds the source through its id map. (Given an
 * index, the sources are scanned: kept only for callers not yet passing the store.)
 */
export function sourceOf(from: CaseStore | Readonly<CaseIndex>, sourceId: string): Source {
  const s = from instanceof CaseStore ? from.source(sourceId) : from.sources.find((x) => x.id === sourceId);
  if (!s) throw new ApiError('NOT_FOUND', 'That source is no longer in this case.');
  return s;
}
