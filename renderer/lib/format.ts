// How metadata reads in the UI. Dates are written day-month-year with the month as a word, so
// "03/04" can never be misread across desks.
import type { Confidence, Published, Source } from '../../shared/model/source.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatPublished(p: Published): string {
  if (!p.date) return 'Unknown';
  const [y, m, d] = p.date.split('-').map(Number);
  const month = MONTHS[m - 1] ?? '?';
  const date = p.precision === 'year' ? `${y}` : p.precision === 'month' ? `${month} ${y}` : `${d} ${month} ${y}`;
  return p.time ? `${date}, ${p.time.slice(0, 5)}${p.timezone ? ` ${p.timezone}` : ''}` : date;
}

/** Whether a value was set by hand (the core records how as "user" or "… by user"). */
export const isUserSet = (found: { how: string }): boolean => found.how === 'user' || /\bby user\b/i.test(found.how);

export function confidenceText(found: { confidence: Confidence; how: string }): string {
  if (isUserSet(found)) return found.confidence === 'none' ? 'marked unknown by you' : 'corrected by you';
  switch (found.confidence) {
    case 'high':
      return 'high confidence';
    case 'medium':
      return 'medium confidence';
    case 'low':
      return 'low confidence';
    case 'none':
      return 'not found';
  }
}

export function formatTimestamp(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}, ${hh}:${mm}`;
}

export const KIND_LABEL: Record<Source['kind'], string> = { text: 'Text', html: 'Web page', pdf: 'PDF', pasted: 'Pasted' };

export function formatLength(s: Pick<Source, 'characters' | 'pages'>): string {
  const words = Math.max(0, Math.round(s.characters / 6));
  const wordsText = words >= 1000 ? `${(words / 1000).toFixed(words >= 10_000 ? 0 : 1)}k words` : `${words} words`;
  return s.pages && s.pages.length ? `${s.pages.length} ${s.pages.length === 1 ? 'page' : 'pages'} · ${wordsText}` : wordsText;
}

export const sourceTitle = (s: Pick<Source, 'title' | 'file' | 'id'>): string => s.title.value?.trim() || s.file || 'Untitled source';

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
