// Measures in words, as a reader says them: the stored keys ("wounded_serious") are the engine's,
// never shown. A key not listed reads with its underscores as spaces.

export const MEASURE_WORDS: Readonly<Record<string, string>> = {
  wounded_serious: 'seriously wounded',
  tbi_diagnosed: 'diagnosed with brain injuries',
  returned_to_duty: 'returned to duty',
  rockets_fired: 'rockets fired',
  rockets_impacted: 'rockets that hit',
  rockets_intercepted: 'rockets intercepted',
  missiles_intercepted: 'missiles intercepted',
  drones_intercepted: 'drones intercepted',
  launchers_found: 'launchers found',
  munitions_found: 'munitions found',
  targets_struck: 'targets struck',
  bases_targeted: 'bases targeted',
};

/** "wounded_serious" → "seriously wounded"; an unknown key with its underscores as spaces. */
export function measureWords(key: string): string {
  return MEASURE_WORDS[key] ?? key.replace(/_/g, ' ');
}
