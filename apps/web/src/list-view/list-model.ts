// What the list view lists: the current step's frame, its nested frames (a PGO theme's column, a
// group's zone) and labelled zones as sections, each with its notes and cards in reading order.
// Read with @atelier/export's `readBoard`, the reading the report uses, so the list and the report
// never disagree on order or membership. Pure.
import { isScaffolding, noteAuthor, type Card } from '@atelier/board-schema';
import { BoardItemKind, type BoardItem, type BoardReading } from '@atelier/export';

export const ListItemKind = {
  note: 'note',
  card: 'card',
  /** A text, a labelled shape or an arrow's label someone wrote. */
  text: 'text',
} as const;
export type ListItemKind = (typeof ListItemKind)[keyof typeof ListItemKind];

export interface ListItem {
  id: string;
  kind: ListItemKind;
  text: string;
  /** The writer's user id (notes), null when unknown. */
  authorId: string | null;
  card: Card | null;
}

export interface ListSection {
  /** The frame's or zone's shape id. */
  id: string;
  title: string;
  /** 0 for the step's frame (or a top frame), 1 for a frame or zone inside it… */
  level: number;
  /** A frame notes can be put in from the list (the person's zone); labelled zones are not. */
  addable: boolean;
  items: ListItem[];
}

function listItem(item: BoardItem): ListItem | null {
  // The template's furniture (titles, captions) is read as headings, not listed as contributions.
  if (isScaffolding({ meta: item.meta }) && !item.card) return null;
  const kind = item.card
    ? ListItemKind.card
    : item.kind === BoardItemKind.note
      ? ListItemKind.note
      : ListItemKind.text;
  return { id: item.id, kind, text: item.text, authorId: noteAuthor({ meta: item.meta }), card: item.card };
}

const listItems = (items: readonly BoardItem[]): ListItem[] =>
  items.flatMap((item) => {
    const listed = listItem(item);
    return listed ? [listed] : [];
  });

/**
 * The sections to list. With `rootFrameIds` (the current step's frame, or every group's zone of
 * it): those frames, then what they hold, depth first, each frame followed by its labelled zones.
 * Without (a board with no step frame): every frame, then the zones and items outside any frame
 * under `outsideTitle`. `addTargets` are the frames where the person may add a note (their place).
 */
export function listSections(
  reading: BoardReading,
  rootFrameIds: readonly string[] | null,
  addTargets: readonly string[],
  outsideTitle: string,
): ListSection[] {
  const parentOf = new Map(reading.frames.map((frame) => [frame.id, frame.parentFrameId]));
  const depthOf = new Map(reading.frames.map((frame) => [frame.id, frame.depth]));
  /** The root holding `frameId` (itself or an ancestor), undefined outside every root. */
  const rootOf = (frameId: string): string | undefined => {
    const seen = new Set<string>();
    for (let id: string | null | undefined = frameId; id && !seen.has(id); id = parentOf.get(id)) {
      if (rootFrameIds?.includes(id)) return id;
      seen.add(id);
    }
    return undefined;
  };
  const sections: ListSection[] = [];
  for (const frame of reading.frames) {
    const root = rootFrameIds ? rootOf(frame.id) : frame.id;
    if (root === undefined) continue;
    const level = rootFrameIds ? frame.depth - (depthOf.get(root) ?? 0) : frame.depth;
    sections.push({
      id: frame.id,
      title: frame.title,
      level,
      addable: addTargets.includes(frame.id),
      items: listItems(frame.items),
    });
    // A zone repeating its frame's title is the frame's header (a PGO theme's), not a zone of its own.
    for (const zone of frame.zones.filter((zone) => zone.label.trim() !== frame.title.trim()))
      sections.push({
        id: zone.id,
        title: zone.label,
        level: level + 1,
        addable: false,
        items: listItems(zone.items),
      });
  }
  if (!rootFrameIds) {
    const outside = listItems([...reading.looseZones.flatMap((zone) => zone.items), ...reading.looseItems]);
    if (outside.length > 0)
      sections.push({ id: 'outside', title: outsideTitle, level: 0, addable: false, items: outside });
  }
  return sections;
}

/** The heading level of a section under the list view's own h1 and the step's h2. */
export function headingLevel(section: Pick<ListSection, 'level'>): 3 | 4 | 5 | 6 {
  return Math.min(3 + section.level, 6) as 3 | 4 | 5 | 6;
}

/** Every note and card of the board, in the order a reader meets them (what Tab walks on the canvas). */
export function notesInReadingOrder(reading: BoardReading): string[] {
  return listItems(reading.items)
    .filter((item) => item.kind !== ListItemKind.text)
    .map((item) => item.id);
}

/**
 * The id Tab (`next`) or Shift+Tab (`previous`) moves to from `current` (the selected note, or null),
 * null past either end: the focus then leaves the canvas as Tab does anywhere else.
 */
export function adjacentInOrder(
  ids: readonly string[],
  current: string | null,
  direction: 'next' | 'previous',
): string | null {
  const index = current === null ? -1 : ids.indexOf(current);
  if (index === -1) return (direction === 'next' ? ids[0] : ids.at(-1)) ?? null;
  return ids[index + (direction === 'next' ? 1 : -1)] ?? null;
}
