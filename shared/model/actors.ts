// Actors and their aliases: 'Kataib Hezbollah', 'Kitaeb Hezbollah' and 'Kata'ib Hezbollah' are one
// actor, and an attribution must count once per actor, not once per spelling.
//
// Rules, and why:
// - Names of the region's armed groups reach English through several transliterations of Arabic
//   and Persian. Those systems disagree mostly about VOWELS (Kataib / Kitaeb, Hezbollah / Hizballah
//   / Hizbullah), about marks for ayn and hamza (Kata'ib, Kata’ib, Kataʼib), about doubled
//   consonants (al-Haq / al-Haqq) and about the article (al- / el- / ash-). So a name's key is a
//   consonant skeleton: diacritics and apostrophes removed, the article dropped, q folded into k,
//   ph into f, vowels dropped (a word-initial vowel kept as one marker so "Asaib" ≠ "Sab"),
//   doubled letters collapsed. This is general; no group is special-cased.
// - A key is evidence of a spelling variant, not proof of identity: the case's actor book (edited by
//   the user: add an alias, merge two actors) decides. `sameActor` says yes when either the keys
//   match or the book lists both names under one actor.
// - Abbreviations ("KH", "PMF") are not guessed from names; they are aliases in the book.
import type { Actor } from './claims.ts';

const APOSTROPHES = /['’‘ʼʻʿʾ`´′]/g;
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Lower-case, no diacritics, no apostrophes or dots, words separated by single spaces. */
export function foldActorName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/\.(?=\S)/g, '') // U.S. → us
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

function skeleton(word: string): string {
  if (/^\d+$/.test(word) || !/^[a-z]+$/.test(word)) return word; // numbers and non-Latin scripts as they are
  let w = word
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/([aeiou])h$/, '$1'); // Hezbollah / Hezbolla
  let out = VOWELS.has(w[0]) && w[0] !== 'y' ? 'a' : '';
  if (out) w = w.replace(/^[aeiouy]+/, '');
  for (const ch of w) {
    if (VOWELS.has(ch)) continue;
    if (out[out.length - 1] !== ch) out += ch;
  }
  return out || word;
}

/**
 * The matching key of an actor's name: spelling variants of one transliterated name share it
 * ("Kata'ib Hezbollah", "Kitaeb Hizballah" → the same key).
 */
