import { JsonChunkAssembler } from '@tldraw/sync-core';
import { describe, expect, it } from 'vitest';
import { PendingChunks } from './pending-chunks';

const size = (message: string) => Buffer.byteLength(message, 'utf8');

describe('PendingChunks', () => {
  it('lets a message sent in chunks through, whole, as tldraw splits it', () => {
    const pending = new PendingChunks(100);
    const assembler = new JsonChunkAssembler();
    const chunks = ['2_{"a":', '1_"bcdef', '0_"}'];
    for (const chunk of chunks) expect(pending.admit(chunk, size(chunk))).toBe(true);
    expect(chunks.map((chunk) => assembler.handleMessage(chunk)).at(-1)).toMatchObject({
      data: { a: 'bcdef' },
    });
  });

  it('refuses the chunk that brings the pending ones past the bound', () => {
    const pending = new PendingChunks(100);
    const chunk = `999999_${'x'.repeat(40)}`;
    expect(pending.admit(chunk, size(chunk))).toBe(true);
    expect(pending.admit(`999998_${'x'.repeat(40)}`, 47)).toBe(true);
    expect(pending.admit(`999997_${'x'.repeat(40)}`, 47)).toBe(false);
  });

  it('counts bytes, not characters', () => {
    const pending = new PendingChunks(100);
    const chunk = `9_${'é'.repeat(40)}`;
    expect(pending.admit(chunk, size(chunk))).toBe(true);
    expect(pending.admit(`8_${'é'.repeat(40)}`, size(`8_${'é'.repeat(40)}`))).toBe(false);
  });

  it('starts over after a whole message or a finished one, as the assembler does', () => {
    const pending = new PendingChunks(100);
    const part = (prefix: string) => `${prefix}_${'x'.repeat(40)}`;
    // 84 bytes each time: past 100 only if what came before were still counted.
    expect(pending.admit(part('1'), 42)).toBe(true);
    expect(pending.admit(part('0'), 42)).toBe(true);
    expect(pending.admit(part('1'), 42)).toBe(true);
    expect(pending.admit('{"type":"ping"}', 15)).toBe(true);
    expect(pending.admit(part('1'), 42)).toBe(true);
    expect(pending.admit(part('0'), 42)).toBe(true);
  });

  it('counts a chunk out of order as the start of a new message', () => {
    const pending = new PendingChunks(100);
    expect(pending.admit(`5_${'x'.repeat(60)}`, 62)).toBe(true);
    // 3 after 5: tldraw drops what it had; this one is all that is pending now.
    expect(pending.admit(`3_${'x'.repeat(60)}`, 62)).toBe(true);
    expect(pending.admit(`2_${'x'.repeat(60)}`, 62)).toBe(false);
  });
});
