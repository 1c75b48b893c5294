// Component tests (*.test.tsx) run in Chromium with the app's own CSS, so Tailwind lays them out as in the app: the
// virtualized list only renders the rows its scroll box, sized by these classes, can show.
import '@/index.css';
import { afterEach, vi } from 'vitest';

afterEach(() => {
  // A test that stubbed fetch (fake-api.fixture.ts) must not answer for the next one.
  vi.unstubAllGlobals();
  localStorage.clear();
});