export function normaliseActorName(name: string): string {
  const plain = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();
  const allCaps = !/\p{Ll}/u.test(plain);
  const tokens = plain.split(/[\s\u2013\u2014/]+/).filter(Boolean);
  const words: string[] = [];
  for (const raw of tokens) {
    // Abbreviations (U.S., ISIS, KH) are names in their own right: never skeletonised, or "US",
    // "IS" and "ISIS" would all fold together. A short token in capitals (or one with a hyphen or
    // digit: CJTF-OIR) counts as one, unless the whole name is in capitals (KATAIB HEZBOLLAH).
    const letters = raw.replace(/[^\p{L}\p{N}]/gu, '');
    const dotted = /^(?:\p{L}\.){2,}\p{L}?\.?$/u.test(raw);
    const capsToken = /^[\p{Lu}\p{N}-]{2,12}$/u.test(raw) && /\p{Lu}/u.test(raw) && (letters.length <= 5 || /[-\p{N}]/u.test(raw));
    if (letters && (dotted || (capsToken && (!allCaps || tokens.length === 1)))) {
      words.push(`#${letters.toLowerCase()}`);
      continue;
    }
    // the Arabic article, joined by a hyphen and often assimilated: al-, el-, ash-, ad-…
    const w = raw.replace(/^\(?(?:al|el|ul|il|a[dnrstz]|ash|adh|ath|az)[-‐‑](?=\p{L})/iu, '');
    for (const part of foldActorName(w).split(' ')) if (part) words.push(part);
  }
  const kept = words.filter((w, i, all) => !(w === 'al' || w === 'el') && !(i === 0 && w === 'the' && all.length > 1));
  return kept.map((w) => (w.startsWith('#') ? w : skeleton(w))).join(' ');
}

// ---------------------------------------------------------------- the actor book

/** A case's actor list. Plain data (Actor[]), so it is stored and validated like any other record. */
export type ActorBook = Actor[];

export class ActorBookError extends Error {}

const namesOf = (a: Actor) => [a.name, ...a.aliases];

/** Every name key of the book → the actor id that holds it. Build once for many look-ups. */
export function actorIndex(book: ActorBook): Map<string, string> {
  const index = new Map<string, string>();
  for (const a of book) for (const n of namesOf(a)) if (!index.has(normaliseActorName(n))) index.set(normaliseActorName(n), a.id);
  return index;
}

/** The actor a name refers to, by its name or any alias, in any of their spellings; null if none. */
export function findActor(book: ActorBook, name: string): Actor | null {
  const key = normaliseActorName(name);
  if (!key) return null;
  return book.find((a) => namesOf(a).some((n) => normaliseActorName(n) === key)) ?? null;
}

/** True when two names refer to one actor: spelling variants of each other, or listed under one actor. */
export function sameActor(a: string, b: string, book: ActorBook = []): boolean {
  const ka = normaliseActorName(a);
  const kb = normaliseActorName(b);
  if (!ka || !kb) return false;
  if (ka === kb) return true;
  const x = findActor(book, a);
  return x !== null && x.id === findActor(book, b)?.id;
}

/** Adds an actor; refuses one whose name or alias already names another actor (merge them instead). */
export function addActor(book: ActorBook, actor: Actor): ActorBook {
  if (book.some((a) => a.id === actor.id)) throw new ActorBookError(`There is already an actor with the id ${actor.id}.`);
  for (const n of namesOf(actor)) {
    const other = findActor(book, n);
    if (other) throw new ActorBookError(`"${n}" already names ${other.name}; add it as an alias or merge the two.`);
  }
  return [...book, { ...actor, aliases: dedupe(actor.name, actor.aliases) }];
}

/** Adds a spelling or another name to an actor. A spelling it already has is not added twice. */
export function addAlias(book: ActorBook, actorId: string, alias: string): ActorBook {
  const actor = book.find((a) => a.id === actorId);
  if (!actor) throw new ActorBookError(`No actor with the id ${actorId}.`);
  const trimmed = alias.trim();
  if (!trimmed) throw new ActorBookError('An alias cannot be empty.');
  const holder = findActor(book, trimmed);
  if (holder && holder.id !== actorId) throw new ActorBookError(`"${trimmed}" already names ${holder.name}; merge the two actors instead.`);
  if (namesOf(actor).some((n) => foldActorName(n) === foldActorName(trimmed))) return book;
  return book.map((a) => (a.id === actorId ? { ...a, aliases: [...a.aliases, trimmed] } : a));
}

/** Removes an alias (the actor's main name stays). */
export function removeAlias(book: ActorBook, actorId: string, alias: string): ActorBook {
  return book.map((a) => (a.id === actorId ? { ...a, aliases: a.aliases.filter((n) => n !== alias) } : a));
}

/**
 * Merges `dropId` into `keepId`: the kept actor gains the other's name and aliases; the other goes.
 * Claims and events that point at `dropId` must be re-pointed by the caller (`replaceActorId`).
 */
export function mergeActors(book: ActorBook, keepId: string, dropId: string): ActorBook {
  if (keepId === dropId) return book;
  const keep = book.find((a) => a.id === keepId);
  const drop = book.find((a) => a.id === dropId);
  if (!keep || !drop) throw new ActorBookError(`No actor with the id ${!keep ? keepId : dropId}.`);
  const merged: Actor = { ...keep, aliases: dedupe(keep.name, [...keep.aliases, ...namesOf(drop)]) };
  return book.filter((a) => a.id !== dropId).map((a) => (a.id === keepId ? merged : a));
}

/** An id list with one actor id replaced by another, without duplicates (for Event.actorIds after a merge). */
export function replaceActorId(ids: string[], from: string, to: string): string[] {
  const out: string[] = [];
  for (const id of ids.map((i) => (i === from ? to : i))) if (!out.includes(id)) out.push(id);
  return out;
}

function dedupe(name: string, aliases: string[]): string[] {
  const seen = new Set([foldActorName(name)]);
  const out: string[] = [];
  for (const a of aliases) {
    const f = foldActorName(a);
    if (!f || seen.has(f)) continue;
    seen.add(f);
    out.push(a.trim());
  }
  return out;
}

// ---------------------------------------------------------------- starter list

/**
 * A STARTER LIST, offered when a case's actor book is empty, for users to edit: well-known actors in
 * the Iraq–Syria theatre with their common English names and abbreviations. It is a convenience,
 * not a reference; nothing here is authoritative, and a case's own book always wins.
 */
export const STARTER_ACTORS: readonly Actor[] = [
  { id: 'starter-kataib-hezbollah', name: "Kata'ib Hezbollah", aliases: ['KH', 'Hezbollah Brigades'] },
  { id: 'starter-asaib-ahl-al-haq', name: "Asa'ib Ahl al-Haq", aliases: ['AAH', 'League of the Righteous'] },
  { id: 'starter-nujaba', name: 'Harakat Hezbollah al-Nujaba', aliases: ['al-Nujaba', 'HHN'] },
  { id: 'starter-kataib-sayyid-al-shuhada', name: "Kata'ib Sayyid al-Shuhada", aliases: ['KSS'] },
  { id: 'starter-islamic-resistance-in-iraq', name: 'Islamic Resistance in Iraq', aliases: ['IRI'] },
  {
    id: 'starter-pmf',
    name: 'Popular Mobilization Forces',
    aliases: ['PMF', 'Popular Mobilisation Forces', 'PMU', 'Popular Mobilization Units', "al-Hashd al-Sha'bi"],
  },
  { id: 'starter-irgc', name: 'Islamic Revolutionary Guard Corps', aliases: ['IRGC'] },
  { id: 'starter-quds-force', name: 'IRGC Quds Force', aliases: ['Quds Force', 'IRGC-QF'] },
  { id: 'starter-islamic-state', name: 'Islamic State', aliases: ['ISIS', 'ISIL', 'IS', 'Daesh'] },
  { id: 'starter-lebanese-hezbollah', name: 'Hezbollah', aliases: ['Lebanese Hezbollah'] },
  { id: 'starter-houthis', name: 'Houthis', aliases: ['Ansar Allah', 'Ansarallah'] },
  { id: 'starter-isf', name: 'Iraqi Security Forces', aliases: ['ISF'] },
  { id: 'starter-centcom', name: 'U.S. Central Command', aliases: ['CENTCOM', 'United States Central Command'] },
  {
    id: 'starter-cjtf-oir',
    name: 'Combined Joint Task Force – Operation Inherent Resolve',
    aliases: ['CJTF-OIR', 'Operation Inherent Resolve', 'the coalition', 'U.S.-led coalition'],
  },
];
