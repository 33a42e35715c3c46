// Weapons and attacks: munition, attack, target and series nouns, and the fire / strike / deploy verbs.

/** Munition nouns → measure stem. Rockets split into fired / impacted; the others keep one measure. */
export const MUNITION_NOUNS: Record<string, string> = {
  rocket: 'rockets',
  katyusha: 'rockets',
  missile: 'missiles',
  drone: 'drones',
  uav: 'drones',
  'one-way attack drone': 'drones',
  mortar: 'mortars',
  'mortar round': 'mortars',
  'mortar shell': 'mortars',
  shell: 'shells',
  'artillery shell': 'shells',
  'artillery round': 'shells',
  projectile: 'projectiles',
  bomb: 'bombs',
  grenade: 'grenades',
  rpg: 'grenades',
  ied: 'ieds',
  'car bomb': 'bombs',
  munition: 'munitions',
  launcher: 'launchers',
  'rocket launcher': 'launchers',
};

/** Nouns of attacks and strikes (a count of them is a "count" claim) → measure. */
export const ATTACK_NOUNS: Record<string, string> = {
  attack: 'attacks',
  assault: 'attacks',
  raid: 'attacks',
  ambush: 'attacks',
  bombing: 'attacks',
  incident: 'attacks',
  strike: 'strikes',
  airstrike: 'strikes',
  'air strike': 'strikes',
  'drone strike': 'strikes',
  'missile strike': 'strikes',
  'rocket attack': 'attacks',
  'drone attack': 'attacks',
  'missile attack': 'attacks',
};

/** Nouns of things struck: counted after a strike verb, they are targets_struck. */
export const TARGET_NOUNS = new Set([
  'facility',
  'site',
  'target',
  'base',
  'location',
  'position',
  'depot',
  'compound',
  'building',
  'warehouse',
  'headquarters',
  'installation',
  'outpost',
  'camp',
  'bunker',
  'hideout',
  'vehicle',
  'truck',
  'launcher',
  'convoy',
  'storage',
  'ship',
  'vessel',
  'tanker',
  'freighter',
  'boat',
  'aircraft',
  'plane',
  'helicopter',
  'bridge',
  'power station',
  'plant',
  'substation',
  'hospital',
  'school',
  'house',
  'home',
]);

/** A group of strikes counted as a whole ("two series of strikes", "three waves of attacks"). */
export const SERIES_WORDS = new Set([
  'series',
  'set',
  'sets',
  'wave',
  'waves',
  'round',
  'rounds',
  'salvo',
  'salvos',
  'volley',
  'volleys',
  'barrage',
  'barrages',
]);

/** Verbs before a munition count that make it fired ("launched 33 rockets"). */
export const FIRE_BEFORE =
  /\b(?:fired|firing|fires|fire|launched|launching|launches|launch|shot|shooting|shoots|lobbed|lobbing|hurled|sent|unleashed|used|using|dropped|dropping|drops)\s+(?:(?:a|an)\s+(?:barrage|salvo|volley|wave|total)\s+of\s+)?(?:[\w-]+\s+){0,2}$/i;
/** Verbs after a munition count: fired, or landed (impacted), or intercepted. */
export const FIRE_AFTER =
  /^(?:were|was|had been|have been|are|is|been)?\s*(?:\w+ly\s+)?(shot down|fired|launched|shot|lobbed|landed|struck|hit|impacted|fell|exploded|slammed|crashed|intercepted|downed|destroyed)\b/i;
/** Verbs of finding weapons (after an attack, in a raid): "found three launchers", "were recovered". */
export const FOUND_BEFORE = /\b(?:found|finding|recovered|recovering|discovered|discovering|uncovered|seized|seizing)\s+(?:[\w-]+\s+){0,2}$/i;
export const FOUND_AFTER = /^(?:were|was|had been|have been|are|is|been)\s+(?:\w+ly\s+)?(?:found|recovered|discovered|uncovered|seized)\b/i;
export const INTERCEPT_BEFORE = /\b(?:intercepted|intercepting|shot down|shooting down|downed|downing|destroyed)\s+(?:[\w-]+\s+){0,2}$/i;

/** Strike verbs before a count of targets ("targeted five facilities", "airstrikes on five sites"). */
export const STRIKE_BEFORE =
  /\b(?:struck|strikes?|striking|hit|hitting|targeted|targeting|targets?|bombed|bombing|raided|raiding|shelled|shelling|attacked|attacking|destroyed|destroying|air ?strikes?\s+(?:on|against)|strikes?\s+(?:on|against)|attacks?\s+(?:on|against))\s+(?:on\s+|against\s+)?(?:[\w-]+\s+){0,1}$/i;

/** Verbs that keep troops somewhere ("has 900 troops in Syria", "with 2,500 troops in Iraq"). */
export const DEPLOY_BEFORE =
  /\b(?:has|have|had|keeps?|kept|maintains?|maintained|deploy(?:s|ed|ing)?|station(?:s|ed|ing)?|sen[dt]|sending|with|withdraw(?:s|n|ing)?|pull(?:s|ed|ing)? out)\s+(?:about|some|around|roughly|approximately|nearly|almost|more than|over|at least|up to|the\s+)?$/i;
