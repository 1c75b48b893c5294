import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, serverBuildIsStale } from './build-server';

const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = join(root, 'dist', '.build-stamp');
const inputs = ['src', 'public', 'index.html', 'vite.config.ts', 'tailwind.config.ts', 'package-lock.json', 'tsconfig.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/ is missing or older than any input of the browser build. */
export function buildIsStale(): boolean {
  if (!existsSync(stampFile)) return true;
  const built = statSync(stampFile).mtimeMs;
  return inputs.some((input) => newestMtime(join(root, input)) > built);
}

function fail(what: string): never {
  console.error(`triage: the ${what} build failed; see the errors above`);
  process.exit(1);
}

/** Builds the browser app (dist/) and the server (dist-server/), each only when its inputs changed since its last build. */
export function buildIfNeeded(): void {
  if (buildIsStale()) {
    console.log('triage: building the app (vite build)…');
    const result = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) fail('app');
    writeFileSync(stampFile, new Date().toISOString());
  }
  if (serverBuildIsStale()) {
    console.log('triage: building the server (dist-server/)…');
    try {
      buildServer();
    } catch {
      // esbuild has already printed each error with its file and line.
      fail('server');
    }
  }
}

// `npm start` runs this first (as `prestart`), then `node dist-server/main.js`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) buildIfNeeded();
