// Names in a source: wire agencies and their credit patterns, person and outlet names, and "By …" bylines.
import type { Published } from './source.ts';
import { findDate, WEEKDAY } from './datelines.ts';

const WIRES: { name: string; forms: string[] }[] = [
  { name: 'Reuters', forms: ['Reuters', 'REUTERS', 'Thomson Reuters'] },
  { name: 'Associated Press', forms: ['Associated Press', 'AP'] },
  { name: 'AFP', forms: ['AFP', 'Agence France-Presse', 'Agence France Presse'] },
  { name: 'Bloomberg', forms: ['Bloomberg', 'BLOOMBERG'] },
  { name: 'dpa', forms: ['dpa', 'DPA'] },
  { name: 'PTI', forms: ['PTI', 'Press Trust of India'] },
  { name: 'ANI', forms: ['ANI'] },
  { name: 'IANS', forms: ['IANS'] },
  { name: 'UPI', forms: ['UPI', 'United Press International'] },
  { name: 'Xinhua', forms: ['Xinhua', 'XINHUA'] },
  { name: 'EFE', forms: ['EFE', 'Agencia EFE'] },
  { name: 'ANSA', forms: ['ANSA'] },
  { name: 'Kyodo', forms: ['Kyodo', 'Kyodo News'] },
  { name: 'Yonhap', forms: ['Yonhap'] },
  { name: 'Anadolu Agency', forms: ['Anadolu Agency', 'Anadolu'] },
  { name: 'TASS', forms: ['TASS', 'Tass'] },
  { name: 'Interfax', forms: ['Interfax'] },
];
const WIRE_FORMS = WIRES.flatMap((w) => w.forms).sort((a, b) => b.length - a.length);
const WIRE_ALT = WIRE_FORMS.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

// Wire credits, in the forms agencies and the sites that republish them use.
export const WIRE_CREDIT_LINE = new RegExp(`^(?:source|sources|credit|credits|via|courtesy(?: of)?)\\s*:?\\s*(${WIRE_ALT})\\b`, 'i');
export const WIRE_DATELINE = new RegExp(`\\((${WIRE_ALT})\\)\\s*[-–—]`);
export const WIRE_SIGN_OFF = new RegExp(`(?:\\s-|[–—])\\s*(${WIRE_ALT})\\s*\\.?$`);
export const WIRE_INPUTS = new RegExp(`^\\(?\\s*with (?:inputs|input|reporting) from (${WIRE_ALT})\\b`, 'i');
export const WIRE_ALONE = new RegExp(`^[-–—]?\\s*(${WIRE_ALT})\\s*$`);

/** The wire's canonical name if s is exactly one of its forms (case matters: "AP" is, "ap" is not). */
export function wireName(s: string): string | null {
  const t = s.trim().replace(/\s+(L\.P\.|LP|Ltd\.?|Inc\.?)$/, '');
  return WIRES.find((w) => w.forms.includes(t))?.name ?? null;
}

const ORG_WORD =
  /\b(Post|Times|News|Press|Journal|Herald|Tribune|Gazette|Guardian|Telegraph|Agency|Media|Network|Broadcasting|Radio|TV|Television|Magazine|Review|Daily|Weekly|Chronicle|Observer|Independent|Monitor|Standard|Express|Mail|Mirror|Star|Sun|Project|Institute|Center|Centre|Group|Staff|Desk|Bureau|Correspondent|Reporter|Editor|Editors|Team|Service|Wire|Online|Digital|Today)\b/;
const NAME_PARTICLE = /^(de|del|della|di|da|van|von|der|den|du|la|le|al|el|bin|ibn|abu|ben|y|e|st\.?|Jr\.?|Sr\.?|II|III|IV)$/;

