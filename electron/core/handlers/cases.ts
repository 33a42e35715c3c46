// Cases: list, create (or the sample), open, rename, delete to the trash, backups.
import { caseIdFromName } from '../ids.ts';
import { extractFileIsolated } from '../import/index.ts';
import { SAMPLE_CASE_ID, SAMPLE_CASE_NAME, SAMPLE_REPORTS } from '../sample.ts';
import { tagSampleCase } from '../sample-case.ts';
import { suggest } from '../../../shared/suggest/suggest.ts';
import { openView, summaryOf, type OpenCases } from '../session.ts';
import { listCaseBackups, readCaseSummary, restoreBackup } from '../store/index.ts';
import { addExtracted, sha256Hex } from './sources.ts';
import type { HandlerGroup } from './types.ts';

export function caseHandlers(
  open: OpenCases,
): HandlerGroup<
  'cases.list' | 'cases.create' | 'cases.createSample' | 'cases.open' | 'cases.rename' | 'cases.delete' | 'cases.backups' | 'cases.restoreBackup'
> {
  const { locator } = open;
  return {
    'cases.list': async () =>
      Promise.all(
        (await locator.listIds()).map(async (id) => {
          const st = await open.ifOpen(id);
          return st ? summaryOf(st) : readCaseSummary(locator.dirOf(id), id);
        }),
      ),

    'cases.create': async ({ name }) => summaryOf(await open.create(caseIdFromName(name), name)),

    'cases.createSample': async () => {
      if ((await locator.listIds()).includes(SAMPLE_CASE_ID)) return summaryOf(await open.store(SAMPLE_CASE_ID));
      const st = await open.create(SAMPLE_CASE_ID, SAMPLE_CASE_NAME);
      const sources = [];
      for (const r of SAMPLE_REPORTS) {
        const data = new TextEncoder().encode(r.text);
        sources.push(await addExtracted(st, r.file, 'txt', data, sha256Hex(data), await extractFileIsolated(r.file, data)));
      }
      // Tagged, with an event, an open disagreement and a reconciled row: Compare shows what the app does.
      // On this thread: three short texts, and a worker's start costs more than they do.
      await tagSampleCase(st, sources, async (_id, text, published) => suggest(text, { published }));
      return summaryOf(st);
    },

    'cases.open': async ({ caseId }) => {
      const view = openView(await open.store(caseId));
      // The claims are read in the background from here on; the first screen does not wait for them.
      open.claims(caseId).catch(() => undefined);
      return view;
    },

    'cases.rename': async ({ caseId, name }) => {
      const st = await open.store(caseId);
      await st.updateIndex(
        (d) => {
          d.name = name;
        },
        { fields: ['name'] },
      );
      return summaryOf(st);
    },

    'cases.delete': async ({ caseId }) => {
      locator.dirOf(caseId);
      if (locator.fixedId) await locator.trash(caseId); // refuses, before the open case is closed
      await open.close(caseId);
      await locator.trash(caseId);
      return { deleted: true as const };
    },

    // Needs no lock and no readable index: this is what a user reaches for when the case won't open.
    'cases.backups': async ({ caseId }) => listCaseBackups(locator.dirOf(caseId)),

    'cases.restoreBackup': async ({ caseId, backup }) => {
      await open.close(caseId);
      await restoreBackup(locator.dirOf(caseId), backup);
      return openView(await open.store(caseId));
    },
  };
}
