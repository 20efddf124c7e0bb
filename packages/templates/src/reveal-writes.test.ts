import { noteMetaKey, readZone, richTextToPlainText } from '@atelier/board-schema';
import type { Reveal, SessionState } from '@atelier/protocol';
import type { TLDocument, TLNoteShape, TLShape } from '@tldraw/tlschema';
import { describe, expect, it } from 'vitest';
import { buildBoard } from './build-board';
import { revealMetaKey } from './reveal-writes';
import { boardWritesMetaKey, sessionBoardWrites } from './session-writes';
import { assertValidShape, counterIds, TestRoom } from './test-support';

function sessionOf(steps: SessionState['steps'], extra: Partial<SessionState>): SessionState {
  return {
    revision: 10,
    steps,
    currentStepId: steps[0]!.id,
    timer: { status: 'idle', remainingMs: 0 },
    groups: null,
    participants: [],
    camera: { summon: null, follow: null },
    vote: null,
    log: [],
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

const size = (shape: TLShape) => {
  const props = shape.props as { w?: number; h?: number; scale?: number };
  if (shape.type === 'note') return { w: 200 * (props.scale ?? 1), h: 200 * (props.scale ?? 1) };
  return { w: props.w ?? 0, h: props.h ?? 40 };
};
const overlaps = (a: TLShape, b: TLShape) => {
  const [sa, sb] = [size(a), size(b)];
  return a.x < b.x + sb.w && b.x < a.x + sa.w && a.y < b.y + sb.h && b.y < a.y + sa.h;
};

function revealOf(notes: Reveal['notes'], anonymous = true): Reveal {
  return { id: 'reveal-11', stepId: 'themes', at: 1, by: 'fac', anonymous, notes };
}

describe('T-REVEAL', () => {
  const built = buildBoard('pgo', { locale: 'fr', pageId: 'page:p', createId: counterIds('b') });
  const column = built.records.find(
    (shape) => shape.type === 'frame' && readZone(shape)?.theme === 'school-health',
  )!;
  const stepFrame = built.steps.find((step) => step.id === 'themes')!.frameId!;

  it('T-PRIVATE: the PGO reflection on the themes is private by default, and only it', () => {
    expect(built.steps.filter((step) => step.private).map((step) => step.id)).toEqual(['themes']);
  });

  it('writes every note at once, in its zone, inside it and over nothing; anonymous: no author', () => {
    const room = new TestRoom(built.records);
    const notes: Reveal['notes'] = [
      ...Array.from({ length: 9 }, (_, i) => ({
        id: `c${i}`,
        userId: `u${i % 3}`,
        text: `Santé ${i}`,
        zoneId: column.id,
      })),
      { id: 'p1', userId: 'u1', text: 'Sans colonne' },
      { id: 'p2', userId: 'u2', text: 'Sans colonne non plus' },
    ];
    const state = sessionOf(built.steps, { reveals: [revealOf(notes)] });
    const puts = sessionBoardWrites(room, state, { createId: counterIds('r') });
    expect(puts).not.toBeNull();
    for (const record of puts!) if (record.typeName === 'shape') assertValidShape(record);
    room.apply(puts);
    const written = room
      .shapes()
      .filter((shape): shape is TLNoteShape => shape.meta[revealMetaKey] === 'reveal-11');
    expect(written).toHaveLength(11);
    expect(written.every((note) => !(noteMetaKey.author in note.meta))).toBe(true);

    const inColumn = written.filter((note) => note.parentId === column.id);
    expect(inColumn.map((note) => richTextToPlainText(note.props.richText))).toEqual(
      notes.slice(0, 9).map((note) => note.text),
    );
    // The column keeps its size (it sits in the themes frame): the notes are scaled to fit in it.
    const columnNow = room.get(column.id) as TLShape;
    expect(size(columnNow)).toEqual(size(column));
    for (const note of inColumn) {
      expect(note.x).toBeGreaterThanOrEqual(0);
      expect(note.x + size(note).w).toBeLessThanOrEqual(size(column).w);
      expect(note.y + size(note).h).toBeLessThanOrEqual(size(column).h);
    }
    // The two without a zone go in the step's frame, which grows to hold them.
    expect(written.filter((note) => note.parentId === stepFrame)).toHaveLength(2);
    const frameNow = room.get(stepFrame) as TLShape;
    for (const note of written.filter((candidate) => candidate.parentId === stepFrame)) {
      expect(note.y + size(note).h).toBeLessThanOrEqual(size(frameNow).h);
    }
    // Nothing laid over anything else in the same parent.
    for (const note of written) {
      for (const other of room
        .shapes()
        .filter((shape) => shape.parentId === note.parentId && shape.id !== note.id)) {
        expect(overlaps(note, other), `${note.id} over ${other.id}`).toBe(false);
      }
    }
    // Written once: the document remembers it.
    expect((room.get('document:document') as TLDocument).meta[boardWritesMetaKey]).toEqual([
      'reveal:reveal-11',
    ]);
    expect(sessionBoardWrites(room, state, { createId: counterIds('again') })).toBeNull();
  });

  it('a named reveal shows the name under the idea and keeps the author for the report', () => {
    const room = new TestRoom(built.records);
    const state = sessionOf(built.steps, {
      reveals: [revealOf([{ id: 'n', userId: 'alice', text: 'Une idée', author: 'Camille' }], false)],
    });
    room.apply(sessionBoardWrites(room, state, { createId: counterIds('r') }));
    const note = room
      .shapes()
      .find((shape): shape is TLNoteShape => shape.meta[revealMetaKey] === 'reveal-11')!;
    expect(richTextToPlainText(note.props.richText)).toBe('Une idée\n— Camille');
    expect(note.meta[noteMetaKey.author]).toBe('alice');
  });

  it('with groups, each note goes to its author’s group frame', () => {
    const ideation = buildBoard('ideation', {
      locale: 'fr',
      pageId: 'page:p',
      createId: counterIds('i'),
      groups: 3,
    });
    const room = new TestRoom(ideation.records);
    const groups = ideation.groups.map((group) => ({
      id: `g${group.group}`,
      name: `Groupe ${group.group}`,
      frameId: group.frameId,
    }));
    const state = sessionOf(ideation.steps, {
      groups: { mode: 'balanced', list: groups },
      reveals: [
        {
          ...revealOf([
            { id: 'a', userId: 'u1', text: 'Idée du groupe 2', groupId: 'g2' },
            { id: 'b', userId: 'u2', text: 'Idée du groupe 3', groupId: 'g3' },
            { id: 'c', userId: 'u3', text: 'Idée sans groupe' },
          ]),
          stepId: 'ideas',
        },
      ],
    });
    room.apply(sessionBoardWrites(room, state, { createId: counterIds('r') }));
    const parentOf = (text: string) =>
      room
        .shapes()
        .find(
          (shape) =>
            shape.type === 'note' && richTextToPlainText((shape as TLNoteShape).props.richText) === text,
        )?.parentId;
    expect(parentOf('Idée du groupe 2')).toBe(groups[1]!.frameId);
    expect(parentOf('Idée du groupe 3')).toBe(groups[2]!.frameId);
    expect(parentOf('Idée sans groupe')).toBe(ideation.steps.find((step) => step.id === 'ideas')!.frameId);
  });
});
