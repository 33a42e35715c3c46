// Sentence splitting, title lines and datelines, on invented text in the style of wire reports.
import { describe, expect, it } from 'vitest';
import { datelineOf, splitSentences } from './sentences.ts';

const split = (text: string) => splitSentences(text).map((s) => ({ text: text.slice(s.start, s.end), headline: s.headline }));
const headlines = (text: string) =>
  split(text)
    .filter((s) => s.headline)
    .map((s) => s.text);

describe('headlines in the title block', () => {
  it('marks sentence-case title lines before the first real sentence', () => {
    const text = [
      'Drone strike kills 6 at border checkpoint',
      'Local officials say two of the dead were customs workers',
      'By a staff correspondent',
      'Six people were killed when a drone struck a checkpoint near the border on Tuesday, officials said.',
    ].join('\n\n');
    expect(headlines(text)).toEqual([
      'Drone strike kills 6 at border checkpoint',
      'Local officials say two of the dead were customs workers',
      'By a staff correspondent',
    ]);
  });

  it('keeps short lines of the body: list items and subheads in sentence case can carry claims', () => {
    const text = [
      'Shelling hits market town',
      'Artillery fire struck the market of a frontier town on Monday, the regional governor said.',
      'What we know so far',
      'Three civilians killed and nine wounded',
      'Two schools damaged',
    ].join('\n\n');
    const s = split(text);
    expect(s.map((x) => x.headline)).toEqual([true, false, false, false, false]);
  });

  it('does not let a stray date line or a label end the title block', () => {
    const text = [
      'Friday, June 7, 2024',
      'Jun 7.',
      'Text size:',
      'Rebels seize two villages after night assault',
      'Rebel fighters seized two villages overnight, residents said.',
    ].join('\n\n');
    const marked = split(text);
    expect(marked.find((x) => x.text.startsWith('Rebels seize'))?.headline).toBe(true);
    expect(marked.at(-1)?.headline).toBe(false);
  });

  it('takes a headline on its own line above the lede, in one paragraph, for a title', () => {
    const text = 'Four killed in drone strike on border town: mayor\nFour people were killed when a drone hit a market, the mayor said.';
    expect(split(text).map((x) => x.headline)).toEqual([true, false]);
  });

  it('needs the line to be a paragraph of its own: a lede broken over lines is not a title', () => {
    const text = 'Two soldiers were wounded when a roadside bomb\nexploded near their patrol, the army said.';
    expect(split(text).every((x) => !x.headline)).toBe(true);
  });

  it('does not take long lines or lines ending in punctuation for titles', () => {
    const long =
      'Gunmen opened fire on a bus carrying pilgrims in the hills north of the provincial capital killing at least nine passengers and wounding a dozen more as it climbed';
    expect(long.length).toBeGreaterThan(150);
    expect(headlines(`${long}\n\nPolice said the attackers fled on foot.`)).toEqual([]);
    expect(headlines('Residents describe a night of shelling:\n\nThe first shells fell after midnight, one resident said.')).toEqual([]);
  });

  it('still marks title-case lines anywhere in the text', () => {
    const text = 'Army Says Rockets Hit Airfield\n\nFour rockets hit the airfield, the army said.\n\nMore From Our Correspondents';
    expect(headlines(text)).toEqual(['Army Says Rockets Hit Airfield', 'More From Our Correspondents']);
  });
});

describe('datelineOf', () => {
  const dl = (s: string) => {
    const d = datelineOf(s);
    return d && { dateline: s.slice(d.start, d.end), date: d.date && s.slice(d.date.start, d.date.end) };
  };

  it('reads a place, a filing date and an agency or a dash', () => {
    expect(dl('Quetta, May 20 (PTI) At least four children were killed in a blast.')).toEqual({ dateline: 'Quetta, May 20 (PTI)', date: 'May 20' });
    expect(dl('WASHINGTON, March 12 -- Two rockets hit the base.')).toEqual({ dateline: 'WASHINGTON, March 12 --', date: 'March 12' });
    expect(dl('ODESA, Ukraine, Oct. 3 (AP) — Drones struck the port overnight.')).toEqual({ dateline: 'ODESA, Ukraine, Oct. 3 (AP) —', date: 'Oct. 3' });
    expect(dl('Dera Ismail Khan, 14 June: Gunmen attacked a police post.')).toEqual({ dateline: 'Dera Ismail Khan, 14 June:', date: '14 June' });
  });

  it('reads a dateline without a date', () => {
    expect(dl('BEIRUT (Reuters) - An airstrike hit a car.')).toEqual({ dateline: 'BEIRUT (Reuters) -', date: null });
    expect(dl('MOGADISHU — A car bomb exploded near a hotel.')).toEqual({ dateline: 'MOGADISHU —', date: null });
  });

  it('does not read an ordinary opening as a dateline', () => {
    expect(datelineOf('On Friday, May 20 — the day of the vote — rockets hit the city.')).toBeNull();
    expect(datelineOf('Last week, March 3 (a Sunday) was the deadliest day.')).toBeNull();
    expect(datelineOf('The Joint Staff (JCS) said two soldiers were hurt.')).toBeNull();
    expect(datelineOf('Officials: no one was hurt.')).toBeNull();
    expect(datelineOf('Kandahar, May 20 was quiet.')).toBeNull();
  });
});

describe('text without prose', () => {
  it('ends the title block after a few paragraphs, so a list of incidents keeps its items', () => {
    const items = [
      'Incident log',
      'Week 12',
      'Region north',
      'Compiled by the monitoring team',
      'Source reports',
      'Entries follow',
      '3 killed in market blast',
      '2 wounded by sniper fire',
    ];
    const marked = split(items.join('\n\n'));
    expect(marked.slice(-2).map((x) => x.headline)).toEqual([false, false]);
    expect(marked[0].headline).toBe(true);
  });
});
