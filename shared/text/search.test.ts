import { describe, expect, it } from 'vitest';
import { searchDocs } from './search.ts';

const docs = [
  { id: 's_aaaaaa', title: 'One', text: 'Rockets struck the base.\n\nAbout a dozen people\nwere wounded, officials said.' },
  { id: 's_bbbbbb', title: 'Two', text: 'Fourteen were WOUNDED, five seriously. Wounded again: wounded.' },
];

describe('searchDocs', () => {
  it('matches a phrase across line breaks, case-insensitively, with exact offsets', () => {
    const { hits, total } = searchDocs(docs, 'people were   wounded');
    expect(total).toBe(1);
    const h = hits[0];
    expect(h.sourceId).toBe('s_aaaaaa');
    expect(docs[0].text.slice(h.start, h.end)).toBe('people\nwere wounded');
    expect(h.before).toContain('About a dozen');
  });

  it('counts every match but returns at most the limit', () => {
    const { hits, total } = searchDocs(docs, 'wounded', 2);
    expect(total).toBe(4);
    expect(hits).toHaveLength(2);
  });

  it('treats regex characters in the query literally', () => {
    expect(searchDocs(docs, 'base.').total).toBe(1);
    expect(searchDocs(docs, '.*').total).toBe(0);
  });

  it('finds nothing for a blank query', () => {
    expect(searchDocs(docs, '   ').total).toBe(0);
  });
});
