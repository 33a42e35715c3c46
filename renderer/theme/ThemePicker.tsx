// The colour scheme picker (System / Light / Dark), in the top bar and on the start screen.
import { useSyncExternalStore } from 'react';
import { parseChoice, setThemeChoice, subscribeTheme, themeChoice } from './theme.ts';

export function ThemePicker(props: { className?: string }) {
  const choice = useSyncExternalStore(subscribeTheme, themeChoice);
  return (
    <select
      className={props.className ? `theme-picker ${props.className}` : 'theme-picker'}
      aria-label="Colour scheme"
      title="Colour scheme: follow the system, or always light or dark"
      value={choice}
      onChange={(e) => setThemeChoice(parseChoice(e.target.value))}
    >
      <option value="system">◐ System</option>
      <option value="light">☀ Light</option>
      <option value="dark">☾ Dark</option>
    </select>
  );
}
