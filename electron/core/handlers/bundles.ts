// Bundles: export a case as a verifiable zip, verify one, import it as a new case or merge it.
import { Actor, Annotation, Claim, Event } from '../../../shared/model/claims.ts';
import type { Clash } from '../../../shared/exchange/bundle.ts';
import { recordKey } from '../../../shared/model/commands.ts';
import type { SimpleCommand } from '../../../shared/model/commands-schema.ts';
import { Decision } from '../../../shared/compare/conflicts.ts';
import { ApiError } from '../../../shared/errors.ts';
import { Reconciliation } from '../../../shared/compare/reconcile.ts';
import { GradeOverride } from '../../../shared/model/judgements.ts';
import { Source } from '../../../shared/model/source.ts';
import { exportCase, importAsNewCase, mergeIntoCase, readBundle, readClashes, verifyBundle } from '../bundle/index.ts';
import { caseIdFromName } from '../ids.ts';
import { sweepMerged } from '../merge-steps.ts';
import { summaryOf, type OpenCases } from '../session.ts';
import type { HandlerGroup } from './types.ts';

/** Fields that identify a record: an edit never sets them (commands.ts refuses), so they are left out. */
function editable(record: Record<string, unknown>, current: unknown) {
  const set = Object.fromEntries(Object.entries(record).filter(([k]) => !IDENTITY.has(k)));
  const unset = Object.keys((current ?? {}) as object).filter((k) => !IDENTITY.has(k) && !(k in set));
  return { set, unset };
}
const IDENTITY = new Set(['id', 'sourceId', 'annotationId']);

/** The edit that puts a clash's set-aside version in place of the record the case uses. */
function adoptCommand(clash: Clash): SimpleCommand | null {
  const now = new Date().toISOString();
  switch (clash.type) {
    case 'claim': {
      const other = Claim.parse(clash.other);
      const { set, unset } = editable(other, clash.current);
      return { type: 'claim.update', payload: { id: other.id, set: { ...set, modified: now }, unset } };
    }
    case 'event': {
      const other = Event.parse(clash.other);
      const { set, unset } = editable(other, clash.current);
      return { type: 'event.update', payload: { id: other.id, set: { ...set, modified: now }, unset } };
    }
    case 'annotation': {
      const other = Annotation.parse(clash.other);
      return { type: 'annotation.retarget', payload: { id: other.id, targets: other.targets, modified: now, orphan: other.orphan ?? null } };
    }
    case 'actor':
      return { type: 'actor.put', payload: { actor: Actor.parse(clash.other), at: null } };
    case 'decision': {
      const d = Decision.parse(clash.other);
      return { type: 'record.put', payload: { collection: 'decisions', key: recordKey(d), value: d } };
    }
    case 'reconciliation': {
      const r = Reconciliation.parse(clash.other);
      return { type: 'record.put', payload: { collection: 'reconciliations', key: recordKey(r), value: r } };
    }
    case 'grade': {
      const g = GradeOverride.parse(clash.other);
      return { type: 'record.put', payload: { collection: 'gradeOverrides', key: recordKey(g), value: g } };
    }
    default:
      return null;
  }
}

/** A source's set-aside details in place of the ones in use, undoably (source.replace); its text and file stay as they are. */
function adoptSource(clash: Clash, now: Source | undefined): SimpleCommand | null {
  if (clash.type !== 'source') return null;
  const other = Source.parse(clash.other);
  if (!now || now.id !== other.id) throw new ApiError('NOT_FOUND', 'That source is no longer in this case.');
  const to = { ...other, sha256: now.sha256, originalExt: now.originalExt, bytes: now.bytes, characters: now.characters, pages: now.pages };
  return { type: 'source.replace', payload: { id: other.id, from: now, to } };
}

export function bundleHandlers(open: OpenCases): HandlerGroup<'bundles.export' | 'bundles.verify' | 'bundles.import' | 'clashes.list' | 'clashes.resolve'> {
  return {
    'clashes.list': async ({ caseId }) => ({ clashes: await readClashes((await open.store(caseId)).dir) }),

    'clashes.resolve': async ({ caseId, clashId, keep }) => {
      const st = await open.store(caseId);
      const claims = await open.claims(caseId);
      const clashes = await readClashes(st.dir);
      const clash = clashes.find((c) => c.id === clashId);
      if (!clash) throw new ApiError('NOT_FOUND', 'That clash is no longer listed; it may have been resolved already.');
      // The versions stay in the file, marked resolved: nothing is lost, and undo opens the clash again.
      const settle: SimpleCommand = { type: 'clashes.put', payload: { clashes: [{ ...clash, resolved: true }], present: true, replaces: [clash] } };
      const adopt = keep === 'other' ? (adoptCommand(clash) ?? adoptSource(clash, st.source(clash.recordId))) : null;
      const label = keep === 'other' ? `Use the merged ${clash.type}` : `Keep the ${clash.type} in use`;
      await claims.execute(adopt ? { type: 'batch', payload: { commands: [adopt, settle] } } : settle, label);
      return { clashes: await readClashes(st.dir) };
    },

    'bundles.export': async ({ caseId, sourceIds, eventIds }) => {
      const st = await open.store(caseId);
      const state = (await open.claims(caseId)).state();
      const data = await exportCase(st, state, { appVersion: open.version, sourceIds, eventIds });
      const stamp = new Date().toISOString().slice(0, 10);
      return { name: `${st.index.id}-${stamp}.corroborate.zip`, data: new Uint8Array(data) };
    },

    'bundles.verify': async ({ data }) => {
      const r = verifyBundle(data);
      return { ok: r.ok, problems: r.problems, manifest: r.manifest ?? null };
    },

    'bundles.import': async ({ data, caseId, name }) => {
      const contents = readBundle(data); // throws, naming the problem, before anything is written
      if (caseId) {
        const st = await open.store(caseId);
        const claims = await open.claims(caseId);
        // One step on the undo stack; clients take in its change set from the feed like any edit's.
        const r = await mergeIntoCase(st, claims, contents);
        await claims.exclusive(() => sweepMerged(st.dir, claims.history()));
        return {
          case: summaryOf(st),
          merge: { added: r.added, updated: r.updated, unchanged: r.unchanged, clashes: r.clashes, nothingChanged: r.nothingChanged },
          notes: contents.notes ?? [],
        };
      }
      const caseName = name ?? contents.index.name;
      // A host on one case folder imports into that folder, and only while it holds no case yet.
      const id = open.locator.fixedId ?? caseIdFromName(caseName);
      const st = await importAsNewCase(contents, open.locator.newCaseDir(id), { id, name: caseName });
      open.adopt(id, st);
      return { case: summaryOf(st), merge: null, notes: contents.notes ?? [] };
    },
  };
}
