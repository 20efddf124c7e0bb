// Everything a report says, computed once from the board, the session and its log; the Markdown,
// HTML and CSV renderers only lay it out. Strings here are plain text, not yet escaped.
import {
  cardLabels,
  engagementCriteria,
  findAcademie,
  type ActionCardFields,
  type EngagementCardFields,
  type IdentityCardFields,
} from '@atelier/board-schema';
import { getTemplate } from '@atelier/templates';
import {
  numberSteps,
  type BoardMeta,
  type Locale,
  type Participant,
  type SessionLogEntry,
  type SessionState,
} from '@atelier/protocol';
import {
  readBoard,
  BoardItemKind,
  type BoardFrame,
  type BoardItem,
  type BoardReading,
  type BoardRecord,
} from './board-reader';
import { formatDateTime, formatDuration, formatSortableDateTime } from './format';
import { reportLabels, type ReportLabels } from './report-labels';
import { stepTimings, StepTimingStatus } from './step-timings';
import { templatePlaceholderTexts } from './template-placeholders';
import { digestVotes, type VoteDigest } from './vote-digest';

/** What the server hands to every renderer. */
export interface ExportInput {
  board: Pick<BoardMeta, 'title' | 'createdAt' | 'template' | 'question'>;
  /** The room snapshot's records (`snapshot.documents.map((d) => d.state)`). */
  records: readonly BoardRecord[];
  /** The facilitation state; null when the board never had a session. */
  session: SessionState | null;
  /** The session log when stored apart from the state; `session.log` otherwise. */
  log?: readonly SessionLogEntry[];
  /** Epoch ms of the export: the date printed and the end of a timer still running. */
  exportedAt: number;
  locale: Locale;
  /** Time zone for the dates printed; Europe/Paris by default. */
  timeZone?: string;
}

export interface ReportNote {
  id: string;
  text: string;
  frame: string;
  zone: string;
  group: string;
  author: string;
  /** Dots of the vote that applies to its frame; undefined where no vote took place. */
  votes: number | undefined;
  /** Epoch ms, when the note's meta says when it was written. */
  createdAt: number | undefined;
}

export interface ReportZone {
  id: string;
  title: string;
  notes: ReportNote[];
}

export interface ReportSection {
  id: string;
  title: string;
  /** 0 for a frame on the page, 1 for a frame inside it… */
  depth: number;
  /** Notes are ranked by dots (ties in reading order) because a vote took place here. */
  ranked: boolean;
  zones: ReportZone[];
  notes: ReportNote[];
}

export interface ReportStep {
  /** As the board numbers it ("0", "1"…); empty for a break. */
  number: string;
  title: string;
  kind: string;
  planned: string;
  actual: string;
  status: string;
  /** "+5 min" when the facilitator extended it. */
  extended: string;
}

export interface ReportPerson {
  name: string;
  lab: string;
  group: string;
  role: string;
}

export interface ReportGroup {
  name: string;
  members: string[];
}

export interface ReportVote {
  title: string;
  where: string;
  when: string;
  voters: string;
  settings: string;
  open: boolean;
  /** What got dots, most first: a note's first line, a frame's or zone's title, a card's title. */
  results: { label: string; count: number }[];
}

export interface ReportEngagement {
  theme: string;
  engagement: string;
  criteria: { label: string; checked: boolean }[];
  actions: string[];
  where: string;
  votes: number | undefined;
}

export interface ReportAction extends ActionCardFields {
  where: string;
  votes: number | undefined;
}

/** One identity card, its choices as words in the report's language. */
export interface ReportIdentityCard {
  labName: string;
  academie: string;
  dedicatedSpace: string;
  innovationTypes: string;
  services: string;
  stage: string;
  contact: string;
}

