// The labelled field wrapper and the props every claim-form field group shares, kept apart so the groups can live in their own files.
import type { ReactNode, RefObject } from 'react';
import type { Claim } from '../../../shared/model/claims.ts';
import type { ClaimErrors } from '../../lib/claimForm.ts';
import { FieldError } from '../../components/FieldError.tsx';

export type FigureClaim = Extract<Claim, { kind: 'casualties' | 'munitions' | 'count' }>;
export type TimingClaim = Extract<Claim, { kind: 'timing' }>;
export type AttributionClaim = Extract<Claim, { kind: 'attribution' }>;

export function Field(props: { label: string; id: string; error?: string; hint?: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <div className={props.wide ? 'field cf-wide' : 'field'}>
      <label htmlFor={props.id} className="field-label-small">
        {props.label}
      </label>
      {props.children}
      {props.hint ? <p className="hint">{props.hint}</p> : null}
      <FieldError id={`${props.id}-error`} error={props.error} />
    </div>
  );
}

/** Props that tie an input to its error. */
export const invalid = (errors: ClaimErrors, key: string, id: string) =>
  errors[key] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};

export type Setter = (patch: Partial<Claim>) => void;
export interface SectionProps<C> {
  claim: C;
  set: Setter;
  errors: ClaimErrors;
  id: (k: string) => string;
  first: RefObject<HTMLElement | null>;
}
