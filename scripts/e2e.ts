import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfNeeded } from './build-if-needed';
import { findChromium, noBrowserMessage } from './chromium';

// `npm run test:e2e`: never skips silently. No browser → one line saying how to get one, and a failure.
const browser = findChromium();
if (!browser) {
  console.error(noBrowserMessage);
  process.exit(1);
}
buildIfNeeded();
const root = fileURLToPath(new URL('..', import.meta.url));
const result = spawnSync(process.execPath, [join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: browser },
});
process.exit(result.status ?? 1);
