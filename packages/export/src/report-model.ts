// Everything a report says, computed once from the board, the session and its log: the report
// document (report-builder.ts) and the CSV are made from it. Strings here are plain text, not escaped.
import { labPairingsOf, type LabPairingRow } from './pairings';
import {
  cardLabels,
  engagementCriteria,
  findAcademie,
  firstLine,
  readSectionId,
  readZone,
  zoneOfChain,
  ZoneKind,
  type ChainShape,
  type PgoTheme,
  type ActionCardFields,
  type EngagementCardFields,
  type IdentityCardFields,
  type RichBlock,
} from '@atelier/board-schema';
import { decisionItemLabel, getTemplate, sectionTitleText } from '@atelier/templates';
import {
  defaultNameDisplay,
  NameDisplay,
  numberSteps,
  type BoardMeta,
  type Decision,
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
import { resultsPerZone } from '@atelier/session';
import { formatDateTime, formatDuration, formatSortableDateTime } from './format';
import { reportLabels, type ReportLabels } from './report-labels';
import { stepTimings, StepTimingStatus } from './step-timings';
import { personNamer, type PersonNamer } from './people-names';
import { templateTexts } from './template-texts';
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
  /** How people appear (full names, first names + lab, labs only); labs only by default. */
  names?: NameDisplay;
}

/** One text of the board: a note, a text shape, a labelled shape or an arrow's label. */
export interface ReportItem {
  id: string;
  kind: BoardItemKind;
  /** Plain text (lists marked, marks dropped): for the CSV. */
  text: string;
  /** The text as written: bold, italics, lists, links. */
  rich: RichBlock[];
  frame: string;
  zone: string;
  group: string;
  /** As the export's name choice shows people; '' when unknown or left out. */
  author: string;
  /** Dots of the vote that applies to its frame; undefined where no vote took place. */
  votes: number | undefined;
  /** Epoch ms, when the shape's meta says when it was written. */
  createdAt: number | undefined;
  /** An arrow's ends, as the texts of the shapes it joins. */
  from?: string;
  to?: string;
}

export interface ReportZone {
  id: string;
  title: string;
  items: ReportItem[];
}

export interface ReportFrameSection {
  id: string;
  title: string;
  /** 0 for a frame on the page, 1 for a frame inside it… */
  depth: number;
  /** Notes come first, ranked by dots (ties in reading order), because a vote took place here. */
  ranked: boolean;
  /** A step of the session takes place in it (its image belongs in the PDF even without text). */
  stepFrame: boolean;
  zones: ReportZone[];
  items: ReportItem[];
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
  /** As the export's name choice shows them. */
  name: string;
  lab: string;
  group: string;
  role: string;
}

/** With "labs only", people are counted per lab instead of listed. */
export interface ReportLab {
  lab: string;
  people: number;
  roles: string;
  groups: string;
}

export interface ReportGroup {
  name: string;
  /** Names, or labs with "labs only". */
  members: string[];
}

/**
 * What the session decided, with its reason: "Thématiques retenues", the items kept (with their
 * dots when a vote decided), a run-off when there was a tie, what follows from it (one engagement per
 * retained theme), from the session's decisions (`state.decisions`).
 */
export interface ReportDecision {
  id: string;
  title: string;
  when: string;
  reason: string;
  retained: { label: string; count?: number }[];
  /** Tied at the cut and resolved by a run-off vote or the facilitator's choice. */
  tieBreak?: { how: string; results: { label: string; count: number }[] };
  /** What it leads to on the board ("Engagement — Santé à l'école"). */
  followUps: string[];
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
  /** A vote on notes: their dots summed per zone of the vote's frame (a theme's column), most first. */
  zones: { label: string; count: number }[];
}

export interface ReportEngagement {
  theme: string;
  /** A decision retained its theme (listed even before it is written). */
  retained: boolean;
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
  needs: string;
  contact: string;
}

/** One section of a programme (P-PROG): its chapter of the report, with its steps and its frames. */
export interface ReportChapter {
  sectionId: string;
  /** "Partie 2 — 10 h 30 · Flash codéveloppement" */
  title: string;
  /** Positions in `ReportModel.steps`. */
  stepIndexes: number[];
  /** Its top-level frames (their frames inside follow them in `sections`). */
  frameIds: string[];
}

