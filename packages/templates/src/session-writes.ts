// What the server writes on a board as the session moves (SPEC T-WRITES), through the board's room:
// a decision's text in its vote's frame and the engagement cards of the themes it retained; the recap
// when a recap step is entered. Pure: the server hands in the live records and the session state and
// writes back what this returns, with the document's mark of what was done so nothing is written twice.
import {
  cardLabels,
  engagementCriteria,
  firstLine,
  readCard,
  readZone,
  scaffoldingMeta,
  shapeText,
  similarLabs,
  ZoneKind,
  zoneLabel,
  type ChainShape,
  type IdentityCardRef,
  type PgoTheme,
} from '@atelier/board-schema';
import type { Decision, Locale, SessionState, Step } from '@atelier/protocol';
import type {
  TLDocument,
  TLFrameShape,
  TLGeoShape,
  TLRecord,
  TLRichText,
  TLShape,
  TLTextShape,
} from '@tldraw/tlschema';
import { getIndexAbove, type IndexKey } from '@tldraw/utils';
import { engagementCardsForThemes, engagementsFrameOf, themesWithCards } from './engagement-cards';
import { programmeWriteKey, programmeWrites } from './programme';
import { writeRevealedNotes } from './reveal-writes';
import { estimateTextHeight } from './text-layout';

/** The document's meta key listing the writes done (`decision:<id>`, `recap:<seq>`, `reveal:<id>`). */
export const boardWritesMetaKey = 'atelier.boardWrites';
/** On the text a decision wrote outside a slot: the decision's step (or first vote). */
export const decisionMetaKey = 'atelier.decision';
/** On the recap text: a new entry into the recap step leaves it as the facilitator corrected it. */
export const recapMetaKey = 'atelier.recap';

const DOCUMENT_ID = 'document:document';
/** Writes remembered in the document (a day of workshops stays far below). */
const MAX_REMEMBERED = 200;
const PADDING = 60;

/** The board as the room holds it right now. */
export interface BoardView {
  get(id: string): TLRecord | undefined;
  all(): Iterable<TLRecord>;
}

export interface SessionWritesOptions {
  /** New shape ids (`shape:` is prefixed when missing). */
  createId: () => string;
}

const labels = {
  fr: {
    decided: 'Décidé par le vote.',
    tie: (names: string, count: string) => `Égalité à la coupure entre ${names} (${count} chacun)`,
    runoff: (rounds: number) =>
      rounds > 1 ? `départagée par ${rounds} votes de départage.` : 'départagée par un second vote.',
    choice: "choix de l'animateur·rice.",
    points: (n: number) => `${n} point${n > 1 ? 's' : ''}`,
    and: ' et ',
    deleted: '(élément supprimé)',
    defaultTitle: (kind: Decision['itemKind']) => (kind === 'zone' ? 'Zones retenues' : 'Idées retenues'),
    decisions: 'Décisions',
    engagements: 'Engagements',
    toWrite: '(à formuler)',
    criteriaMet: 'Critères remplis',
    none: 'aucun',
    actions: 'Actions',
    keptActions: 'Actions retenues',
    pairs: 'Labs proches',
    sharedStage: 'même stade',
    colon: ' : ',
  },
  en: {
    decided: 'Decided by the vote.',
    tie: (names: string, count: string) => `Tie at the cut between ${names} (${count} each)`,
    runoff: (rounds: number) =>
      rounds > 1 ? `settled by ${rounds} run-off votes.` : 'settled by a run-off vote.',
    choice: "the facilitator's choice.",
    points: (n: number) => `${n} dot${n > 1 ? 's' : ''}`,
    and: ' and ',
    deleted: '(deleted item)',
    defaultTitle: (kind: Decision['itemKind']) => (kind === 'zone' ? 'Zones kept' : 'Ideas kept'),
    decisions: 'Decisions',
    engagements: 'Commitments',
    toWrite: '(to be written)',
    criteriaMet: 'Criteria met',
    none: 'none',
    actions: 'Actions',
    keptActions: 'Actions kept',
    pairs: 'Labs to introduce',
    sharedStage: 'same stage',
    colon: ': ',
  },
} as const;

// --- Rich text: what tldraw's editor (TipTap) reads, and the export keeps (bold, lists).

