import { describe, expect, it } from 'vitest';
import { Command, CommandError, apply, mergeActorsCommand, type ClaimState } from './commands.ts';
import { UndoStack, canRedo, canUndo, emptyStack, execute, loadUndoStack, push, redo, undo } from './undo.ts';
import { blankClaim, figureFrom, type Annotation, type Claim, type ClaimKind, type Event } from './claims.ts';

const SRC = 's_abcdef';
const TEXT = 'On Wednesday about 30 rockets hit the base, killing two U.S. troops and a British soldier; 14 people were wounded, including five seriously.';

const stamp = (n: number) => new Date(Date.UTC(2024, 4, 1, 0, 0, n)).toISOString();
const target = (start: number, end: number) => ({
  start,
  end,
  exact: TEXT.slice(start, end),
  prefix: TEXT.slice(Math.max(0, start - 8), start),
  suffix: TEXT.slice(end, end + 8),
});
const annotation = (id: string, kind: ClaimKind, start: number, end: number, t = stamp(0)): Annotation => ({
  id,
  sourceId: SRC,
  targets: [target(start, end)],
  kind,
  created: t,
  modified: t,
});
const claim = (id: string, kind: ClaimKind, annotationId: string, text: string, t = stamp(0)): Claim =>
  blankClaim(kind, { id, sourceId: SRC, annotationId, created: t, text });
const event = (id: string, title: string, t = stamp(0)): Event => ({
  id,
  title,
  start: '2020-03-11',
  end: '2020-03-11',
  precision: 'day',
  place: 'Camp Taji',
  placePrecision: 'exact',
  type: 'rocket attack',
  actorIds: [],
  aggregate: false,
  note: '',
  created: t,
  modified: t,
});

function initial(): ClaimState {
  const c1 = { ...claim('c1', 'munitions', 'a1', 'about 30 rockets'), eventId: 'e1' } as Claim;
  return {
    annotations: [annotation('a1', 'munitions', 13, 29), annotation('a2', 'casualties', 44, 99)],
    claims: [c1, claim('c2', 'casualties', 'a2', 'two U.S. troops and a British soldier'), claim('c3', 'note', 'a2', '')],
    events: [event('e1', 'Rocket attack on Camp Taji'), { ...event('e2', 'Strikes'), actorIds: ['kh2'] }],
    actors: [
      { id: 'kh', name: "Kata'ib Hezbollah", aliases: ['KH'] },
      { id: 'kh2', name: 'Hezbollah Brigades', aliases: [] },
      { id: 'aah', name: "Asa'ib Ahl al-Haq", aliases: [] },
    ],
  };
}

/** One command of each type, valid against initial(). */
function everyCommand(): Array<[string, Command]> {
  const t = stamp(9);
  return [
    [
      'claim.create',
      { type: 'claim.create', payload: { annotation: annotation('a9', 'timing', 3, 12, t), claim: claim('c9', 'timing', 'a9', 'Wednesday', t), at: null } },
    ],
    ['claim.create on an existing annotation', { type: 'claim.create', payload: { annotation: null, claim: claim('c8', 'other', 'a1', '', t), at: null } }],
    ['claim.update', { type: 'claim.update', payload: { id: 'c2', set: { speaker: 'coalition statement', note: 'checked', modified: t }, unset: [] } }],
    [
      'claim.update changing kind',
      {
        type: 'claim.update',
        payload: {
          id: 'c2',
          set: { kind: 'attribution', perpetrator: { name: 'Kitaeb Hezbollah', actorId: null }, attributedBy: null, stance: 'accused', modified: t },
          unset: ['measure', 'population', 'figure', 'parts'],
        },
      },
    ],
    ['annotation.retarget', { type: 'annotation.retarget', payload: { id: 'a1', targets: [target(7, 29), target(100, 110)], modified: t } }],
    ['claim.delete (its own annotation)', { type: 'claim.delete', payload: { id: 'c1' } }],
    ['claim.delete (a shared annotation)', { type: 'claim.delete', payload: { id: 'c2' } }],
    [
      'claim.assign',
      {
        type: 'claim.assign',
        payload: {
          assignments: [
            { claimId: 'c2', eventId: 'e1', modified: t },
            { claimId: 'c1', eventId: null, modified: null },
            { claimId: 'c2', eventId: 'e2', modified: null },
          ],
        },
      },
    ],
    ['event.create', { type: 'event.create', payload: { event: event('e3', 'Strikes on Kataib Hezbollah', t), at: 0, assign: [] } }],
    ['event.create with claims', { type: 'event.create', payload: { event: event('e3', 'Strikes', t), at: null, assign: [{ claimId: 'c2', modified: t }] } }],
    ['event.update', { type: 'event.update', payload: { id: 'e1', set: { title: 'Camp Taji, 11 March', place: null, modified: t }, unset: [] } }],
    ['event.delete', { type: 'event.delete', payload: { id: 'e1', modified: t } }],
    ['actor.put (new)', { type: 'actor.put', payload: { actor: { id: 'hamas', name: 'Hamas', aliases: [] }, at: 1 } }],
    [
      'actor.put (an alias added)',
      { type: 'actor.put', payload: { actor: { id: 'kh', name: "Kata'ib Hezbollah", aliases: ['KH', 'Kitaib Hizballah al-Iraq'] }, at: null } },
    ],
    ['actor.delete', { type: 'actor.delete', payload: { id: 'aah' } }],
    [
      'batch: create an event and assign claims',
      {
        type: 'batch',
        payload: {
          commands: [
            { type: 'event.create', payload: { event: event('e4', 'New', t), at: null, assign: [] } },
            {
              type: 'claim.assign',
              payload: {
                assignments: [
                  { claimId: 'c1', eventId: 'e4', modified: t },
                  { claimId: 'c3', eventId: 'e4', modified: t },
                ],
              },
            },
          ],
        },
      },
    ],
  ];
}

