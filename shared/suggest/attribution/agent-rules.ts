// Agentive attribution rules as data: each row is a pattern over the classes of a sentence's tokens
// (agents.ts gives each token one letter), the claim it makes, and the examples it must and must not
// match. agents.test.ts runs every row's examples, so the examples are the rules' tests.
//
// Token classes: A a state (country, demonym, capital: "Russian", "Kyiv"); Q an armed group of the
// region lexicon ("RSF", "Houthi"); G a generic armed-group head ("jihadists"); K an attack noun;
// W a weapon word; w a word that modifies a weapon or attack ("air", "naval"); H a hedge ("suspected"); D a determiner; B "by"; O "on" / "to"; L a verb of
// blame or accusation; V an act verb or participle; T an attack gerund ("targeting"); f "of";
// P a possessive; M a modifier (an adjective, or a capitalised word that names no actor); x other.
// The named group `actor` is the perpetrator; `h` a hedge.
import type { Stance } from '../../model/claims.ts';

export interface AgentRule {
  id: string;
  /** What a match claims, in words. */
  makes: string;
  /** A regular expression over the token-class letters. */
  pattern: string;
  /** The stance: from a hedge, else 'accused' when someone is quoted saying it, else 'asserted'; or fixed. */
  stance: 'by-voice' | Stance;
  /** Only an armed group (Q, G) may be the actor: a state reporting its own strike claims nothing. */
  groupsOnly?: boolean;
  /** A generic group head ("militia attacks") counts only when hedged ("suspected jihadist attacks"): unhedged, it is a kind of attack, not a claim. */
  hedgeForGeneric?: boolean;
  confidence: number;
  must: Array<{ text: string; perpetrator: string }>;
  mustNot: string[];
}

const ACTOR = '(?<actor>[AQ]+G?|M?G)';

export const AGENT_RULES: AgentRule[] = [
  {
    id: 'attribution/agent-modifier',
    makes: 'the actor an attack or weapon is named after did it ("a Russian missile strike" → Russia)',
    pattern: '(?<h>H)?(?<actor>[AQ]+|G)P?[MWw]{0,3}[KW]',
    stance: 'by-voice',
    hedgeForGeneric: true,
    confidence: 0.65,
    must: [
      { text: 'Five people were killed in a Russian missile strike on the city, the governor said.', perpetrator: 'Russia' },
      { text: 'Two Palestinians died in Israeli airstrikes on Sunday.', perpetrator: 'Israel' },
      { text: 'The ship was damaged in a Houthi drone attack.', perpetrator: 'Houthis' },
      { text: 'Nine people were killed in Ukrainian shelling, officials said.', perpetrator: 'Ukraine' },
      { text: 'Two US-led air strikes targeted the airport.', perpetrator: 'United States' },
      { text: 'Israel’s offensive has killed thousands.', perpetrator: 'Israel' },
      { text: 'Three suspected jihadist attacks hit the north.', perpetrator: 'jihadist' },
    ],
    mustNot: [
      'A Ukrainian soldier was killed, the Russian military said.',
      'Iran-backed militias fired two rockets.',
      'Russian President Vladimir Putin spoke on Thursday.',
      'Palestinian health officials said eight children were among the dead.',
      'The crew ignored warnings from Houthi naval forces.',
      'Militia attacks have become more frequent.',
    ],
  },
  {
    id: 'attribution/attack-by',
    makes: 'an attack, weapon or act "by" an actor was theirs ("shelling by the RSF")',
    // a state's own group ("by Sudan’s Rapid Support Forces") is the group's act, not the state's
    pattern: `(?:[KWV])B(?:D)?(?<h>H)?(?:AP(?=M{0,2}Q))?M{0,2}?${ACTOR}`,
    stance: 'by-voice',
    confidence: 0.7,
    must: [
      { text: 'At least 32 civilians were killed in an attack by the paramilitary Rapid Support Forces in the city.', perpetrator: 'Rapid Support Forces' },
      { text: 'Twelve soldiers died in an attack by suspected jihadists.', perpetrator: 'jihadists' },
      { text: 'The drones were fired by the Houthis from areas they control.', perpetrator: 'Houthis' },
      { text: 'The village was hit by a Russian missile.', perpetrator: 'Russia' },
      { text: 'Hundreds are feared dead after an attack by Sudan’s Rapid Support Forces on the camp.', perpetrator: 'Rapid Support Forces' },
    ],
    mustNot: ['Two soldiers were killed by a bomb placed on the road.', 'The report was published by the ministry on Friday.'],
  },
  {
    id: 'attribution/blamed-on',
    makes: 'an attack blamed on or attributed to an actor: accused (suspected when hedged)',
    pattern: `[KWV]x{0,2}LO(?:D)?(?<h>H)?M{0,2}?${ACTOR}`,
    stance: 'accused',
    confidence: 0.75,
    must: [
      { text: 'Four soldiers were killed in an attack blamed on jihadists.', perpetrator: 'jihadists' },
      { text: 'Most attacks are attributed to the Ansarul Islam group.', perpetrator: 'Ansarul Islam' },
    ],
    mustNot: ['The delay was blamed on the weather.'],
  },
  {
    id: 'attribution/blamed-attack-on',
    makes: 'someone blamed the attack on an actor, quoted or not ("blamed the attack on “terrorists”"): accused',
    pattern: `L(?:D)?[Mw]{0,2}KO(?:x)?(?:D)?(?<h>H)?M{0,2}?${ACTOR}`,
    stance: 'accused',
    confidence: 0.75,
    must: [
      { text: 'The army had blamed the attack on “terrorists” in an earlier announcement.', perpetrator: 'terrorists' },
      { text: 'Officials blamed the bombing on the Islamic State group.', perpetrator: 'Islamic State' },
    ],
    mustNot: ['The army blamed the attack on the weather.', 'Officials blamed the delay on jihadists.'],
  },
  {
    id: 'attribution/accused-of',
    makes: 'someone accused an actor of an attack ("accused the RSF of shelling the camp")',
    pattern: `L(?:D)?${ACTOR}fx{0,2}[KVTW]`,
    stance: 'accused',
    confidence: 0.75,
    must: [
      { text: 'The doctors’ network accused the RSF of deliberately targeting the neighbourhood.', perpetrator: 'Rapid Support Forces' },
      { text: 'The governor accused Kyiv of targeting civilians.', perpetrator: 'Ukraine' },
    ],
    mustNot: ['Israel accuses Hamas of putting civilians in danger.'],
  },
  {
    id: 'attribution/group-acted',
    makes: 'an armed group is the subject of an act ("The RSF launched a barrage of drones"): asserted in the outlet’s voice',
    pattern: `(?:^|[x,D])(?:D)?M{0,2}?(?<actor>Q+G?|Q?M?G)V`,
    stance: 'by-voice',
    groupsOnly: true,
    confidence: 0.65,
    must: [
      { text: 'The RSF launched a barrage of suicide drones.', perpetrator: 'Rapid Support Forces' },
      { text: 'Later, Islamist rebels killed scores of troops.', perpetrator: 'Islamist rebels' },
      { text: 'The Houthi rebels attacked the carrier.', perpetrator: 'Houthis' },
    ],
    mustNot: ['Moscow said its forces struck a fuel depot.', 'Russia launched 40 missiles overnight.', 'The Houthis did not attack the ship.'],
  },
];