type RichNode = { type: string; content?: RichNode[]; text?: string; marks?: { type: string }[] };

const textNode = (text: string, bold = false): RichNode => ({
  type: 'text',
  text,
  ...(bold ? { marks: [{ type: 'bold' }] } : {}),
});
const paragraph = (text: string, bold = false): RichNode => ({
  type: 'paragraph',
  ...(text ? { content: [textNode(text, bold)] } : {}),
});
const bullets = (items: readonly string[]): RichNode => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
});

/** Blocks of a rich text, and the plain lines its height is estimated from. */
class RichDoc {
  readonly nodes: RichNode[] = [];
  readonly lines: string[] = [];

  heading(text: string): this {
    this.nodes.push(paragraph(text, true));
    this.lines.push(text);
    return this;
  }

  line(text: string): this {
    this.nodes.push(paragraph(text));
    this.lines.push(text);
    return this;
  }

  list(items: readonly string[]): this {
    if (items.length === 0) return this;
    this.nodes.push(bullets(items));
    this.lines.push(...items.map((item) => `• ${item}`));
    return this;
  }

  get empty(): boolean {
    return this.nodes.length === 0;
  }

  richText(): TLRichText {
    return { type: 'doc', content: this.nodes } as TLRichText;
  }

  height(width: number, size: 's' | 'm'): number {
    return estimateTextHeight(this.lines.join('\n'), width, size);
  }
}

// --- The board, with what this plan writes laid over it.

class BoardDraft {
  readonly puts = new Map<string, TLRecord>();
  private records: TLRecord[] | null = null;

  constructor(private readonly board: BoardView) {}

  get(id: string): TLRecord | undefined {
    return this.puts.get(id) ?? this.board.get(id);
  }

  shape(id: string | undefined): TLShape | undefined {
    const record = id === undefined ? undefined : this.get(id);
    return record?.typeName === 'shape' ? record : undefined;
  }

  /** Every shape, read once, with the writes of this plan. */
  shapes(): TLShape[] {
    this.records ??= [...this.board.all()];
    const seen = new Set<string>();
    const shapes: TLShape[] = [];
    for (const record of [...this.records, ...this.puts.values()]) {
      if (seen.has(record.id)) continue;
      seen.add(record.id);
      const current = this.get(record.id);
      if (current?.typeName === 'shape') shapes.push(current);
    }
    return shapes;
  }

  children(parentId: string): TLShape[] {
    return this.shapes()
      .filter((shape) => shape.parentId === parentId)
      .sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : 0));
  }

  put(record: TLRecord): void {
    this.puts.set(record.id, record);
  }
}

function newShapeId(options: SessionWritesOptions): TLShape['id'] {
  const raw = options.createId();
  return (raw.startsWith('shape:') ? raw : `shape:${raw}`) as TLShape['id'];
}

function topIndex(children: readonly TLShape[]): IndexKey | null {
  return (children.at(-1)?.index as IndexKey | undefined) ?? null;
}

/** Where a child's bottom edge is in its frame (texts estimated from their words). */
function bottomOf(shape: TLShape): number {
  const props = shape.props as { h?: number; w?: number; size?: 's' | 'm' | 'l' | 'xl'; growY?: number };
  if (typeof props.h === 'number') return shape.y + props.h + (props.growY ?? 0);
  return shape.y + estimateTextHeight(shapeText(shape), props.w ?? 600, props.size ?? 's');
}

/**
 * A text shape written by the server, wrapping, inside `parent`: scaffolding (participants cannot
 * change it, W-SCAFFOLD) but not locked, so the facilitator corrects it in place.
 */
function textShape(
  id: TLShape['id'],
  parent: TLShape,
  at: { x: number; y: number; w: number; index: IndexKey; size?: 's' | 'm' },
  richText: TLRichText,
  meta: TLShape['meta'],
): TLTextShape {
  return {
    id: id as TLTextShape['id'],
    typeName: 'shape',
    type: 'text',
    x: at.x,
    y: at.y,
    rotation: 0,
    index: at.index,
    parentId: parent.id,
    isLocked: false,
    opacity: 1,
    meta: { ...meta, ...scaffoldingMeta() },
    props: {
      color: 'black',
      size: at.size ?? 's',
      w: at.w,
      font: 'sans',
      textAlign: 'start',
      autoSize: false,
      scale: 1,
      richText,
    },
  };
}

