// Speakers: who a sentence cites ("according to …", "officials said", "said X") and, failing that, who blames or believes.
import { SPEAKER_NOUNS } from '../lexicon.ts';
import { readActorAfter, readNounPhraseBefore } from '../words.ts';
import { DATE_WORD, NEGATED, REFUSED, TIME_ADJUNCT, speakerEnd } from './patterns.ts';

const SPEECH =
  /\b(?:said|says|say|told|stated|states|announced|announces|reported|confirmed|added|noted|wrote|tweeted|cautioned|warned|revealed|explained|insisted|claimed|described|declared)\b/g;
const PRONOUN = /^(?:he|she|they|it|we|i|you|the\s+(?:general|official|spokesman|spokeswoman|minister|secretary))$/i;

/**
 * Who the sentence cites: "according to a coalition statement", "U.S. officials said", "said
 * Defense Secretary Mark Esper", "cautioned a U.S. official". A pronoun sayer ("he said") takes
 * `previous` (the last named speaker in the paragraph).
 */
export function speakerOf(s: string, previous: string | null): string | null {
  // the dot of "U.S." or "U.N." does not end the cited name
  const acc =
    /\baccording to\s+(?:a\s+|an\s+|the\s+)?((?:[^,.;]|\.(?=\S)|(?<=\b[A-Za-z]\.[A-Za-z])\.)+?)(?=\s*(?:[,;]|(?<!\b[A-Za-z]\.[A-Za-z])\.(?:\s|$)|$)|\s+(?:on|in|at|published|released)\s)/i.exec(
      s,
    );
  if (acc && acc[1].split(/\s+/).length <= 10) {
    const cited = MEDIUM.test(acc[1]) ? mediumOwner(s.slice(acc.index + acc[0].length)) : tidy(acc[1]);
    if (cited) return cited;
  }
  for (const m of s.matchAll(SPEECH)) {
    if (/^claimed$/i.test(m[0]) && /^\s+responsibility/i.test(s.slice(m.index + m[0].length))) continue;
    // "The group on Friday said", "officials had earlier said": the sayer is before the gap
    let before = readNounPhraseBefore(s, speakerEnd(s, m.index));
    // "a military official, speaking on condition of anonymity, told": the sayer is before the aside
    const aside = before ? null : /,\s*(?:speaking|who|citing|according|asking|requesting)\b[^,]{0,80},\s*$/i.exec(s.slice(0, m.index));
    if (aside) before = readNounPhraseBefore(s, aside.index);
    // "…, the regional governor, Ivan Petrenko, said" / "…, Oleksandr Starukh, the regional governor, wrote": a name and its
    // title in apposition; the sayer is both, the title first
    const apposed = before ? null : /,\s*([^,;]{2,60}),\s*([^,;]{2,60}),\s*$/.exec(s.slice(0, speakerEnd(s, m.index)));
    if (apposed && SPEAKER_NOUNS.test(apposed[1] + ' ' + apposed[2]) && /\p{Lu}/u.test(apposed[1] + apposed[2])) {
      const [title, name] = SPEAKER_NOUNS.test(apposed[1]) ? [apposed[1], apposed[2]] : [apposed[2], apposed[1]];
      return tidy(`${title.trim()} ${name.trim()}`);
    }
    // "a spokesman for the Taliban said": the sayer is the spokesman, whose group the reader cut off at "for"
    const role =
      before &&
      /(?:^|[\s,;:(])((?:(?:a|an|the)\s+)?(?:[\w.’'-]+\s+){0,2}?(?:spokes(?:man|woman|person)|officials?|members?|leaders?|commanders?|representatives?|head|chief|director)\s+(?:for|of|at|from|with)\s+)$/i.exec(
        s.slice(Math.max(0, before.start - 80), before.start),
      );
    if (before && role) before = { start: before.start - role[1].length, end: before.end, text: role[1] + before.text };
    // "strikes against what US officials said were …": the relative word is not part of the sayer
    let who = (before?.text ?? '').trim().replace(/^(?:what|which|whom|whose|who|where|whatever)\s+/i, '');
    // a date is no sayer, and a phrase ending on an article is no phrase ("This marks the first publicly reported")
    if (DATE_WORD.test(who) || /\b(?:the|an?|this|that|its|their)$/i.test(who)) who = '';
    if (who && PRONOUN.test(who)) return previous ?? null;
    if (who && (SPEAKER_NOUNS.test(who) || /\p{Lu}/u.test(who)) && who.split(/\s+/).length <= 8 && !/^(?:It|This|That|There)$/i.test(who)) return tidy(who);
    // inverted: "…, said Defense Secretary Mark Esper." / "cautioned a U.S. official." / "said a spokesman for the ministry."
    const tail = s.slice(m.index + m[0].length).replace(/[.”"’\s]+$/, '');
    const words = tail.trim().split(/\s+/);
    if (
      /^\s+\S/.test(tail) &&
      !tail.includes(',') &&
      words.length <= 8 &&
      (SPEAKER_NOUNS.test(tail) || /^\p{Lu}/u.test(words[0]) || /^(?:a|an|the)\s+\S/i.test(tail.trim()))
    ) {
      const who2 = tail
        .trim()
        .replace(/\s+(?:in|on|at)\s+(?:a|an|the)\s+(?:statement|briefing|interview|hearing|news conference|press conference)\b.*$/i, '')
        .replace(/\s+(?:on|late|early)\s+\p{Lu}\w+day\b.*$/u, '');
      if ((SPEAKER_NOUNS.test(who2) || /^\p{Lu}/u.test(who2)) && !DATE_WORD.test(who2)) return tidy(who2);
    }
  }
  return attributorOf(s);
}

// A medium names no speaker by itself ("according to a post", "according to a new video"); its
// owner does ("a post on the group's Telegram account" → the group's Telegram account).
const MEDIUM =
  /^(?:(?:new|online|brief|short|written|separate|joint|later|earlier|official|recent|video|audio)\s+)?(?:post(?:ing)?s?|statements?|videos?|messages?|communiqu[eé]s?|recordings?|tweets?|releases?|notices?|audio)$/i;
// A platform or a pronoun's page is where a medium appeared, not whose it is.
const PLATFORM =
  /^(?:(?:its|their|his|her)\b.*|(?:the\s+)?(?:Telegram|Twitter|X|Facebook|YouTube|Instagram|TikTok|WhatsApp|social\s+media|the\s+internet|(?:a|the)\s+(?:website|channel|messaging\s+app))(?:\s+(?:channel|account|page|app))?)$/i;
function mediumOwner(rest: string): string | null {
  const m =
    /^\s+(?:on|in|from|by|of|(?:posted|published|released|issued|shared)\s+(?:on|to|by|in))\s+((?:[^,.;]|\.(?=\S))+?)(?=\s*(?:[,;]|\.(?:\s|$)|$))/i.exec(rest);
  const owner = m?.[1].trim();
  if (!owner || owner.split(/\s+/).length > 8 || PLATFORM.test(owner)) return null;
  // "published by the Fars news agency on Thursday": the time is not part of the owner
  return tidy(owner.replace(new RegExp(`\\s+${TIME_ADJUNCT}$`, 'i'), ''));
}

/**
 * With no verb of saying, whoever blames, accuses or believes is the one cited: the by-agent of a
 * passive ("X was blamed by the U.S. for …" → U.S.) or the subject of an active blame or belief
 * ("Washington believes X was behind …" → Washington; "Police blamed X for …" → Police).
 */
function attributorOf(s: string): string | null {
  const agent = /\b(?:blamed|accused|held\s+responsible|believed|suspected|thought)\s+by\s+/i.exec(s);
  if (agent) {
    const read = readActorAfter(s, agent.index + agent[0].length, 8);
    const who = read?.text.replace(/\s+(?:of|for|to|in)\b.*$/i, '').trim();
    if (who && (SPEAKER_NOUNS.test(who) || /^(?:the\s+)?\p{Lu}/u.test(who))) return tidy(who);
  }
  // the bare verb counts after a raising verb ("had initially appeared to blame"); a finding's
  // evidence speaks too ("assessments indicated that X was …")
  for (const m of s.matchAll(
    /\b(?:blamed|blames|blame|accused|accuses|accuse|(?:put|puts|placed|places|laid|lays|pinned|pins)\s+(?:the\s+)?blame|believe[sd]?|thinks|thought|suspect(?:s|ed)?|assess(?:es|ed)|conclude[sd]|indicat(?:es|ed)|suggest(?:s|ed))\s+(?!by\b|for\b|of\b|to\b|in\b|as\b|responsible\b|behind\b)/gi,
  )) {
    // "Washington has long suspected", "the ministry on Friday blamed": the subject is before the
    // auxiliaries, adverbs and time
    if (NEGATED.test(s.slice(Math.max(0, m.index - 30), m.index)) || REFUSED.test(s.slice(Math.max(0, m.index - 40), m.index))) continue;
    const before = readNounPhraseBefore(s, speakerEnd(s, m.index));
    // "attacks Washington has blamed on …": a relative clause without "that"; the name is the sayer
    // "told VOA the U.S. believes": an article inside the phrase starts the believer
    const whole = (before?.text.trim() ?? '').replace(/^(?:\p{Ll}[\p{L}-]*\s+)+(?=\p{Lu})/u, '');
    const inner = /^(?:.*\s)?(?<!\b(?:of|in|and|&)\s)(?=(?:the|an?)\s)/i.exec(whole);
    const who = inner && inner[0] ? whole.slice(inner[0].length) : whole;
    if (!who || PRONOUN.test(who) || DATE_WORD.test(who) || who.split(/\s+/).length > 8 || /^(?:It|This|That|There|an?|the|some|one)$/i.test(who)) continue;
    if (
      /\b(?:believe|think|thought|suspect|assess|conclude|indicat|suggest)/i.test(m[0]) &&
      !/^(?:that\s+)?[^;:]{1,120}?\s(?:was|were|is|are|had|has|have|would|could|may|might)\b/i.test(s.slice(m.index + m[0].length))
    )
      continue;
    if (SPEAKER_NOUNS.test(who) || /^(?:the\s+)?\p{Lu}/u.test(who)) return tidy(who);
  }
  return null;
}

const tidy = (w: string) =>
  w
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/[“”"]+/g, '')
    .trim();
