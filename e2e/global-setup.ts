// Browser tests run against the production build: build the web app and the server first, unless
// `npm test` already did (ATELIER_BUILT=1).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  if (process.env.ATELIER_BUILT === '1') return;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync('pnpm', ['build'], { cwd: root, stdio: 'inherit' });
}
