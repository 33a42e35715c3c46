// Test support: a figure row of the Compare matrix made by the disagreement engine itself from a few
// made-up claims (claim-makers.ts), for the Compare dialogs' component tests.
import { computeMatrix, type Row } from '../../shared/compare/conflicts.ts';
import type { Claim } from '../../shared/model/claims.ts';
import { count, EVENT, fig, SOURCES, stateOf } from './claim-makers.ts';

/** Daily A says 3 killed, Herald B 5, Monitor C "about a dozen": a conflict on the killed row. */
export function killedRow(): { row: Row; claims: Map<string, Claim>; sourceName: (id: string) => string } {
  const claims = [
    count('s_aaaaaa', 'killed', fig(3, 3, 3)),
    count('s_bbbbbb', 'killed', fig(5, 5, 5)),
    count('s_cccccc', 'killed', fig(10, 12, 14, 'about a dozen')),
  ];
  const matrix = computeMatrix(stateOf(claims), SOURCES, EVENT);
  const row = matrix.rows.find((r) => r.measure === 'killed');
  if (!row) throw new Error('the engine made no killed row of these claims');
  const names = new Map(SOURCES.map((s) => [s.id, s.name]));
  return { row, claims: new Map(claims.map((c) => [c.id, c])), sourceName: (id) => names.get(id) ?? id };
}
