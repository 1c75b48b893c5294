import { buildIfNeeded } from './build-if-needed';

// `npm start`: build the SPA when its inputs changed since the last build, then serve app + API.
buildIfNeeded();
const { main } = await import('../server/main');
await main();
