// The one place a path inside a case folder is built from record data (a source id, a sha256, a file
// extension). Every such value may come from a bundle someone else made, so each is checked against
// its schema and the result is confirmed to stay inside the case folder; a bad value is refused with
// a sentence naming it, never joined into a path.
import path from 'node:path';
import { OriginalExt, Sha256, SourceId } from '../../../shared/model/source.ts';
import { ApiError } from '../../../shared/errors.ts';

export type CaseFile = { kind: 'body'; sourceId: string } | { kind: 'body-backups'; sourceId: string } | { kind: 'original'; sha256: string; ext: string };

const show = (v: unknown) => JSON.stringify(typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}…` : v);

function checked(schema: typeof SourceId, value: unknown, what: string): string {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new ApiError(
      'INVALID_INPUT',
      `Refused ${show(value)} as ${what}: it must be ${r.error.issues[0]?.message ?? 'well formed'}. Nothing was read or written.`,
    );
  return r.data;
}

/** The path of `file` inside the case folder `dir`; throws INVALID_INPUT for any value that is not what its schema allows. */
export function caseFilePath(dir: string, file: CaseFile): string {
  const root = path.resolve(dir);
  let rel: string[];
  switch (file.kind) {
    case 'body':
      rel = ['sources', `${checked(SourceId, file.sourceId, 'a source id')}.json`];
      break;
    case 'body-backups':
      rel = ['backups', 'sources', checked(SourceId, file.sourceId, 'a source id')];
      break;
    case 'original':
      rel = ['originals', `${checked(Sha256, file.sha256, 'the sha256 of an original')}.${checked(OriginalExt, file.ext, 'the extension of an original')}`];
      break;
  }
  const out = path.resolve(root, ...rel);
  // The schemas already rule out separators and dots; this is the belt to their braces.
  if (!out.startsWith(root + path.sep)) throw new ApiError('INVALID_INPUT', `Refused a path outside the case folder (${show(rel.join('/'))}).`);
  return out;
}