/** "Dan Lamothe", "Louisa Loveluck", "Ali al-Hashimi", "María José García": 2–5 name tokens. */
export function looksLikePersonName(s: string): boolean {
  const tokens = s.trim().split(/\s+/);
  if (tokens.length < 2 || tokens.length > 5 || s.length > 60) return false;
  if (/^(The|A|An|Our|Staff|By)$/i.test(tokens[0]) || ORG_WORD.test(s) || wireName(s)) return false;
  return tokens.every((t) => NAME_PARTICLE.test(t) || /^[\p{Lu}][\p{L}'’.-]*$/u.test(t) || /^[\p{Ll}]{1,3}-[\p{Lu}][\p{L}'’-]*$/u.test(t));
}

/** A short title-cased name: an outlet such as "The Washington Post", "ThePrint", "Clarion Project". */
export function looksLikeOrgName(s: string): boolean {
  const t = s.trim();
  if (t.length < 2 || t.length > 60 || /[:;!?@/]|https?|\d{3,}/.test(t)) return false;
  const tokens = t.split(/\s+/);
  if (tokens.length > 6) return false;
  return tokens.every((w) => /^[\p{Lu}\d][\p{L}\d'’.&-]*$/u.test(w) || /^(of|for|the|and|&|de|du|la|el|al)$/i.test(w));
}

const GENERIC_BYLINE =
  /^(staff|admin|administrator|editor|editors|editorial|editorial (board|team)|news ?desk|web ?desk|desk|team|(our|a) (correspondent|reporter)|staff (writer|reporter)|correspondent|guest|anonymous)$/i;
const SECTIONS = /^[\p{Lu}\d\s,/&-]+$/u; // "NATIONAL, WORLD, NATIONAL-SECURITY"

export interface Byline {
  outlet: string | null;
  wire: string | null;
  authors: string[];
  date: Published | null;
}

/** Parses "By <Outlet> · <A>, <B> · SECTIONS", "By A and B | March 13, 2020", "By Reuters". */
export function parseByline(raw: string): Byline | null {
  const m = /^(?:(?:written|posted|reported)\s+)?by[:\s]\s*(.+)$/i.exec(raw.trim());
  const body = m ? m[1] : raw.trim();
  if (body.length > 250) return null;
  const out: Byline = { outlet: null, wire: null, authors: [], date: null };
  for (const part of body.split(/\s+[·|•]\s+|\s+[—–]\s+/)) {
    let p = part.trim().replace(/[,;]$/, '');
    const date = findDate(p);
    if (date) {
      out.date ??= date.published;
      // "Jane Roe on March 3, 2022": the names before the date still count.
      p = date.rest
        .replace(WEEKDAY, ' ')
        .replace(/\b(published|posted|updated|on|at)\b/gi, ' ')
        .replace(/[\s,;|·:-]+$/, '')
        .trim();
    }
    if (!p || /^[\d\s:.,apmAPM]*$/.test(p)) continue;
    const wire = wireName(p);
    if (wire) {
      out.wire ??= wire;
      continue;
    }
    const items = p.split(/\s*,\s*|\s*;\s*|\s+and\s+|\s*&\s*/).filter(Boolean);
    if (items.length && items.every(looksLikePersonName)) {
      out.authors.push(...items);
      continue;
    }
    if (SECTIONS.test(p) && p.includes(',')) continue;
    // A mixed part: "Jane Roe, Reuters", "Jane Roe, Daily Courier".
    for (const item of items) {
      const wire = wireName(item);
      if (wire) out.wire ??= wire;
      else if (looksLikePersonName(item)) out.authors.push(item);
      else if (
        !out.outlet &&
        looksLikeOrgName(item) &&
        !GENERIC_BYLINE.test(item) &&
        (items.length === 1 || !SECTIONS.test(item)) &&
        (ORG_WORD.test(item) || /^The\s/.test(item) || /\p{Ll}\p{Lu}/u.test(item) || items.length === 1)
      )
        out.outlet = item;
    }
  }
  return out.outlet || out.wire || out.authors.length || out.date ? out : null;
}
