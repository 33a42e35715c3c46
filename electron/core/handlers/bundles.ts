// Bundles: export a case as a verifiable zip, verify one, import it as a new case or merge it.
import { exportCase, importAsNewCase, mergeIntoCase, readBundle, verifyBundle } from '../bundle/index.ts';
import { caseIdFromName } from '../ids.ts';
import { summaryOf, type OpenCases } from '../session.ts';
import type { HandlerGroup } from './types.ts';

export function bundleHandlers(open: OpenCases): HandlerGroup<'bundles.export' | 'bundles.verify' | 'bundles.import'> {
  return {
    'bundles.export': async ({ caseId, sourceIds, eventIds }) => {
      const st = await open.store(caseId);
      const state = (await open.claims(caseId)).state();
      const data = await exportCase(st, state, { appVersion: open.version, sourceIds, eventIds });
      const stamp = new Date().toISOString().slice(0, 10);
      return { name: `${st.index.id}-${stamp}.corroborate.zip`, data: new Uint8Array(data) };
    },

    'bundles.verify': async ({ data }) => {
      const r = verifyBundle(data);
      return { ok: r.ok, problems: r.problems, manifest: r.manifest ?? null };
    },

    'bundles.import': async ({ data, caseId, name }) => {
      const contents = readBundle(data); // throws, naming the problem, before anything is written
      if (caseId) {
        const st = await open.store(caseId);
        const claims = await open.claims(caseId);
        const r = await claims.exclusive(() => mergeIntoCase(st, claims, contents));
        open.reloadClaims(caseId); // its cached state predates the merge
        return {
          case: summaryOf(st),
          merge: { added: r.added, updated: r.updated, unchanged: r.unchanged, clashes: r.clashes, nothingChanged: r.nothingChanged },
        };
      }
      const caseName = name ?? contents.index.name;
      // A host on one case folder imports into that folder, and only while it holds no case yet.
      const id = open.locator.fixedId ?? caseIdFromName(caseName);
      const st = await importAsNewCase(contents, open.locator.newCaseDir(id), { id, name: caseName });
      open.adopt(id, st);
      return { case: summaryOf(st), merge: null };
    },
  };
}
