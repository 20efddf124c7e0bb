// What a store still holds of a board, read behind its back: what a deletion must leave empty.
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Redis } from 'ioredis';

/** Files and rows of DATA_DIR that name the board, read with SQLite directly. */
export function sqliteLeftovers(dataDir: string, boardId: string): string[] {
  const found: string[] = [];
  for (const file of fs.readdirSync(path.join(dataDir, 'boards')))
    if (file.includes(boardId)) found.push(`file boards/${file}`);
  for (const file of fs.readdirSync(dataDir).filter((name) => name.endsWith('.sqlite'))) {
    const db = new DatabaseSync(path.join(dataDir, file), { readOnly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    for (const { name } of tables) {
      for (const row of db.prepare(`SELECT * FROM ${name}`).all())
        if (JSON.stringify(row).includes(boardId)) found.push(`row ${file} ${name} ${JSON.stringify(row)}`);
    }
    db.close();
  }
  return found;
}

/**
 * Keys of the Redis database that name the board or hold its id, except the deletion fence (its
 * lease set to `deleted` for a day, holding nothing of the board: see DELETED_BOARD_FENCE).
 */
export async function redisLeftovers(url: string, keyPrefix: string, boardId: string): Promise<string[]> {
  const redis = new Redis(url);
  try {
    const found: string[] = [];
    for (const key of await redis.keys(`${keyPrefix}*`)) {
      const type = await redis.type(key);
      const value =
        type === 'string'
          ? await redis.get(key)
          : type === 'set'
            ? (await redis.smembers(key)).join(' ')
            : type === 'zset'
              ? (await redis.zrange(key, 0, -1)).join(' ')
              : type === 'hash'
                ? JSON.stringify(await redis.hgetall(key))
                : '';
      if (!key.includes(boardId) && !value?.includes(boardId)) continue;
      const fence = value === 'deleted' && /:(owner|lastOwner)$/.test(key) && (await redis.pttl(key)) > 0;
      if (!fence) found.push(`${type} ${key}`);
    }
    return found;
  } finally {
    redis.disconnect();
  }
}
