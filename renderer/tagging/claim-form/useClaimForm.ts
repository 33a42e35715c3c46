// The claim form's state and saving (draft copy, errors, actors to add, the command saved), apart from its markup.
import { useEffect, useMemo, useRef, useState } from 'react';
import { STARTER_ACTORS } from '../../../shared/model/actors.ts';
import type { Actor, Claim } from '../../../shared/model/claims.ts';
import type { Command, SimpleCommand } from '../../../shared/model/commands.ts';
import { claimErrors, updateCommand, type ClaimErrors } from '../../lib/claimForm.ts';
import { tagLabel } from '../../lib/claimText.ts';
import { actorBook } from '../../lib/prefill.ts';
import { nowIso } from '../../lib/ids.ts';
import type { Draft } from '../useTagging.ts';

export function useClaimForm(props: { draft: Draft; actors: Actor[]; onSave: (command: Command, label: string) => Promise<boolean>; onCancel: () => void }) {
  const { draft } = props;
  const [claim, setClaim] = useState<Claim>(draft.claim);
  const [errors, setErrors] = useState<ClaimErrors>({});
  const [busy, setBusy] = useState(false);
  /** Actors to add to the case with this claim (a new perpetrator, or the starter actor matched). */
  const [newActors, setNewActors] = useState<Actor[]>([]);
  const first = useRef<HTMLElement | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  /** A suggestion being edited before it is accepted. */
  const suggested = draft.mode === 'new' && draft.claim.origin.type === 'suggestion';

  useEffect(() => {
    setClaim(draft.claim);
    setErrors({});
    setNewActors([]);
  }, [draft.claim]);

  useEffect(() => {
    first.current?.focus();
  }, [draft.claim.id]);

  const set = (patch: Partial<Claim>) => setClaim((c) => ({ ...c, ...patch }) as Claim);

  const book = useMemo(() => actorBook(props.actors, STARTER_ACTORS), [props.actors]);
  const allActors = useMemo(() => [...book, ...newActors.filter((n) => !book.some((b) => b.id === n.id))], [book, newActors]);

  const save = async () => {
    if (busy) return;
    const modified = nowIso();
    const next = { ...claim, modified } as Claim;
    const errs = claimErrors(next);
    setErrors(errs);
    if (Object.keys(errs).length) {
      const key = Object.keys(errs)[0];
      formRef.current?.querySelector<HTMLElement>(`[data-field="${CSS.escape(key)}"]`)?.focus();
      return;
    }
    // Actors this claim names that the case does not hold yet go in with it, as one undo step.
    const actorCommands: SimpleCommand[] = [];
    if (next.kind === 'attribution' && next.perpetrator?.actorId) {
      const inCase = props.actors.some((a) => a.id === next.perpetrator?.actorId);
      const actor = allActors.find((a) => a.id === next.perpetrator?.actorId);
      if (!inCase && actor) actorCommands.push({ type: 'actor.put', payload: { actor, at: null } });
      else if (inCase && actor && newActors.some((n) => n.id === actor.id)) actorCommands.push({ type: 'actor.put', payload: { actor, at: null } });
    }
    let command: Command | null;
    let label: string;
    if (draft.mode === 'new') {
      const create: SimpleCommand = { type: 'claim.create', payload: { annotation: draft.annotation, claim: { ...next, modified: next.created }, at: null } };
      command = actorCommands.length ? { type: 'batch', payload: { commands: [...actorCommands, create] } } : create;
      label = suggested ? 'Accept suggestion' : tagLabel(next.kind);
    } else {
      const update = updateCommand(draft.claim, next, modified);
      command = update && actorCommands.length ? { type: 'batch', payload: { commands: [...actorCommands, update as SimpleCommand] } } : update;
      label = 'Edit claim';
    }
    if (!command) {
      props.onCancel();
      return;
    }
    setBusy(true);
    const ok = await props.onSave(command, label);
    setBusy(false);
    if (ok) props.onCancel();
  };

  const addActor = (a: Actor) => setNewActors((list) => [...list.filter((x) => x.id !== a.id), a]);

  return { claim, set, errors, busy, first, formRef, suggested, allActors, addActor, save };
}
