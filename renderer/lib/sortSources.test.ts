import { describe, expect, it } from 'vitest';
import type { Source } from '../../shared/model/source.ts';
import { filterSources, sortSources } from './sortSources.ts';

const make = (id: string, title: string, date: string | null, outlet: string | null = null): Source =>
  ({
    id,
    kind: 'text',
    file: `${id}.txt`,
    title: { value: title, confidence: 'high', how: '' },
    outlet: { value: outlet, confidence: 'high', how: '' },
    authors: { value: [], confidence: 'none', how: '' },
    published: { value: { date, precision: date ? 'day' : null }, confidence: 'high', how: '' },
    independenceGroup: null,
    characters: title.length,
    importedAt: id,
  }) as unknown as Source;

const list = [
  make('s_1', 'beta', '2020-03-13', 'Post'),
  make('s_2', 'Alpha', null),
  make('s_3', 'gamma 10', '2023-11-21', 'ThePrint'),
  make('s_4', 'gamma 9', '2019-12-31'),
];

describe('sortSources', () => {
  it('sorts titles case-insensitively and numbers naturally', () => {
    expect(sortSources(list, { key: 'title', dir: 'asc' }).map((s) => s.id)).toEqual(['s_2', 's_1', 's_4', 's_3']);
  });
  it('puts undated sources last in either direction', () => {
    expect(sortSources(list, { key: 'published', dir: 'desc' }).map((s) => s.id)).toEqual(['s_3', 's_1', 's_4', 's_2']);
    expect(sortSources(list, { key: 'published', dir: 'asc' }).map((s) => s.id)).toEqual(['s_4', 's_1', 's_3', 's_2']);
  });
});

describe('filterSources', () => {
  it('matches title, outlet and date text', () => {
    expect(filterSources(list, 'print').map((s) => s.id)).toEqual(['s_3']);
    expect(filterSources(list, '2020-03').map((s) => s.id)).toEqual(['s_1']);
    expect(filterSources(list, '  ')).toHaveLength(4);
  });
});
