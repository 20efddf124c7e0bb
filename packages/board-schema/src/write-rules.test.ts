import { describe, expect, it } from 'vitest';
import { noteMetaKey } from './authorship';
import { isLayoutScaffolding, isScaffolding, locksInEditor, scaffoldingMeta } from './scaffolding';
import { decideWrite, WriteRule, type RecordWrite, type WritableRecord, type Writer } from './write-rules';

const facilitator: Writer = { role: 'facilitator', userId: 'fac' };
const alice: Writer = { role: 'participant', userId: 'alice' };
const viewer: Writer = { role: 'viewer', userId: 'v' };

interface Rec extends WritableRecord {
  x?: number;
  isLocked?: boolean;
  parentId?: string;
}

const frame: Rec = { id: 'shape:intro', typeName: 'shape', type: 'frame', x: 0, meta: scaffoldingMeta() };
const text: Rec = {
  id: 'shape:t',
  typeName: 'shape',
  type: 'text',
  x: 0,
  isLocked: true,
  meta: scaffoldingMeta(),
};
const aliceNote: Rec = {
  id: 'shape:n1',
  typeName: 'shape',
  type: 'note',
  x: 0,
  meta: { [noteMetaKey.author]: 'alice' },
};
const bobNote: Rec = { ...aliceNote, id: 'shape:n2', meta: { [noteMetaKey.author]: 'bob' } };
const templateNote: Rec = { ...aliceNote, id: 'shape:n3', meta: {} };
const page: Rec = { id: 'page:page', typeName: 'page', meta: {} };
const doc: Rec = { id: 'document:document', typeName: 'document', meta: {} };
const card: Rec = { id: 'shape:c', typeName: 'shape', type: 'geo', meta: { 'atelier.card': 'identity' } };

describe('marks', () => {
  it('W-MARK-KEY reads the mark from meta and nothing else', () => {
    expect(isScaffolding(frame)).toBe(true);
    expect(isScaffolding({ meta: { 'atelier.scaffolding': 'yes' } })).toBe(false);
    expect(isScaffolding({ meta: null })).toBe(false);
    expect(isScaffolding({})).toBe(false);
  });

  it('T-SCAFFOLD layout shapes are scaffolding except notes and cards; frames are not locked', () => {
    expect(isLayoutScaffolding({ type: 'frame' })).toBe(true);
    expect(isLayoutScaffolding({ type: 'geo', meta: {} })).toBe(true);
    expect(isLayoutScaffolding({ type: 'note' })).toBe(false);
    expect(isLayoutScaffolding({ type: 'geo', meta: card.meta })).toBe(false);
    expect(locksInEditor({ type: 'frame' })).toBe(false);
    expect(locksInEditor({ type: 'text' })).toBe(true);
  });
});

