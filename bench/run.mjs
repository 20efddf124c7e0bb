// Entry of `pnpm bench`: bundles the bench (TypeScript, with the workspace's tldraw and transport
// packages) with the server's esbuild, then runs it. Flags are passed through: `pnpm bench --quick`.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const serverDir = path.join(here, '../apps/server');
// esbuild and the packages the bench shares with the server's tests resolve from the server.
const { build } = createRequire(path.join(serverDir, 'package.json'))('esbuild');

await build({
  entryPoints: {
    main: path.join(here, 'src/main.ts'),
    worker: path.join(here, 'src/worker.ts'),
    'reference-server': path.join(here, 'src/reference-server.ts'),
  },
  outdir: path.join(here, 'dist'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: 'inline',
  nodePaths: [path.join(serverDir, 'node_modules')],
  // tsconfig.json's `paths` exist for the type checker only; package exports must pick the ESM builds.
  tsconfigRaw: {},
  // Native add-ons and optional peers stay outside the bundle.
  external: ['bufferutil', 'utf-8-validate'],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

await import(pathToFileURL(path.join(here, 'dist/main.mjs')).href);
