import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { canonicalize } from '../text/canonical.ts';
import { findMetadata, findDate, parseByline, parseDate, wireName } from './metadata.ts';
import { corpusDir } from '../../tests/unit/corpus.ts';

const corpus = corpusDir;
const key = JSON.parse(readFileSync(path.join(corpus, 'seeds-key.json'), 'utf8')) as {
  documents: Record<string, { title: string; outlet: string | null; published: string | null; wire?: string; authors?: string[] }>;
};
const seeds = readdirSync(path.join(corpus, 'seeds')).filter((f) => f.endsWith('.txt'));
const seed = (prefix: string) => {
  const file = seeds.find((f) => f.startsWith(prefix))!;
  return { file, text: canonicalize(readFileSync(path.join(corpus, 'seeds', file), 'utf8')) };
};

describe('the five seeds', () => {
  it('are all there', () => expect(seeds).toHaveLength(5));

  for (const file of Object.keys(key.documents)) {
    const doc = key.documents[file];
    it(`${file}: title, outlet, date and group as a fact-checker finds them`, () => {
      const m = findMetadata(canonicalize(readFileSync(path.join(corpus, 'seeds', file), 'utf8')));
      expect(m.title.value).toBe(doc.title);
      expect(m.title.confidence).not.toBe('none');
      expect(m.outlet.value).toBe(doc.outlet);
      expect(m.published.value.date).toBe(doc.published);
      if (doc.published === null) expect(m.published.confidence).toBe('none');
      else expect(m.published.confidence).toBe('high');
      expect(m.wire).toBe(doc.wire ?? null);
      // The key names authors only where the article does.
      expect(m.authors.value).toEqual(doc.authors ?? []);
      expect(m.independenceGroup).toBe(doc.wire ?? doc.outlet ?? null);
    });
  }

  it('does not read a sign-up box ("By entering your email…") as a byline', () => {
    const m = findMetadata(
      canonicalize(
        'Rockets hit a base near the capital\n\nRockets hit a base overnight, officials said.\n\nBy entering your email, you agree to our Terms of Service and Privacy Policy.',
      ),
    );
    expect(m.authors.value).toEqual([]);
    expect(m.outlet.value).toBeNull();
  });

  it('never takes the header date of viewing for the publication date', () => {
    for (const [prefix, header] of [
      ['002', '2024-04-26'],
      ['004', '2020-08-04'],
    ]) {
      const { text } = seed(prefix);
      const m = findMetadata(text);
      expect(m.published.value.date).not.toBe(header);
    }
    // And says why it refused it, when nothing else is found.
    expect(findMetadata(seed('002').text).published.how).toMatch(/date of viewing/);
  });

  it('ranks the footer re-post time below the line under the title', () => {
    const m = findMetadata(seed('001').text);
    expect(m.published.how).toMatch(/under the title/);
  });

  it('reads the outlet and authors from a "By <Outlet> · names · SECTIONS" byline', () => {
    const m = findMetadata(seed('004').text);
    expect(m.outlet).toMatchObject({ value: 'The Washington Post', how: 'byline' });
    expect(m.authors.value).toEqual(['Dan Lamothe', 'Louisa Loveluck']);
  });
});

