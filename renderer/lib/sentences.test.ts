import { describe, expect, it } from 'vitest';
import { sentencesOf, stepSentence } from './sentences.ts';

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
