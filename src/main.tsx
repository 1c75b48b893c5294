import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { resolveTheme } from './lib/theme';
import './index.css';

// Set the theme before the first paint, so a dark system never flashes the light palette.
document.documentElement.classList.toggle('dark', resolveTheme('system', window.matchMedia('(prefers-color-scheme: dark)').matches) === 'dark');

const root = document.getElementById('root');
if (!root) throw new Error('Triage: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
