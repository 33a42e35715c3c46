// Reading a bundle: everything is checked in memory — the archive, the manifest, every file's
// sha256, every record's schema, every reference — before the caller writes anything anywhere.
// Names are checked before anything is inflated (an unknown name refuses the bundle at once); then
// entries are inflated only as they are needed, so originals no source refers to are never unpacked:
// they are ignored and reported (notes), not written.
import { createHash } from 'node:crypto';
import {
  BUNDLE_FORMAT_VERSION,
  BUNDLE_PATHS,
  BundleCounts,
  ClashFile,
  DEFAULT_BUNDLE_SCHEMAS,
  Manifest,
  ManifestHead,
  bodyEntry,
  checkReferences,
  isKnownEntry,
  issuesText,
  originalEntry,
  parseCaseData,
  parseEntryJson,
  textEntry,
  type BundleContents,
  type BundleSchemas,
  type Clash,
} from '../../../shared/exchange/bundle.ts';
import { ApiError } from '../../../shared/errors.ts';
import { DEFAULT_ZIP_LIMITS, openZip, ZipProblem, type ZipLimits, type ZipReader } from './zip.ts';

export interface ReadOptions {
  limits?: Partial<ZipLimits>;
  schemas?: BundleSchemas;
}

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  /** What was ignored rather than refused (originals no source refers to). */
  notes: string[];
  manifest?: Manifest;
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeText(name: string, data: Uint8Array, problems: string[]): string | null {
  try {
    return utf8.decode(data);
  } catch {
    problems.push(`${name} is not valid UTF-8 text.`);
    return null;
  }
}

type Inspection = { problems: string[]; notes: string[]; manifest?: Manifest; contents?: BundleContents };

const unknownEntry = (name: string): string | null =>
  name === BUNDLE_PATHS.manifest || isKnownEntry(name)
    ? null
    : `The archive holds ${JSON.stringify(name.length > 120 ? `${name.slice(0, 120)}…` : name)}, which is not a file a bundle may contain; it was refused before anything was unpacked.`;

/** Checks a bundle and, when it is sound, returns what it holds. Never throws for a bad bundle. */
export function inspectBundle(bytes: Uint8Array, opts: ReadOptions = {}): Inspection {
  const limits = { ...DEFAULT_ZIP_LIMITS, ...opts.limits };
  const notes: string[] = [];
  try {
    const zip = openZip(bytes, limits, unknownEntry);
    return { notes, ...inspectEntries(zip, opts.schemas ?? DEFAULT_BUNDLE_SCHEMAS, notes) };
  } catch (e) {
    if (e instanceof ZipProblem) return { problems: [e.message], notes };
    throw e;
  }
}

/** A read-once view of the archive: each entry inflated the first time it is asked for. */
function lazyEntries(zip: ZipReader) {
  const cache = new Map<string, Uint8Array>();
  return {
    has: (name: string) => zip.has(name),
    keys: () => zip.names,
    get(name: string): Uint8Array | undefined {
      let d = cache.get(name);
      if (d === undefined) {
        d = zip.read(name);
        if (d !== undefined) cache.set(name, d);
      }
      return d;
    },
  };
}

