import { describe, expect, it } from 'vitest';
import { chunkOf, chunkParagraphs, locateHit, paragraphAt, segmentParagraph, splitParagraphs } from './paragraphs.ts';

describe('splitParagraphs', () => {
  it('splits on blank lines and keeps offsets into the whole text', () => {
    const text = 'First line\nstill first.\n\nSecond.\n \n\nThird one.';
    const ps = splitParagraphs(text);
    expect(ps.map((p) => p.text)).toEqual(['First line\nstill first.', 'Second.', 'Third one.']);
    for (const p of ps) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('drops empty paragraphs and surrounding whitespace', () => {
    expect(splitParagraphs('\n\n  \n\nOnly\n\n')).toEqual([{ start: 6, end: 10, text: 'Only' }]);
    expect(splitParagraphs('')).toEqual([]);
  });
});

describe('segmentParagraph', () => {
  const text = 'Alpha beta.\n\nGamma delta epsilon.';
  const [a, b] = splitParagraphs(text);

  it('marks the part of a paragraph inside the range', () => {
    const start = text.indexOf('delta');
    expect(segmentParagraph(b, { start, end: start + 5 })).toEqual([
      { text: 'Gamma ', marked: false },
      { text: 'delta', marked: true },
      { text: ' epsilon.', marked: false },
    ]);
    expect(segmentParagraph(a, { start, end: start + 5 })).toEqual([{ text: 'Alpha beta.', marked: false }]);
  });

  it('splits a range that crosses a paragraph break between both paragraphs', () => {
    const range = { start: text.indexOf('beta'), end: text.indexOf('delta') };
    expect(
      segmentParagraph(a, range)
        .filter((s) => s.marked)
        .map((s) => s.text),
    ).toEqual(['beta.']);
    expect(
      segmentParagraph(b, range)
        .filter((s) => s.marked)
        .map((s) => s.text),
    ).toEqual(['Gamma ']);
  });
});

describe('locateHit', () => {
  const text = 'one two three. one two four.';
  it('trusts offsets that point at the match', () => {
    expect(locateHit(text, { start: 15, end: 22, before: '', match: 'one two', after: '' })).toEqual({ start: 15, end: 22 });
  });
  it('finds the match by its context when the offsets are off', () => {
    expect(locateHit(text, { start: 3, end: 10, before: '. ', match: 'one two', after: ' four' })).toEqual({ start: 15, end: 22 });
  });
  it('falls back to the nearest occurrence, or null when absent', () => {
    expect(locateHit(text, { start: 20, end: 27, before: 'x', match: 'one two', after: 'y' })).toEqual({ start: 15, end: 22 });
    expect(locateHit(text, { start: 0, end: 4, before: '', match: 'five', after: '' })).toBeNull();
  });
});

describe('chunks of paragraphs', () => {
  const text = Array.from({ length: 50 }, (_, i) => `Paragraph ${i}: ${'word '.repeat(i % 7 === 0 ? 120 : 10)}`).join('\n\n');
  const ps = splitParagraphs(text);

  it('covers every paragraph once, in order, in chunks of about the size asked', () => {
    const chunks = chunkParagraphs(ps, 300);
    expect(chunks[0].from).toBe(0);
    expect(chunks.at(-1)!.to).toBe(ps.length);
    chunks.forEach((c, i) => {
      if (i > 0) expect(c.from).toBe(chunks[i - 1].to);
      expect(c.to).toBeGreaterThan(c.from);
      expect(c.chars).toBe(ps.slice(c.from, c.to).reduce((n, p) => n + p.text.length, 0));
      // over the size only as one paragraph longer than it
      if (c.chars > 300) expect(c.to - c.from).toBe(1);
    });
    expect(chunkParagraphs([], 300)).toEqual([]);
  });

  it('finds the chunk of a paragraph and the paragraph of an offset', () => {
    const chunks = chunkParagraphs(ps, 300);
    for (let i = 0; i < ps.length; i++) {
      const c = chunks[chunkOf(chunks, i)];
      expect(i >= c.from && i < c.to).toBe(true);
      expect(paragraphAt(ps, ps[i].start)).toBe(i);
      expect(paragraphAt(ps, ps[i].end - 1)).toBe(i);
      // between paragraphs: the next one
      if (i + 1 < ps.length) expect(paragraphAt(ps, ps[i].end)).toBe(i + 1);
    }
    expect(paragraphAt(ps, text.length)).toBe(ps.length);
  });
});
