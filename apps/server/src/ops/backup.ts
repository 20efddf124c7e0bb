// Backups of the embedded store: every SQLite file of DATA_DIR copied with SQLite's online backup
// (consistent while the server runs and writes), and restored into a stopped server's DATA_DIR.
import fs from 'node:fs';
import path from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';

export const MANIFEST = 'atelier-backup.json';

interface Manifest {
  format: 1;
  createdAt: string;
  /** Paths relative to DATA_DIR. */
  files: string[];
}

/** Every database of a data directory: the shared files and one per board. */
function databasesOf(dataDir: string): string[] {
  const found: string[] = [];
  const list = (dir: string) =>
    fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.sqlite')) : [];
  for (const name of list(dataDir)) found.push(name);
  for (const name of list(path.join(dataDir, 'boards'))) found.push(path.join('boards', name));
  return found.sort();
}

/** Copies every database of `dataDir` into `target` (new or empty); returns how many boards. */
export async function backupDataDir(
  dataDir: string,
  target: string,
  now: () => Date = () => new Date(),
): Promise<{ boards: number; files: number }> {
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0)
    throw new Error(`${target} is not empty: back up into a new folder`);
  fs.mkdirSync(path.join(target, 'boards'), { recursive: true });
  const files = databasesOf(dataDir);
  for (const file of files) {
    // Read-only, so the backup never takes a write lock from the running server.
    const source = new DatabaseSync(path.join(dataDir, file), { readOnly: true });
    try {
      await backup(source, path.join(target, file));
    } finally {
      source.close();
    }
  }
  const manifest: Manifest = { format: 1, createdAt: now().toISOString(), files };
  fs.writeFileSync(path.join(target, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return { boards: files.filter((file) => file.startsWith('boards')).length, files: files.length };
}

/**
 * Restores a backup into `dataDir`, which must hold no board unless `replace` (then its databases
 * are removed first). The server must be stopped.
 */
export function restoreDataDir(
  source: string,
  dataDir: string,
  { replace = false } = {},
): { boards: number; files: number } {
  const manifestPath = path.join(source, MANIFEST);
  if (!fs.existsSync(manifestPath)) throw new Error(`${source} is not an Atelier backup (no ${MANIFEST})`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest;
  const existing = databasesOf(dataDir);
  if (existing.length > 0 && !replace)
    throw new Error(`${dataDir} already holds data: pass --replace to overwrite it (stop the server first)`);
  for (const file of existing)
    for (const suffix of ['', '-wal', '-shm'])
      fs.rmSync(path.join(dataDir, `${file}${suffix}`), { force: true });
  fs.mkdirSync(path.join(dataDir, 'boards'), { recursive: true });
  for (const file of manifest.files) {
    if (path.isAbsolute(file) || file.split(/[\\/]/).includes('..'))
      throw new Error(`refusing the path ${file} in the manifest`);
    fs.copyFileSync(path.join(source, file), path.join(dataDir, file));
  }
  const boards = manifest.files.filter((file) => file.startsWith('boards')).length;
  return { boards, files: manifest.files.length };
}
