import { describe, expect, it } from 'vitest';
import { voteItemOf, zoneLabel, zoneOfChain, type ChainShape } from './vote-items';
import { zoneMeta } from './zone';

// A PGO-like board: the themes frame, a theme's column with its header and a note, a note loose in
// the themes frame, a frame someone drew inside the column.
const shape = (id: string, type: string, parentId: string, extra: Partial<ChainShape> = {}): ChainShape => ({
  id,
  typeName: 'shape',
  type,
  parentId,
  ...extra,
});
const page = { id: 'page:page', typeName: 'page' };
const themes = shape('shape:themes', 'frame', 'page:page', { props: { name: 'Thématiques' } });
const column = shape('shape:sante', 'frame', 'shape:themes', {
  meta: zoneMeta({ kind: 'theme', theme: 'school-health' }),
  props: { name: 'Santé' },
});
const header = shape('shape:header', 'geo', 'shape:sante');
const note = shape('shape:note', 'note', 'shape:sante');
const inner = shape('shape:inner', 'frame', 'shape:sante', { props: { name: 'Sous-groupe' } });
const deepNote = shape('shape:deep', 'note', 'shape:inner');
const looseNote = shape('shape:loose', 'note', 'shape:themes');
const elsewhere = shape('shape:elsewhere', 'note', 'page:page');

const chains = {
  themes: [themes, page],
  column: [column, themes, page],
  header: [header, column, themes, page],
  note: [note, column, themes, page],
  inner: [inner, column, themes, page],
  deepNote: [deepNote, inner, column, themes, page],
  looseNote: [looseNote, themes, page],
  elsewhere: [elsewhere, page],
};

describe('vote items', () => {
  const zones = { itemKind: 'zone', frameId: 'shape:themes' } as const;
  const notes = { itemKind: 'note', frameId: 'shape:themes' } as const;

  it('S-VOTE-7: on zones, the column, its header, its notes and anything drawn in it stand for the column', () => {
    for (const chain of [chains.column, chains.header, chains.note, chains.inner, chains.deepNote]) {
      expect(voteItemOf(chain, zones)).toBe('shape:sante');
    }
  });

  it('S-VOTE-7: on zones, only the column itself is a valid cast', () => {
    const valid = (chain: ChainShape[]) => voteItemOf(chain, zones) === chain[0]?.id;
    expect(valid(chains.column)).toBe(true);
    expect(valid(chains.header)).toBe(false);
    expect(valid(chains.note)).toBe(false);
    expect(valid(chains.inner)).toBe(false);
  });

  it("S-VOTE-7: on zones, the vote's frame, a note loose in it and shapes outside it stand for nothing", () => {
    expect(voteItemOf(chains.themes, zones)).toBeNull();
    expect(voteItemOf(chains.looseNote, zones)).toBeNull();
    expect(voteItemOf(chains.elsewhere, zones)).toBeNull();
    expect(voteItemOf([page], zones)).toBeNull();
    expect(voteItemOf([], zones)).toBeNull();
  });

  it('S-VOTE-7: without a vote frame, a zone is a frame on the page', () => {
    expect(voteItemOf(chains.note, { itemKind: 'zone' })).toBe('shape:themes');
    expect(voteItemOf(chains.themes, { itemKind: 'zone' })).toBe('shape:themes');
    expect(voteItemOf(chains.elsewhere, { itemKind: 'zone' })).toBeNull();
  });

  it("S-VOTE-7: on notes, a note inside the vote's frame at any depth stands for itself", () => {
    expect(voteItemOf(chains.note, notes)).toBe('shape:note');
    expect(voteItemOf(chains.deepNote, notes)).toBe('shape:deep');
    expect(voteItemOf(chains.looseNote, notes)).toBe('shape:loose');
    expect(voteItemOf(chains.elsewhere, notes)).toBeNull();
    expect(voteItemOf(chains.header, notes)).toBeNull();
    expect(voteItemOf(chains.column, notes)).toBeNull();
    // Notes is the default kind; without a frame any note counts.
    expect(voteItemOf(chains.elsewhere, {})).toBe('shape:elsewhere');
  });

  it("S-VOTE-8: a note's zone is the column it lies in, for the totals per zone", () => {
    expect(zoneOfChain(chains.note, 'shape:themes')).toBe('shape:sante');
    expect(zoneOfChain(chains.deepNote, 'shape:themes')).toBe('shape:sante');
    expect(zoneOfChain(chains.looseNote, 'shape:themes')).toBeNull();
  });

  it("a zone is named by its theme in the report's language, else by its frame's title", () => {
    expect(zoneLabel(column, 'fr')).toBe("Santé à l'école/université");
    expect(zoneLabel(column, 'en')).toMatch(/health/i);
    expect(zoneLabel(inner, 'fr')).toBe('Sous-groupe');
  });
});
