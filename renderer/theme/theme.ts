// The colour scheme: follows the system's light or dark setting unless the user picks one in the
// app; the choice is kept in this browser profile (localStorage) and applied as <html data-theme>,
// which theme.css reads. Kept apart from React so the first paint already has the right colours.

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Scheme = 'light' | 'dark';

const KEY = 'corroborate.theme';
const DARK = '(prefers-color-scheme: dark)';

export function parseChoice(value: string | null | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function resolveScheme(choice: ThemeChoice, systemDark: boolean): Scheme {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let current: ThemeChoice = 'system';

const readStored = (): ThemeChoice => {
  try {
    return parseChoice(window.localStorage.getItem(KEY));
  } catch {
    return 'system'; // storage blocked: follow the system
  }
};

function apply(): void {
  const scheme = resolveScheme(current, window.matchMedia(DARK).matches);
  document.documentElement.dataset.theme = scheme;
  document.documentElement.style.colorScheme = scheme;
}

/** Applies the stored choice and follows the system setting while the choice is "system". */
export function startTheme(): void {
  current = readStored();
  apply();
  window.matchMedia(DARK).addEventListener('change', () => {
    apply();
    for (const l of listeners) l();
  });
}

export function themeChoice(): ThemeChoice {
  return current;
}

export function setThemeChoice(choice: ThemeChoice): void {
  current = choice;
  try {
    if (choice === 'system') window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, choice);
  } catch {
    // Not kept across restarts where storage is blocked; still applied now.
  }
  apply();
  for (const l of listeners) l();
}

export function subscribeTheme(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