// --- Decisions

/** How an item of a decision reads: a zone by its theme or title, a note by its first line. */
export function decisionItemLabel(record: ChainShape | undefined, locale: Locale): string {
  if (!record || record.typeName !== 'shape') return labels[locale].deleted;
  if (record.type === 'frame') return zoneLabel(record, locale) || labels[locale].deleted;
  return firstLine(shapeText(record)) || labels[locale].deleted;
}

function joinNames(names: readonly string[], locale: Locale): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')}${labels[locale].and}${names.at(-1)}`;
}

/** The decision as the board shows it: its title, the items retained with their dots, why. */
function decisionDoc(decision: Decision, board: BoardDraft, locale: Locale): RichDoc {
  const l = labels[locale];
  const label = (itemId: string) => decisionItemLabel(board.get(itemId), locale);
  const title = decision.title?.[locale] || l.defaultTitle(decision.itemKind);
  const doc = new RichDoc().heading(title);
  doc.list(decision.retained.map((item) => `${label(item.itemId)} — ${l.points(item.count)}`));
  if (decision.reason === 'votes' || !decision.tied?.length) return doc.line(l.decided);
  const tie = l.tie(
    joinNames(
      decision.tied.map((item) => label(item.itemId)),
      locale,
    ),
    l.points(decision.tied[0]!.count),
  );
  const how = decision.reason === 'runoff' ? l.runoff(decision.runoffs?.length ?? 1) : l.choice;
  return doc.line(`${tie}${locale === 'fr' ? ' : ' : ': '}${how}`);
}

/** The decision's text: in the decision slot of its frame (PGO), else at the bottom of the frame, grown. */
function writeDecisionText(
  decision: Decision,
  state: SessionState,
  board: BoardDraft,
  options: SessionWritesOptions,
): void {
  const locale = state.locale ?? 'fr';
  const doc = decisionDoc(decision, board, locale);
  const stepFrame = state.steps.find((step) => step.id === decision.stepId)?.frameId;
  const frame = board.shape(decision.frameId ?? stepFrame);
  const shapes = board.shapes();
  const slot = shapes.find((shape): shape is TLGeoShape => {
    const zone = readZone(shape);
    return (
      shape.type === 'geo' &&
      zone?.kind === ZoneKind.decision &&
      (zone.stepId === decision.stepId || (frame !== undefined && shape.parentId === frame.id))
    );
  });
  if (slot) {
    board.put({
      ...slot,
      props: { ...slot.props, richText: doc.richText(), dash: 'solid', color: 'violet', fill: 'semi' },
    });
    return;
  }
  if (!frame || frame.type !== 'frame') return;
  const key = decision.stepId ?? decision.voteId;
  const previous = shapes.find((shape) => (shape.meta as Record<string, unknown>)[decisionMetaKey] === key);
  if (previous?.type === 'text') {
    board.put({ ...previous, props: { ...previous.props, richText: doc.richText() } } as TLTextShape);
    return;
  }
  const framed = frame as TLFrameShape;
  const w = Math.max(200, framed.props.w - 2 * PADDING);
  const y = framed.props.h;
  const text = textShape(
    newShapeId(options),
    framed,
    { x: PADDING, y, w, index: getIndexAbove(topIndex(board.children(framed.id))) },
    doc.richText(),
    { [decisionMetaKey]: key },
  );
  board.put(text);
  board.put({ ...framed, props: { ...framed.props, h: y + doc.height(w, 's') + PADDING } });
}

/** The PGO themes a decision on theme columns retained, in its order. */
function retainedThemes(decision: Decision, board: BoardDraft): PgoTheme[] {
  if (decision.itemKind !== 'zone') return [];
  return decision.retained.flatMap((item) => {
    const zone = readZone(board.shape(item.itemId) ?? {});
    return zone?.kind === ZoneKind.theme && zone.theme ? [zone.theme] : [];
  });
}

