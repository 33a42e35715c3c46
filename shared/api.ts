// The one API contract: every operation the UI (or any host) can ask of the core, with zod schemas
// for its input and output. Hosts are transports over this table; the core validates every input.
import { z } from 'zod';
import { Backup, CaseId, CaseName, CaseSummary } from './model/case.ts';
import { Source, SourcePatch, PageRange } from './model/source.ts';
import { Actor, Annotation, Claim, Event } from './model/claims.ts';
import { Command } from './model/commands.ts';
import { Decision, Matrix } from './compare/conflicts.ts';
import { Grade, GradeOverride } from './compare/grade.ts';
import { Reconciliation } from './compare/reconcile.ts';
import { Clash, Manifest } from './exchange/bundle.ts';
import { Suggestion, SUGGEST_RULES_VERSION } from './suggest/schema.ts';
import { ChangeSet } from './model/changes.ts';
import { SyncDatabases, SyncLogin, SyncStart, SyncStatusView } from './exchange/sync-status.ts';
import { DisagreementsPage, EventSummary, Standing } from './compare/summary.ts';
import { TimelinePage } from './compare/timeline.ts';

const Bytes = z.instanceof(Uint8Array);
const SourceId = Source.shape.id;
const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'browser', 'cli']),
  dataDir: z.string(),
  /** Set when the host was started on one case (`serve --case DIR`): the UI opens it and offers no others. */
  fixedCase: CaseId.nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const OpenCase = z.object({
  id: CaseId,
  name: z.string(),
  dir: z.string(),
  sources: z.array(Source),
  /** Messages about parts of the case that could not be read; the rest opens. */
  warnings: z.array(z.string()),
});
export type OpenCase = z.infer<typeof OpenCase>;

export const ImportResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('imported'), source: Source }),
  z.object({ status: z.literal('duplicate'), source: Source, message: z.string() }),
]);
export type ImportResult = z.infer<typeof ImportResult>;

export const SourceDocument = z.object({
  source: Source,
  text: z.string(),
  pages: z.array(PageRange).nullable(),
});
export type SourceDocument = z.infer<typeof SourceDocument>;

