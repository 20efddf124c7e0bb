// `pnpm atelier backup <folder>` and `pnpm atelier restore <folder> [--replace]`: backups of the
// embedded store (SQLite's online backup, consistent while the server runs). With REDIS_URL the
// data lives in Redis: back it up with Redis's own tools (README, "Backups").
import { ConfigError, loadConfig } from './config';
import { backupDataDir, restoreDataDir } from './ops/backup';

const USAGE = `usage:
  pnpm atelier backup <folder>               copy every board of DATA_DIR into a new folder (server may run)
  pnpm atelier restore <folder> [--replace]  put a backup back into DATA_DIR (server stopped)`;

async function main(args: string[]): Promise<number> {
  const [command, folder] = args;
  if ((command !== 'backup' && command !== 'restore') || !folder) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  if (config.redisUrl) {
    process.stderr.write(
      'REDIS_URL is set: the boards are in Redis. Back it up with Redis itself: `redis-cli -u $REDIS_URL --rdb <file>`\n' +
        '(a consistent snapshot), or copy its append-only file; restore by starting redis-server on that file.\n',
    );
    return 2;
  }
  if (command === 'backup') {
    const { boards, files } = await backupDataDir(config.dataDir, folder);
    process.stdout.write(
      `backed up ${boards} boards (${files} files) from ${config.dataDir} into ${folder}\n`,
    );
  } else {
    const { boards, files } = restoreDataDir(folder, config.dataDir, { replace: args.includes('--replace') });
    process.stdout.write(
      `restored ${boards} boards (${files} files) from ${folder} into ${config.dataDir}\n`,
    );
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
