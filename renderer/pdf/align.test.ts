import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../shared/text/canonical.ts';
import { alignPage, itemRanges } from './align.ts';

const items = (...strs: string[]) => strs.map((str) => ({ str }));
/** The characters of each item that a canonical range lands on. */
const shown = (strs: string[], r: { item: number; from: number; to: number }[]) => r.map((x) => strs[x.item].slice(x.from, x.to));

describe('alignPage', () => {
  it('places every visible character of the canonical text, whatever the whitespace', () => {
    const strs = ['Seven  soldiers', ' ', 'were\tinjured in', '', 'the blast.', 'A second', 'paragraph.'];
    const text = canonicalize('Seven soldiers were injured in\nthe blast.\n\nA second paragraph.');
    const a = alignPage(text, items(...strs))!;
    expect(a).not.toBeNull();
    for (let o = 0; o < text.length; o++) if (!/\s/.test(text[o])) expect(a.item[o]).toBeGreaterThanOrEqual(0);
    const at = text.search(/injured in\sthe blast/);
    expect(at).toBeGreaterThan(0);
    expect(shown(strs, itemRanges(a, at, at + 'injured in the blast'.length))).toEqual(['injured in', 'the blast']);
    const p = text.indexOf('paragraph');
    expect(itemRanges(a, p, p + 9)).toEqual([{ item: 6, from: 0, to: 9 }]);
  });

  it('steps over a character the importer dropped or a few that differ', () => {
    const strs = ['An inter\u00ADnational', 'team of 12 observers arrived on Monday'];
    const text = 'An international team of 12 observers arrived on Monday';
    const a = alignPage(text, items(...strs))!;
    expect(a).not.toBeNull();
    const at = text.indexOf('12 observers');
    expect(shown(strs, itemRanges(a, at, at + 12))).toEqual(['12 observers']);
    // One character that reads differently ("l" for "1") does not lose the rest of the page.
    const b = alignPage(text.replace('12', 'l2'), items(...strs))!;
    expect(b).not.toBeNull();
    expect(shown(strs, itemRanges(b, at + 3, at + 12))).toEqual(['observers']);
  });

  it('gives up rather than guess when the items are another text', () => {
    expect(alignPage('Twelve people were hurt in the crash on the bridge.', items('A completely different', 'page of other words'))).toBeNull();
    // Half the page missing from the items is not a match either.
    expect(
      alignPage('The first half of the page. The second half of the page is not among the items at all.', items('The first half of the page.')),
    ).toBeNull();
  });
});
