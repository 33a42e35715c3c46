// Merge clashes in words: what record clashed (a claim by its kind and quote, an event or source by
// its title), where the set-aside version came from, and the fields where the two versions differ,
// each value as short text. Pure, so the dialog only lays them out.
import type { Clash, ClashRecordType } from '../../shared/exchange/bundle.ts';
import { Claim, type Annotation } from '../../shared/model/claims.ts';
import { claimSummary, KIND_NAME } from '../lib/claimText.ts';
import { formatTimestamp } from '../lib/format.ts';

export const CLASH_TYPE_NAME: Record<ClashRecordType, string> = {
  source: 'Source',
  annotation: 'Passage',
  claim: 'Claim',
  event: 'Event',
  actor: 'Actor',
  decision: 'Decision',
  reconciliation: 'Reconciliation',
  grade: 'Grade override',
};

/** What the case holds, to name a clashing record by its quote or title rather than its id. */
export interface ClashContext {
  annotations: Pick<Annotation, 'id' | 'targets'>[];
}

const clip = (s: string, max: number) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
};

const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/** "Casualties “About a dozen other people…”: wounded 12 (exact)", "Israeli strike on…", a source's title; else the id. */
export function clashLabel(c: Pick<Clash, 'type' | 'recordId' | 'current'>, ctx: ClashContext): string {
  const cur = obj(c.current);
  switch (c.type) {
    case 'claim': {
      // Named from its raw fields, so a record this version's schema would refuse still reads well.
      const kind = typeof cur?.kind === 'string' && cur.kind in KIND_NAME ? KIND_NAME[cur.kind as Claim['kind']] : null;
      if (!kind) break;
      const a = ctx.annotations.find((x) => x.id === cur?.annotationId);
      const quote = a ? clip(a.targets.map((t) => t.exact).join(' … '), 60) : '';
      const claim = Claim.safeParse(c.current);
      const summary = claim.success ? `: ${clip(claimSummary(claim.data), 80)}` : '';
      return `${kind}${quote ? ` “${quote}”` : ''}${summary}`;
    }
    case 'annotation': {
      const targets = Array.isArray(cur?.targets) ? (cur.targets as unknown[]) : [];
      const quote = targets
        .map((t) => obj(t)?.exact)
        .filter((x): x is string => typeof x === 'string')
        .join(' … ');
      if (quote)
        return `${typeof cur?.kind === 'string' && cur.kind in KIND_NAME ? `${KIND_NAME[cur.kind as Claim['kind']]} passage` : 'Passage'} “${clip(quote, 60)}”`;
      break;
    }
    case 'event': {
      if (typeof cur?.title === 'string' && cur.title.trim()) return clip(cur.title, 100);
      break;
    }
    case 'source': {
      const title = obj(cur?.title)?.value;
      if (typeof title === 'string' && title.trim()) return clip(title, 100);
      if (typeof cur?.file === 'string' && cur.file) return clip(cur.file, 100);
      break;
    }
    case 'actor':
      if (typeof cur?.name === 'string' && cur.name.trim()) return clip(cur.name, 100);
      break;
    default:
      break;
  }
  return c.recordId;
}

const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/g;

/** "Found 3 Mar 2025, 14:02 while merging bundle “Case B” exported 3 Mar 2025, 13:58." */
export function clashOrigin(c: Pick<Clash, 'from' | 'found'>): string {
  const from = c.from.replace(ISO, (iso) => formatTimestamp(iso)).trim();
  return `Found ${formatTimestamp(c.found)}${from ? ` while merging ${from}` : ''}.`;
}

/** A value as short text: "—" for nothing, strings as they are, objects as JSON; cut at `max` characters. */
export function valueText(v: unknown, max = 160): string {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'string') return v === '' ? '(empty)' : clip(v, max);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return clip(JSON.stringify(v) ?? String(v), max);
}

export interface FieldDiff {
  /** The field's path: "note", "figure.best". */
  field: string;
  current: string;
  other: string;
}

// The JSON of a value with object keys sorted, so two equal records compare equal whatever their key order.
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) => {
    const o = obj(x);
    return o
      ? Object.fromEntries(
          Object.keys(o)
            .sort()
            .map((k) => [k, o[k]]),
        )
      : x;
  }) ?? 'undefined';

/**
 * The fields where the two versions differ, nested objects opened to `depth` levels ("figure.best"
 * rather than the whole figure) so the difference shows; arrays compared whole. Bookkeeping
 * (`modified`) comes last: it always differs and matters least.
 */
export function clashDiff(current: unknown, other: unknown, depth = 2): FieldDiff[] {
  const out: FieldDiff[] = [];
  const walk = (a: unknown, b: unknown, path: string, level: number) => {
    const oa = obj(a);
    const ob = obj(b);
    if (oa && ob && level < depth) {
      for (const k of [...new Set([...Object.keys(oa), ...Object.keys(ob)])]) walk(oa[k], ob[k], path ? `${path}.${k}` : k, level + 1);
      return;
    }
    if (canonical(a) !== canonical(b)) out.push({ field: path || '(value)', current: valueText(a), other: valueText(b) });
  };
  walk(current, other, '', 0);
  const last = (f: FieldDiff) => (f.field === 'modified' ? 1 : 0);
  return out.sort((x, y) => last(x) - last(y));
}
