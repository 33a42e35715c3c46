// Phrase search over canonical texts. Fact-checkers search for exact wording, so this is a
// case-insensitive phrase match (any run of whitespace in the query matches any whitespace),
// reporting exact offsets so a hit can be shown and highlighted in place.

export interface SearchDoc {
  id: string;
  title: string;
  text: string;
}

export interface Hit {
  sourceId: string;
  title: string;
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

const CONTEXT = 60;

export function phrasePattern(query: string): RegExp | null {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(escaped.join('\\s+'), 'giu');
}

/** Hits in document order, at most `limit`; `total` counts every match. */
export function searchDocs(docs: Iterable<SearchDoc>, query: string, limit = 200): { hits: Hit[]; total: number } {
  const pattern = phrasePattern(query);
  const hits: Hit[] = [];
  let total = 0;
  if (!pattern) return { hits, total };
  for (const doc of docs) {
    pattern.lastIndex = 0;
    for (const m of doc.text.matchAll(pattern)) {
      total++;
      if (hits.length >= limit) continue;
      const start = m.index;
      const end = start + m[0].length;
      hits.push({
        sourceId: doc.id,
        title: doc.title,
        start,
        end,
        before: snippetBefore(doc.text, start),
        match: m[0],
        after: snippetAfter(doc.text, end),
      });
    }
  }
  return { hits, total };
}

function snippetBefore(text: string, start: number): string {
  const from = Math.max(0, start - CONTEXT);
  const cut = text.slice(from, start);
  const s = from > 0 ? cut.replace(/^\S*\s/, '') : cut;
  return (from > 0 ? '…' : '') + s.replace(/\s+/g, ' ');
}

function snippetAfter(text: string, end: number): string {
  const to = Math.min(text.length, end + CONTEXT);
  const cut = text.slice(end, to);
  const s = to < text.length ? cut.replace(/\s\S*$/, '') : cut;
  return s.replace(/\s+/g, ' ') + (to < text.length ? '…' : '');
}
