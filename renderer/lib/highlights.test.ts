import { describe, expect, it } from 'vitest';
import { runsOf, spansByParagraph } from './highlights.ts';
import { splitParagraphs } from './paragraphs.ts';

describe('runsOf', () => {
  const text = 'Intro line.\n\nOne two three four five six.';
  const p = splitParagraphs(text)[1];
  const at = (w: string) => text.indexOf(w);

  it('cuts a paragraph at highlight edges, the text unchanged', () => {
    const runs = runsOf(p, [{ id: 'a', kind: 'casualties', start: at('two'), end: at('four') - 1 }], null);
    expect(runs.map((r) => r.text).join('')).toBe(p.text);
    expect(runs.map((r) => [r.text, r.spans.map((s) => s.id)])).toEqual([
      ['One ', []],
      ['two three', ['a']],
      [' four five six.', []],
    ]);
    expect(runs[1].opens).toEqual(['a']);
  });

  it('keeps overlapping highlights, innermost first, each opened once', () => {
    const outer = { id: 'out', kind: 'attribution', start: at('One'), end: p.end };
    const inner = { id: 'in', kind: 'casualties', start: at('three'), end: at('five') + 4 };
    const runs = runsOf(p, [outer, inner], null);
    expect(runs.map((r) => r.text).join('')).toBe(p.text);
    const mid = runs.find((r) => r.text.startsWith('three'))!;
    expect(mid.spans.map((s) => s.id)).toEqual(['in', 'out']);
    expect(runs.flatMap((r) => r.opens)).toEqual(['out', 'in']);
    expect(runs.at(-1)!.spans.map((s) => s.id)).toEqual(['out']);
  });

  it('marks the flashed passage and ignores spans of other paragraphs', () => {
    const runs = runsOf(p, [{ id: 'x', kind: 'note', start: 0, end: 5 }], { start: at('six'), end: at('six') + 3 });
    expect(runs.filter((r) => r.flash).map((r) => r.text)).toEqual(['six']);
    expect(runs.every((r) => r.spans.length === 0)).toBe(true);
  });
});

describe('spansByParagraph', () => {
  const text = 'First one.\n\nSecond one here.\n\nThird.';
  const ps = splitParagraphs(text);
  const at = (w: string) => text.indexOf(w);
  it('puts each span in every paragraph it touches, and no other', () => {
    const spans = [
      { id: 'a', kind: 'casualties', start: at('one'), end: at('one') + 3 },
      { id: 'b', kind: 'timing', start: at('one here'), end: at('Third') + 2 },
      { id: 'c', kind: 'timing', start: at('Third'), end: at('Third') + 5 },
    ];
    const m = spansByParagraph(ps, spans);
    expect([0, 1, 2].map((i) => (m.get(i) ?? []).map((s) => s.id))).toEqual([['a'], ['b'], ['b', 'c']]);
  });
  it('gives the same runs as filtering every span', () => {
    const spans = [{ id: 'x', kind: 'note', start: 2, end: at('here') }];
    const m = spansByParagraph(ps, spans);
    ps.forEach((p, i) => expect(runsOf(p, m.get(i) ?? [], null)).toEqual(runsOf(p, spans, null)));
  });
});
