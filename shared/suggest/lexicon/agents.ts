// Language of agentive attribution: the words around an actor that make a passage say who acted
// ("a Russian missile strike", "shelling by the RSF", "an attack blamed on jihadists"). English
// only; which names are actors is the region lexicon's business (../region.ts).
import { ATTACK_NOUNS, MUNITION_NOUNS } from './weapons.ts';
import { singular } from '../lexicon.ts';

/** Head nouns of an attack: what an actor's name can modify ("Israeli airstrikes", "Israel's offensive"). */
export const ATTACK_HEADS = new Set([
  ...Object.keys(ATTACK_NOUNS).filter((k) => !k.includes(' ')),
  'offensive',
  'shelling',
  'bombardment',
  'fire',
  'barrage',
  'incursion',
  'onslaught',
  'airstrike',
]);

/** Weapons: between an actor and an attack noun, or the head ("13 Russian missiles"). */
export const WEAPON_WORDS = new Set([...Object.keys(MUNITION_NOUNS).filter((k) => !k.includes(' ')), 'himars', 'gunfire']);

/** Words that modify a weapon or an attack but are no head of their own ("air", "naval": "Houthi naval forces" names no attack). */
export const WEAPON_MODIFIERS = new Set(['air', 'aerial', 'artillery', 'ballistic', 'cruise', 'hypersonic', 'suicide', 'kamikaze', 'tank', 'naval', 'sniper']);

/** Generic heads that name an armed group on their own ("by suspected jihadists", "rebels attacked"). */
export const GROUP_HEADS = new Set([
  'jihadist',
  'militant',
  'rebel',
  'insurgent',
  'gunman',
  'terrorist',
  'militia',
  'militiaman',
  'fighter',
  'extremist',
  'nationalist',
  'separatist',
  'paramilitary',
  'mercenary',
  'bandit',
  'assailant',
  'attacker',
]);

/** Words that hedge who acted: the stance is suspected (or presumed) whoever says it. */
export const HEDGES: Record<string, 'suspected' | 'presumed'> = {
  suspected: 'suspected',
  alleged: 'suspected',
  apparent: 'suspected',
  purported: 'suspected',
  possible: 'suspected',
  likely: 'suspected',
  presumed: 'presumed',
};

/** Participles of an act that take a by-agent ("fired by the Houthis", "inflicted by …"). */
export const ACT_PARTICIPLES = new Set([
  'fired',
  'launched',
  'inflicted',
  'carried',
  'conducted',
  'perpetrated',
  'staged',
  'mounted',
  'caused',
  'killed',
  'wounded',
  'injured',
  'hit',
  'struck',
  'targeted',
  'shelled',
  'bombed',
  'attacked',
  'ambushed',
  'downed',
]);

/** Past-tense acts of a subject ("The RSF launched …", "Islamist rebels killed …"). */
export const ACT_VERBS = new Set([
  'launched',
  'attacked',
  'fired',
  'killed',
  'stormed',
  'raided',
  'struck',
  'shelled',
  'bombed',
  'targeted',
  'ambushed',
  'hit',
  'seized',
  'abducted',
  'kidnapped',
  'overran',
  'used',
]);

/** Verbs that blame an attack on someone ("blamed on", "attributed to"), and that accuse someone ("accused X of"). */
export const BLAME_WORDS = new Set(['blamed', 'attributed', 'pinned']);
export const ACCUSE_WORDS = new Set(['accused', 'accuses', 'accusing', 'accuse', 'blamed', 'blames', 'blaming']);

/** Compound modifiers that make an actor a sponsor or owner, not the one who acted ("Iran-backed", "Houthi-run"). */
export const SPONSOR_SUFFIX =
  /-(?:backed|aligned|allied|affiliated|linked|supported|funded|sponsored|run|controlled|held|installed|occupied|annexed|owned|flagged|registered|based)$/i;

export const headWord = (lower: string) => singular(lower.replace(/[’']s$/, ''));
