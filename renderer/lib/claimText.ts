// How claims read in the UI: one line per claim ("killed 3 (exact)"), kind names and shortcut
// letters, labels for measures, affiliations and qualifiers.
import { measureWords } from '../../shared/figures/measureWords.ts';
import type { Annotation, Claim, Event, Population } from '../../shared/model/claims.ts';
import { attributionText } from '../../shared/model/claims.ts';

export type TagKind = 'casualties' | 'munitions' | 'attribution' | 'timing' | 'note';

/** The tagging kinds in toolbar order, with their single-key shortcuts. */
export const TAG_KINDS: Array<{ kind: TagKind; key: string; label: string }> = [
  { kind: 'casualties', key: 'c', label: 'Casualties' },
  { kind: 'munitions', key: 'm', label: 'Munitions' },
  { kind: 'attribution', key: 'a', label: 'Attribution' },
  { kind: 'timing', key: 't', label: 'Timing' },
  { kind: 'note', key: 'n', label: 'Note' },
];

export const KIND_NAME: Record<Claim['kind'], string> = {
  casualties: 'Casualties',
  munitions: 'Munitions',
  count: 'Count',
  attribution: 'Attribution',
  timing: 'Timing',
  other: 'Other',
  note: 'Note',
};

/** The letter drawn on a highlight, so kinds differ without colour. */
export const KIND_LETTER: Record<Claim['kind'], string> = {
  casualties: 'C',
  munitions: 'M',
  count: '#',
  attribution: 'A',
  timing: 'T',
  other: 'O',
  note: 'N',
};

export const measureLabel = (m: string | null): string => (m ? measureWords(m) : 'no measure');

export const QUALIFIER_LABEL: Record<string, string> = {
  exact: 'exact',
  approx: 'approximately',
  at_least: 'at least',
  more_than: 'more than',
  nearly: 'nearly',
  up_to: 'up to',
  range: 'range',
  vague: 'vague',
  unspecified: 'unspecified',
};

// One formatter for every figure: toLocaleString builds a new one per call, which shows when a long
// text draws thousands of highlights.
const NUMBER = new Intl.NumberFormat('en-US');
const num = (n: number | null) => (n === null ? '…' : NUMBER.format(n));

/** "3 (exact)", "12 (10–14, approximately)", "62+ (at least)". */
export function figureText(f: { low: number | null; best: number | null; high: number | null; qualifier: string }): string {
  if (f.best === null && f.low === null && f.high === null) return 'no figure';
  const q = QUALIFIER_LABEL[f.qualifier] ?? f.qualifier;
  if (f.low !== null && f.low === f.high && f.low === f.best) return `${num(f.best)} (${q})`;
  const range = f.high === null ? `${num(f.low)}–open` : `${num(f.low)}–${num(f.high)}`;
  return `${num(f.best ?? f.low)} (${range}, ${q})`;
}

export function populationText(p: Population): string {
  const bits = [p.nationality, p.affiliation !== 'unknown' ? p.affiliation : null, p.side].filter(Boolean);
  return bits.join(' ');
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export function dayText(iso: string | null): string {
  if (!iso) return '?';
  const m = DAY.exec(iso);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : iso;
}
export function rangeText(start: string | null, end: string | null): string {
  if (!start) return 'not resolved';
  return start === end || !end ? dayText(start) : `${dayText(start)} – ${dayText(end)}`;
}

/** The claim in a few words: what the sidebar row and the highlight's tooltip say. */
export function claimSummary(c: Claim): string {
  switch (c.kind) {
    case 'casualties':
    case 'munitions':
    case 'count': {
      const who = populationText(c.population);
      return `${measureLabel(c.measure)} ${figureText(c.figure)}${who ? ` · ${who}` : ''}${c.place ? ` · at ${c.place}` : ''}`;
    }
    case 'attribution':
      return attributionText(c.perpetrator?.name, c.stance);
    case 'timing':
      return `“${c.expression}” → ${rangeText(c.start, c.end)}`;
    default:
      return c.note.trim() ? c.note.trim().slice(0, 80) : KIND_NAME[c.kind];
  }
}

export function quoteOf(a: Annotation | undefined): string {
  if (!a) return '';
  return a.targets.map((t) => t.exact).join(' … ');
}

export const eventTitle = (events: Event[], id: string | null): string | null => (id ? (events.find((e) => e.id === id)?.title ?? null) : null);

/** "Tag casualties", the undo label for a new claim. */
export const tagLabel = (kind: Claim['kind']) => `Tag ${KIND_NAME[kind].toLowerCase()}`;