export interface ReportModel {
  locale: Locale;
  timeZone: string;
  labels: ReportLabels;
  title: string;
  exportedAt: string;
  createdAt: string;
  template: string;
  question: string;
  steps: ReportStep[];
  totals: { planned: string; actual: string };
  people: ReportPerson[];
  groups: ReportGroup[];
  votes: ReportVote[];
  sections: ReportSection[];
  /** Zones and notes outside every frame, or null when there are none. */
  outside: ReportSection | null;
  /** Every note, in reading order (not ranked), for the CSV. */
  notes: ReportNote[];
  engagements: ReportEngagement[];
  actions: ReportAction[];
  identityCards: ReportIdentityCard[];
}

const userMetaKeys = ['atelier.author', 'atelier.createdBy', 'createdBy', 'authorId'] as const;
const nameMetaKeys = ['atelier.authorName', 'authorName', 'author'] as const;
const createdMetaKeys = ['atelier.createdAt', 'createdAt'] as const;

/**
 * Who wrote a note: an author recorded in its meta (a user id, or a name), else tldraw's last
 * editor (`textLastEditedBy`, the tldraw user id Atelier gives each participant).
 */
function authorOf(
  item: BoardItem,
  people: ReadonlyMap<string, Participant>,
): Participant | string | undefined {
  for (const key of userMetaKeys) {
    const value = item.meta[key];
    if (typeof value === 'string' && people.has(value)) return people.get(value);
    if (typeof value === 'object' && value !== null) {
      const { userId, name } = value as { userId?: unknown; name?: unknown };
      if (typeof userId === 'string' && people.has(userId)) return people.get(userId);
      if (typeof name === 'string' && name.trim()) return name.trim();
    }
  }
  for (const key of nameMetaKeys) {
    const value = item.meta[key];
    if (typeof value === 'string' && value.trim() && !people.has(value)) return value.trim();
  }
  return item.lastEditedBy ? people.get(item.lastEditedBy) : undefined;
}

function createdAtOf(item: BoardItem): number | undefined {
  for (const key of createdMetaKeys) {
    const value = item.meta[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string') {
      const parsed = Date.parse(value);
      if (!Number.isNaN(parsed)) return parsed;
    }
  }
  return undefined;
}

function isBlankEngagement(fields: EngagementCardFields): boolean {
  return (
    !fields.engagement.trim() &&
    fields.actions.every((a) => !a.trim()) &&
    !Object.values(fields.criteria).some(Boolean)
  );
}

function isBlankAction(fields: ActionCardFields): boolean {
  return ![fields.action, fields.why, fields.firstStep, fields.owner].some((value) => value.trim());
}

function isBlankIdentity(fields: IdentityCardFields): boolean {
  return !fields.labName.trim() && fields.academie === null;
}

export function identityCardWords(fields: IdentityCardFields, locale: Locale): ReportIdentityCard {
  const l = cardLabels;
  return {
    labName: fields.labName.trim(),
    academie: fields.academie ? (findAcademie(fields.academie)?.name ?? fields.academie) : '',
    dedicatedSpace: fields.dedicatedSpace ? l.dedicatedSpace[fields.dedicatedSpace][locale] : '',
    innovationTypes: fields.innovationTypes.map((t) => l.innovationType[t][locale]).join(', '),
    services: [...fields.services.map((s) => l.service[s][locale]), fields.servicesOther.trim()]
      .filter(Boolean)
      .join(', '),
    stage: fields.stage ? l.stage[fields.stage][locale] : '',
    contact: fields.contact?.trim() ?? '',
  };
}

const maxLabelLength = 120;

function firstLine(text: string): string {
  const line =
    text
      .split('\n')
      .find((candidate) => candidate.trim())
      ?.trim() ?? '';
  return line.length > maxLabelLength ? `${line.slice(0, maxLabelLength - 1)}…` : line;
}

/** A card named by what it holds: the lab, the engagement's theme, the action. */
function cardTitle(item: BoardItem, locale: Locale): string | undefined {
  const card = item.card;
  if (!card) return undefined;
  switch (card.kind) {
    case 'identity':
      return firstLine(card.fields.labName) || cardLabels.kind.identity[locale];
    case 'engagement':
      return `${cardLabels.kind.engagement[locale]} — ${cardLabels.pgoTheme[card.fields.theme][locale]}`;
    case 'action':
      return firstLine(card.fields.action) || cardLabels.kind.action[locale];
  }
}