function inspectEntries(zip: ZipReader, schemas: BundleSchemas, notes: string[]): Omit<Inspection, 'notes'> {
  const entries = lazyEntries(zip);

  // The manifest, its format first.
  const mBytes = entries.get(BUNDLE_PATHS.manifest);
  if (!mBytes) return { problems: ['The archive has no manifest.json: it is not a Corroborate bundle.'] };
  const problems: string[] = [];
  const mText = decodeText(BUNDLE_PATHS.manifest, mBytes, problems);
  if (mText === null) return { problems };
  const mJson = parseEntryJson(BUNDLE_PATHS.manifest, mText);
  if (!mJson.ok) return { problems: [mJson.problem] };
  const head = ManifestHead.safeParse(mJson.value);
  if (!head.success) return { problems: [`manifest.json: ${issuesText(head.error)}.`] };
  if (head.data.formatVersion > BUNDLE_FORMAT_VERSION) {
    return {
      problems: [
        `The bundle was made by a newer Corroborate (bundle format version ${head.data.formatVersion}; this version reads up to ${BUNDLE_FORMAT_VERSION}). Update Corroborate to open it.`,
      ],
    };
  }
  const parsed = Manifest.safeParse(mJson.value);
  if (!parsed.success) return { problems: [`manifest.json is not valid: ${issuesText(parsed.error)}.`] };
  const manifest = parsed.data;

  // The case data, record by record.
  const jsonEntry = (name: string): unknown => {
    const data = entries.get(name);
    if (!data) return undefined;
    const text = decodeText(name, data, problems);
    if (text === null) return undefined;
    const r = parseEntryJson(name, text);
    if (!r.ok) {
      problems.push(r.problem);
      return undefined;
    }
    return r.value;
  };
  const indexRaw = jsonEntry(BUNDLE_PATHS.caseIndex);
  if (indexRaw === undefined) {
    if (!entries.has(BUNDLE_PATHS.caseIndex)) problems.push(`${BUNDLE_PATHS.caseIndex} is missing: the bundle holds no case.`);
    return { problems, manifest };
  }
  const bodiesRaw = new Map<string, unknown>();
  for (const name of entries.keys()) {
    const m = /^case\/sources\/(s_[a-z0-9]{6,32})\.json$/.exec(name);
    if (!m) continue;
    const v = jsonEntry(name);
    if (v !== undefined) bodiesRaw.set(m[1], v);
  }
  const data = parseCaseData(indexRaw, bodiesRaw, schemas);
  problems.push(...data.problems);
  if (!data.data) return { problems, manifest };
  const { index, events, actors, decisions, reconciliations, bodies } = data.data;
  problems.push(...checkReferences({ sources: index.sources, bodies, events, actors, decisions, reconciliations }));

  // Originals no source refers to (now or as an earlier version) are never unpacked nor written.
  const referenced = new Set(index.sources.flatMap((s) => [originalEntry(s), ...(s.previousVersions ?? []).map(originalEntry)]));
  const ignored = new Set(entries.keys().filter((n) => n.startsWith('originals/') && !referenced.has(n)));
  if (ignored.size) {
    const first = [...ignored].slice(0, 3).join(', ');
    notes.push(
      `${ignored.size} file${ignored.size > 1 ? 's' : ''} in originals/ belong${ignored.size > 1 ? '' : 's'} to no source and ${ignored.size > 1 ? 'were' : 'was'} ignored (not unpacked, not written): ${first}${ignored.size > 3 ? ', …' : ''}.`,
    );
  }

  // Every file listed, present and intact; nothing unlisted.
  const listed = new Map<string, { sha256: string; bytes: number }>();
  for (const f of manifest.files) {
    if (listed.has(f.path)) problems.push(`manifest.json lists ${f.path} twice.`);
    listed.set(f.path, f);
    if (ignored.has(f.path)) continue;
    if (!isKnownEntry(f.path)) {
      problems.push(`manifest.json lists ${JSON.stringify(f.path)}, which is not a file a bundle may contain.`);
      continue;
    }
    const data = entries.get(f.path);
    if (!data) problems.push(`${f.path} is listed in manifest.json but missing from the archive.`);
    else if (data.byteLength !== f.bytes || sha256(data) !== f.sha256) {
      problems.push(
        `${f.path} does not match manifest.json: its sha256 is ${sha256(data)}, the manifest says ${f.sha256}. The file was changed or damaged after export.`,
      );
    }
  }
  for (const name of entries.keys()) {
    if (name === BUNDLE_PATHS.manifest || listed.has(name) || ignored.has(name)) continue;
    entries.get(name); // unpacked too, so a damaged or lying entry is named as such
    problems.push(
      isKnownEntry(name)
        ? `${name} is in the archive but not listed in manifest.json.`
        : `The archive holds ${JSON.stringify(name)}, which is not a file a bundle may contain.`,
    );
  }

  // Texts and originals agree with the records.
  const originals = new Map<string, Uint8Array>();
  for (const name of referenced) {
    const d = entries.get(name);
    if (d) originals.set(name, d);
  }
  for (const s of index.sources) {
    const body = bodies.get(s.id);
    const t = entries.get(textEntry(s.id));
    if (!t) problems.push(`${textEntry(s.id)} (the text of source ${s.id}) is missing.`);
    else if (body && decodeText(textEntry(s.id), t, []) !== body.text) problems.push(`${textEntry(s.id)} differs from the text in ${bodyEntry(s.id)}.`);
    const o = originals.get(originalEntry(s));
    if (!o) problems.push(`The original file of source ${s.id} (${originalEntry(s)}) is missing.`);
    else if (sha256(o) !== s.sha256) problems.push(`${originalEntry(s)} is not the original of source ${s.id}: its sha256 differs from the source's.`);
  }
  for (const [name, d] of originals) {
    const m = /^originals\/([a-f0-9]{64})\./.exec(name);
    if (m && sha256(d) !== m[1]) problems.push(`${name} is named for a sha256 its content does not have.`);
  }

  let clashes: Clash[] = [];
  const clashRaw = jsonEntry(BUNDLE_PATHS.clashes);
  if (clashRaw !== undefined) {
    const c = ClashFile.safeParse(clashRaw);
    if (c.success) clashes = c.data.clashes;
    else problems.push(`${BUNDLE_PATHS.clashes} is not valid: ${issuesText(c.error)}.`);
  }

  const annoRaw = jsonEntry(BUNDLE_PATHS.annotations);
  const claimCount = [...bodies.values()].reduce((n, b) => n + b.claims.length, 0);
  if (annoRaw === undefined) {
    if (!entries.has(BUNDLE_PATHS.annotations)) problems.push(`${BUNDLE_PATHS.annotations} is missing.`);
  } else {
    const a = annoRaw as { type?: unknown; total?: unknown };
    if (a.type !== 'AnnotationCollection' || a.total !== claimCount) {
      problems.push(`${BUNDLE_PATHS.annotations} is not an AnnotationCollection of the bundle's ${claimCount} claims.`);
    }
  }
  for (const name of [BUNDLE_PATHS.claimsCsv, BUNDLE_PATHS.reconciliationsCsv, BUNDLE_PATHS.report]) {
    if (!entries.has(name)) problems.push(`${name} is missing.`);
  }

  const counts: BundleCounts = {
    sources: index.sources.length,
    annotations: [...bodies.values()].reduce((n, b) => n + b.annotations.length, 0),
    claims: claimCount,
    events: events.length,
    actors: actors.length,
    decisions: decisions.length,
    reconciliations: reconciliations.length,
    originals: originals.size,
  };
  for (const [k, v] of Object.entries(counts) as Array<[keyof BundleCounts, number]>) {
    if (manifest.counts[k] !== v) problems.push(`manifest.json counts ${manifest.counts[k]} ${k}, but the bundle holds ${v}.`);
  }
  if (problems.length) return { problems, manifest };

  const contents: BundleContents = {
    manifest,
    index,
    sources: index.sources.map((s) => ({ source: s, body: bodies.get(s.id)!, original: originals.get(originalEntry(s))! })),
    events,
    actors,
    decisions,
    reconciliations,
    clashes,
    originals,
    notes,
  };
  return { problems, manifest, contents };
}

/** For `corroborate verify` and the bundles.verify operation: sound or not, and every problem in words. */
export function verifyBundle(bytes: Uint8Array, opts: ReadOptions = {}): VerifyResult {
  const r = inspectBundle(bytes, opts);
  return { ok: r.problems.length === 0 && !!r.contents, problems: r.problems, notes: r.notes, ...(r.manifest ? { manifest: r.manifest } : {}) };
}

/** The bundle's contents, or an INVALID_INPUT error naming the problem (all of them in details.problems). */
export function readBundle(bytes: Uint8Array, opts: ReadOptions = {}): BundleContents {
  const r = inspectBundle(bytes, opts);
  if (r.contents && r.problems.length === 0) return r.contents;
  const problems = r.problems.length ? r.problems : ['The bundle could not be read.'];
  const shown = problems.slice(0, 3);
  const more = problems.length > shown.length ? ` (and ${problems.length - shown.length} more problem${problems.length - shown.length > 1 ? 's' : ''})` : '';
  throw new ApiError('INVALID_INPUT', `This bundle was refused and nothing was imported: ${shown.join(' ')}${more}`, { problems });
}
