import { describe, expect, it } from 'vitest';
import { readZone, zoneMeta, zoneMetaKey } from './zone';

describe('zone meta', () => {
  it('round-trips and leaves out unset members', () => {
    const meta = zoneMeta({ kind: 'step', group: 2, stepId: 'clarify' });
    expect(meta[zoneMetaKey]).toEqual({ kind: 'step', group: 2, stepId: 'clarify' });
    expect(readZone({ meta })).toEqual({ kind: 'step', group: 2, stepId: 'clarify' });
  });

  it('reads null from unmarked or invalid shapes', () => {
    expect(readZone({ meta: {} })).toBeNull();
    expect(readZone({ meta: { [zoneMetaKey]: { kind: 'group', group: 9 } } })).toBeNull();
  });
});
