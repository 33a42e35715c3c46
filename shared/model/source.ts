// The Source record: one imported document's metadata. Its text lives in its own file (see store).
import { z } from 'zod';
import { PageRange } from '../text/pages.ts';

export const Confidence = z.enum(['high', 'medium', 'low', 'none']);
export type Confidence = z.infer<typeof Confidence>;

/** A metadata value as the app found it: how sure it is, and where it came from ("user" once corrected). */
const found = <T extends z.ZodType>(value: T) =>
  z.object({
    value,
    confidence: Confidence,
    how: z.string().max(500),
  });

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
export const DatePrecision = z.enum(['day', 'month', 'year']);

export const Published = z.object({
  date: IsoDate.nullable(),
  precision: DatePrecision.nullable(),
  time: z
    .string()
    .regex(/^\d{2}:\d{2}(:\d{2})?$/)
    .nullable()
    .optional(),
  timezone: z.string().max(64).nullable().optional(),
});
export type Published = z.infer<typeof Published>;

export const SourceKind = z.enum(['text', 'html', 'pdf', 'pasted']);
export type SourceKind = z.infer<typeof SourceKind>;

export { PageRange };

export const FoundTitle = found(z.string().max(1000).nullable());
export const FoundOutlet = found(z.string().max(300).nullable());
export const FoundAuthors = found(z.array(z.string().max(200)).max(50));
export const FoundPublished = found(Published);

/** The parts of a source that name files in a case folder; each one a constrained schema (see store/case-path.ts). */
export const SourceId = z.string().regex(/^s_[a-z0-9]{6,32}$/, 'a source id (s_ and 6 to 32 lowercase letters or digits)');
export const Sha256 = z.string().regex(/^[a-f0-9]{64}$/, 'a sha256 (64 lowercase hex digits)');
export const OriginalExt = z.string().regex(/^[a-z0-9]{1,10}$/, 'a file extension (1 to 10 lowercase letters or digits)');

export const Source = z.object({
  id: SourceId,
  kind: SourceKind,
  file: z.string().max(1000).nullable(),
  sha256: Sha256,
  originalExt: OriginalExt,
  bytes: z.number().int().nonnegative(),
  importedAt: z.string(),
  title: FoundTitle,
  outlet: FoundOutlet,
  authors: FoundAuthors,
  published: FoundPublished,
  url: z.string().max(4000).nullable(),
  language: z.string().max(20).nullable(),
  direction: z.enum(['ltr', 'rtl']),
  independenceGroup: z.string().max(300).nullable(),
  notes: z.string().max(100_000),
  characters: z.number().int().nonnegative(),
  pages: z.array(PageRange).nullable(),
  warnings: z.array(z.string().max(1000)),
  /** When the kept original was last read again with the rules of the day (sources.reimport); its text is that reading. */
  reimportedAt: z.string().optional(),
  /** Earlier versions of the file this source was replaced from; their originals stay in the case. */
  previousVersions: z.array(z.object({ sha256: Sha256, originalExt: OriginalExt, bytes: z.number().int(), replacedAt: z.string() })).optional(),
});
export type Source = z.infer<typeof Source>;

/** What a user may correct by hand. A corrected field gets confidence "high" and how "user". */
export const SourcePatch = z
  .object({
    title: z.string().trim().max(1000).nullable(),
    outlet: z.string().trim().max(300).nullable(),
    authors: z.array(z.string().trim().min(1).max(200)).max(50),
    published: Published,
    url: z.string().trim().max(4000).nullable(),
    independenceGroup: z.string().trim().max(300).nullable(),
    notes: z.string().max(100_000),
  })
  .partial();
export type SourcePatch = z.infer<typeof SourcePatch>;

/** The per-source file: the canonical text and everything anchored to it. */
export const SourceBody = z.object({
  id: Source.shape.id,
  text: z.string(),
  annotations: z.array(z.unknown()),
  claims: z.array(z.unknown()),
  /** Keys of claim suggestions the user rejected: never proposed again for this text. */
  rejectedSuggestions: z.array(z.string().max(200)).max(100_000).optional(),
});
export type SourceBody = z.infer<typeof SourceBody>;
