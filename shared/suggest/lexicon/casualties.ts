// Casualty words: nouns that are a count, predicates of people, and words before a counted group.

/** Nouns that ARE a casualty count ("eight injuries", "12 dead", "three fatalities") → measure. */
export const CASUALTY_NOUNS: Record<string, string> = {
  injury: 'wounded',
  wound: 'wounded',
  wounded: 'wounded',
  injured: 'wounded',
  concussion: 'wounded',
  death: 'killed',
  dead: 'killed',
  fatality: 'killed',
  // "12 martyrs": how Palestinian, Iranian and Sahel sources (and wires quoting them) name the dead
  martyr: 'killed',
  killed: 'killed',
  body: 'killed',
  life: 'killed',
  casualty: 'casualties',
  missing: 'missing',
  hostage: 'detained',
  captive: 'detained',
  prisoner: 'detained',
};

/** Participles and adjectives predicated of people ("were killed", "died", "was hurt") → measure. */
export const CASUALTY_PREDICATES: Array<[RegExp, string]> = [
  [
    // "fell in battle", "killed in action": how armies and their ministries report their own dead
    /^(?:killed|slain|dead|died|perished|murdered|executed|beheaded|martyred|shot dead|gunned down|lost their lives|lost his life|lost her life|succumbed(?:\s+to\s+(?:their|his|her)\s+(?:wounds|injuries))?|pronounced dead|found dead|confirmed dead|fell\s+(?:in\s+(?:battle|combat|action)|on\s+the\s+battlefield))\b/i,
    'killed',
  ],
  // the measures a fact-checker keeps apart from "wounded": diagnosed brain injuries, returned to duty, evacuated, hospitalised
  [
    /^(?:diagnosed with|treated for|evaluated for|assessed for)\s+(?:(?:mild|moderate|possible|suspected)\s+)?(?:traumatic brain injur(?:y|ies)|TBIs?|concussions?)\b/i,
    'tbi_diagnosed',
  ],
  [/^(?:returned|restored|back)\s+to\s+(?:active\s+)?duty\b/i, 'returned_to_duty'],
  [/^(?:medically\s+|medevac(?:ed)?\s+)?(?:evacuated|airlifted|medevaced|flown\s+out)\b/i, 'evacuated'],
  [/^(?:hospitali[sz]ed|admitted\s+to\s+(?:a\s+|the\s+)?hospitals?|(?:still\s+)?in\s+(?:a\s+|the\s+)?(?:local\s+|nearby\s+)?hospitals?)\b/i, 'hospitalised'],
  [
    /^(?:seriously |critically |severely |badly |gravely )?(?:wounded|injured|hurt|maimed|(?:taken|rushed) to (?:a |the )?(?:local |nearby )?hospitals?)\b/i,
    'wounded',
  ],
  [/^(?:suffered|sustained|received|treated for)\s+(?:[\w-]+\s+){0,4}?(?:injuries|injury|wounds|concussions?|burns|trauma)\b/i, 'wounded'],
  [/^(?:missing|unaccounted for)\b/i, 'missing'],
  [/^(?:abducted|kidnapped|detained|captured|arrested|taken hostage|taken prisoner)\b/i, 'detained'],
];

/** Words BEFORE a counted group that make it a casualty count ("killing two", "the deaths of several"). */
// "killed a total of four sailors", "wounding as many as": a total or hedge between verb and number
const TOTAL = String.raw`(?:\s+(?:a total of|in total|in all|an estimated|a further|another|an additional|additional))?`;
export const CASUALTY_BEFORE: Array<[RegExp, string]> = [
  [
    new RegExp(
      String.raw`\b(?:killing|killed|kills|kill|slaying|slew|shot dead|shooting dead|shoot dead|gunned down|gunning down|massacred|massacring|slaughtered|slaughtering|murdered|murdering|left dead|leaving dead|claimed the lives of|claiming the lives of|took the lives of|taking the lives of)${TOTAL}\s*$`,
      'i',
    ),
    'killed',
  ],
  [/\b(?:the\s+)?(?:deaths?|killings?|killing|bodies|funerals?)\s+of\s*$/i, 'killed'],
  [new RegExp(String.raw`\b(?:wounding|wounded|injuring|injured|injures|wounds|maiming|hurting|hurt)${TOTAL}\s*$`, 'i'), 'wounded'],
  [/\b(?:the\s+)?(?:injur(?:y|ies)|wounding)\s+(?:of|to)\s*$/i, 'wounded'],
  [/\b(?:abducting|abducted|kidnapping|kidnapped|detaining|detained|capturing|captured|arresting|arrested|seized|seizing)\s*$/i, 'detained'],
  [new RegExp(String.raw`\b(?:the\s+)?(?:kidnappings?|abductions?|capture|detention|arrests?)\s+of${TOTAL}\s*$`, 'i'), 'detained'],
];
