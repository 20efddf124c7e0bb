import { describe, expect, it } from 'vitest';
import { AnnouncementQueue } from './announcement-queue';

const notes = (count: number) => (count === 1 ? 'Un nouveau post-it.' : `${count} nouveaux post-its.`);

describe('AnnouncementQueue', () => {
  it('says the first announcement at once, then waits the gap before the next', () => {
    const queue = new AnnouncementQueue(2_000);
    expect(queue.waitMs(0)).toBeNull();
    queue.push('Étape 2 : Idées.');
    expect(queue.take(0)).toBe('Étape 2 : Idées.');
    queue.push('Vote ouvert.');
    expect(queue.waitMs(500)).toBe(1_500);
    expect(queue.take(500)).toBeNull();
    expect(queue.take(2_000)).toBe('Vote ouvert.');
  });

  it('groups announcements of one key into one, counted', () => {
    const queue = new AnnouncementQueue(2_000);
    queue.push('Étape 1.');
    queue.take(0);
    for (let i = 0; i < 3; i++) queue.push(notes, 'new-note');
    queue.push('Plus qu’une minute.');
    expect(queue.take(2_000)).toBe('3 nouveaux post-its. Plus qu’une minute.');
    queue.push(notes, 'new-note');
    expect(queue.take(4_000)).toBe('Un nouveau post-it.');
  });

  it('drops the oldest when too much waits, so what is said is recent', () => {
    const queue = new AnnouncementQueue(2_000);
    queue.push('zéro');
    queue.take(0);
    for (const word of ['un', 'deux', 'trois', 'quatre', 'cinq', 'six']) queue.push(word);
    expect(queue.take(2_000)).toBe('trois quatre cinq six');
  });
});