export interface ReportModel {
  locale: Locale;
  timeZone: string;
  labels: ReportLabels;
  title: string;
  exportedAt: string;
  /** Epoch ms of the export. */
  exportedAtMs: number;
  createdAt: string;
  template: string;
  question: string;
  /** The facilitator's summary ("Synthèse"); '' when none was written. */
  summary: string;
  names: NameDisplay;
  decisions: ReportDecision[];
  steps: ReportStep[];
  totals: { planned: string; actual: string };
  people: ReportPerson[];
  /** People counted per lab (what "labs only" shows instead of `people`). */
  labs: ReportLab[];
  groups: ReportGroup[];
  votes: ReportVote[];
  sections: ReportFrameSection[];
  /** Zones and texts outside every frame, or null when there are none. */
  outside: ReportFrameSection | null;
  /** Every text, in reading order (not ranked), for the CSV. */
  items: ReportItem[];
  engagements: ReportEngagement[];
  actions: ReportAction[];
  identityCards: ReportIdentityCard[];
  /** "Labs proches": pairs of labs to put in touch, with why. */
  pairings: LabPairingRow[];
  /** A programme's sections in the day's order, one chapter each (E-PROG-1); empty for one template. */
  chapters: ReportChapter[];
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
    needs: fields.needs.map((n) => l.need[n][locale]).join(', '),
    contact: fields.contact?.trim() ?? '',
  };
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

/**
 * The last vote held on a frame's notes: one aimed at it, or one whose dots landed on its items. A vote
 * on zones ranks no notes (its dots went on the columns).
 */
function voteForItems(
  votes: readonly VoteDigest[],
  frameId: string | null,
  itemIds: readonly string[],
): VoteDigest | undefined {
  for (let i = votes.length - 1; i >= 0; i--) {
    const vote = votes[i]!;
    if (vote.itemKind === 'zone') continue;
    if ((frameId && vote.frameId === frameId) || itemIds.some((id) => (vote.counts.get(id) ?? 0) > 0))
      return vote;
  }
  return undefined;
}

/** Everyone who took part: the live list, then those who left long ago (the server's roster). */
function peopleOf(session: SessionState | null | undefined): Participant[] {
  const live = session?.participants ?? [];
  const liveIds = new Set(live.map((person) => person.userId));
  const past = (session?.pastParticipants ?? [])
    .filter((person) => !liveIds.has(person.userId))
    .map((person) => ({ ...person, connected: false }));
  return [...live, ...past];
}