describe('decideWrite', () => {
  it('W-VIEWER refuses every write of a viewer', () => {
    expect(decideWrite(viewer, { type: 'create', next: aliceNote })).toEqual({
      allowed: false,
      rule: WriteRule.viewer,
    });
  });

  it('W-FACILITATOR allows everything: scaffolding, pages, the mark, the lock, authors', () => {
    const writes: RecordWrite<Rec>[] = [
      { type: 'update', prev: frame, next: { ...frame, x: 500 } },
      { type: 'update', prev: text, next: { ...text, isLocked: false } },
      { type: 'update', prev: frame, next: { ...frame, meta: {} } },
      { type: 'delete', prev: frame },
      { type: 'delete', prev: bobNote },
      { type: 'create', next: { ...page, id: 'page:two' } },
      { type: 'update', prev: page, next: { ...page, meta: { renamed: true } } },
      { type: 'delete', prev: page },
      { type: 'update', prev: doc, next: { ...doc, meta: { x: 1 } } },
      { type: 'create', next: { ...text, id: 'shape:new' } },
      { type: 'update', prev: bobNote, next: { ...bobNote, meta: {} } },
    ];
    for (const write of writes) expect(decideWrite(facilitator, write).allowed).toBe(true);
  });

  it('W-PAGE refuses a participant any page or document write', () => {
    const writes: RecordWrite<Rec>[] = [
      { type: 'create', next: { ...page, id: 'page:two' } },
      { type: 'update', prev: page, next: { ...page, meta: { name: 'x' } } },
      { type: 'delete', prev: page },
      { type: 'update', prev: doc, next: { ...doc, meta: { x: 1 } } },
    ];
    for (const write of writes)
      expect(decideWrite(alice, write)).toEqual({ allowed: false, rule: WriteRule.page });
  });

  it('W-SCAFFOLD refuses a participant any change or deletion of a scaffolding record', () => {
    const writes: RecordWrite<Rec>[] = [
      { type: 'update', prev: frame, next: { ...frame, x: 500 } },
      { type: 'update', prev: frame, next: { ...frame, parentId: 'shape:other' } },
      { type: 'update', prev: text, next: { ...text, isLocked: false } },
      // Replacing it with an unmarked copy is removing the mark.
      { type: 'update', prev: frame, next: { ...frame, meta: {} } },
      { type: 'delete', prev: frame },
      { type: 'delete', prev: text },
    ];
    for (const write of writes)
      expect(decideWrite(alice, write)).toEqual({ allowed: false, rule: WriteRule.scaffolding });
  });

  it('W-MARK refuses a participant creating a marked record or marking one', () => {
    expect(decideWrite(alice, { type: 'create', next: { ...text, id: 'shape:forged' } })).toEqual({
      allowed: false,
      rule: WriteRule.mark,
    });
    expect(
      decideWrite(alice, {
        type: 'update',
        prev: aliceNote,
        next: { ...aliceNote, meta: { ...(aliceNote.meta as object), ...scaffoldingMeta() } },
      }),
    ).toEqual({ allowed: false, rule: WriteRule.mark });
  });

  it('W-TYPE refuses a participant changing a shape type', () => {
    expect(decideWrite(alice, { type: 'update', prev: bobNote, next: { ...bobNote, type: 'geo' } })).toEqual({
      allowed: false,
      rule: WriteRule.type,
    });
  });

  it('W-AUTHOR stamps the writer on every new note, keeping other meta and the client value when right', () => {
    const forged = { ...aliceNote, id: 'shape:f', meta: { [noteMetaKey.author]: 'bob', keep: 1 } };
    const decision = decideWrite(alice, { type: 'create', next: forged });
    expect(decision).toEqual({
      allowed: true,
      record: { ...forged, meta: { [noteMetaKey.author]: 'alice', keep: 1 } },
    });
    const unsigned = { ...templateNote, id: 'shape:u' };
    expect(decideWrite(facilitator, { type: 'create', next: unsigned })).toMatchObject({
      record: { meta: { [noteMetaKey.author]: 'fac' } },
    });
    // Already right: the very same object, so tldraw commits the push as it came.
    expect(decideWrite(alice, { type: 'create', next: aliceNote })).toEqual({
      allowed: true,
      record: aliceNote,
    });
    // Only notes are stamped; a meta that is not an object is left for the validators to refuse.
    expect(decideWrite(alice, { type: 'create', next: card })).toEqual({ allowed: true, record: card });
    const bad = { ...aliceNote, meta: 'x' };
    expect(decideWrite(alice, { type: 'create', next: bad })).toEqual({ allowed: true, record: bad });
  });

  it('W-AUTHOR refuses a participant changing or removing a note author', () => {
    for (const meta of [{ [noteMetaKey.author]: 'alice' }, {}]) {
      expect(decideWrite(alice, { type: 'update', prev: bobNote, next: { ...bobNote, meta } })).toEqual({
        allowed: false,
        rule: WriteRule.author,
      });
    }
    expect(
      decideWrite(alice, {
        type: 'update',
        prev: templateNote,
        next: { ...templateNote, meta: { [noteMetaKey.author]: 'alice' } },
      }),
    ).toEqual({ allowed: false, rule: WriteRule.author });
  });

  it('W-NOTE-DELETE lets a participant delete their own notes only', () => {
    expect(decideWrite(alice, { type: 'delete', prev: aliceNote })).toEqual({
      allowed: true,
      record: aliceNote,
    });
    for (const note of [bobNote, templateNote])
      expect(decideWrite(alice, { type: 'delete', prev: note })).toEqual({
        allowed: false,
        rule: WriteRule.noteDelete,
      });
  });

  it('W-PRIVATE refuses a participant a new note during a private step, nothing else', () => {
    const newNote = { ...aliceNote, id: 'shape:new' };
    const privately = { privateStep: true };
    expect(decideWrite(alice, { type: 'create', next: newNote }, privately)).toEqual({
      allowed: false,
      rule: WriteRule.privateStep,
    });
    expect(decideWrite(alice, { type: 'create', next: newNote }, { privateStep: false }).allowed).toBe(true);
    expect(decideWrite(facilitator, { type: 'create', next: newNote }, privately).allowed).toBe(true);
    const stillOpen: RecordWrite<Rec>[] = [
      { type: 'update', prev: aliceNote, next: { ...aliceNote, x: 40 } },
      { type: 'delete', prev: aliceNote },
      { type: 'create', next: { ...card, id: 'shape:c2' } },
    ];
    for (const write of stillOpen) expect(decideWrite(alice, write, privately).allowed).toBe(true);
  });

  it('W-FREE lets a participant move and edit any note and use unmarked shapes and cards freely', () => {
    const writes: RecordWrite<Rec>[] = [
      { type: 'update', prev: bobNote, next: { ...bobNote, x: 300, parentId: 'shape:intro' } },
      { type: 'update', prev: templateNote, next: { ...templateNote, x: 10 } },
      { type: 'update', prev: card, next: { ...card, meta: { ...(card.meta as object), filled: true } } },
      { type: 'delete', prev: card },
      { type: 'create', next: { id: 'binding:b', typeName: 'binding', type: 'arrow', meta: {} } },
      { type: 'create', next: { id: 'asset:a', typeName: 'asset', type: 'image', meta: {} } },
    ];
    for (const write of writes) expect(decideWrite(alice, write).allowed).toBe(true);
  });
});
