import { describe, expect, it } from 'vitest';
import { w3cAnnotationFailures, w3cMustFailures, w3cSamples } from '../../tests/support/w3c-suite.ts';
import { annotationFor, casualtyClaim, eventRecord, noteClaim, sourceRecord, T0 } from '../../tests/support/bundle-fixtures.ts';
import { figureFrom } from '../model/claims.ts';
import { describeClaim, formatFigure, toWebAnnotations } from './w3c.ts';

// Our own words. The emoji and the astral ideograph before the figures make UTF-16 and code-point
// offsets differ by 2 and 3, which is the point of the TextPositionSelector test.
const TEXT = 'Officials 🚀 said on Monday that 14 soldiers were wounded, five seriously.\n\nA second 𠀀 statement put the toll at about a dozen.';

function fixture() {
  const { source } = sourceRecord('s_aaaaaaaa', TEXT);
  const a1 = annotationFor('a1', source.id, TEXT, '14 soldiers were wounded, five seriously');
  const a2 = annotationFor('a2', source.id, TEXT, 'about a dozen');
  const c1 = casualtyClaim('c1', a1, '14', {
    speaker: 'Gen. Example',
    population: { nationality: null, affiliation: 'unknown', side: null },
    parts: [{ population: { nationality: null, affiliation: 'unknown', side: null }, figure: figureFrom('five'), subset: true, measure: 'wounded_serious' }],
  });
  const c2 = casualtyClaim('c2', a2, 'about a dozen', { eventId: 'e1' });
  const note = noteClaim('n1', a2, 'Compare with the ministry figure.');
  return {
    caseId: 'case-1',
    caseName: 'Test case',
    generated: T0,
    appVersion: '0.1.0',
    sources: [source],
    texts: new Map([[source.id, TEXT]]),
    annotations: [a1, a2],
    claims: [c1, c2, note],
    events: [eventRecord('e1', 'Attack on a base')],
  };
}

describe('W3C Web Annotation export', () => {
  it('the harness accepts the suite’s correct samples and rejects its incorrect ones', () => {
    const correct = w3cSamples('correct').filter((s) => /^anno/.test(s.name) && !/^anno1[123]\.json$/.test(s.name)); // the README's known ajv quirk
    for (const s of correct) expect(w3cAnnotationFailures(s.data), s.name).toEqual([]);
    const incorrect = w3cSamples('incorrect').filter((s) => /^anno/.test(s.name));
    expect(incorrect.length).toBeGreaterThan(0);
    const missed = incorrect.filter((s) => s.data !== null && w3cAnnotationFailures(s.data).length === 0).map((s) => s.name);
    expect(missed).toEqual([]);
  });

  it('passes every MUST assertion: collection, page and each annotation', () => {
    const c = toWebAnnotations(fixture());
    const { failures, annotations } = w3cMustFailures(c);
    expect(failures).toEqual([]);
    expect(annotations).toBe(3);
  });

  it('an empty case is a valid collection too', () => {
    const c = toWebAnnotations({ ...fixture(), claims: [], annotations: [] });
    expect(w3cMustFailures(c).failures).toEqual([]);
    expect(c.total).toBe(0);
  });

  it('counts TextPositionSelector offsets in code points, and the quote selector carries exact, prefix, suffix', () => {
    const c = toWebAnnotations(fixture()) as { first: { items: Array<{ id: string; target: { selector: Array<Record<string, unknown>> } }> } };
    const [first, second] = c.first.items;
    const cps = Array.from(TEXT);
    for (const item of [first, second]) {
      const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
      const pos = item.target.selector.find((s) => s.type === 'TextPositionSelector')! as { start: number; end: number };
      expect(cps.slice(pos.start, pos.end).join('')).toBe(quote.exact);
      expect(TEXT.indexOf(quote.exact as string)).not.toBe(pos.start); // UTF-16 would be off here
      expect(quote.prefix).not.toBe('');
      expect(quote.suffix).not.toBe('');
    }
    expect(first.id).toBe('urn:corroborate:case:case-1:claim:c1');
  });

  it('has a tagging body, a describing body in plain words and the structured figure', () => {
    const c = toWebAnnotations(fixture()) as { first: { items: Array<Record<string, unknown>> } };
    const item = c.first.items[0] as { body: Array<{ purpose: string; value: string }>; 'crb:figure': unknown };
    expect(item.body.find((b) => b.purpose === 'tagging')!.value).toBe('casualties');
    expect(item.body.find((b) => b.purpose === 'describing')!.value).toBe('wounded: 14 (5 seriously), exact, said by Gen. Example');
    expect(item['crb:figure']).toMatchObject({ low: 14, best: 14, high: 14, qualifier: 'exact' });
  });

  it('an orphaned passage keeps its quote but no position', () => {
    const f = fixture();
    f.annotations[0] = { ...f.annotations[0], orphan: { reason: 'text replaced', since: T0 } };
    const c = toWebAnnotations(f) as { first: { items: Array<{ target: { selector: Array<{ type: string }> } }> } };
    expect(c.first.items[0].target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector']);
    expect(w3cMustFailures(c as never).failures).toEqual([]);
  });
});

describe('plain words', () => {
  it('formats figures with open bounds and ranges', () => {
    expect(formatFigure({ low: 10, best: 12, high: 14, qualifier: 'approx' })).toBe('12 (10–14)');
    expect(formatFigure({ low: 24, best: 24, high: null, qualifier: 'vague' })).toBe('24 or more');
    expect(formatFigure({ low: null, best: 5, high: 5, qualifier: 'up_to' })).toBe('up to 5');
    expect(formatFigure({ low: null, best: null, high: null, qualifier: 'unspecified' })).toBe('?');
  });
  it('names the event and population when known', () => {
    const f = fixture();
    const words = describeClaim(f.claims[1], new Map(f.events.map((e) => [e.id, e])));
    expect(words).toBe('wounded (US military): 12 (10–14), approximate, event: Attack on a base');
  });
});
