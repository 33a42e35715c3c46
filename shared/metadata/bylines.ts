// Names in a source: wire agencies and their credit patterns, person and outlet names, and "By …" bylines.
import type { Published } from '../model/source.ts';
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
  // Arabic and Hebrew have no capitals: a name there is 2–5 words of the script.
  if (tokens.every((t) => /^[\p{Script=Arabic}\p{Script=Hebrew}]{2,}$/u.test(t))) return true;
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

/**
 * "By", in the languages of the news: English, French (Par), Spanish and Portuguese (Por), German
 * (Von), Arabic (بقلم, كتب). A verb may come first ("Written by"). Not Italian "Di" or Dutch "De": they begin surnames.
 */
export const BY_PREFIX =
  /^(?:(?:written|posted|reported|text|story|words|texte|texto|escrito|geschrieben)\s+)?(?:by|par|por|von|بقلم|كتبه|كتبت|كتب)(?:[:\s]\s*|(?=@))/iu;
/** Credits that name someone other than an author: editors, photographers, translators. */
const OTHER_CREDIT =
  /(?:^|[\s,;|·•])(?:edited|photos?|photographs?|photography|pictures|illustrations?|graphics|video|translated|translation|design|data|additional reporting|fact-checked|reviewed)(?:\s+and\s+\w+)?\s+(?:by|par|por|von)\b[\s\S]*$/iu;
/** "and" between names: English, French, Spanish, German, Scandinavian, Arabic. */
const AND = /\s*,\s*|\s*;\s*|\s+(?:and|et|y|und|og|och|و)\s+|\s*&\s*/u;
/** A role after a name ("Jane Roe, Senior Correspondent", "Jane Roe Middle East Editor"). */
const ROLE =
  /^(?:(?:senior|chief|staff|special|foreign|political|defen[cs]e|security|science|health|international|diplomatic|investigations?|national|regional|local|middle east|africa|europe|asia|world|news|sports?|business|deputy|associate|managing|contributing|guest|freelance)\s+){0,3}(?:correspondent|reporter|writer|editor|contributor|columnist|analyst|journalist|producer|photographer|technologist|envoy|bureau chief)s?$/i;

/** A byline as one line: its line breaks become separators, except where a name list runs on ("By Jane Roe and" / "John Doe"). */
function bylineLines(raw: string): string {
  const lines = raw
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean);
  let out = '';
  for (const l of lines) {
    if (!out) out = l;
    else if (/(?:,|\b(?:and|et|y|und|by|par|por|von))$/i.test(out) || /^(?:and|et|y|und|&)\b/i.test(l)) out += ' ' + l;
    else out += ' · ' + l;
  }
  return out;
}

/** Parses "By <Outlet> · <A>, <B> · SECTIONS", "By A and B | March 13, 2020", "Par A et B", "By @handle", "By Reuters". */
export function parseByline(raw: string): Byline | null {
  const one = bylineLines(raw.replace(OTHER_CREDIT, ''))
    // "(http://…)" after a name says where to find them, not who they are; "(avec X et Y)" names co-authors.
    .replace(/\s*\((?:https?:|www\.)[^)]*\)/gi, '')
    .replace(/\s*\((?:avec|with|con|mit|com)\s+([^)]+)\)/gi, ', $1')
    .trim();
  const m = BY_PREFIX.exec(one);
  const body = m ? one.slice(m[0].length) : one;
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
    const items = p
      .split(AND)
      .map((i) => i.replace(/^(?:(?:and|et|y|und)\s+)/i, '').trim())
      .filter(Boolean);
    // "@handle": the name the author writes under.
    const handle = (i: string) => (/^@[\p{L}\d_.]{2,30}$/u.test(i) ? i.slice(1) : null);
    const named = items.map((i) => handle(i) ?? withoutRole(i));
    if (named.length && named.every((i, k) => handle(items[k]) !== null || looksLikePersonName(i))) {
      out.authors.push(...named);
      continue;
    }
    if (SECTIONS.test(p) && p.includes(',')) continue;
    // A mixed part: "Jane Roe, Reuters", "Jane Roe, Daily Courier", "Jane Roe, Senior Technologist, ACLU Speech, Privacy…":
    // after a role or an affiliation, capitalised words name the organisation, not more authors.
    let affiliation = false;
    for (const raw of items) {
      const item = withoutRole(raw);
      const wire = wireName(item);
      if (wire) out.wire ??= wire;
      else if (!item || ROLE.test(raw)) affiliation = true;
      else if (looksLikePersonName(item) && !affiliation) out.authors.push(item);
      else if (
        !out.outlet &&
        looksLikeOrgName(item) &&
        !GENERIC_BYLINE.test(item) &&
        (items.length === 1 || !SECTIONS.test(item)) &&
        (ORG_WORD.test(item) || /^The\s/.test(item) || /\p{Ll}\p{Lu}/u.test(item) || items.length === 1)
      )
        out.outlet = item;
      else if (out.authors.length) affiliation = true;
    }
  }
  return out.outlet || out.wire || out.authors.length || out.date ? out : null;
}

/** "Jane Roe Senior Correspondent" → "Jane Roe"; a role alone → "". */
function withoutRole(item: string): string {
  if (ROLE.test(item)) return '';
  const tokens = item.split(/\s+/);
  for (let k = 2; k < tokens.length; k++) if (ROLE.test(tokens.slice(k).join(' '))) return tokens.slice(0, k).join(' ');
  return item;
}
