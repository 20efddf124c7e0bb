// A day of sequences on one board (SPEC T-PROG): each section is a template laid out in its own area, left
// to right, under a title; its steps' ids and its shapes' ids start with the section's id, so two sections
// of the same template never collide and the server can rebuild a section's shapes exactly.
import {
  isScaffolding,
  readSectionId,
  readZone,
  richTextToPlainText,
  sectionMeta,
  ZoneKind,
  zoneMeta,
} from '@atelier/board-schema';
import {
  numberSteps,
  sectionStepId,
  type Locale,
  type ProgrammeSection,
  type SectionRequest,
  type SessionState,
  type Step,
} from '@atelier/protocol';
import {
  toRichText,
  type TLImageAsset,
  type TLPageId,
  type TLRecord,
  type TLShape,
  type TLTextShape,
} from '@tldraw/tlschema';
import { getIndexAbove, type IndexKey } from '@tldraw/utils';
import { BoardDraft } from './board-draft';
import { buildBoard, getTemplate } from './build-board';
import type { BuiltGroup } from './template-definition';
import { estimateTextHeight } from './text-layout';

/** Space between two sections' areas. */
export const SECTION_GAP = 600;
/** A section's title: xl text drawn `TITLE_SCALE` times larger, at least `MIN_TITLE_W` wide, `TITLE_GAP` above its area. */
const TITLE_SCALE = 3;
const TITLE_GAP = 80;
const MIN_TITLE_W = 2400;
/** Templates that are a piece of the day rather than a workshop: their question, when given, titles them. */
const FREE_STEP_TEMPLATES = new Set(['talk', 'break', 'feedback-wall']);

