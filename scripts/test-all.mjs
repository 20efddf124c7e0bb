// `npm test`: build, lint, typecheck, then every test project; prints one totals line at the end
// ("N passed, N failed", from the runners' JSON reports) so a run that tested nothing shows.
import { spawn, spawnSync } from 'node:child_process';
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

/**
 * Steps that each keep one core busy (tsc, ESLint), run side by side on CI's two cores; each one's
 * output is printed whole once it ends, in the order given.
 */
async function sideBySide(steps) {
  const runs = steps.map(
    ({ name, command, args }) =>
      new Promise((resolve) => {
        const started = Date.now();
        const child = spawn(command, args, { env: process.env });
        const output = [];
        child.stdout.on('data', (chunk) => output.push(chunk));
        child.stderr.on('data', (chunk) => output.push(chunk));
        child.on('close', (code) =>
          resolve({ name, code, output: Buffer.concat(output), seconds: (Date.now() - started) / 1000 }),
        );
      }),
  );
  for (const { name, code, output, seconds } of await Promise.all(runs)) {
    process.stdout.write(`\n▶ ${name}\n`);
    process.stdout.write(output);
    timings.push(`${name} ${seconds.toFixed(1)}s`);
    if (code !== 0) failures.push(name);
  }
}

/**
 * `pnpm audit --prod`: no high or critical advisory in what the server and the web app ship. The
 * audit needs the registry's advisory endpoint; when it cannot be reached (offline, a mirror
 * without it) that is a warning, not a failure, and says so.
 */
function audit() {
  const started = Date.now();
  process.stdout.write('\n▶ audit (production dependencies, high and critical advisories)\n');
  const result = spawnSync('pnpm', ['audit', '--prod', '--audit-level', 'high', '--json'], {
    encoding: 'utf8',
    env: process.env,
    timeout: 120_000,
  });
  timings.push(`audit ${((Date.now() - started) / 1000).toFixed(1)}s`);
  let report = null;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    // Not JSON: no answer from the endpoint at all.
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const reason = report?.error?.message ?? (result.error?.message || result.stderr || 'no answer').trim();
    process.stdout.write(
      `  ⚠ audit skipped: the advisory endpoint could not be used (${reason.split('\n')[0]})\n`,
    );
    return;
  }
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  process.stdout.write(
    `  ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low\n`,
  );
  if (serious > 0) {
    for (const advisory of Object.values(report.advisories ?? {}))
      if (['high', 'critical'].includes(advisory.severity))
        process.stdout.write(
          `  ${advisory.severity}: ${advisory.module_name} ${advisory.title} (${advisory.url})\n`,
        );
    failures.push('audit');
  }
}

const pnpm = 'pnpm';
step('build', pnpm, ['build']);
process.env.ATELIER_BUILT = '1';
await sideBySide([
  { name: 'lint', command: pnpm, args: ['lint'] },
  { name: 'typecheck', command: pnpm, args: ['typecheck'] },
]);
audit();
// Fails on a licence outside the allow-list; the report lands in test-results/.
step('third-party licences', process.execPath, ['scripts/licence-report.mjs']);

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
