// Test support only (ajv is a dev dependency): runs the W3C Web Annotation test suite's MUST
// assertions (../shared/w3c-annotation-schemas) on a collection we exported, the way the suite's
// own harness does: every assertion is a draft-04 JSON Schema with an expected result.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

export const W3C_SCHEMAS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/w3c-annotation-schemas');

interface AjvLike {
  addSchema(schema: object): unknown;
  getSchema(id: string): ((d: unknown) => boolean | Promise<unknown>) | undefined;
  compile(schema: object): (d: unknown) => boolean | Promise<unknown>;
}

interface Assertion {
  file: string;
  expected: 'valid' | 'invalid';
  message: string;
  validate: (data: unknown) => boolean;
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

let suite: { annotation: Assertion[]; collection: Assertion[]; page: Assertion[] } | null = null;

function load() {
  if (suite) return suite;
  // ajv-draft-04 is CommonJS: its default export may arrive wrapped.
  const AjvCtor = ((Ajv04 as unknown as { default?: unknown }).default ?? Ajv04) as unknown as new (opts: object) => AjvLike;
  const formats = ((addFormats as unknown as { default?: unknown }).default ?? addFormats) as unknown as (ajv: AjvLike) => void;
  const ajv = new AjvCtor({ strict: false, allErrors: true, validateSchema: false });
  formats(ajv);
  const defs = path.join(W3C_SCHEMAS_DIR, 'definitions');
  for (const f of readdirSync(defs).filter((x) => x.endsWith('.json'))) ajv.addSchema(readJson(path.join(defs, f)));
  const compileList = (testFile: string): Assertion[] => {
    const list = readJson(path.join(W3C_SCHEMAS_DIR, testFile)).assertions as string[];
    return list.map((rel) => {
      const schema = readJson(path.join(W3C_SCHEMAS_DIR, rel));
      // Assertion ids are bare file names; compile each once (ajv keys schemas by id).
      const validate = ajv.getSchema(schema.id as string) ?? ajv.compile(schema);
      return {
        file: rel,
        expected: (schema.expectedResult as 'valid' | 'invalid') ?? 'valid',
        message: String(schema.errorMessage ?? rel),
        validate: (d: unknown) => validate(d) as boolean,
      };
    });
  };
  suite = {
    annotation: compileList('annotations/annotationMusts.test'),
    collection: compileList('collections/collectionMusts.test'),
    page: compileList('collections/pages/pageMusts.test'),
  };
  return suite;
}

const failures = (list: Assertion[], data: unknown, label: string): string[] =>
  list.filter((a) => a.validate(data) !== (a.expected === 'valid')).map((a) => `${label}: ${a.file}: ${a.message}`);

/**
 * Every MUST failure of the collection, its embedded page and each annotation, in words. Embedded
 * items inherit the collection's @context (as the suite's README says), so it is added before
 * checking them one by one.
 */
export function w3cMustFailures(collection: Record<string, unknown>): { failures: string[]; annotations: number } {
  const s = load();
  const out = failures(s.collection, collection, 'collection');
  const context = collection['@context'];
  const page = collection.first as Record<string, unknown> | undefined;
  let count = 0;
  if (page && typeof page === 'object') {
    out.push(...failures(s.page, { '@context': context, ...page }, 'page'));
    const items = Array.isArray(page.items) ? (page.items as Record<string, unknown>[]) : [];
    for (const item of items) {
      count++;
      out.push(...failures(s.annotation, { '@context': context, ...item }, `annotation ${String(item.id)}`));
    }
  }
  return { failures: out, annotations: count };
}

/** The suite's own sample annotations, to prove the harness tells right from wrong. */
export function w3cSamples(kind: 'correct' | 'incorrect'): Array<{ name: string; data: Record<string, unknown> | null }> {
  const dir = path.join(W3C_SCHEMAS_DIR, 'tools', 'samples', kind);
  const parse = (f: string) => {
    try {
      return readJson(path.join(dir, f));
    } catch {
      return null; // some incorrect samples are not JSON at all
    }
  };
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ name: f, data: parse(f) }));
}

export function w3cAnnotationFailures(annotation: unknown): string[] {
  return failures(load().annotation, annotation, 'annotation');
}
