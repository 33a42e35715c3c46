// Attribution rules of blame: "blamed the attack on X", "accused X of …", "held X responsible",
// "attributed to X" and the passive ("X was blamed by the U.S. for …"): stance accused. Called by attribution.ts.
import { readActorAfter } from '../words.ts';
import { ATTACK, HARM, NEGATED, OBJECT, REFUSED, type Runners, subjectBefore } from './patterns.ts';

/** Accusations in one sentence, added through the runners. */
export function blameRules(s: string, { add, afterRule }: Runners): void {
  // accused
  if (/\bblam/i.test(s))
    afterRule(
      new RegExp(`\\b(?:blamed|blames|blame|blaming)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?${ATTACK}\\s+on\\s+`, 'gi'),
      'accused',
      'attribution/blamed-on',
      0.85,
    );
  if (/\bblam/i.test(s)) afterRule(new RegExp(`\\b(?:was|were|is|are|been)\\s+blamed\\s+on\\s+`, 'gi'), 'accused', 'attribution/blamed-on', 0.85);
  // "a string of attacks (that) Washington has blamed on X": the attack is the relative's gap
  if (/\bblam/i.test(s)) afterRule(/\bblamed\s+on\s+/gi, 'accused', 'attribution/blamed-on', 0.8);
  // "placed the blame (for the attack) squarely on X"
  if (/\bblame\b/i.test(s))
    afterRule(
      new RegExp(
        `\\b(?:put|puts|putting|placed|places|placing|laid|lays|laying|pinned|pins|pinning)\\s+(?:the\\s+)?blame\\s+(?:for\\s+${OBJECT}\\s+)?(?:squarely\\s+|firmly\\s+|largely\\s+)?on\\s+`,
        'gi',
      ),
      'accused',
      'attribution/blamed-on',
      0.8,
    );
  // the bare verb after a raising verb or modal counts too ("appeared to blame X for", "would accuse X of")
  for (const m of /\b(?:blam|accus|held|hold)/i.test(s)
    ? s.matchAll(/\b(?:blamed|blames|blame|blaming|accused|accuses|accuse|accusing|held|holds|hold|holding)\s+/gi)
    : []) {
    // "did not blame", "declined to blame", "stopped short of blaming": no accusation
    if (NEGATED.test(s.slice(Math.max(0, m.index - 30), m.index)) || REFUSED.test(s.slice(Math.max(0, m.index - 40), m.index))) continue;
    const read = readActorAfter(s, m.index + m[0].length, 6);
    if (!read) continue;
    // "accused Israel of an airstrike": the actor ends before "of" / "for" / "responsible"
    const cut = /\s+(?:of|for|responsible)\b/i.exec(read.text);
    const actor = cut ? { ...read, end: read.start + cut.index, text: read.text.slice(0, cut.index) } : read;
    const tail = s.slice(actor.end);
    const verb = m[0].toLowerCase();
    if (
      /^(?:held|holds|holding)/.test(verb)
        ? /^\s+responsible\b/i.test(tail)
        : /^(?:blam)/.test(verb)
          ? /^\s+for\b/i.test(tail)
          : /^\s+of\s+(?!planning|plotting|preparing|seeking|wanting|trying|intending|threatening)/i.test(tail)
    ) {
      const end = actor.end + (/^\s+(?:responsible|for|of)\b(?:\s+(?:the|an?)\s+[\w-]+(?:\s+[\w-]+)?)?/i.exec(tail)?.[0].length ?? 0);
      add({
        start: m.index,
        end,
        stance: 'accused',
        perpetrator: actor.text,
        rule: `attribution/${/^blam/.test(verb) ? 'blamed' : /^accus/.test(verb) ? 'accused' : 'held'}`,
        confidence: 0.8,
      });
    }
  }
  for (const m of !/\b(?:attribut|ascrib|pinned)/i.test(s)
    ? []
    : s.matchAll(
        new RegExp(
          `\\b(?:(?:the\\s+)?(?:[\\w-]+\\s+)?${ATTACK}\\s+)?(?:was\\s+|were\\s+|is\\s+|are\\s+)?(?:attributed|attributes|attributing|ascribed|pinned)\\s+(?:(?:it|the\\s+[\\w-]+(?:\\s+[\\w-]+)?)\\s+)?(?:to|on)\\s+`,
          'gi',
        ),
      )) {
    const actor = readActorAfter(s, m.index + m[0].length);
    if (actor) add({ start: m.index, end: actor.end, stance: 'accused', perpetrator: actor.text, rule: 'attribution/attributed-to', confidence: 0.85 });
  }
  // passive blame: "X was blamed (by the U.S.) for a rocket attack", "X has been accused of
  // launching the raid". The subject is the perpetrator; the by-agent is the speaker (speakerOf).
  if (/\b(?:blamed|accused)\b/i.test(s)) {
    for (const m of s.matchAll(
      /\b(?:(?:has|have|had)\s+(?:also\s+)?been|(?:was|were|is|are)(?:\s+(?:being|also|widely|largely|repeatedly))?)\s+(?:widely\s+|largely\s+|repeatedly\s+)?(blamed|accused)\s+/gi,
    )) {
      let at = m.index + m[0].length;
      const by = /^by\s+/i.exec(s.slice(at));
      if (by) {
        const agent = readActorAfter(s, at + by[0].length, 8);
        const cut = agent && /\s+(?:of|for)\b/i.exec(agent.text);
        if (!agent) continue;
        at = cut ? agent.start + cut.index : agent.end;
      }
      const what =
        m[1].toLowerCase() === 'blamed'
          ? new RegExp(`^\\s*for\\s+(?:${OBJECT}|(?:[\\w-]+\\s+){0,2}?${HARM}\\b)`, 'i').exec(s.slice(at))
          : new RegExp(
              `^\\s*of\\s+(?:(?:carrying\\s+out|launching|conducting|staging|orchestrating|mounting|perpetrating|being\\s+behind)\\s+)?(?:${OBJECT}|(?:[\\w-]+\\s+){0,2}?${HARM}\\b)`,
              'i',
            ).exec(s.slice(at));
      if (!what) continue;
      const subj = subjectBefore(s, m.index);
      if (!subj) continue;
      add({
        start: m.index - subj.end <= 2 ? subj.start : m.index,
        end: at + what[0].length,
        stance: 'accused',
        perpetrator: subj.text,
        rule: 'attribution/blamed-passive',
        confidence: 0.85,
      });
    }
  }
}