export function buildReportModel(input: ExportInput): ReportModel {
  const { locale, exportedAt, session } = input;
  const timeZone = input.timeZone ?? 'Europe/Paris';
  const labels = reportLabels[locale];
  const names = input.names ?? defaultNameDisplay;
  const namer: PersonNamer = personNamer(names);
  const log = input.log ?? session?.log ?? [];
  const board: BoardReading = readBoard(input.records);
  // Records by id, for what votes and decisions name (a zone by its theme in the report's language).
  const recordsById = new Map(input.records.map((record) => [record.id, record as ChainShape]));
  const chainOf = (id: string): ChainShape[] => {
    const chain: ChainShape[] = [];
    for (let record = recordsById.get(id); record && chain.length < 32;) {
      chain.push(record);
      record = record.parentId ? recordsById.get(record.parentId) : undefined;
    }
    return chain;
  };
  const itemLabel = (itemId: string) => decisionItemLabel(recordsById.get(itemId), locale);

  const framesById = new Map(board.frames.map((frame) => [frame.id, frame]));
  const zonesById = new Map(
    [...board.frames.flatMap((frame) => frame.zones), ...board.looseZones].map((zone) => [zone.id, zone]),
  );
  const everyone = peopleOf(session);
  const people = new Map(everyone.map((person) => [person.userId, person]));
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

  const itemsById = new Map(board.items.map((item) => [item.id, item]));
  const shortText = (shapeId: string | undefined): string | undefined => {
    if (!shapeId) return undefined;
    const frame = framesById.get(shapeId);
    if (frame) return frameTitle(frame);
    const zone = zonesById.get(shapeId);
    if (zone) return zone.label || labels.untitledZone;
    const target = itemsById.get(shapeId);
    return target ? (cardTitle(target, locale) ?? firstLine(target.text)) || undefined : undefined;
  };
  const authorName = (author: Participant | string | undefined): string =>
    author === undefined ? '' : typeof author === 'string' ? namer.writtenName(author) : namer.person(author);
  const toItem = (item: BoardItem): ReportItem => {
    const author = authorOf(item, people);
    const zone = item.zoneId ? zonesById.get(item.zoneId) : undefined;
    const from = shortText(item.ends?.start);
    const to = shortText(item.ends?.end);
    return {
      id: item.id,
      kind: item.kind,
      text: item.text,
      rich: item.rich,
      frame: whereOf(item.frameId),
      zone: zone ? zone.label || labels.untitledZone : '',
      group: groupOfFrame(item.frameId) || (typeof author === 'object' ? groupName(author.groupId) : ''),
      author: authorName(author),
      votes: votesOf(item),
      createdAt: createdAtOf(item),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
  };
  // Every text counts, but not the template's furniture (instructions, captions, prompts nobody
  // filled in) nor the question, which the report states once. Cards have their own sections.
  const furniture = templateTexts(input.board.template, input.board.question ?? '');
  const question = (session?.question || input.board.question || '').trim();
  const isContent = (item: BoardItem) => {
    const text = item.text.trim();
    return !item.card && text !== '' && !furniture.has(text) && text !== question;
  };
  const itemsOf = (items: readonly BoardItem[], ranked: boolean): ReportItem[] => {
    const kept = items.filter(isContent).map(toItem);
    if (!ranked) return kept;
    // Notes are what people voted on: most dots first (a stable sort keeps reading order for ties),
    // then the other texts in reading order.
    const notes = kept.filter((item) => item.kind === BoardItemKind.note);
    return [
      ...notes.sort((a, b) => (b.votes ?? 0) - (a.votes ?? 0)),
      ...kept.filter((item) => item.kind !== BoardItemKind.note),
    ];
  };

  const stepFrameIds = new Set(
    (session?.steps ?? []).flatMap((step) => (step.frameId ? [step.frameId] : [])),
  );
  const sections: ReportFrameSection[] = board.frames.map((frame) => {
    const ranked = voteByFrame.get(frame.id) !== undefined;
    return {
      id: frame.id,
      title: frameTitle(frame),
      depth: frame.depth,
      ranked,
      stepFrame: stepFrameIds.has(frame.id),
      zones: frame.zones
        .map((zone) => ({
          id: zone.id,
          title: zone.label || labels.untitledZone,
          items: itemsOf(zone.items, ranked),
        }))
        .filter((zone) => zone.items.length > 0),
      items: itemsOf(frame.items, ranked),
    };
  });
  // A frame is worth a heading when it, or a frame inside it, holds text, or when its own title is
  // something a person wrote (not a template's frame).
  const hasText = (section: ReportFrameSection) => section.items.length > 0 || section.zones.length > 0;
  // A template's frames carry its zone marker; their titles are furniture too.
  const ownTitle = (_section: ReportFrameSection, position: number) => {
    const frame = board.frames[position]!;
    return frame.title.trim() !== '' && frame.zone === null && !furniture.has(frame.title.trim());
  };
  const keep = (section: ReportFrameSection, position: number) =>
    hasText(section) || ownTitle(section, position) || section.stepFrame;
  const keptSections = sections.filter((section, position) => {
    if (keep(section, position)) return true;
    for (let next = position + 1; next < sections.length && sections[next]!.depth > section.depth; next++) {
      if (keep(sections[next]!, next)) return true;
    }
    return false;
  });
  const outsideRanked = voteByFrame.get(null) !== undefined;
  const outside: ReportFrameSection = {
    id: '',
    title: labels.outsideFrames,
    depth: 0,
    ranked: outsideRanked,
    stepFrame: false,
    zones: board.looseZones
      .map((zone) => ({
        id: zone.id,
        title: zone.label || labels.untitledZone,
        items: itemsOf(zone.items, outsideRanked),
      }))
      .filter((zone) => zone.items.length > 0),
    items: itemsOf(board.looseItems, outsideRanked),
  };

  // The themes decisions retained: their engagement cards are listed even while still blank.
  const decisions = session?.decisions ?? [];
  const retainedThemes = new Set<PgoTheme>(
    decisions.flatMap((decision) =>
      decision.itemKind === 'zone'
        ? decision.retained.flatMap((item) => {
            const zone = readZone(recordsById.get(item.itemId) ?? {});
            return zone?.kind === ZoneKind.theme && zone.theme ? [zone.theme] : [];
          })
        : [],
    ),
  );

  // Cards, blank ones (still waiting in the tray) left out.

  const engagements: ReportEngagement[] = [];
  const actions: ReportAction[] = [];
  const identities: ReportIdentityCard[] = [];
  for (const item of board.items) {
    const card = item.card;
    if (!card) continue;
    const retained = card.kind === 'engagement' && retainedThemes.has(card.fields.theme);
    if (card.kind === 'engagement' && (retained || !isBlankEngagement(card.fields))) {
      engagements.push({
        theme: cardLabels.pgoTheme[card.fields.theme][locale],
        retained,
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

  const participants = everyone;
  const roleOf = (person: Participant) =>
    person.role === 'facilitator' ? labels.facilitator : labels.participant;
  const peopleRows: ReportPerson[] = participants
    .map((person) => ({
      name: namer.person(person),
      lab: person.lab?.trim() ?? '',
      group: groupName(person.groupId),
      role: roleOf(person),
    }))
    .sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.lab, b.lab));
  const labOf = (person: Participant) => person.lab?.trim() || labels.noLab;
  const labNames = [...new Set(participants.map(labOf))].sort(
    (a, b) => Number(a === labels.noLab) - Number(b === labels.noLab) || collator.compare(a, b),
  );
  const labs: ReportLab[] = labNames.map((lab) => {
    const members = participants.filter((person) => labOf(person) === lab);
    const unique = (values: string[]) => [...new Set(values.filter(Boolean))].sort(collator.compare);
    return {
      lab,
      people: members.length,
      roles: unique(members.map(roleOf)).join(', '),
      groups: unique(members.map((person) => groupName(person.groupId))).join(', '),
    };
  });
  const countedLabs = (members: readonly Participant[]) => {
    const counts = new Map<string, number>();
    for (const person of members) counts.set(labOf(person), (counts.get(labOf(person)) ?? 0) + 1);
    return [...counts.entries()]
      .sort(([a], [b]) => collator.compare(a, b))
      .map(([lab, count]) => (count > 1 ? `${lab} (${count})` : lab));
  };
  const groups: ReportGroup[] = groupList.map((group) => {
    const members = participants.filter((person) => person.groupId === group.id);
    return {
      name: group.name,
      members:
        names === NameDisplay.labOnly
          ? countedLabs(members)
          : members.map((person) => namer.person(person)).sort(collator.compare),
    };
  });

  const stepTitle = (stepId: string | undefined) => {
    const step = session?.steps.find((candidate) => candidate.id === stepId);
    return step ? step.title[locale] : '';
  };
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
    const counts = [...vote.counts].map(([itemId, count]) => ({ itemId, count }));
    // Notes in the columns of the vote's frame: what each column gathered (S-VOTE-8).
    const zones =
      vote.itemKind === 'note' && vote.frameId
        ? resultsPerZone(counts, (itemId) => zoneOfChain(chainOf(itemId), vote.frameId))
        : [];
    const title = vote.title || stepTitle(vote.stepId) || labels.untitledVote;
    return {
      results: [...vote.counts.entries()]
        .sort(([, a], [, b]) => b - a)
        .map(([shapeId, count]) => ({
          label: vote.itemKind === 'zone' ? itemLabel(shapeId) : labelOf(shapeId),
          count,
        })),
      zones: zones.map((zone) => ({ label: itemLabel(zone.itemId), count: zone.count })),
      title: vote.runoffOf ? `${title} — ${labels.runoff}` : title,
      where: frame ? whereOf(frame.id) : '',
      when: formatDateTime(vote.openedAt, locale, timeZone),
      voters: labels.voters(vote.voterCount),
      settings: [labels.dotsPerPerson(vote.dotsPerPerson), vote.anonymous ? labels.anonymous : '']
        .filter(Boolean)
        .join(', '),
      open: !vote.closed,
    };
  });

  const cardThemes = new Map<PgoTheme, boolean>();
  for (const item of board.items) {
    if (item.card?.kind === 'engagement')
      cardThemes.set(item.card.fields.theme, !isBlankEngagement(item.card.fields));
  }
  const decisionOf = (decision: Decision): ReportDecision => {
    const step = session?.steps.find((candidate) => candidate.id === decision.stepId);
    const named = (items: readonly { itemId: string; count: number }[]) =>
      items.map((item) => ({ label: itemLabel(item.itemId), count: item.count }));
    const tied = decision.tied ?? [];
    const tiedAt = labels.votesCount(tied[0]?.count ?? 0);
    const rounds = decision.runoffs ?? [];
    const lastRound = rounds.at(-1);
    const tieBreak =
      decision.reason === 'runoff' && lastRound
        ? { how: labels.runoffHow(rounds.length, tied.length, tiedAt), results: named(lastRound.results) }
        : decision.reason === 'choice' && tied.length > 0
          ? { how: labels.choiceHow(tied.length, tiedAt), results: named(tied) }
          : undefined;
    const themes = decision.retained.flatMap((item) => {
      const zone = readZone(recordsById.get(item.itemId) ?? {});
      return decision.itemKind === 'zone' && zone?.kind === ZoneKind.theme && zone.theme ? [zone.theme] : [];
    });
    return {
      id: decision.id,
      title: decision.title?.[locale] || labels.decisionTitle[decision.itemKind],
      when: [formatDateTime(decision.at, locale, timeZone), step?.title[locale] ?? '']
        .filter(Boolean)
        .join(' · '),
      reason: labels.decisionReason[decision.reason],
      retained: named(decision.retained),
      ...(tieBreak ? { tieBreak } : {}),
      followUps: themes
        .filter((theme) => cardThemes.has(theme))
        .map(
          (theme) =>
            `${cardLabels.kind.engagement[locale]} — ${cardLabels.pgoTheme[theme][locale]}${cardThemes.get(theme) ? '' : ` (${labels.toWrite})`}`,
        ),
    };
  };
  const reportDecisions = decisions.map(decisionOf);

  const sumPlanned = timings.reduce((sum, timing) => sum + timing.plannedMs, 0);
  const sumActual = timings.reduce((sum, timing) => sum + timing.actualMs, 0);
  return {
    locale,
    timeZone,
    labels,
    title: input.board.title.trim() || labels.reportFor,
    exportedAt: formatDateTime(exportedAt, locale, timeZone),
    exportedAtMs: exportedAt,
    createdAt: formatDateTime(input.board.createdAt, locale, timeZone),
    template:
      input.board.template === 'programme'
        ? labels.programme
        : (getTemplate(input.board.template)?.title[locale] ?? input.board.template),
    question,
    summary: session?.summary?.trim() ?? '',
    names,
    decisions: reportDecisions,
    steps,
    totals: { planned: formatDuration(sumPlanned), actual: formatDuration(sumActual) },
    people: peopleRows,
    labs,
    groups,
    votes: reportVotes,
    sections: keptSections,
    outside: hasText(outside) ? outside : null,
    items: board.items.filter(isContent).map(toItem),
    engagements,
    actions,
    identityCards: identities,
    pairings: labPairingsOf(input.records, locale),
    chapters: (session?.sections ?? []).map((programmeSection, position) => ({
      sectionId: programmeSection.id,
      title: `${labels.chapter(position + 1)} — ${sectionTitleText(programmeSection, locale)}`,
      stepIndexes: timings.flatMap((timing, index) =>
        timing.step.sectionId === programmeSection.id ? [index] : [],
      ),
      frameIds: input.records.flatMap((record) => {
        const shape = record as BoardRecord & { type?: string; parentId?: string; meta?: unknown };
        return shape.typeName === 'shape' &&
          shape.type === 'frame' &&
          String(shape.parentId).startsWith('page:') &&
          readSectionId(shape) === programmeSection.id
          ? [shape.id]
          : [];
      }),
    })),
  };
}

/** For the CSV: an item's created time as "2026-11-27 10:15" in the report's time zone. */
export function itemCreatedText(item: ReportItem, timeZone = 'Europe/Paris'): string {
  return item.createdAt === undefined ? '' : formatSortableDateTime(item.createdAt, timeZone);
}
