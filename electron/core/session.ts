// The cases a core has open: one store (holding the case's lock) and one claims state per case,
// opened on first use and kept until the case is closed, deleted or the core shuts down.
import type { OpenCase } from '../../shared/api.ts';
import type { CaseIndex, CaseSummary } from '../../shared/case.ts';
import { ApiError } from '../../shared/errors.ts';
import type { Source } from '../../shared/source.ts';
import type { CaseLocator } from './cases.ts';
import { CaseClaims } from './claims.ts';
import { CaseStore } from './store/index.ts';
import { SuggestionCache } from './suggestions.ts';

export class OpenCases {
  readonly locator: CaseLocator;
  readonly version: string;
  readonly suggestions = new SuggestionCache();
  readonly #stores = new Map<string, Promise<CaseStore>>();
  readonly #claims = new Map<string, Promise<CaseClaims>>();

  constructor(locator: CaseLocator, version: string) {
    this.locator = locator;
    this.version = version;
  }

  store(caseId: string): Promise<CaseStore> {
    let s = this.#stores.get(caseId);
    if (!s) {
      const dir = this.locator.dirOf(caseId);
      s = CaseStore.open(dir).catch(async (e: unknown) => {
        this.#stores.delete(caseId);
        // A fixed case folder that has no case yet becomes one on first use.
        if (this.locator.fixedId && e instanceof ApiError && e.code === 'NOT_FOUND') {
          const created = CaseStore.create(dir, { id: caseId, name: caseId });
          this.#stores.set(caseId, created);
          return created;
        }
        throw e;
      });
      this.#stores.set(caseId, s);
    }
    return s;
  }

  /** The store of a case if it is open in this core (for listing without opening). */
  async ifOpen(caseId: string): Promise<CaseStore | null> {
    return (await this.#stores.get(caseId)?.catch(() => null)) ?? null;
  }

  claims(caseId: string): Promise<CaseClaims> {
    let c = this.#claims.get(caseId);
    if (!c) {
      c = this.store(caseId).then((st) => CaseClaims.load(st));
      c.catch(() => this.#claims.delete(caseId));
      this.#claims.set(caseId, c);
    }
    return c;
  }

  /** After files were rewritten outside the command path (a merge): read the claims again. */
  reloadClaims(caseId: string): void {
    this.#claims.delete(caseId);
  }

  adopt(caseId: string, st: CaseStore): void {
    this.#stores.set(caseId, Promise.resolve(st));
  }

  async create(caseId: string, name: string): Promise<CaseStore> {
    const st = await CaseStore.create(this.locator.newCaseDir(caseId), { id: caseId, name });
    this.adopt(caseId, st);
    return st;
  }

  async close(caseId: string): Promise<void> {
    const s = this.#stores.get(caseId);
    this.#stores.delete(caseId);
    this.#claims.delete(caseId);
    if (s) await s.then((st) => st.close(), () => undefined);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.#stores.keys()].map((id) => this.close(id)));
  }
}

export function summaryOf(st: CaseStore): CaseSummary {
  const ix = st.index;
  return { id: ix.id, name: ix.name, dir: st.dir, sources: ix.sources.length, modified: ix.modified, problem: null };
}

export function openView(st: CaseStore): OpenCase {
  return { id: st.index.id, name: st.index.name, dir: st.dir, sources: [...st.index.sources], warnings: [...st.warnings] };
}

export function sourceOf(index: Readonly<CaseIndex>, sourceId: string): Source {
  const s = index.sources.find((x) => x.id === sourceId);
  if (!s) throw new ApiError('NOT_FOUND', 'That source is no longer in this case.');
  return s;
}
