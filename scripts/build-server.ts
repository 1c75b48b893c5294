import { buildSync } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The server as one ESM file for Node 20, so production runs plain `node dist-server/main.js` (no run-time transpiler).
const root = fileURLToPath(new URL('..', import.meta.url));
export const serverOutDir = join(root, 'dist-server');
const stampFile = join(serverOutDir, '.build-stamp');
// Inputs the bundle's own list cannot name: how it is resolved (the lock, the `@/` alias) and how it is built.
const buildInputs = ['package-lock.json', 'tsconfig.json', 'scripts/build-server.ts'];

// Write-then-rename: the two e2e servers may build at once, and a server starting meanwhile must read a whole file.
function writeAtomically(path: string, contents: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** Bundles server/main.ts and what it imports (server/, the shared src/lib/wire/); packages stay imports of node_modules. */
export function buildServer(): void {
  const result = buildSync({
    absWorkingDir: root,
    entryPoints: ['server/main.ts'],
    outfile: join(serverOutDir, 'main.js'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    packages: 'external',
    tsconfig: 'tsconfig.json',
    sourcemap: true,
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(serverOutDir, { recursive: true });
  // The map first, so main.js never points at a map of another build.
  const outputs = [...result.outputFiles].sort((a, b) => Number(b.path.endsWith('.map')) - Number(a.path.endsWith('.map')));
  for (const output of outputs) writeAtomically(output.path, output.contents);
  // The stamp lists the files actually bundled, so "stale" follows the imports wherever they live.
  const inputs = Object.keys(result.metafile.inputs).filter((path) => !path.startsWith('node_modules/'));
  writeAtomically(stampFile, JSON.stringify({ builtAt: new Date().toISOString(), inputs }, null, 2));
}

/** True when dist-server/ is missing or older than any file it was built from. */
export function serverBuildIsStale(): boolean {
  if (!existsSync(stampFile) || !existsSync(join(serverOutDir, 'main.js'))) return true;
  const built = statSync(stampFile).mtimeMs;
  let inputs: unknown;
  try {
    inputs = (JSON.parse(readFileSync(stampFile, 'utf8')) as { inputs?: unknown }).inputs;
  } catch {
    return true;
  }
  if (!Array.isArray(inputs) || !inputs.every((path): path is string => typeof path === 'string')) return true;
  return [...inputs, ...buildInputs].some((path) => {
    const file = join(root, path);
    return !existsSync(file) || statSync(file).mtimeMs > built;
  });
}

// `tsx scripts/build-server.ts` builds; with `--if-stale` (the e2e servers) only when an input changed.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!process.argv.includes('--if-stale') || serverBuildIsStale()) {
    try {
      buildServer();
    } catch {
      // esbuild has already printed each error with its file and line.
      console.error('triage: the server build failed; see the errors above');
      process.exit(1);
    }
  }
}
