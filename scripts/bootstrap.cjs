#!/usr/bin/env node
// Runs on any Node >= 18 with npm: makes sure a recent enough Node and the pinned pnpm are available
// (fetching them from the npm registry into .tools/ when the system's are older), installs with the
// frozen lockfile, then runs the requested pnpm script with that toolchain first on PATH.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const rootPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const NODE_VERSION = fs.readFileSync(path.join(root, '.nvmrc'), 'utf8').trim();
const MIN_NODE = [22, 12];
const PNPM_VERSION = rootPackage.packageManager.replace(/^pnpm@/, '').split('+')[0];
const toolsDir = path.join(root, '.tools');

function log(message) {
  process.stderr.write(`[bootstrap] ${message}\n`);
}

function versionAtLeast(version, [major, minor]) {
  const [a, b] = version.replace(/^v/, '').split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

/** Downloads one npm package tarball with `npm pack` and unpacks it into `dest`. */
function fetchNpmPackage(spec, dest) {
  const staging = fs.mkdtempSync(path.join(toolsDir, '.staging-'));
  try {
    log(`fetching ${spec} from the npm registry`);
    const out = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', staging], {
      cwd: staging,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const tarball = path.join(staging, out.trim().split('\n').pop());
    execFileSync('tar', ['-xzf', tarball, '-C', staging]);
    fs.rmSync(dest, { recursive: true, force: true });
    fs.renameSync(path.join(staging, 'package'), dest);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function nodePackageName() {
  const os = { linux: 'linux', darwin: 'darwin', win32: 'win' }[process.platform];
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (!os || !arch) throw new Error(`no Node package for ${process.platform}-${process.arch}`);
  return `node-${os}-${arch}`;
}

/** Returns the directory holding the `node` binary to use. */
function ensureNode() {
  if (versionAtLeast(process.version, MIN_NODE)) return path.dirname(process.execPath);
  const dest = path.join(toolsDir, `node-v${NODE_VERSION}`);
  const binary = path.join(dest, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!fs.existsSync(binary)) {
    log(
      `system Node ${process.version} is older than ${MIN_NODE.join('.')}; installing Node ${NODE_VERSION}`,
    );
    fetchNpmPackage(`${nodePackageName()}@${NODE_VERSION}`, dest);
    fs.chmodSync(binary, 0o755);
  }
  return path.dirname(binary);
}

/** Returns the path of pnpm's CLI entry point (run with our node). */
function ensurePnpm() {
  const dest = path.join(toolsDir, `pnpm-${PNPM_VERSION}`);
  const entry = path.join(dest, 'bin', 'pnpm.cjs');
  if (!fs.existsSync(entry)) fetchNpmPackage(`pnpm@${PNPM_VERSION}`, dest);
  return entry;
}

function main() {
  const [script, ...args] = process.argv.slice(2);
  if (!script) throw new Error('usage: bootstrap.cjs <pnpm script> [args]');
  fs.mkdirSync(toolsDir, { recursive: true });
  const nodeBin = ensureNode();
  const pnpmEntry = ensurePnpm();

  // A pnpm shim on PATH so nested scripts (`pnpm -r ...`) use the same pinned pnpm and Node.
  const shimDir = path.join(toolsDir, 'bin');
  fs.mkdirSync(shimDir, { recursive: true });
  const shim = path.join(shimDir, 'pnpm');
  fs.writeFileSync(shim, `#!/bin/sh\nexec "${path.join(nodeBin, 'node')}" "${pnpmEntry}" "$@"\n`, {
    mode: 0o755,
  });

  const nodeHome = path.dirname(nodeBin);
  const env = {
    ...process.env,
    PATH: [shimDir, nodeBin, process.env.PATH].join(path.delimiter),
    // Native addons must build against the Node that runs them, not the system's headers.
    npm_config_nodedir: fs.existsSync(path.join(nodeHome, 'include', 'node'))
      ? nodeHome
      : process.env.npm_config_nodedir,
    COREPACK_ENABLE_STRICT: '0',
  };
  const run = (argv) => {
    const result = spawnSync(path.join(nodeBin, 'node'), [pnpmEntry, ...argv], {
      cwd: root,
      env,
      stdio: 'inherit',
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  };
  if (process.env.ATELIER_SKIP_INSTALL !== '1') run(['install', '--frozen-lockfile', '--prefer-offline']);
  run(['run', script, ...args]);
}

try {
  main();
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
