// Bundles the server and the workspace packages it uses into dist/main.js (its export worker into
// dist/export-worker.js, its command line into dist/cli.js: backup, restore); npm dependencies stay
// external and load from node_modules.
import { build, context } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@atelier/'));

const options = {
  // The export worker is its own bundle: piscina loads it in each worker thread.
  entryPoints: { main: 'src/main.ts', 'export-worker': 'src/exports/export-worker.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: true,
  external: [...external, ...external.map((name) => `${name}/*`)],
  logLevel: 'warning',
};

if (process.argv.includes('--watch')) {
  await (await context(options)).watch();
} else {
  await build(options);
}