export const SearchHit = z.object({
  sourceId: SourceId,
  title: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  before: z.string(),
  match: z.string(),
  after: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

/**
 * What is tagged in a case (or in part of it), and where undo stands. Read once (`claims.view`,
 * scoped to sources or events when a client needs only those); after that every edit answers with
 * a ChangeSet and `claims.changes` catches a client up from the version it holds.
 */
export const ClaimsView = z.object({
  /** The claims version this view is at: a ChangeSet with version + 1 follows it. */
  version: z.number().int().nonnegative(),
  /** The scope read: null = the whole case; else the claims (and annotations) of these sources and events. */
  scope: z.object({ sourceIds: z.array(z.string()), eventIds: z.array(z.string()) }).nullable(),
  annotations: z.array(Annotation),
  claims: z.array(Claim),
  events: z.array(Event),
  actors: z.array(Actor),
  decisions: z.array(Decision),
  reconciliations: z.array(Reconciliation),
  gradeOverrides: z.array(GradeOverride),
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
  /** Records that could not be read (a hand-edited file, say): reported, kept on disk, left out here. */
  problems: z.array(z.string()),
  /** How many claims the whole case has, whatever the scope; null while the case is still being read (a change follows). */
  totalClaims: z.number().int().nonnegative().nullable(),
});
export type ClaimsView = z.infer<typeof ClaimsView>;
export { ChangeSet };

const ClaimsScope = {
  /** Only the claims and annotations of these sources… */
  sourceIds: z.array(SourceId).max(10_000).optional(),
  /** …and of these events. Neither given: the whole case. */
  eventIds: z.array(z.string().min(1).max(200)).max(10_000).optional(),
};

/** One event's grade, as the rules give it and as shown (an override's), with why. */
export const GradeInfo = z.object({
  eventId: z.string(),
  computed: Grade,
  grade: Grade,
  why: z.string(),
  groups: z.array(z.string()),
  override: GradeOverride.nullable(),
});
export type GradeInfo = z.infer<typeof GradeInfo>;

/** Compare's event list: every event's line, or (`since` a version the client holds) only the lines changed after it. */
export const CompareEvents = z.object({
  version: z.number().int().nonnegative(),
  /** True: `events` is every event in case order. False: only those whose line changed since `since` (the list of events did not). */
  full: z.boolean(),
  events: z.array(EventSummary),
});
export type CompareEvents = z.infer<typeof CompareEvents>;

/** What Compare shows of one event when it is opened: its matrix and grade, and the records its rows and dialogs read. */
export const CompareEvent = z.object({
  version: z.number().int().nonnegative(),
  event: Event,
  matrix: Matrix,
  grade: GradeInfo,
  claims: z.array(Claim),
  annotations: z.array(Annotation),
  reconciliations: z.array(Reconciliation),
});
export type CompareEvent = z.infer<typeof CompareEvent>;

const Page = { offset: z.number().int().nonnegative().optional(), limit: z.number().int().min(1).max(1000).optional() };

export const api = {
  'app.info': op(z.object({}), AppInfo),

  'cases.list': op(z.object({}), z.array(CaseSummary)),
  'cases.create': op(z.object({ name: CaseName }), CaseSummary),
  'cases.createSample': op(z.object({}), CaseSummary),
  'cases.open': op(z.object({ caseId: CaseId }), OpenCase),
  'cases.rename': op(z.object({ caseId: CaseId, name: CaseName }), CaseSummary),
  'cases.delete': op(z.object({ caseId: CaseId }), z.object({ deleted: z.literal(true) })),
  'cases.backups': op(z.object({ caseId: CaseId }), z.array(Backup)),
  'cases.restoreBackup': op(z.object({ caseId: CaseId, backup: z.string().min(1).max(200) }), OpenCase),

  'sources.import': op(
    z.object({
      caseId: CaseId,
      name: z.string().min(1).max(1000),
      data: Bytes,
    }),
    ImportResult,
  ),
  'sources.paste': op(
    z.object({
      caseId: CaseId,
      text: z.string().min(1, 'Paste some text first.'),
      title: z.string().trim().max(1000).optional(),
    }),
    ImportResult,
  ),
  'sources.get': op(z.object({ caseId: CaseId, sourceId: SourceId }), SourceDocument),
  'sources.update': op(z.object({ caseId: CaseId, sourceId: SourceId, patch: SourcePatch }), Source),
  'sources.delete': op(z.object({ caseId: CaseId, sourceId: SourceId }), z.object({ deleted: z.literal(true) })),
  'sources.original': op(z.object({ caseId: CaseId, sourceId: SourceId }), z.object({ name: z.string(), mime: z.string(), data: Bytes })),

  /** Replace a source's text with a new version of the same report; annotations re-anchor or become orphans. */
  'sources.replaceText': op(
    z.object({ caseId: CaseId, sourceId: SourceId, name: z.string().min(1).max(1000), data: Bytes }),
    z.object({ source: Source, anchored: z.number().int(), orphaned: z.number().int(), changes: ChangeSet }),
  ),

  /**
   * Reads the source's kept original again with today's import rules. A different text becomes a new
   * version through one undoable step (annotations re-anchor or become orphans; Undo puts the previous
   * text back); the same text changes nothing and says so.
   */
  'sources.reimport': op(
    z.object({ caseId: CaseId, sourceId: SourceId }),
    z.discriminatedUnion('status', [
      z.object({ status: z.literal('unchanged'), message: z.string() }),
      z.object({ status: z.literal('replaced'), source: Source, anchored: z.number().int(), orphaned: z.number().int(), changes: ChangeSet }),
    ]),
  ),

  /** What an HTML import left out of the page as site furniture, passage by passage (read again from the original); `restored` once put back. */
  'sources.leftOut': op(
    z.object({ caseId: CaseId, sourceId: SourceId }),
    z.object({ share: z.number().min(0).max(1), passages: z.array(z.object({ text: z.string(), restored: z.boolean() })) }),
  ),
  /** Puts left-out passages (indices into sources.leftOut) back into the text where the page has them: a new version of the text; annotations re-anchor. */
  'sources.restoreLeftOut': op(
    z.object({ caseId: CaseId, sourceId: SourceId, passages: z.array(z.number().int().nonnegative()).min(1).max(10_000) }),
    z.object({ source: Source, restored: z.number().int(), anchored: z.number().int(), orphaned: z.number().int(), changes: ChangeSet }),
  ),

  /** Suggested claims for a source (computed off the window's thread), minus rejected and already tagged ones. */
  'suggestions.list': op(
    z.object({ caseId: CaseId, sourceId: SourceId, refresh: z.boolean().optional() }),
    z.object({ suggestions: z.array(Suggestion.extend({ key: z.string() })), hidden: z.number().int(), rules: z.string() }),
  ),
  /** Rejected suggestions are remembered with the source and not proposed again; `restore` takes that back. */
  'suggestions.reject': op(
    z.object({ caseId: CaseId, sourceId: SourceId, keys: z.array(z.string().min(1).max(200)).min(1).max(10_000), restore: z.boolean().optional() }),
    z.object({ rejected: z.number().int() }),
  ),

  'claims.view': op(z.object({ caseId: CaseId, ...ClaimsScope }), ClaimsView),
  /** Runs one edit (a command with an inverse); it joins the undo history, which survives a reload. Answers with what changed. */
  'claims.execute': op(z.object({ caseId: CaseId, command: Command, label: z.string().max(200).optional() }), ChangeSet),
  'claims.undo': op(z.object({ caseId: CaseId }), ChangeSet),
  'claims.redo': op(z.object({ caseId: CaseId }), ChangeSet),
  /** The changes after `since` (a version a client holds), oldest first; `reset` when they are no longer kept: read the view again. */
  'claims.changes': op(
    z.object({ caseId: CaseId, since: z.number().int().nonnegative() }),
    z.object({ version: z.number().int().nonnegative(), changes: z.array(ChangeSet), reset: z.boolean() }),
  ),

  /** The comparison matrices (all events, or one), with verdicts, decisions, reconciliations and grades. */
  'conflicts.compute': op(
    z.object({ caseId: CaseId, eventId: z.string().optional() }),
    z.object({
      matrices: z.array(Matrix),
      grades: z.array(GradeInfo),
    }),
  ),
  /** Compare's event list, one line per event (counts, flags by standing and verdict, grade): what opens Compare at 10,000 sources. */
  'compare.events': op(z.object({ caseId: CaseId, since: z.number().int().nonnegative().optional() }), CompareEvents),
  /** One event's matrix, grade, claims, annotations and reconciliations, read when the user opens it. */
  'compare.event': op(z.object({ caseId: CaseId, eventId: z.string().min(1).max(200) }), CompareEvent),
  /** The case's disagreements that stand so (open, explained or dismissed), a page at a time, in event then row order. */
  'compare.disagreements': op(z.object({ caseId: CaseId, standing: Standing, ...Page }), DisagreementsPage),
  /** The timeline's events and timing claims, with only the fields it draws, a page at a time in date order (the undated last). */
  'compare.timeline': op(z.object({ caseId: CaseId, ...Page }), TimelinePage),

  /** A case (or chosen events or sources) as one verifiable .zip bundle. */
  'bundles.export': op(
    z.object({ caseId: CaseId, sourceIds: z.array(SourceId).optional(), eventIds: z.array(z.string()).optional() }),
    z.object({ name: z.string(), data: Bytes }),
  ),
  'bundles.verify': op(z.object({ data: Bytes }), z.object({ ok: z.boolean(), problems: z.array(z.string()), manifest: Manifest.nullable() })),
  /** Imports a bundle as a new case, or (with caseId) merges it into that case; a bad bundle changes nothing. */
  'bundles.import': op(
    z.object({ data: Bytes, caseId: CaseId.optional(), name: CaseName.optional() }),
    z.object({
      case: CaseSummary,
      merge: z
        .object({ added: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), clashes: z.number().int(), nothingChanged: z.boolean() })
        .nullable(),
      /** What was ignored rather than refused, in words (originals no source refers to), for the user to read. */
      notes: z.array(z.string()).optional(),
    }),
  ),

  /** Records edited on both sides of a merge: both versions kept, waiting for the user's choice. */
  'clashes.list': op(z.object({ caseId: CaseId }), z.object({ clashes: z.array(Clash) })),
  /** Keeps the version the case uses, or puts the set-aside one in its place (an undoable edit where the record is a claim, annotation, event or judgement). */
  'clashes.resolve': op(
    z.object({ caseId: CaseId, clashId: z.string().min(1).max(200), keep: z.enum(['current', 'other']) }),
    z.object({ clashes: z.array(Clash) }),
  ),

  /** The case's sync with its CouchDB database (see README "Working as a team"); a shared case resumes when asked after a restart. */
  'sync.status': op(z.object({ caseId: CaseId }), SyncStatusView),
  /** Shares the case: checks the server, name and password with one round trip, then syncs live; the password is kept only if asked. */
  'sync.start': op(SyncStart.extend({ caseId: CaseId }), SyncStatusView),
  /** Stops syncing this case here (the case and the server keep everything); `forget` also drops the remembered password and address. */
  'sync.stop': op(z.object({ caseId: CaseId, forget: z.boolean().optional() }), SyncStatusView),
  /** The server's databases the user may sync this case with (Share dialog). */
  'sync.databases': op(SyncLogin.extend({ caseId: CaseId }), SyncDatabases),
  /** A new database for the case, set up with editors and viewers as members (server admins only). */
  'sync.createDatabase': op(
    SyncLogin.extend({ caseId: CaseId, name: z.string().trim().min(1, 'Give the new database a name.').max(238) }),
    z.object({ name: z.string(), url: z.string() }),
  ),

  search: op(
    z.object({ caseId: CaseId, query: z.string().trim().min(1).max(500), limit: z.number().int().min(1).max(1000).optional() }),
    z.object({ hits: z.array(SearchHit), total: z.number().int() }),
  ),
} as const;

export type Api = typeof api;

/**
 * Replies built from records the core already parsed when it read them (a case's claims, its
 * sources, the matrices): large at monitor scale, so they are checked against their schema in the
 * tests (createCore's `checkReplies`), not on every call, and the UI checks only their outer shape.
 */
export const LARGE_REPLIES: ReadonlySet<OpName> = new Set<OpName>([
  'claims.view',
  'claims.changes',
  'conflicts.compute',
  'compare.events',
  'cases.open',
  'cases.restoreBackup',
  'sources.get',
]);
export type OpName = keyof Api;
export type Input<K extends OpName> = z.input<Api[K]['input']>;
export type Output<K extends OpName> = z.output<Api[K]['output']>;

/** What the core implements: one async handler per operation, given parsed input. */
export type Handlers = { [K in OpName]: (input: z.output<Api[K]['input']>) => Promise<z.input<Api[K]['output']>> };

/** The change feed's messages: a case's claims moved to this version (`claims.changes` tells what changed)… */
export const ClaimsChanged = z.object({ kind: z.literal('claims'), caseId: CaseId, version: z.number().int().nonnegative() });
export type ClaimsChanged = z.infer<typeof ClaimsChanged>;
/** …or a file being imported into a case read one more page (PDF) of its total. */
export const ImportProgress = z.object({
  kind: z.literal('import'),
  caseId: CaseId,
  name: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;
/** …or a case's sync moved (state, changes under way, records received, clashes): its status, as `sync.status` answers. */
export const SyncChanged = z.object({ kind: z.literal('sync'), caseId: CaseId, status: SyncStatusView });
export type SyncChanged = z.infer<typeof SyncChanged>;
export const FeedEvent = z.discriminatedUnion('kind', [ClaimsChanged, ImportProgress, SyncChanged]);
export type FeedEvent = z.infer<typeof FeedEvent>;

/** What every transport gives the UI. */
export interface Client {
  call<K extends OpName>(op: K, input: Input<K>): Promise<Output<K>>;
  /** Follows the change feed (edits made in other windows); returns the unsubscribe. */
  watch?(fn: (e: FeedEvent) => void): () => void;
}

export const SUGGESTION_RULES = SUGGEST_RULES_VERSION;

export const isOpName = (name: string): name is OpName => Object.hasOwn(api, name);

/** What a transport carries back for one call. */
export type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string; details?: Record<string, unknown> } };