/** One blank engagement card per retained theme without one, in the engagements frame's free slots. */
function writeEngagementCards(
  decision: Decision,
  state: SessionState,
  board: BoardDraft,
  options: SessionWritesOptions,
): void {
  const themes = retainedThemes(decision, board);
  if (themes.length === 0) return;
  const shapes = board.shapes();
  const frame = engagementsFrameOf(shapes);
  if (!frame) return;
  const existing = themesWithCards(shapes);
  const missing = themes.filter((theme) => !existing.has(theme));
  if (missing.length === 0) return;
  const children = board.children(frame.id);
  const top = topIndex(children);
  const cards = engagementCardsForThemes(missing, {
    parentId: frame.id,
    locale: state.locale ?? 'fr',
    createId: options.createId,
    firstSlot: children.filter((child) => readCard(child)?.kind === 'engagement').length,
    ...(top ? { indexAbove: top } : {}),
  });
  for (const card of cards) board.put(card);
}

// --- Recap

function recapDoc(state: SessionState, board: BoardDraft, locale: Locale): RichDoc {
  const l = labels[locale];
  const doc = new RichDoc();
  const decisions = state.decisions ?? [];
  if (decisions.length > 0) {
    doc.heading(l.decisions);
    for (const decision of decisions) {
      const title = decision.title?.[locale] || l.defaultTitle(decision.itemKind);
      const items = decision.retained.map((item) => decisionItemLabel(board.get(item.itemId), locale));
      doc.line(`${title}${l.colon}${items.join(' ; ')}`);
    }
  }

  const cards = board.shapes().flatMap((shape) => {
    const card = readCard(shape);
    return card ? [{ shape, card }] : [];
  });
  const retained = new Set(decisions.flatMap((decision) => retainedThemes(decision, board)));
  const engagements = cards.flatMap(({ card }) => (card.kind === 'engagement' ? [card.fields] : []));
  const shownEngagements = engagements.filter(
    (fields) =>
      retained.has(fields.theme) || fields.engagement.trim() || fields.actions.some((a) => a.trim()),
  );
  if (shownEngagements.length > 0) {
    doc.heading(l.engagements);
    for (const fields of shownEngagements) {
      doc.line(
        `${cardLabels.pgoTheme[fields.theme][locale]}${l.colon}${fields.engagement.trim() || l.toWrite}`,
      );
      const met = engagementCriteria.filter((criterion) => fields.criteria[criterion]);
      doc.line(
        `${l.criteriaMet}${l.colon}${met.map((c) => cardLabels.engagementCriterion[c][locale]).join(', ') || l.none}`,
      );
      doc.list(fields.actions.map((action) => action.trim()).filter(Boolean));
    }
  }

  const actions = cards.flatMap(({ card }) =>
    card.kind === 'action' && card.fields.action.trim() ? [card.fields] : [],
  );
  if (actions.length > 0) {
    const f = cardLabels.actionField;
    doc.heading(l.keptActions);
    doc.list(
      actions.map((action) =>
        [
          action.action.trim(),
          ...(
            [
              ['why', action.why],
              ['firstStep', action.firstStep],
              ['owner', action.owner],
            ] as const
          ).flatMap(([key, value]) => (value.trim() ? [`${f[key][locale]}${l.colon}${value.trim()}`] : [])),
        ].join(' — '),
      ),
    );
  }

  const labs: IdentityCardRef[] = cards.flatMap(({ shape, card }) =>
    card.kind === 'identity' && card.fields.labName.trim() ? [{ id: shape.id, fields: card.fields }] : [],
  );
  const names = new Map(labs.map((lab) => [lab.id, lab.fields.labName.trim()]));
  const pairs = similarLabs(labs).slice(0, 12);
  if (pairs.length > 0) {
    doc.heading(l.pairs);
    doc.list(
      pairs.map((pair) => {
        const why = [
          ...pair.sharedTypes.map((type) => cardLabels.innovationType[type][locale]),
          ...(pair.sameStage ? [l.sharedStage] : []),
        ].join(', ');
        return `${names.get(pair.a)} ↔ ${names.get(pair.b)}${why ? ` (${why})` : ''}`;
      }),
    );
  }
  return doc;
}