/** Frames' ancestry, innermost first. */
function frameChain(frameId: string | null, framesById: ReadonlyMap<string, BoardFrame>): BoardFrame[] {
  const chain: BoardFrame[] = [];
  let frame = frameId ? framesById.get(frameId) : undefined;
  while (frame && !chain.includes(frame)) {
    chain.push(frame);
    frame = frame.parentFrameId ? framesById.get(frame.parentFrameId) : undefined;
  }
  return chain;
}

/** The last vote held on a frame: one aimed at it, or one whose dots landed on its items. */
function voteForItems(
  votes: readonly VoteDigest[],
  frameId: string | null,
  itemIds: readonly string[],
): VoteDigest | undefined {
  for (let i = votes.length - 1; i >= 0; i--) {
    const vote = votes[i]!;
    if ((frameId && vote.frameId === frameId) || itemIds.some((id) => (vote.counts.get(id) ?? 0) > 0))
      return vote;
  }
  return undefined;
}

export function buildReportModel(input: ExportInput): ReportModel {
  const { locale, exportedAt, session } = input;
  const timeZone = input.timeZone ?? 'Europe/Paris';
  const labels = reportLabels[locale];
  const log = input.log ?? session?.log ?? [];
  const board: BoardReading = readBoard(input.records);
  const framesById = new Map(board.frames.map((frame) => [frame.id, frame]));
  const zonesById = new Map(
    [...board.frames.flatMap((frame) => frame.zones), ...board.looseZones].map((zone) => [zone.id, zone]),
  );
  const people = new Map((session?.participants ?? []).map((person) => [person.userId, person]));
  const groupList = session?.groups?.list ?? [];
  const groupName = (groupId: string | undefined) =>
    groupList.find((group) => group.id === groupId)?.name ?? '';

  const frameTitle = (frame: BoardFrame) => frame.title || labels.untitledFrame;
  const whereOf = (frameId: string | null) =>
    frameChain(frameId, framesById).reverse().map(frameTitle).join(' › ');

  /** A group's frame (set at split time, or marked by the template) holds that group's work. */
  const groupOfFrame = (frameId: string | null): string => {
    for (const frame of frameChain(frameId, framesById)) {
      const byFrame = groupList.find((group) => group.frameId === frame.id);
      if (byFrame) return byFrame.name;
      const number = frame.zone?.group;
      if (number !== undefined) {
        const group = groupList.find((g) => g.id === `g${number}`) ?? groupList[number - 1];
        return group?.name ?? `${labels.group} ${number}`;
      }
    }
    return '';
  };

  // The vote that applies to each frame's own items (nested frames decide for themselves).
  const votes = digestVotes(log, session?.vote);
  const voteByFrame = new Map<string | null, VoteDigest | undefined>();
  for (const frame of board.frames) {
    const ids = [...frame.items, ...frame.zones.flatMap((zone) => zone.items)].map((item) => item.id);
    voteByFrame.set(frame.id, voteForItems(votes, frame.id, ids));
  }
  const outsideIds = [...board.looseItems, ...board.looseZones.flatMap((zone) => zone.items)].map(
    (item) => item.id,
  );
  voteByFrame.set(null, voteForItems(votes, null, outsideIds));
  const votesOf = (item: BoardItem): number | undefined => {
    const vote = voteByFrame.get(item.frameId);
    return vote ? (vote.counts.get(item.id) ?? 0) : undefined;
  };

  const toNote = (item: BoardItem): ReportNote => {
    const author = authorOf(item, people);
    const zone = item.zoneId ? zonesById.get(item.zoneId) : undefined;
    return {
      id: item.id,
      text: item.text,
      frame: whereOf(item.frameId),
      zone: zone ? zone.label || labels.untitledZone : '',
      group: groupOfFrame(item.frameId) || (typeof author === 'object' ? groupName(author.groupId) : ''),
      author: typeof author === 'object' ? author.name : (author ?? ''),
      votes: votesOf(item),
      createdAt: createdAtOf(item),
    };
  };
  // Template furniture (instructions, map captions) is text and geo; contributions are notes.
  // Prompts a template laid out and nobody filled in carry no content either.
  const placeholders = templatePlaceholderTexts(input.board.template);
  const isNote = (item: BoardItem) =>
    item.kind === BoardItemKind.note &&
    !item.card &&
    item.text.trim() !== '' &&
    !placeholders.has(item.text.trim());
  const notesOf = (items: readonly BoardItem[], ranked: boolean): ReportNote[] => {
    const notes = items.filter(isNote).map(toNote);
    // Array.prototype.sort is stable: ties keep reading order.
    return ranked ? notes.sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0)) : notes;
  };

  const sections: ReportSection[] = board.frames.map((frame) => {
    const ranked = voteByFrame.get(frame.id) !== undefined;
    return {
      id: frame.id,
      title: frameTitle(frame),
      depth: frame.depth,
      ranked,
      zones: frame.zones
        .map((zone) => ({
          id: zone.id,
          title: zone.label || labels.untitledZone,
          notes: notesOf(zone.items, ranked),
        }))
        .filter((zone) => zone.notes.length > 0),
      notes: notesOf(frame.items, ranked),
    };
  });
  // A frame is worth a heading when it, or a frame inside it, holds notes.
  const hasNotes = (section: ReportSection) => section.notes.length > 0 || section.zones.length > 0;
  const keptSections = sections.filter((section, position) => {
    if (hasNotes(section)) return true;
    for (let next = position + 1; next < sections.length && sections[next]!.depth > section.depth; next++) {
      if (hasNotes(sections[next]!)) return true;
    }
    return false;
  });
  const outsideRanked = voteByFrame.get(null) !== undefined;
  const outside: ReportSection = {
    id: '',
    title: labels.outsideFrames,
    depth: 0,
    ranked: outsideRanked,
    zones: board.looseZones
      .map((zone) => ({
        id: zone.id,
        title: zone.label || labels.untitledZone,
        notes: notesOf(zone.items, outsideRanked),
      }))
      .filter((zone) => zone.notes.length > 0),
    notes: notesOf(board.looseItems, outsideRanked),
  };

  // Cards, blank ones (still waiting in the tray) left out.
  const engagements: ReportEngagement[] = [];
  const actions: ReportAction[] = [];
  const identities: ReportIdentityCard[] = [];
  for (const item of board.items) {
    const card = item.card;
    if (!card) continue;
    if (card.kind === 'engagement' && !isBlankEngagement(card.fields)) {
      engagements.push({
        theme: cardLabels.pgoTheme[card.fields.theme][locale],
        engagement: card.fields.engagement.trim(),
        criteria: engagementCriteria.map((criterion) => ({
          label: cardLabels.engagementCriterion[criterion][locale],
          checked: card.fields.criteria[criterion],
        })),
        actions: card.fields.actions.map((action) => action.trim()).filter(Boolean),
        where: whereOf(item.frameId),
        votes: votesOf(item),
      });
    } else if (card.kind === 'action' && !isBlankAction(card.fields)) {
      const { action, why, firstStep, owner } = card.fields;
      actions.push({
        action: action.trim(),
        why: why.trim(),
        firstStep: firstStep.trim(),
        owner: owner.trim(),
        where: whereOf(item.frameId),
        votes: votesOf(item),
      });
    } else if (card.kind === 'identity' && !isBlankIdentity(card.fields)) {
      identities.push(identityCardWords(card.fields, locale));
    }
  }
  const collator = new Intl.Collator(locale === 'fr' ? 'fr' : 'en', { sensitivity: 'base' });
  identities.sort(
    (a, b) =>
      Number(!a.academie) - Number(!b.academie) ||
      collator.compare(a.academie, b.academie) ||
      collator.compare(a.labName, b.labName),
  );

  const timings = stepTimings(session?.steps ?? [], log, exportedAt);
  // The numbers the board's frames and the header show (P-NUM).
  const numbers = numberSteps(session?.steps ?? [], session?.firstStepNumber);
  const steps: ReportStep[] = timings.map((timing) => ({
    number: String(numbers.byId.get(timing.step.id) ?? ''),
    title: timing.step.title[locale] || timing.step.title.fr,
    kind: labels.stepKind[timing.step.kind],
    planned: formatDuration(timing.plannedMs),
    actual:
      timing.status === StepTimingStatus.done || timing.status === StepTimingStatus.inProgress
        ? formatDuration(timing.actualMs)
        : '',
    status: labels.stepStatus[timing.status],
    extended:
      timing.extendedMs === 0
        ? ''
        : `${timing.extendedMs > 0 ? '+' : '−'}${formatDuration(Math.abs(timing.extendedMs))}`,
  }));

  const participants = session?.participants ?? [];
  const peopleRows: ReportPerson[] = participants
    .map((person) => ({
      name: person.name,
      lab: person.lab ?? '',
      group: groupName(person.groupId),
      role: person.role === 'facilitator' ? labels.facilitator : labels.participant,
    }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const groups: ReportGroup[] = groupList.map((group) => ({
    name: group.name,
    members: participants
      .filter((person) => person.groupId === group.id)
      .map((person) => person.name)
      .sort(collator.compare),
  }));

  const stepTitle = (stepId: string | undefined) => {
    const step = session?.steps.find((candidate) => candidate.id === stepId);
    return step ? step.title[locale] : '';
  };
  const itemsById = new Map(board.items.map((item) => [item.id, item]));
  const labelOf = (shapeId: string): string => {
    const frame = framesById.get(shapeId);
    if (frame) return frameTitle(frame);
    const zone = zonesById.get(shapeId);
    if (zone) return zone.label || labels.untitledZone;
    const item = itemsById.get(shapeId);
    if (!item) return labels.deletedItem;
    return cardTitle(item, locale) ?? firstLine(item.text);
  };
  const reportVotes: ReportVote[] = votes.map((vote) => {
    const frame = vote.frameId ? framesById.get(vote.frameId) : undefined;
    return {
      results: [...vote.counts.entries()]
        .sort(([, a], [, b]) => b - a)
        .map(([shapeId, count]) => ({ label: labelOf(shapeId), count })),
      title: vote.title || stepTitle(vote.stepId) || labels.untitledVote,
      where: frame ? whereOf(frame.id) : '',
      when: formatDateTime(vote.openedAt, locale, timeZone),
      voters: labels.voters(vote.voterCount),
      settings: [labels.dotsPerPerson(vote.dotsPerPerson), vote.anonymous ? labels.anonymous : '']
        .filter(Boolean)
        .join(', '),
      open: !vote.closed,
    };
  });

  const question = (session?.question || input.board.question || '').trim();
  const sumPlanned = timings.reduce((sum, timing) => sum + timing.plannedMs, 0);
  const sumActual = timings.reduce((sum, timing) => sum + timing.actualMs, 0);
  return {
    locale,
    timeZone,
    labels,
    title: input.board.title.trim() || labels.reportFor,
    exportedAt: formatDateTime(exportedAt, locale, timeZone),
    createdAt: formatDateTime(input.board.createdAt, locale, timeZone),
    template: getTemplate(input.board.template)?.title[locale] ?? input.board.template,
    question,
    steps,
    totals: { planned: formatDuration(sumPlanned), actual: formatDuration(sumActual) },
    people: peopleRows,
    groups,
    votes: reportVotes,
    sections: keptSections,
    outside: hasNotes(outside) ? outside : null,
    notes: board.items.filter(isNote).map(toNote),
    engagements,
    actions,
    identityCards: identities,
  };
}

/** For the CSV: a note's created time as "2026-11-27 10:15" in the report's time zone. */
export function noteCreatedText(note: ReportNote, timeZone = 'Europe/Paris'): string {
  return note.createdAt === undefined ? '' : formatSortableDateTime(note.createdAt, timeZone);
}