describe('general rules, on text the seeds do not contain', () => {
  it('rejects any weekday-dated line above the headline, and takes the one below', () => {
    const m = findMetadata(
      'Monday, 6 January 2025\n\nRebels seize the northern town after heavy fighting\n\n3 January 2025\n\nBy Jane Roe\n\n' + 'Body text. '.repeat(30),
    );
    expect(m.title.value).toBe('Rebels seize the northern town after heavy fighting');
    expect(m.published.value.date).toBe('2025-01-03');
  });

  it('says "none" rather than guessing when only a viewing date exists', () => {
    const m = findMetadata('Wednesday, May 7, 2025\nSubscribe\nFloods cut the main road to the capital overnight\n\n' + 'Body text. '.repeat(30));
    expect(m.published.value.date).toBeNull();
    expect(m.published.confidence).toBe('none');
  });

  it('takes a date next to the byline and one inside it', () => {
    expect(findMetadata('Ceasefire talks stall over prisoner list\n\nBy Jane Roe\n12 Feb 2024\n\n' + 'Text. '.repeat(40)).published.value.date).toBe(
      '2024-02-12',
    );
    const m = findMetadata('Ceasefire talks stall over prisoner list\n\nBy Jane Roe and John Doe | March 3, 2022\n\n' + 'Text. '.repeat(40));
    expect(m.published.value.date).toBe('2022-03-03');
    expect(m.authors.value).toEqual(['Jane Roe', 'John Doe']);
  });

  it('finds a "Published" label with a time', () => {
    const m = findMetadata('Port reopens after strike\n\nPublished: 13 March 2020, 08:14 GMT\n\n' + 'Text. '.repeat(40));
    expect(m.published.value).toMatchObject({ date: '2020-03-13', precision: 'day', time: '08:14' });
  });

  it('does not take dates inside sentences for the publication date', () => {
    const m = findMetadata(
      'Report on the attack\n\nThe attack happened on March 11, 2020 at the base, officials said in a statement on Thursday.\n\n' + 'More. '.repeat(30),
    );
    expect(m.published.value.date).toBeNull();
  });

  it('treats a breadcrumb that ends with the headline as navigation', () => {
    const m = findMetadata('Home › News › Storm damage worse than feared\n\nStorm damage worse than feared\n\n' + 'Text. '.repeat(40));
    expect(m.title).toMatchObject({ value: 'Storm damage worse than feared', confidence: 'high' });
  });

  it('does not take a line that runs on into a later one as words do for a breadcrumb', () => {
    // An encyclopedia-style page: a "See also" note ends with the name of a later heading.
    const m = findMetadata(
      'Harbour Authority of Tarsis\n\nSee also: Harbour Board and Harbour Police Service\n\nHarbour Police Service\n\n' +
        'The authority runs the port and its pilots. '.repeat(10),
    );
    expect(m.title.value).toBe('Harbour Authority of Tarsis');
  });

  it('finds wire credits in their usual forms', () => {
    const body = 'Text of the story. '.repeat(10);
    expect(findMetadata(`Headline words here\n\nBAGHDAD (Reuters) - ${body}`).wire).toBe('Reuters');
    expect(findMetadata(`Headline words here\n\n${body}\n\nSource: AFP`).wire).toBe('AFP');
    expect(findMetadata(`Headline words here\n\n${body} —AP`).wire).toBe('Associated Press');
    expect(findMetadata(`Headline words here\n\n${body}\n\n(With inputs from PTI)`).wire).toBe('PTI');
    expect(findMetadata(`Headline words here\n\n${body}\n\nReporting by Jane Roe; Editing by John Doe`).wire).toBe('Reuters');
    // A wire mentioned in a sentence is not a credit, nor is "ap" in lower case.
    expect(findMetadata(`Headline words here\n\n${body} according to Reuters, and a map was shown.`).wire).toBeNull();
  });

  it('the group is the wire when there is one, else the outlet', () => {
    const m = findMetadata('Headline words here\n\n(Daily Courier)\n\n' + 'Text. '.repeat(30));
    expect(m.outlet.value).toBe('Daily Courier');
    expect(m.independenceGroup).toBe('Daily Courier');
    const w = findMetadata('Headline words here\n\n(Daily Courier)\n\n' + 'Text. '.repeat(30) + '\n\nSource: Reuters');
    expect(w.independenceGroup).toBe('Reuters');
    expect(w.outlet.value).toBe('Daily Courier');
  });

  it('finds an outlet from a copyright line or a subscription appeal', () => {
    expect(findMetadata('Headline words here\n\n' + 'Text. '.repeat(30) + '\n\n© 2024 Harbor Gazette. All rights reserved.').outlet.value).toBe(
      'Harbor Gazette',
    );
    expect(findMetadata('Headline words here\n\n' + 'Text. '.repeat(30) + '\n\nSubscribe to The Valley Ledger for more.').outlet.value).toBe(
      'The Valley Ledger',
    );
    expect(findMetadata('Headline words here\n\n' + 'Text. '.repeat(30) + '\n\nSubscribe to our newsletter').outlet.value).toBeNull();
  });

  it('prefers declared metadata (hints) on a tie and keeps their "how"', () => {
    const m = findMetadata('Some headline in the text\n\nMarch 3, 2022\n\n' + 'Text. '.repeat(30), {
      title: [{ value: 'Declared headline', how: 'meta og:title', confidence: 'high' }],
      published: [{ value: '2022-03-02T23:10:00-05:00', how: 'meta article:published_time', confidence: 'high' }],
      outlet: [{ value: 'Example News', how: 'meta og:site_name', confidence: 'high' }],
    });
    expect(m.title).toEqual({ value: 'Declared headline', how: 'meta og:title', confidence: 'high' });
    expect(m.published.value).toEqual({ date: '2022-03-02', precision: 'day', time: '23:10', timezone: '-05:00' });
    expect(m.published.how).toBe('meta article:published_time');
    expect(m.outlet.value).toBe('Example News');
  });
});

describe('date and name helpers', () => {
  it('parses "Mar 13. 2020" and other forms, and refuses partial dates', () => {
    expect(findDate('Mar 13. 2020')?.published.date).toBe('2020-03-13');
    expect(findDate('November 21, 2023')?.published.date).toBe('2023-11-21');
    expect(findDate('13 March 2020')?.published.date).toBe('2020-03-13');
    expect(findDate('March 11')).toBeNull();
    expect(findDate('Friday, April 26, 2024')?.weekday).toBe(true);
    expect(parseDate('2020-03-13T08:14:00Z')).toEqual({ date: '2020-03-13', precision: 'day', time: '08:14', timezone: 'UTC' });
    expect(parseDate('2020-03')).toMatchObject({ date: '2020-03-01', precision: 'month' });
    expect(parseDate('not a date')).toBeNull();
  });

  it('splits bylines into outlet, authors and sections', () => {
    expect(parseByline('By The Washington Post · Dan Lamothe, Louisa Loveluck · NATIONAL, WORLD')).toMatchObject({
      outlet: 'The Washington Post',
      authors: ['Dan Lamothe', 'Louisa Loveluck'],
    });
    expect(parseByline('By Reuters')).toMatchObject({ wire: 'Reuters', authors: [] });
    expect(parseByline('by Ali al-Hashimi')?.authors).toEqual(['Ali al-Hashimi']);
  });

  it('knows wire names only in their own spelling', () => {
    expect(wireName('AP')).toBe('Associated Press');
    expect(wireName('ap')).toBeNull();
    expect(wireName('Bloomberg L.P.')).toBe('Bloomberg');
  });
});
