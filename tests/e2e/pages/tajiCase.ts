// A case of the seed reports of the Camp Taji attack (000, 002, 004, and 001 for a fourth pane),
// imported through the UI and open side by side, with the casualty claims of the answer key that
// the tests tag (quotes read from the key at test time).
import { seedDocuments, type SeedDocument } from '../fixtures.ts';
import type { LibraryPage } from './LibraryPage.ts';
import type { StartPage } from './StartPage.ts';
import { importSeeds, keyClaims, type KeyClaim } from './seedKey.ts';

export interface TajiCase {
  seeds: SeedDocument[];
  titleOf: (doc: string) => string;
  /** The killed and wounded claims of the 11 March attack, each source's total once. */
  casualties: KeyClaim[];
  /** The timing claims of the attack, so the timeline has dated claims as well as the event. */
  timings: KeyClaim[];
}

export async function openTajiCase(start: StartPage, library: LibraryPage, opts: { fourth?: boolean } = {}): Promise<TajiCase> {
  const seeds = (await seedDocuments()).filter((s) => (opts.fourth ? /^00[0124]_/ : /^00[024]_/).test(s.file));
  const key = await keyClaims();
  const casualties = key.filter(
    (c) =>
      c.kind === 'casualties' &&
      c.event === 'taji-2020-03-11' &&
      seeds.some((s) => s.file === c.doc) &&
      (c.measure === 'killed' || c.measure === 'wounded') &&
      !(c.doc.startsWith('002') && c.measure === 'killed' && /&/.test(c.quote)),
  );
  const timings = key.filter((c) => c.kind === 'timing' && c.event === 'taji-2020-03-11' && seeds.some((s) => s.file === c.doc));
  await start.createCase('Camp Taji');
  await importSeeds(library, seeds);
  return { seeds, titleOf: (doc) => seeds.find((s) => s.file === doc)!.title, casualties, timings };
}