describe('every command has an exact inverse', () => {
  it.each(everyCommand())('%s', (_name, cmd) => {
    const s0 = initial();
    const snapshot = structuredClone(s0);
    expect(Command.safeParse(cmd).success).toBe(true);
    const { state: s1, inverse } = apply(s0, cmd);
    expect(s1).not.toEqual(s0);
    expect(s0).toEqual(snapshot); // apply is pure
    expect(Command.safeParse(inverse).success).toBe(true);
    const back = apply(s1, inverse);
    expect(back.state).toEqual(s0);
    // and the inverse of the inverse does the command again
    expect(apply(back.state, back.inverse).state).toEqual(s1);
  });

  it('deleting a claim removes its own annotation, keeps a shared one, and undo puts both back in place', () => {
    const s = initial();
    const d1 = apply(s, { type: 'claim.delete', payload: { id: 'c1' } }).state;
    expect(d1.annotations.map((a) => a.id)).toEqual(['a2']);
    const d2 = apply(s, { type: 'claim.delete', payload: { id: 'c2' } }).state;
    expect(d2.annotations.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('deleting an event unassigns its claims; undo reassigns them', () => {
    const s = initial();
    const r = apply(s, { type: 'event.delete', payload: { id: 'e1', modified: null } });
    expect(r.state.claims.find((c) => c.id === 'c1')?.eventId).toBeNull();
    expect(apply(r.state, r.inverse).state.claims.find((c) => c.id === 'c1')?.eventId).toBe('e1');
  });

  it('keeps untouched records as the same objects', () => {
    const s = initial();
    const r = apply(s, { type: 'claim.update', payload: { id: 'c2', set: { note: 'x' }, unset: [] } });
    expect(r.state.claims[0]).toBe(s.claims[0]);
    expect(r.state.annotations).toBe(s.annotations);
    expect(r.state.events).toBe(s.events);
  });
});

describe('merging actors', () => {
  it('is one undoable step that re-points attributions and events', () => {
    const t = stamp(50);
    let s = initial();
    s = apply(s, {
      type: 'claim.update',
      payload: {
        id: 'c2',
        set: { kind: 'attribution', perpetrator: { name: 'Hezbollah Brigades', actorId: 'kh2' }, attributedBy: null, stance: 'accused' },
        unset: ['measure', 'population', 'figure', 'parts'],
      },
    }).state;
    const cmd = mergeActorsCommand(s, 'kh', 'kh2', t);
    expect(Command.safeParse(cmd).success).toBe(true);
    const r = apply(s, cmd);
    expect(r.state.actors.map((a) => a.id)).toEqual(['kh', 'aah']);
    expect(r.state.actors[0].aliases).toEqual(['KH', 'Hezbollah Brigades']);
    const c2 = r.state.claims.find((c) => c.id === 'c2');
    expect(c2?.kind === 'attribution' && c2.perpetrator?.actorId).toBe('kh');
    expect(c2?.modified).toBe(t);
    expect(r.state.events[1].actorIds).toEqual(['kh']);
    expect(apply(r.state, r.inverse).state).toEqual(s);
  });
});

describe('commands refuse what would damage the case', () => {
  const s = initial();
  it.each<[string, Command, RegExp]>([
    ['a missing claim', { type: 'claim.delete', payload: { id: 'nope' } }, /no claim nope/],
    ['a duplicate id', { type: 'claim.create', payload: { annotation: null, claim: claim('c1', 'note', 'a1', ''), at: null } }, /already a claim/],
    [
      'a claim without its annotation',
      { type: 'claim.create', payload: { annotation: null, claim: claim('c7', 'note', 'zz', ''), at: null } },
      /no annotation zz/,
    ],
    ['an invalid result', { type: 'claim.update', payload: { id: 'c1', set: { figure: { ...figureFrom('3'), low: 9 } }, unset: [] } }, /invalid/],
    ['a structural field', { type: 'claim.update', payload: { id: 'c1', set: { sourceId: 's_zzzzzz' }, unset: [] } }, /cannot be changed/],
    ['an unknown event', { type: 'claim.assign', payload: { assignments: [{ claimId: 'c1', eventId: 'e9', modified: null }] } }, /no event e9/],
    ['an actor still named by an event', { type: 'actor.delete', payload: { id: 'kh2' } }, /still named/],
    [
      'a second actor under a known spelling',
      { type: 'actor.put', payload: { actor: { id: 'x', name: 'Kitaeb Hezbollah', aliases: [] }, at: null } },
      /already names/,
    ],
    [
      'a batch with a bad step',
      {
        type: 'batch',
        payload: {
          commands: [
            { type: 'claim.delete', payload: { id: 'c1' } },
            { type: 'claim.delete', payload: { id: 'c1' } },
          ],
        },
      },
      /no claim c1/,
    ],
  ])('%s', (_name, cmd, message) => {
    const before = structuredClone(s);
    expect(() => apply(s, cmd)).toThrow(CommandError);
    expect(() => apply(s, cmd)).toThrow(message);
    expect(s).toEqual(before);
  });
});

// ---------------------------------------------------------------- random sequences

function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/** A random command that is valid in `s`. */
function randomCommand(s: ClaimState, r: () => number, n: number): Command {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const t = stamp(n + 10);
  const kinds: ClaimKind[] = ['casualties', 'munitions', 'count', 'attribution', 'timing', 'other', 'note'];
  const options: Array<() => Command> = [
    () => {
      const start = Math.floor(r() * (TEXT.length - 10));
      const kind = pick(kinds);
      return {
        type: 'claim.create',
        payload: {
          annotation: annotation(`a-${n}`, kind, start, start + 1 + Math.floor(r() * 9), t),
          claim: claim(`c-${n}`, kind, `a-${n}`, TEXT.slice(start, start + 20), t),
          at: null,
        },
      };
    },
    () => ({
      type: 'event.create',
      payload: { event: event(`e-${n}`, `Event ${n}`, t), at: s.events.length ? Math.floor(r() * s.events.length) : null, assign: [] },
    }),
  ];
  if (s.claims.length) {
    options.push(
      () => ({ type: 'claim.delete', payload: { id: pick(s.claims).id } }),
      () => ({
        type: 'claim.update',
        payload: { id: pick(s.claims).id, set: { note: `note ${n}`, speaker: r() < 0.5 ? null : `speaker ${n}`, modified: t }, unset: [] },
      }),
      () => ({
        type: 'claim.update',
        payload: {
          id: pick(s.claims).id,
          set: { kind: 'note', modified: t },
          unset: [
            'measure',
            'population',
            'figure',
            'parts',
            'weapon',
            'perpetrator',
            'attributedBy',
            'stance',
            'expression',
            'reference',
            'anchorClaimId',
            'start',
            'end',
            'precision',
            'method',
            'relative',
            'approximate',
          ],
        },
      }),
      () => {
        const a = pick(s.annotations);
        const start = Math.floor(r() * (TEXT.length - 10));
        return { type: 'annotation.retarget', payload: { id: a.id, targets: [target(start, start + 5)], modified: r() < 0.5 ? t : null } };
      },
      () => ({
        type: 'claim.assign',
        payload: { assignments: [{ claimId: pick(s.claims).id, eventId: s.events.length && r() < 0.8 ? pick(s.events).id : null, modified: t }] },
      }),
    );
  }
  options.push(() => {
    const a = pick(s.actors);
    return { type: 'actor.put', payload: { actor: { ...a, aliases: [...a.aliases, `Alias number ${n} ${'x'.repeat(n % 7)}`] }, at: null } };
  });
  if (s.events.length) {
    options.push(
      () => ({ type: 'event.delete', payload: { id: pick(s.events).id, modified: r() < 0.5 ? t : null } }),
      () => ({ type: 'event.update', payload: { id: pick(s.events).id, set: { title: `Renamed ${n}`, aggregate: r() < 0.5, modified: t }, unset: [] } }),
    );
  }
  if (s.claims.length >= 2) {
    options.push(() => ({
      type: 'batch',
      payload: {
        commands: [
          { type: 'event.create', payload: { event: event(`eb-${n}`, `Batch ${n}`, t), at: null, assign: [] } },
          {
            type: 'claim.assign',
            payload: {
              assignments: [
                { claimId: s.claims[0].id, eventId: `eb-${n}`, modified: t },
                { claimId: s.claims[1].id, eventId: `eb-${n}`, modified: t },
              ],
            },
          },
        ],
      },
    }));
  }
  return pick(options)();
}

describe('the undo stack', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('a random sequence (seed %i) undone fully returns the initial state; redo reproduces it', (seed) => {
    const r = rng(seed * 7919);
    const s0 = initial();
    let state = s0;
    let stack = emptyStack();
    const states: ClaimState[] = [s0];
    for (let n = 0; n < 60; n++) {
      ({ state, stack } = execute(state, stack, randomCommand(state, r, n), { label: `step ${n}`, at: stamp(n) }));
      states.push(state);
    }
    const final = state;
    // undo all the way, checking every intermediate state
    for (let i = states.length - 2; i >= 0; i--) {
      const u = undo(state, stack);
      expect(u.problem).toBeUndefined();
      ({ state, stack } = u);
      expect(state).toEqual(states[i]);
    }
    expect(state).toEqual(s0);
    expect(canUndo(stack)).toBe(false);
    // redo all the way
    while (canRedo(stack)) ({ state, stack } = redo(state, stack));
    expect(state).toEqual(final);
  });

  it('survives a reload: the stack and the state saved as JSON undo and redo the same way', () => {
    const r = rng(42);
    let state = initial();
    let stack = emptyStack();
    for (let n = 0; n < 20; n++) ({ state, stack } = execute(state, stack, randomCommand(state, r, n)));
    ({ state, stack } = undo(state, stack));
    const savedState = JSON.parse(JSON.stringify(state)) as ClaimState;
    const loaded = loadUndoStack(JSON.parse(JSON.stringify(stack)));
    expect(loaded.problem).toBeNull();
    expect(UndoStack.safeParse(loaded.stack).success).toBe(true);
    let a = { state, stack };
    let b = { state: savedState, stack: loaded.stack };
    for (let i = 0; i < 25; i++) {
      a = undo(a.state, a.stack);
      b = undo(b.state, b.stack);
      expect(b.state).toEqual(a.state);
    }
    expect(b.state).toEqual(initial());
    for (let i = 0; i < 25; i++) {
      a = redo(a.state, a.stack);
      b = redo(b.state, b.stack);
    }
    expect(b.state).toEqual(a.state);
  });

  it('a new edit clears redo; the oldest entries fall off past the limit', () => {
    let state = initial();
    let stack = emptyStack();
    ({ state, stack } = execute(state, stack, { type: 'claim.update', payload: { id: 'c1', set: { note: 'a' }, unset: [] } }));
    ({ state, stack } = undo(state, stack));
    expect(canRedo(stack)).toBe(true);
    ({ state, stack } = execute(state, stack, { type: 'claim.update', payload: { id: 'c1', set: { note: 'b' }, unset: [] } }));
    expect(canRedo(stack)).toBe(false);
    const entry = stack.done[0];
    let big = emptyStack();
    for (let i = 0; i < 12; i++) big = push(big, { ...entry, label: `e${i}` }, 10);
    expect(big.done.map((e) => e.label)).toEqual(['e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9', 'e10', 'e11']);
  });

  it('an edit that can no longer be undone is reported and dropped, not crashed on', () => {
    let state = initial();
    let stack = emptyStack();
    ({ state, stack } = execute(state, stack, { type: 'claim.update', payload: { id: 'c2', set: { note: 'x' }, unset: [] } }));
    // the claim disappears by other means (a merge, another window)
    state = { ...state, claims: state.claims.filter((c) => c.id !== 'c2') };
    const u = undo(state, stack);
    expect(u.problem).toMatch(/can no longer be undone/);
    expect(u.state).toBe(state);
    expect(canUndo(u.stack)).toBe(false);
  });

  it('replaces a damaged saved history with an empty one, with a reason', () => {
    const r = loadUndoStack({ done: [{ command: { type: 'explode' } }], undone: [] });
    expect(r.stack).toEqual(emptyStack());
    expect(r.problem).toMatch(/undo history/);
    expect(loadUndoStack(undefined)).toEqual({ stack: emptyStack(), problem: null });
  });
});
