// Every kind of edit is one step on the undo stack, through the core's API: undo gives back exactly
// the case as it was (claims, events, judgements, sources' metadata, the source itself, rejected
// suggestions), redo the case after it, and the history (with the trash behind it) survives a restart.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeSet, ClaimsView, ImportResult, OpenCase } from '../../shared/api.ts';
import { makeTarget } from '../../shared/text/anchor.ts';
import type { CaseSummary } from '../../shared/model/case.ts';
import { blankClaim, type Claim, type Event } from '../../shared/model/claims.ts';
import { type Command, mergeActorsCommand } from '../../shared/model/commands.ts';
import { ApiError } from '../../shared/errors.ts';
import { createCore, type Core } from './index.ts';

const tmp = () => mkdtemp(join(tmpdir(), 'corroborate-undo-'));
const T = '2026-01-01T00:00:00.000Z';

async function withCore<T>(dataDir: string, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = await createCore({ dataDir, host: 'browser' });
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}

const REPORT_A = `Rockets hit the base, killing two

Harbour Tribune

March 12, 2020

Two soldiers were killed on Wednesday when rockets hit the base. About a dozen people were wounded. Officials blamed the Brigade.
`;
const REPORT_B = `Base attack: three dead

By Lee Park

March 13, 2020

Three people died in the attack on the base, and 14 were wounded, officials said on Thursday.
`;

interface Setup {
  caseId: string;
  dir: string;
  a: string;
  b: string;
  textA: string;
  textB: string;
}

async function setup(core: Core): Promise<Setup> {
  const c = (await core.call('cases.create', { name: 'Undo' })) as CaseSummary;
  const add = async (name: string, text: string) => {
    const r = (await core.call('sources.import', { caseId: c.id, name, data: new TextEncoder().encode(text) })) as ImportResult;
    return { id: r.source.id, text: ((await core.call('sources.get', { caseId: c.id, sourceId: r.source.id })) as { text: string }).text };
  };
  const a = await add('a.txt', REPORT_A);
  const b = await add('b.txt', REPORT_B);
  return { caseId: c.id, dir: c.dir, a: a.id, b: b.id, textA: a.text, textB: b.text };
}

