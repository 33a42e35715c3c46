// The case state the commands work on: every record a claim edit can touch, with the judgements over them.
import { z } from 'zod';
import { Actor, Annotation, Claim, Event } from './claims.ts';
import { Decision, GradeOverride, Reconciliation } from './judgements.ts';

export const ClaimState = z.object({
  annotations: z.array(Annotation),
  claims: z.array(Claim),
  events: z.array(Event),
  actors: z.array(Actor),
  /** A fact-checker's judgements over the computed disagreements: kept by stable row key. */
  decisions: z.array(Decision).optional(),
  reconciliations: z.array(Reconciliation).optional(),
  gradeOverrides: z.array(GradeOverride).optional(),
});
export type ClaimState = z.infer<typeof ClaimState>;

export const emptyState = (): ClaimState => ({ annotations: [], claims: [], events: [], actors: [] });
