// `npm test`: build, lint, typecheck, then every test project; prints one totals line at the end
// ("N passed, N failed", from the runners' JSON reports) so a run that tested nothing shows.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const resultsDir = path.resolve('test-results');
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });

const failures = [];
const timings = [];

function step(name, command, args) {
  const started = Date.now();
  process.stdout.write(`\n▶ ${name}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${name} ${seconds}s`);
  if (result.status !== 0) failures.push(name);
}

const pnpm = 'pnpm';
step('build', pnpm, ['build']);
process.env.ATELIER_BUILT = '1';
step('lint', pnpm, ['lint']);
step('typecheck', pnpm, ['typecheck']);

const projects = (process.env.ATELIER_TEST_PROJECTS ?? 'unit,integration,faults,e2e')
  .split(',')
  // The fault-injection suite lives in its own folder; skip it only where it does not exist yet.
  .filter((project) => project !== 'faults' || fs.existsSync('apps/server/test/faults'));
for (const project of projects) {
  step(`tests: ${project}`, pnpm, [
    'exec',
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${path.join(resultsDir, `${project}.json`)}`,
  ]);
}

let passed = 0;
let failed = 0;
for (const project of projects) {
  const file = path.join(resultsDir, `${project}.json`);
  if (!fs.existsSync(file)) {
    failures.push(`${project}: no report`);
    continue;
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  process.stdout.write(`  ${project}: ${report.numPassedTests} passed, ${report.numFailedTests} failed\n`);
}
process.stdout.write(`\nTimings: ${timings.join(' · ')}\n`);
if (failures.length) process.stdout.write(`Failed steps: ${failures.join(', ')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failures.length || failed ? 1 : 0);