let n = 0;
function tag(sourceId: string, text: string, quote: string, kind: Claim['kind'] = 'casualties', eventId: string | null = null): Command {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in the text: ${quote}`);
  const annotationId = `a_u${++n}`;
  const claim = { ...blankClaim(kind, { id: `c_u${n}`, sourceId, annotationId, created: T, text: quote }), eventId };
  return {
    type: 'claim.create',
    payload: {
      annotation: { id: annotationId, sourceId, targets: [makeTarget(text, start, start + quote.length)], kind, created: T, modified: T },
      claim,
      at: null,
    },
  };
}
const event = (id: string, title: string): Event => ({
  id,
  title,
  start: '2020-03-11',
  end: '2020-03-11',
  precision: 'day',
  place: 'the base',
  placePrecision: 'exact',
  type: 'rocket attack',
  actorIds: [],
  aggregate: false,
  note: '',
  created: T,
  modified: T,
});

/** Everything an edit may change, as a client (and the disk) sees it. */
async function snapshot(core: Core, s: Setup) {
  const v = (await core.call('claims.view', { caseId: s.caseId })) as ClaimsView;
  const open = (await core.call('cases.open', { caseId: s.caseId })) as OpenCase;
  const rejected: Record<string, string[] | null> = {};
  for (const id of [s.a, s.b]) {
    const file = join(s.dir, 'sources', `${id}.json`);
    rejected[id] = existsSync(file) ? ((JSON.parse(await readFile(file, 'utf8')) as { rejectedSuggestions?: string[] }).rejectedSuggestions ?? []) : null;
  }
  // The case's lists follow the index's order of sources (claims-lists.ts), and a source put back
  // from the trash is listed last: compared source by source (by id), each in its own order.
  const bySource = <T extends { sourceId: string }>(list: T[]) => [...list].sort((x, y) => x.sourceId.localeCompare(y.sourceId));
  return {
    records: {
      annotations: bySource(v.annotations),
      claims: bySource(v.claims),
      events: v.events,
      actors: v.actors,
      decisions: v.decisions,
      reconciliations: v.reconciliations,
      gradeOverrides: v.gradeOverrides,
    },
    // A source put back from the trash is listed last: compared by id.
    sources: [...open.sources].sort((x, y) => x.id.localeCompare(y.id)),
    rejected,
  };
}

/** Runs an edit, then checks undo gives back `before` exactly and redo gives back `after`. Returns the undo label. */
async function roundTrip(core: Core, s: Setup, edit: () => Promise<unknown>): Promise<string | null> {
  const before = await snapshot(core, s);
  await edit();
  const after = await snapshot(core, s);
  expect(after).not.toEqual(before);
  const label = ((await core.call('claims.view', { caseId: s.caseId })) as ClaimsView).undoLabel;
  const undone = (await core.call('claims.undo', { caseId: s.caseId })) as ChangeSet;
  expect(undone.problems).toEqual([]);
  expect(await snapshot(core, s)).toEqual(before);
  const redone = (await core.call('claims.redo', { caseId: s.caseId })) as ChangeSet;
  expect(redone.problems).toEqual([]);
  expect(await snapshot(core, s)).toEqual(after);
  return label;
}

describe('undo for every command type, through the core', () => {
  it('undoes and redoes each kind of edit exactly, with its label', async () => {
    const dataDir = await tmp();
    await withCore(dataDir, async (core) => {
      const s = await setup(core);
      const exec = (command: Command, label: string) => () => core.call('claims.execute', { caseId: s.caseId, command, label });
      const labels: Array<string | null> = [];
      const run = async (edit: () => Promise<unknown>) => labels.push(await roundTrip(core, s, edit));

      const killed = tag(s.a, s.textA, 'Two soldiers were killed');
      const died = tag(s.b, s.textB, 'Three people died');
      const wounded = tag(s.b, s.textB, '14 were wounded');
      const id = (c: Command) => (c.type === 'claim.create' ? c.payload.claim.id : '');
      const ann = (c: Command) => (c.type === 'claim.create' ? (c.payload.annotation?.id ?? '') : '');
      await run(exec(killed, 'Tag casualties'));
      await run(exec(died, 'Tag casualties'));
      await run(exec(wounded, 'Accept suggestion'));
      await run(exec({ type: 'claim.update', payload: { id: id(killed), set: { note: 'checked' }, unset: [] } }, 'Edit claim'));
      const start = s.textB.indexOf('Three people died in the attack');
      await run(
        exec({ type: 'annotation.retarget', payload: { id: ann(died), targets: [makeTarget(s.textB, start, start + 31)], modified: T } }, 'Change the passage'),
      );
      await run(
        exec(
          { type: 'event.create', payload: { event: event('e_u1', 'Rocket attack'), at: null, assign: [{ claimId: id(killed), modified: T }] } },
          'Create event',
        ),
      );
      await run(exec({ type: 'claim.assign', payload: { assignments: [{ claimId: id(died), eventId: 'e_u1', modified: T }] } }, 'Assign claim'));
      await run(exec({ type: 'event.update', payload: { id: 'e_u1', set: { title: 'Rocket attack on the base' }, unset: [] } }, 'Edit event'));
      await run(exec({ type: 'actor.put', payload: { actor: { id: 'ac_u1', name: 'The Brigade', aliases: [] }, at: null } }, 'Add actor'));
      await run(exec({ type: 'actor.put', payload: { actor: { id: 'ac_u2', name: 'Brigade Militia', aliases: ['BM'] }, at: null } }, 'Add actor'));
      await run(async () => {
        const state = (await core.call('claims.view', { caseId: s.caseId })) as ClaimsView;
        await core.call('claims.execute', {
          caseId: s.caseId,
          command: mergeActorsCommand(state, 'ac_u1', 'ac_u2', T),
          label: 'Merge Brigade Militia into The Brigade',
        });
      });
      const rowKey = 'killed|all';
      await run(
        exec(
          {
            type: 'record.put',
            payload: {
              collection: 'decisions',
              key: `e_u1|${rowKey}`,
              value: { eventId: 'e_u1', rowKey, status: 'explained', note: 'B counts a civilian', at: T },
            },
          },
          'Explain row',
        ),
      );
      const rec = {
        eventId: 'e_u1',
        rowKey,
        method: 'minmax' as const,
        low: 2,
        best: 2,
        high: 3,
        used: [id(killed), id(died)],
        setAside: [],
        rationale: 'both',
        by: null,
        at: T,
      };
      await run(exec({ type: 'record.put', payload: { collection: 'reconciliations', key: `e_u1|${rowKey}`, value: rec } }, 'Reconcile row'));
      await run(
        exec(
          {
            type: 'record.put',
            payload: { collection: 'gradeOverrides', key: 'e_u1', value: { eventId: 'e_u1', grade: 'contested', note: 'two counts', by: null, at: T } },
          },
          'Grade event',
        ),
      );
      await run(exec({ type: 'claim.delete', payload: { id: id(wounded) } }, 'Delete claim'));
      await run(exec({ type: 'event.delete', payload: { id: 'e_u1', modified: T } }, 'Delete event'));
      await run(exec({ type: 'actor.delete', payload: { id: 'ac_u1' } }, 'Delete actor'));
      // The edits of a source outside its claims: the core builds the command and its label.
      await run(() => core.call('sources.update', { caseId: s.caseId, sourceId: s.b, patch: { outlet: 'Northern Courier' } }));
      await run(() => core.call('sources.update', { caseId: s.caseId, sourceId: s.b, patch: { published: { date: '2020-03-14', precision: 'day' } } }));
      await run(() => core.call('suggestions.reject', { caseId: s.caseId, sourceId: s.a, keys: ['k1', 'k2'] }));
      await run(() => core.call('sources.delete', { caseId: s.caseId, sourceId: s.a }));

      expect(labels.slice(-4)).toEqual([
        'Correct outlet of “Base attack: three dead”',
        'Correct date of Northern Courier',
        'Reject 2 suggestions',
        'Delete “Rockets hit the base, killing two”',
      ]);
      expect(labels.slice(0, 3)).toEqual(['Tag casualties', 'Tag casualties', 'Accept suggestion']);
    });
  });

  it('keeps a corrected date and its re-resolved relative dates as one step', async () => {
    const dataDir = await tmp();
    await withCore(dataDir, async (core) => {
      const s = await setup(core);
      const c = tag(s.a, s.textA, 'on Wednesday', 'timing');
      if (c.type === 'claim.create') Object.assign(c.payload.claim, { expression: 'Wednesday', relative: true, method: 'rules', reference: '2020-03-12' });
      await core.call('claims.execute', { caseId: s.caseId, command: c });
      const claimOf = async () => ((await core.call('claims.view', { caseId: s.caseId })) as ClaimsView).claims[0] as Claim & { start: string | null };
      const before = await claimOf();
      await core.call('sources.update', { caseId: s.caseId, sourceId: s.a, patch: { published: { date: '2020-03-20', precision: 'day' } } });
      expect((await claimOf()).start).toBe('2020-03-18');
      await core.call('claims.undo', { caseId: s.caseId });
      expect(await claimOf()).toEqual(before);
      const open = (await core.call('cases.open', { caseId: s.caseId })) as OpenCase;
      expect(open.sources.find((x) => x.id === s.a)?.published.value.date).toBe('2020-03-12');
    });
  });

  it('deletes a source to the case trash and brings it back with its claims after a restart', async () => {
    const dataDir = await tmp();
    const s = await withCore(dataDir, async (core) => {
      const s = await setup(core);
      await core.call('claims.execute', { caseId: s.caseId, command: tag(s.a, s.textA, 'Two soldiers were killed') });
      await core.call('suggestions.reject', { caseId: s.caseId, sourceId: s.a, keys: ['k9'] });
      const c = (await core.call('sources.delete', { caseId: s.caseId, sourceId: s.a })) as { deleted: true };
      expect(c.deleted).toBe(true);
      expect((await readdir(join(s.dir, 'trash', 'sources'))).sort()).toEqual([`${s.a}.body.json`, `${s.a}.json`, `${s.a}.original`]);
      expect(await readdir(join(s.dir, 'originals'))).toHaveLength(1);
      const v = (await core.call('claims.view', { caseId: s.caseId })) as ClaimsView;
      expect([v.claims.length, v.annotations.length, v.undoLabel]).toEqual([0, 0, 'Delete “Rockets hit the base, killing two”']);
      return s;
    });
    await withCore(dataDir, async (core) => {
      const undone = (await core.call('claims.undo', { caseId: s.caseId })) as ChangeSet;
      expect(undone.problems).toEqual([]);
      expect(undone.sources?.put.map((p) => p.value.id)).toEqual([s.a]);
      expect(undone.claims.put.map((p) => p.value.sourceId)).toEqual([s.a]);
      const doc = (await core.call('sources.get', { caseId: s.caseId, sourceId: s.a })) as { text: string };
      expect(doc.text).toBe(s.textA);
      const original = (await core.call('sources.original', { caseId: s.caseId, sourceId: s.a })) as { data: Uint8Array };
      expect(new TextDecoder().decode(original.data)).toBe(REPORT_A);
      const listed = (await core.call('suggestions.list', { caseId: s.caseId, sourceId: s.a })) as { hidden: number };
      expect(listed.hidden).toBeGreaterThanOrEqual(1);
      expect(await readdir(join(s.dir, 'trash', 'sources'))).toEqual([]);
      // and again: redo sends it back to the trash
      const redone = (await core.call('claims.redo', { caseId: s.caseId })) as ChangeSet;
      expect(redone.sources?.deleted).toEqual([s.a]);
      expect(((await core.call('cases.open', { caseId: s.caseId })) as OpenCase).sources.map((x) => x.id)).toEqual([s.b]);
    });
  });

  it('refuses an undo that no longer fits, and says why', async () => {
    const dataDir = await tmp();
    await withCore(dataDir, async (core) => {
      const s = await setup(core);
      await core.call('sources.delete', { caseId: s.caseId, sourceId: s.a });
      // The same file imported again: putting the old one back would make two copies.
      await core.call('sources.import', { caseId: s.caseId, name: 'a-again.txt', data: new TextEncoder().encode(REPORT_A) });
      const undone = (await core.call('claims.undo', { caseId: s.caseId })) as ChangeSet;
      expect(undone.problems[0]).toMatch(/can no longer be undone: The same file was imported again as “Rockets hit the base, killing two”/);
      expect(((await core.call('cases.open', { caseId: s.caseId })) as OpenCase).sources).toHaveLength(2);
      // A correction whose "before" is not what the source says now is refused, and changes nothing.
      const stale: Command = {
        type: 'source.update',
        payload: { id: s.b, from: { url: 'https://example.org/x' }, to: { url: 'https://example.org/y' } },
      };
      await expect(core.call('claims.execute', { caseId: s.caseId, command: stale })).rejects.toThrow(/The url of “Base attack: three dead” has changed since/);
      // Only undo may put a source back.
      const restore: Command = { type: 'source.restore', payload: { id: s.a, annotations: [], claims: [] } };
      const e = await core.call('claims.execute', { caseId: s.caseId, command: restore }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ApiError);
    });
  });

  it('takes back what a step did to the sources when a later write of it fails', async () => {
    const dataDir = await tmp();
    await withCore(dataDir, async (core) => {
      const s = await setup(core);
      await core.call('claims.execute', { caseId: s.caseId, command: tag(s.a, s.textA, 'Two soldiers were killed') });
      // The history cannot be written any more (a directory where each of its files goes).
      for (const name of ['history.json', 'history.log']) {
        await rm(join(s.dir, name), { force: true });
        await mkdir(join(s.dir, name, 'blocked'), { recursive: true });
      }
      await expect(core.call('sources.delete', { caseId: s.caseId, sourceId: s.a })).rejects.toThrow();
      await expect(core.call('sources.update', { caseId: s.caseId, sourceId: s.b, patch: { outlet: 'Northern Courier' } })).rejects.toThrow();
      const open = (await core.call('cases.open', { caseId: s.caseId })) as OpenCase;
      expect(open.sources.map((x) => x.id).sort()).toEqual([s.a, s.b].sort());
      expect(open.sources.find((x) => x.id === s.b)?.outlet.value).toBeNull();
      const doc = (await core.call('sources.get', { caseId: s.caseId, sourceId: s.a })) as { text: string };
      expect(doc.text).toBe(s.textA);
      expect(((await core.call('claims.view', { caseId: s.caseId })) as ClaimsView).claims).toHaveLength(1);
      expect(await readdir(join(s.dir, 'trash', 'sources')).catch(() => [])).toEqual([]);
    });
  });

  it('empties the trash of what no undo can bring back', async () => {
    const dataDir = await tmp();
    await withCore(dataDir, async (core) => {
      const s = await setup(core);
      await core.call('sources.delete', { caseId: s.caseId, sourceId: s.a });
      expect(await readdir(join(s.dir, 'trash', 'sources'))).toHaveLength(3);
      // A new version of the other source clears the history: the deletion can no longer be undone.
      const v2 = new TextEncoder().encode(`${REPORT_B}\nUpdated on Friday.\n`);
      await core.call('sources.replaceText', { caseId: s.caseId, sourceId: s.b, name: 'b-v2.txt', data: v2 });
      expect(((await core.call('claims.view', { caseId: s.caseId })) as ClaimsView).canUndo).toBe(false);
      expect(await readdir(join(s.dir, 'trash', 'sources'))).toEqual([]);
    });
  });

  it('records only the rejections that change something', async () => {
    const dataDir = await tmp();
    await withCore(dataDir, async (core) => {
      const s = await setup(core);
      await core.call('suggestions.reject', { caseId: s.caseId, sourceId: s.a, keys: ['k1'] });
      const r = (await core.call('suggestions.reject', { caseId: s.caseId, sourceId: s.a, keys: ['k1'] })) as { rejected: number };
      expect(r.rejected).toBe(1);
      const v = (await core.call('claims.view', { caseId: s.caseId })) as ClaimsView;
      expect(v.undoLabel).toBe('Reject suggestion');
      await core.call('claims.undo', { caseId: s.caseId });
      expect(((await core.call('claims.view', { caseId: s.caseId })) as ClaimsView).canUndo).toBe(false);
    });
  });
});
