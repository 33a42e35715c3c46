import { describe, expect, it } from 'vitest';
import { splitParagraphs } from './paragraphs.ts';
import { SentenceIndex, sentencesOf, stepSentence } from './sentences.ts';

// Written for this test: a dateline, an abbreviation, a quote, and paragraphs.
const TEXT = 'KABUL — Two people were killed on Monday, Dr. Rahimi said.\n\n"We heard three blasts," a resident told reporters. Police gave no figure.\n';

describe('sentencesOf', () => {
  const all = sentencesOf(TEXT, 'en');
  const words = all.map((s) => TEXT.slice(s.start, s.end));
  it('finds each sentence, whitespace left out, paragraphs apart', () => {
    expect(words).toEqual([
      'KABUL — Two people were killed on Monday, Dr. Rahimi said.',
      '"We heard three blasts," a resident told reporters.',
      'Police gave no figure.',
    ]);
  });
  it('keeps every offset inside the text, in order', () => {
    for (let i = 1; i < all.length; i++) expect(all[i].start).toBeGreaterThanOrEqual(all[i - 1].end);
    expect(all.at(-1)!.end).toBeLessThanOrEqual(TEXT.length);
  });
  it('runs on past a title, an initialism or a month cut short', () => {
    const t = 'The U.S. Defense Department said Gen. Mark Milley spoke on Jan. 8 in Washington. He left.';
    expect(sentencesOf(t, 'en').map((s) => t.slice(s.start, s.end))).toEqual([
      'The U.S. Defense Department said Gen. Mark Milley spoke on Jan. 8 in Washington.',
      'He left.',
    ]);
  });
  it('copes with an unknown language tag and an empty text', () => {
    expect(sentencesOf('One. Two.', 'not a tag!').length).toBe(2);
    expect(sentencesOf('   ')).toEqual([]);
  });
});

describe('stepSentence', () => {
  const all = sentencesOf(TEXT, 'en');
  it('starts at the first sentence at or after where the reader is', () => {
    expect(stepSentence(all, null, 1)).toBe(0);
    expect(stepSentence(all, null, 1, all[1].start)).toBe(1);
    expect(stepSentence([], null, 1)).toBe(-1);
  });
  it('moves forward and back from a selected sentence, and stops at the ends', () => {
    expect(stepSentence(all, all[0], 1)).toBe(1);
    expect(stepSentence(all, all[1], 1)).toBe(2);
    expect(stepSentence(all, all[2], 1)).toBe(2);
    expect(stepSentence(all, all[2], -1)).toBe(1);
    expect(stepSentence(all, all[0], -1)).toBe(0);
  });
  it('selects the sentence a caret or a few words are in before moving on', () => {
    const caret = { start: all[1].start + 5, end: all[1].start + 5 };
    expect(stepSentence(all, caret, 1)).toBe(1);
    expect(stepSentence(all, caret, -1)).toBe(1);
  });
});

describe('SentenceIndex', () => {
  // Written for this test: paragraphs of one and several sentences, an abbreviation, a lone line break.
  const text = 'Intro line.\n\nFirst one here. Second, said Gen. Ali Musa. Third!\n\n\nA line\nbroken in two. Last one?\n\n  Tail sentence without a stop\n';
  const paragraphs = splitParagraphs(text);
  const all = sentencesOf(text, 'en');
  const index = new SentenceIndex(paragraphs, 'en');
  const same = (a: { start: number; end: number } | null, i: number) => expect(a && { start: a.start, end: a.end }).toEqual(all[i]);

  it('finds the same sentences paragraph by paragraph as in the whole text', () => {
    expect(paragraphs.flatMap((_, i) => index.of(i))).toEqual(all);
  });
  it('steps as stepSentence does over the whole text, from every sentence, caret and offset', () => {
    const froms: ({ start: number; end: number } | null)[] = [null, ...all];
    for (let at = 0; at <= text.length; at++) froms.push({ start: at, end: at });
    for (const from of froms)
      for (const dir of [1, -1] as const) {
        for (const fallback of [0, 20, text.length]) same(index.step(from, dir, fallback), stepSentence(all, from, dir, fallback));
      }
  });
  it('says where the sentence is in its paragraph', () => {
    const s = index.step(all[2], 1)!;
    expect(text.slice(s.start, s.end)).toBe('Third!');
    expect([s.paragraph, s.index, s.of]).toEqual([1, 2, 3]);
    expect(new SentenceIndex([], 'en').step(null, 1)).toBeNull();
  });
});
