// Sorting and filtering the library table.
import type { Source } from '../../shared/model/source.ts';
import { KIND_LABEL, sourceTitle } from './format.ts';

export type SortKey = 'title' | 'outlet' | 'authors' | 'published' | 'kind' | 'length' | 'imported';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compareBy(key: SortKey, a: Source, b: Source): number {
  switch (key) {
    case 'title':
      return collator.compare(sourceTitle(a), sourceTitle(b));
    case 'outlet':
      return nullsLast(a.outlet.value, b.outlet.value);
    case 'authors':
      return nullsLast(a.authors.value[0] ?? null, b.authors.value[0] ?? null);
    case 'published':
      return nullsLast(a.published.value.date, b.published.value.date);
    case 'kind':
      return collator.compare(KIND_LABEL[a.kind], KIND_LABEL[b.kind]);
    case 'length':
      return a.characters - b.characters;
    case 'imported':
      return a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : 0;
  }
}

// Missing values sort after present ones in either direction: a column sorted by date should
// show dated sources first, whichever way.
function nullsLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null || a === '') return Number.POSITIVE_INFINITY;
  if (b === null || b === '') return Number.NEGATIVE_INFINITY;
  return collator.compare(a, b);
}

export function sortSources(list: readonly Source[], sort: Sort): Source[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return list
    .map((s, i) => ({ s, i }))
    .sort((x, y) => {
      const c = compareBy(sort.key, x.s, y.s);
      if (c === Number.POSITIVE_INFINITY || c === Number.NEGATIVE_INFINITY) return c > 0 ? 1 : -1;
      return c * sign || x.i - y.i;
    })
    .map((x) => x.s);
}

export function filterSources(list: readonly Source[], query: string): Source[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return [...list];
  return list.filter((s) =>
    [sourceTitle(s), s.outlet.value ?? '', s.authors.value.join(' '), s.file ?? '', s.independenceGroup ?? '', s.published.value.date ?? '']
      .join('\n')
      .toLocaleLowerCase()
      .includes(q),
  );
}