export interface Area {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface BuiltSection {
  section: ProgrammeSection;
  /** Top-level shapes first, then the rest, as `buildBoard` gives them; the title last. Placed at `origin`. */
  records: TLShape[];
  assets: TLImageAsset[];
  /** The template's steps, ids `<section>.<step>`, each with `sectionId` and its frame. */
  steps: Step[];
  groups: BuiltGroup[];
  question: string | null;
}

export interface SectionBuildOptions {
  locale: Locale;
  pageId: TLPageId | `page:${string}`;
  /** The number of the section's first numbered step in the whole day (P-NUM-1). */
  numberFrom?: number;
  /** Where the area's top-left corner goes (its title is above it); (0, 0) when omitted. */
  origin?: { x: number; y: number };
}

/** The ids a section's shapes get: `<section>x<n>`, the same on every process and every rebuild (T-PROG-2). */
export function sectionIdSource(sectionId: string): () => string {
  let n = 0;
  return () => `${sectionId}x${(n++).toString(36)}`;
}

/** "10 h 30" from "10:30" in French, "10:30" in English. */
export function formatClockTime(time: string, locale: Locale): string {
  if (locale === 'en') return time;
  const [h, m] = time.split(':');
  return `${Number(h)} h ${m}`;
}

/** The section as the session keeps it: its template's title (or, for a talk, break or wall, its subject). */
export function describeSection(request: SectionRequest, sectionId: string): ProgrammeSection | null {
  const summary = getTemplate(request.template);
  if (!summary) return null;
  const question = request.question?.trim();
  const title =
    question && FREE_STEP_TEMPLATES.has(request.template) ? { fr: question, en: question } : summary.title;
  return {
    id: sectionId,
    template: request.template,
    title,
    ...(request.groups !== undefined && summary.maxGroups > 1 ? { groups: request.groups } : {}),
    ...(question ? { question } : {}),
    ...(request.startsAt ? { startsAt: request.startsAt } : {}),
  };
}

function shapeSize(shape: TLShape): { w: number; h: number } {
  const props = shape.props as { w?: number; h?: number; richText?: unknown };
  if (shape.type === 'text') {
    const w = props.w ?? 0;
    const size = (shape.props as { size?: 's' | 'm' | 'l' | 'xl' }).size ?? 's';
    const text = props.richText
      ? richTextToPlainText(props.richText as TLTextShape['props']['richText'])
      : '';
    return { w, h: estimateTextHeight(text, w, size) };
  }
  return { w: props.w ?? 0, h: props.h ?? 0 };
}

/** The box holding the given top-level shapes (an empty box at the origin when there are none). */
export function areaOf(shapes: readonly TLShape[]): Area {
  if (shapes.length === 0) return { x: 0, y: 0, w: 0, h: 0 };
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const shape of shapes) {
    const { w, h } = shapeSize(shape);
    left = Math.min(left, shape.x);
    top = Math.min(top, shape.y);
    right = Math.max(right, shape.x + w);
    bottom = Math.max(bottom, shape.y + h);
  }
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/**
 * One section's shapes and steps (T-PROG-1, T-PROG-2): the template built with the section's id source,
 * its steps and zones renamed `<section>.<step>`, its top-level shapes moved to `origin` and marked with
 * the section, and a title above (scaffolding like any template furniture, T-SCAFFOLD). Null for a
 * template that is not built in.
 */
export function buildSection(
  request: SectionRequest,
  sectionId: string,
  options: SectionBuildOptions,
): BuiltSection | null {
  const section = describeSection(request, sectionId);
  if (!section) return null;
  const createId = sectionIdSource(sectionId);
  const built = buildBoard(request.template, {
    groups: request.groups,
    question: request.question,
    locale: options.locale,
    pageId: options.pageId,
    createId,
    ...(options.numberFrom !== undefined ? { numberFrom: options.numberFrom } : {}),
  });
  const origin = options.origin ?? { x: 0, y: 0 };
  const pageId = options.pageId as string;
  const rename = (id: string) => sectionStepId(sectionId, id);
  const records: TLShape[] = built.records.map((shape) => {
    const zone = readZone(shape);
    const meta = zone?.stepId
      ? { ...shape.meta, ...zoneMeta({ ...zone, stepId: rename(zone.stepId) }) }
      : shape.meta;
    if (shape.parentId !== pageId) return { ...shape, meta } as TLShape;
    return {
      ...shape,
      x: shape.x + origin.x,
      y: shape.y + origin.y,
      meta: { ...meta, ...sectionMeta(sectionId) },
    } as TLShape;
  });
  const area = areaOf(records.filter((shape) => shape.parentId === pageId));
  // The title: a draft of its own, on the same id source, so its id follows the template's shapes.
  const draft = new BoardDraft(options.pageId as TLPageId, createId);
  const lastTopIndex = records
    .filter((shape) => shape.parentId === pageId)
    .reduce<IndexKey | null>(
      (last, shape) => (last === null || shape.index > last ? shape.index : last),
      null,
    );
  const titleText = sectionTitleText(section, options.locale);
  const titleW = Math.max(MIN_TITLE_W, area.w) / TITLE_SCALE;
  const title = draft.text({
    x: origin.x,
    y: origin.y - estimateTextHeight(titleText, titleW, 'xl') * TITLE_SCALE - TITLE_GAP,
    w: titleW,
    text: titleText,
    size: 'xl',
    color: 'violet',
    meta: { ...zoneMeta({ kind: ZoneKind.sectionTitle, sectionId }), ...sectionMeta(sectionId) },
  });
  // Large enough to read with the whole day zoomed to fit.
  records.push({
    ...title,
    index: getIndexAbove(lastTopIndex),
    props: { ...title.props, scale: TITLE_SCALE },
  });
  return {
    section,
    records,
    assets: built.assets,
    steps: built.steps.map((step) => ({ ...step, id: rename(step.id), sectionId })),
    groups: built.groups.map((group) => ({
      ...group,
      stepFrameIds: Object.fromEntries(
        Object.entries(group.stepFrameIds).map(([stepId, frameId]) => [rename(stepId), frameId]),
      ),
    })),
    question: built.question,
  };
}

/** "10 h 30 · Flash codéveloppement", or the bare title without a planned time. */
export function sectionTitleText(section: ProgrammeSection, locale: Locale): string {
  const title = section.title[locale];
  return section.startsAt ? `${formatClockTime(section.startsAt, locale)} · ${title}` : title;
}

export interface BuiltProgramme {
  sections: ProgrammeSection[];
  records: TLShape[];
  assets: TLImageAsset[];
  steps: Step[];
  /** What the day's steps are numbered from: the first section's template's (P-NUM-1). */
  firstStepNumber: number;
  /** Per section id, where its area lies (title included). */
  areas: Record<string, Area>;
}

/** The next number after a sequence (P-NUM): where the following section starts counting. */
function nextNumber(steps: readonly Pick<Step, 'id' | 'kind'>[], firstStepNumber: number): number {
  const last = numberSteps(steps, firstStepNumber).last;
  return last === null ? firstStepNumber : last + 1;
}

/**
 * A whole day (T-PROG-1): the sections in order, left to right with `SECTION_GAP` between areas, the steps
 * the sections' steps in order, numbered across the day. Throws on a template that is not built in.
 */
export function buildProgramme(
  requests: readonly SectionRequest[],
  options: { locale: Locale; pageId: TLPageId | `page:${string}`; sectionIds: readonly string[] },
): BuiltProgramme {
  const firstStepNumber = getTemplate(requests[0]?.template ?? '')?.firstStepNumber ?? 1;
  const result: BuiltProgramme = {
    sections: [],
    records: [],
    assets: [],
    steps: [],
    firstStepNumber,
    areas: {},
  };
  let x = 0;
  requests.forEach((request, i) => {
    const sectionId = options.sectionIds[i];
    if (!sectionId) throw new Error('a section id is missing');
    const built = buildSection(request, sectionId, {
      locale: options.locale,
      pageId: options.pageId,
      numberFrom: nextNumber(result.steps, firstStepNumber),
      origin: { x, y: 0 },
    });
    if (!built) throw new Error(`unknown template: ${request.template}`);
    const area = areaOf(built.records.filter((shape) => shape.parentId === options.pageId));
    result.areas[sectionId] = area;
    x = area.x + area.w + SECTION_GAP;
    result.sections.push(built.section);
    result.records.push(...built.records);
    result.assets.push(...built.assets);
    result.steps.push(...built.steps);
  });
  return result;
}

/** The request a section was built from (to build it again, elsewhere or renumbered). */
export function sectionRequestOf(section: ProgrammeSection): SectionRequest {
  return {
    template: section.template,
    ...(section.groups !== undefined ? { groups: section.groups } : {}),
    ...(section.question !== undefined ? { question: section.question } : {}),
    ...(section.startsAt !== undefined ? { startsAt: section.startsAt } : {}),
  };
}

// --- What the server writes when the programme changes on a running board (T-PROG-4).

/** The document's key for the programme's order: a new key, a new layout (T-PROG-4). */
export function programmeWriteKey(state: Pick<SessionState, 'sections' | 'log'>): string | null {
  const sections = state.sections;
  if (!sections || sections.length === 0) return null;
  // The time of the last change tells a section moved back from the order it had before.
  const last = state.log.findLast((entry) => entry.type.startsWith('section.'));
  return `programme:${sections.map((s) => s.id).join(',')}@${last?.at ?? 0}`;
}

/** The keys a programme's board starts with: its sections are already on it. */
export function sectionWriteKey(sectionId: string): string {
  return `section:${sectionId}`;
}

export interface ProgrammeWrite {
  put: TLRecord[];
  remove: string[];
}

interface ProgrammeBoard {
  all(): Iterable<TLRecord>;
}

/**
 * `text` with each of its `separator`-separated "n. …" parts renumbered: the part's step (`stepOf` its
 * text after the number) takes its number in `numbers`; other parts stay as they are.
 */
function renumbered(
  text: string,
  separator: string,
  stepOf: (rest: string) => Step | undefined,
  numbers: ReadonlyMap<string, number | null>,
): string {
  return text
    .split(separator)
    .map((part) => {
      const match = /^(\d+)\. (.*)$/.exec(part);
      if (!match) return part;
      const rest = match[2]!;
      const step = stepOf(rest);
      const number = step ? numbers.get(step.id) : undefined;
      return number === undefined || number === null ? part : `${number}. ${rest}`;
    })
    .join(separator);
}

/**
 * T-PROG-4: what to put and remove so the board shows the session's programme: a section added (not yet
 * written, `done` lacks its key) is built at its place with the same ids as its steps' frames; a section
 * removed loses its shapes; the areas are laid left to right in the sections' order; step frames are
 * renumbered (P-NUM-3). Pure; the caller marks `keys` done.
 */
export function programmeWrites(
  board: ProgrammeBoard,
  state: Pick<SessionState, 'sections' | 'steps' | 'firstStepNumber' | 'locale'>,
  done: readonly string[],
  pageId: string,
): ProgrammeWrite & { keys: string[] } {
  const sections = state.sections ?? [];
  const locale = state.locale ?? 'fr';
  const wanted = new Set(sections.map((section) => section.id));
  const shapes = [...board.all()].filter((record): record is TLShape => record.typeName === 'shape');
  const byId = new Map(shapes.map((shape) => [shape.id as string, shape]));
  const children = new Map<string, TLShape[]>();
  for (const shape of shapes) {
    const list = children.get(shape.parentId) ?? [];
    list.push(shape);
    children.set(shape.parentId, list);
  }
  const put = new Map<string, TLRecord>();
  const remove: string[] = [];
  const keys: string[] = [];

  // Sections removed: their top-level shapes and everything inside them.
  const removeTree = (shape: TLShape) => {
    remove.push(shape.id);
    for (const child of children.get(shape.id) ?? []) removeTree(child);
  };
  const topLevel = shapes.filter((shape) => shape.parentId === pageId);
  for (const shape of topLevel) {
    const sectionId = readSectionId(shape);
    if (sectionId !== null && !wanted.has(sectionId)) removeTree(shape);
  }

  // Bindings (arrows people bound to a removed shape) go with it: a binding to nothing is invalid.
  if (remove.length > 0) {
    const removed = new Set(remove);
    for (const record of board.all()) {
      const binding = record as TLRecord & { fromId?: string; toId?: string };
      if (
        record.typeName === 'binding' &&
        (removed.has(binding.fromId ?? '') || removed.has(binding.toId ?? ''))
      )
        remove.push(record.id);
    }
  }

  // Sections added: built where they will be moved to below, numbered where they stand.
  const numbers = numberSteps(state.steps, state.firstStepNumber ?? 1);
  const areaShapes = new Map<string, TLShape[]>();
  for (const shape of topLevel) {
    const sectionId = readSectionId(shape);
    if (sectionId !== null && wanted.has(sectionId)) {
      const list = areaShapes.get(sectionId) ?? [];
      list.push(shape);
      areaShapes.set(sectionId, list);
    }
  }
  let topIndex = topLevel.reduce<IndexKey | null>(
    (last, shape) => (last === null || shape.index > last ? shape.index : last),
    null,
  );
  for (const section of sections) {
    const key = sectionWriteKey(section.id);
    if (done.includes(key) || areaShapes.has(section.id)) continue;
    const firstNumbered = state.steps.find(
      (step) => step.sectionId === section.id && (numbers.byId.get(step.id) ?? null) !== null,
    );
    const built = buildSection(sectionRequestOf(section), section.id, {
      locale,
      pageId: pageId as TLPageId,
      ...(firstNumbered ? { numberFrom: numbers.byId.get(firstNumbered.id)! } : {}),
    });
    if (!built) continue;
    const added: TLShape[] = [];
    for (const record of built.records) {
      if (byId.has(record.id)) continue;
      const placed =
        record.parentId === pageId ? { ...record, index: (topIndex = getIndexAbove(topIndex)) } : record;
      put.set(placed.id, placed);
      if (placed.parentId === pageId) added.push(placed as TLShape);
    }
    for (const asset of built.assets) put.set(asset.id, asset);
    areaShapes.set(section.id, added);
    keys.push(key);
  }

  // Left to right in the day's order, each area's top at 0 as built.
  let x: number | null = null;
  for (const section of sections) {
    const members = areaShapes.get(section.id) ?? [];
    if (members.length === 0) continue;
    const area = areaOf(members);
    x ??= area.x;
    const dx = x - area.x;
    if (dx !== 0) {
      for (const shape of members) {
        const current = (put.get(shape.id) as TLShape | undefined) ?? shape;
        put.set(shape.id, { ...current, x: current.x + dx });
      }
    }
    x += area.w + SECTION_GAP;
  }

  // Step frames renumbered where the order changed their numbers (P-NUM-3).
  for (const shape of shapes) {
    if (shape.type !== 'frame' || remove.includes(shape.id)) continue;
    const zone = readZone(shape);
    const sectionSteps = zone?.stepId
      ? state.steps.filter((step) => step.sectionId && zone.stepId!.startsWith(`${step.sectionId}.`))
      : [];
    if (sectionSteps.length === 0) continue;
    const frame = (put.get(shape.id) as TLShape | undefined) ?? shape;
    const name = (frame.props as { name: string }).name;
    // A frame shared by several steps is named "2. Titre (…) · 3. Titre (…)".
    const renamed = renumbered(
      name,
      ' · ',
      (rest) => sectionSteps.find((s) => rest === s.title[locale] || rest.startsWith(`${s.title[locale]} (`)),
      numbers.byId,
    );
    if (renamed !== name)
      put.set(frame.id, { ...frame, props: { ...frame.props, name: renamed } } as TLShape);
  }

  // And the numbered instructions the layout wrote for steps sharing a frame, in their section only (two
  // sections of one template have the same instructions).
  const sectionOf = (shape: TLShape): string | null => {
    let current: TLShape | undefined = shape;
    while (current && current.parentId !== pageId) current = byId.get(current.parentId);
    return current ? readSectionId(current) : null;
  };
  for (const shape of shapes) {
    if (shape.type !== 'text' || !isScaffolding(shape) || remove.includes(shape.id)) continue;
    const sectionId = sectionOf(shape);
    const sectionSteps = sectionId ? state.steps.filter((step) => step.sectionId === sectionId) : [];
    if (sectionSteps.length === 0) continue;
    const text = ((put.get(shape.id) as TLShape | undefined) ?? shape) as TLTextShape;
    const plain = richTextToPlainText(text.props.richText);
    // One "n. Consigne" line per step sharing the frame (`numberedInstructions`).
    const lines = renumbered(
      plain,
      '\n',
      (rest) => sectionSteps.find((s) => s.instructions[locale] === rest),
      numbers.byId,
    );
    if (lines !== plain) put.set(text.id, { ...text, props: { ...text.props, richText: toRichText(lines) } });
  }
  return { put: [...put.values()], remove, keys };
}

/** Whether a shape is a section's title (T-PROG-3). */
export function isSectionTitle(shape: Pick<TLTextShape, 'meta'>): boolean {
  return readZone(shape)?.kind === ZoneKind.sectionTitle;
}