/** The recap at the bottom of the step's frame, unless one is there already (the facilitator's edits stay). */
function writeRecap(step: Step, state: SessionState, board: BoardDraft, options: SessionWritesOptions): void {
  const frame = board.shape(step.frameId);
  if (!frame || frame.type !== 'frame') return;
  const children = board.children(frame.id);
  if (children.some((child) => (child.meta as Record<string, unknown>)[recapMetaKey] === true)) return;
  const doc = recapDoc(state, board, state.locale ?? 'fr');
  if (doc.empty) return;
  const framed = frame as TLFrameShape;
  const w = Math.max(200, framed.props.w - 2 * PADDING);
  const y = Math.max(PADDING, ...children.map(bottomOf)) + 30;
  const text = textShape(
    newShapeId(options),
    framed,
    // The frame's main text, as large as its instructions.
    { x: PADDING, y, w, index: getIndexAbove(topIndex(children)), size: 'm' },
    doc.richText(),
    { [recapMetaKey]: true },
  );
  board.put(text);
  const h = y + doc.height(w, 'm') + PADDING;
  if (h > framed.props.h) board.put({ ...framed, props: { ...framed.props, h } });
}

// --- The plan

/** What a state asks the board to show: one key per decision, one per entry into a recap step, one per reveal. */
export function wantedWrites(state: SessionState): string[] {
  const keys = (state.decisions ?? []).map((decision) => `decision:${decision.id}`);
  const entry = state.stepEntry;
  const step = entry ? state.steps.find((candidate) => candidate.id === entry.stepId) : undefined;
  if (entry && step?.recap) keys.push(`recap:${entry.seq}`);
  // A programme's order: sections added, moved or removed change it (T-PROG-4).
  const programme = programmeWriteKey(state);
  if (programme) keys.push(programme);
  for (const reveal of state.reveals ?? []) keys.push(`reveal:${reveal.id}`);
  return keys;
}

/** The writes the document says were done. */
export function doneWrites(board: Pick<BoardView, 'get'>): string[] {
  const document = board.get(DOCUMENT_ID);
  const done = (document?.meta as Record<string, unknown> | undefined)?.[boardWritesMetaKey];
  return Array.isArray(done) ? done.filter((key): key is string => typeof key === 'string') : [];
}

/**
 * T-WRITES: the records to put so the board shows what the session decided: for each decision not yet
 * written, its text and the engagement cards of its retained themes; on a new entry into a recap
 * step, the recap. The document record, marked with what was done, comes last. Null: nothing to do.
 * (A programme's changes may also remove shapes: see `sessionBoardChanges`.)
 */
export function sessionBoardWrites(
  board: BoardView,
  state: SessionState,
  options: SessionWritesOptions,
): TLRecord[] | null {
  return sessionBoardChanges(board, state, options)?.put ?? null;
}

/** T-WRITES and T-PROG-4: the records to put and the ids to remove; null when there is nothing to do. */
export function sessionBoardChanges(
  board: BoardView,
  state: SessionState,
  options: SessionWritesOptions,
): { put: TLRecord[]; remove: string[] } | null {
  const done = doneWrites(board);
  const todo = wantedWrites(state).filter((key) => !done.includes(key));
  const document = board.get(DOCUMENT_ID) as TLDocument | undefined;
  if (todo.length === 0 || !document) return null;
  const draft = new BoardDraft(board);
  const extraDone: string[] = [];
  let remove: string[] = [];
  for (const key of todo) {
    if (key.startsWith('programme:')) {
      const page = [...board.all()].find((record) => record.typeName === 'page');
      if (!page) continue;
      const changes = programmeWrites(board, state, done, page.id);
      for (const record of changes.put) draft.put(record);
      remove = changes.remove;
      extraDone.push(...changes.keys);
    } else if (key.startsWith('decision:')) {
      const decision = state.decisions?.find((candidate) => `decision:${candidate.id}` === key);
      if (!decision) continue;
      writeDecisionText(decision, state, draft, options);
      writeEngagementCards(decision, state, draft, options);
    } else if (key.startsWith('reveal:')) {
      const reveal = state.reveals?.find((candidate) => `reveal:${candidate.id}` === key);
      if (reveal) writeRevealedNotes(reveal, state, draft, () => newShapeId(options));
    } else {
      const step = state.steps.find((candidate) => candidate.id === state.stepEntry?.stepId);
      if (step) writeRecap(step, state, draft, options);
    }
  }
  draft.put({
    ...document,
    meta: {
      ...document.meta,
      [boardWritesMetaKey]: [...done, ...extraDone, ...todo].slice(-MAX_REMEMBERED),
    },
  });
  return { put: [...draft.puts.values()], remove };
}
