import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ClientContext } from './components/context.ts';
import { client } from './platform/index.ts';
import './styles.css';
import './suggestions.css';
import './layout.css';
import './theme/theme.css';
import { startTheme } from './theme/theme.ts';

startTheme();
const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <ClientContext value={client}>
      <App />
    </ClientContext>
  </StrictMode>,
);
