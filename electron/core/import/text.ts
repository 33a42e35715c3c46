// Plain-text import: decode the bytes faithfully, refuse what is not text, and keep the content as
// written (only whitespace is canonicalised: a .txt file's "furniture" may be what the user wants).
import { ApiError } from '../../../shared/errors.ts';
import { formatBytes } from '../../../shared/limits.ts';
import type { PageRange } from '../../../shared/model/source.ts';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | string;
  warnings: string[];
}

/** What a file is, from its first bytes, when its content says so unmistakably. */
export function sniffFormat(bytes: Uint8Array): 'pdf' | 'html' | 'png' | 'jpeg' | 'gif' | 'zip' | 'gzip' | 'exe' | 'ole' | 'webp' | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  // "%PDF-" may follow a little junk; readers accept it within the first 1024 bytes.
  const head = latin1(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (starts(0x1f, 0x8b)) return 'gzip';
  if (starts(0x4d, 0x5a)) return 'exe';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'ole';
  if (starts(0x52, 0x49, 0x46, 0x46) && latin1(bytes.subarray(8, 12)) === 'WEBP') return 'webp';
  if (/^\s*(<!doctype html|<html[\s>])/i.test(head.replace(/^\uFEFF|^\xEF\xBB\xBF/, ''))) return 'html';
  return null;
}

const BINARY_NAMES: Record<string, string> = {
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  webp: 'a WebP image',
  zip: 'a ZIP archive (or a Word/OpenDocument file)',
  gzip: 'a compressed (gzip) file',
  exe: 'a program (executable)',
  ole: 'an old Microsoft Office document',
};

export function describeBinary(kind: string | null): string | null {
  return kind ? (BINARY_NAMES[kind] ?? null) : null;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** UTF-16 without a BOM shows as NULs in every other byte of ASCII-range text. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Bytes to a string: a BOM decides (UTF-8, UTF-16LE/BE); else strict UTF-8; else the declared
 * charset if the caller found one (HTML); else Windows-1252, which every byte sequence decodes as.
 */
export function decodeBytes(bytes: Uint8Array, name: string, declared?: string | null): Decoded {
  const warnings: string[] = [];
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8', warnings };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le', warnings };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be', warnings };
  const sixteen = utf16WithoutBom(b);
  if (sixteen) {
    warnings.push(`${name} has no byte-order mark but looks like ${sixteen.toUpperCase()} text; it was read as such.`);
    return { text: new TextDecoder(sixteen).decode(b), encoding: sixteen, warnings };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(b), encoding: 'utf-8', warnings };
  } catch {
    // not strict UTF-8: mostly UTF-8 with a few bad bytes, or another charset altogether
  }
  const mostly = mostlyUtf8(b);
  if (mostly) {
    warnings.push(
      `${name} is UTF-8 with ${mostly.invalid === 1 ? 'one invalid byte sequence' : `${mostly.invalid} invalid byte sequences`}; ${mostly.invalid === 1 ? 'it was' : 'they were'} kept as the replacement character � (search the text for it to see where).`,
    );
    return { text: mostly.text, encoding: 'utf-8', warnings };
  }
  if (declared && !/^utf-?8$/i.test(declared)) {
    try {
      const label = declared.toLowerCase();
      if (/^(windows-1252|cp1252|iso-8859-1|latin1|l1|us-ascii|ascii|iso8859-1)$/.test(label))
        return { text: decodeWindows1252(b), encoding: 'windows-1252', warnings };
      return { text: new TextDecoder(declared).decode(b), encoding: label, warnings };
    } catch {
      warnings.push(`${name} declares the character set "${declared}", which Corroborate does not know.`);
    }
  }
  warnings.push(`${name} is not valid UTF-8; it was read as Windows-1252 (Western European). Check accented letters and quotes.`);
  return { text: decodeWindows1252(b), encoding: 'windows-1252', warnings };
}

/**
 * UTF-8 with a few invalid bytes (a file cut and pasted together, one stray Windows-1252 quote) stays
 * UTF-8: each invalid sequence becomes U+FFFD. It counts as UTF-8 when its valid multi-byte sequences
 * outnumber its invalid ones: Windows-1252 text almost never forms valid UTF-8 sequences by chance.
 */
export function mostlyUtf8(bytes: Uint8Array): { text: string; invalid: number } | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  let replaced = 0;
  let multibyte = 0;
  for (const ch of text) {
    if (ch === '\uFFFD') replaced++;
    else if (ch.codePointAt(0)! >= 0x80) multibyte++;
  }
  // A U+FFFD the file itself encodes (EF BF BD) is a character, not a decoding failure.
  let encoded = 0;
  for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) encoded++;
  const invalid = replaced - encoded;
  if (invalid <= 0 || multibyte < invalid * 2) return null;
  return { text, invalid };
}

// 0x80–0x9F in Windows-1252 (the rest is Latin-1). Spelled out because some Node releases decode
// the "windows-1252" label as plain Latin-1, turning curly quotes and dashes into C1 controls.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Refuses binary content that happens to decode: NUL bytes, or many control characters. */
export function assertTextual(text: string, name: string, bytes: number): void {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  let controls = 0;
  let replaced = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) throw binary(name, bytes);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c <= 0x9f)) controls++;
    else if (c === 0xfffd) replaced++;
  }
  if (sample.length > 0 && (controls + replaced) / sample.length > 0.05) throw binary(name, bytes);
}

const binary = (name: string, bytes: number) =>
  new ApiError(
    'BINARY_FILE',
    `${name} (${formatBytes(bytes)}) does not contain readable text: it looks like a binary file with a text name. Open it in the program that made it and save or export it as plain text, HTML or PDF, then import that.`,
    { name },
  );

/** Decodes a plain-text file and checks it is text. Canonicalisation happens in the caller. */
export function readTextFile(name: string, bytes: Uint8Array): Decoded {
  const what = describeBinary(sniffFormat(bytes));
  if (what) throw new ApiError('BINARY_FILE', `${name} is ${what}, not text. Corroborate imports plain text, HTML and PDF files.`, { name });
  const decoded = decodeBytes(bytes, name);
  assertTextual(decoded.text, name, bytes.length);
  return decoded;
}

/**
 * A text file's pages: a form feed (what pdftotext and line printers write between pages) is a page
 * break, so the text keeps its pages as a PDF's does (one blank line between them, exact ranges).
 * Without a form feed there are no pages.
 */
export function textPages(decoded: string, canonical: (s: string) => string): { text: string; pages: PageRange[] | null } {
  if (!decoded.includes('\f')) return { text: canonical(decoded), pages: null };
  const parts = decoded.split('\f');
  // A trailing form feed ends the last page; it does not start an empty one.
  if (parts.length > 1 && !parts[parts.length - 1].trim()) parts.pop();
  let text = '';
  const pages = parts.map((raw, i) => {
    const t = canonical(raw);
    if (!t) return { page: i + 1, start: text.length, end: text.length };
    if (text) text += '\n\n';
    const start = text.length;
    text += t;
    return { page: i + 1, start, end: text.length };
  });
  return { text, pages };
}
