// What `corroborate claims --json` prints: one flat record per claim, in the case's order, with its
// quote read from its annotation. A stable, additive interface for scripts.
import { type Annotation, type Claim, isFigureClaim } from '../../model/claims.ts';

export interface ListedClaim {
  id: string;
  kind: Claim['kind'];
  sourceId: string;
  eventId: string | null;
  measure: string | null;
  population: { nationality: string | null; affiliation: string; side: string | null; role: string | null } | null;
  figure: { raw: string; low: number | null; best: number | null; high: number | null; qualifier: string } | null;
  perpetrator: string | null;
  stance: string | null;
  /** A timing claim's resolved date: "YYYY-MM-DD", or an ISO interval "start/end"; null when none. */
  date: string | null;
  speaker: string | null;
  note: string;
  quote: string;
}

export function listClaims(claims: readonly Claim[], annotations: readonly Annotation[], eventId?: string): ListedClaim[] {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const out: ListedClaim[] = [];
  for (const c of claims) {
    if (eventId !== undefined && c.eventId !== eventId) continue;
    const fig = isFigureClaim(c) ? c : null;
    const a = byId.get(c.annotationId);
    out.push({
      id: c.id,
      kind: c.kind,
      sourceId: c.sourceId,
      eventId: c.eventId,
      measure: fig?.measure ?? null,
      population: fig ? { ...fig.population, role: fig.population.role ?? null } : null,
      figure: fig ? { raw: fig.figure.raw, low: fig.figure.low, best: fig.figure.best, high: fig.figure.high, qualifier: fig.figure.qualifier } : null,
      perpetrator: c.kind === 'attribution' ? (c.perpetrator?.name ?? null) : null,
      stance: c.kind === 'attribution' ? c.stance : null,
      date: c.kind === 'timing' && c.start ? (c.end && c.end !== c.start ? `${c.start}/${c.end}` : c.start) : null,
      speaker: c.speaker,
      note: c.note,
      quote: a ? a.targets.map((t) => t.exact).join(' … ') : '',
    });
  }
  return out;
}
