// The tagging the Compare screens need: the Camp Taji casualty and timing claims saved and grouped into one event.
import type { TaggingPage } from './TaggingPage.ts';
import type { TajiCase } from './tajiCase.ts';

export const TAJI_EVENT = 'Rocket attack on Camp Taji';

export async function tagTajiEvent(t: TaggingPage, taji: TajiCase): Promise<void> {
  for (const c of taji.casualties) await t.save(await t.tag(taji.titleOf(c.doc), c.quote, 'c'));
  for (const c of taji.timings) await t.save(await t.tag(taji.titleOf(c.doc), c.quote, 't'));
  await t.newEvent(TAJI_EVENT, { from: '2020-03-11', to: '2020-03-11', place: 'Camp Taji, Iraq' });
  for (const c of [...taji.casualties, ...taji.timings]) await t.assign(t.row(c.quote), TAJI_EVENT);
}
