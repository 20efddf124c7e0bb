// Test fixtures: boards as plain tldraw-like records (what a room snapshot holds) and session states.
import { cardMeta, emptyCardFields, zoneMeta, type Card } from '@atelier/board-schema';
import type { Participant, SessionLogEntry, SessionState, Step } from '@atelier/protocol';
import { toRichText } from '@tldraw/tlschema';
import type { BoardRecord } from './board-reader';

export const pageId = 'page:page';
/** 2026-11-27 09:00 in Paris (UTC+1 in November). */
export const dayStart = Date.UTC(2026, 10, 27, 8, 0);
export const minute = 60_000;
/** 2026-11-27 17:30 in Paris. */
export const exportedAt = Date.UTC(2026, 10, 27, 16, 30);

type Meta = Record<string, unknown>;

interface At {
  x: number;
  y: number;
  parentId?: string;
  meta?: Meta;
  rotation?: number;
}

let indexCounter = 0;
/** Fractional indices in creation order ("a1", "a2"… compare as strings up to a9, then "b10"…). */
function nextIndex(): string {
  indexCounter += 1;
  return `a${String(indexCounter).padStart(4, '0')}`;
}

function shape(type: string, id: string, at: At, props: Record<string, unknown>): BoardRecord {
  return {
    id: `shape:${id}`,
    typeName: 'shape',
    type,
    x: at.x,
    y: at.y,
    rotation: at.rotation ?? 0,
    index: nextIndex(),
    parentId: at.parentId?.startsWith('page:') ? at.parentId : at.parentId ? `shape:${at.parentId}` : pageId,
    isLocked: false,
    opacity: 1,
    meta: at.meta ?? {},
    props,
  } as BoardRecord;
}

export function page(id = pageId, name = 'Page 1', index = 'a1'): BoardRecord {
  return { id, typeName: 'page', name, index, meta: {} } as BoardRecord;
}

export function documentRecord(): BoardRecord {
  return { id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} } as BoardRecord;
}

export function frame(id: string, name: string, at: At & { w: number; h: number }): BoardRecord {
  return shape('frame', id, at, { w: at.w, h: at.h, name, color: 'black' });
}

export function note(
  id: string,
  text: string | ReturnType<typeof toRichText>,
  at: At & { lastEditedBy?: string; growY?: number },
): BoardRecord {
  return shape('note', id, at, {
    color: 'yellow',
    labelColor: 'black',
    size: 'm',
    font: 'draw',
    fontSizeAdjustment: 0,
    align: 'middle',
    verticalAlign: 'middle',
    growY: at.growY ?? 0,
    url: '',
    richText: typeof text === 'string' ? toRichText(text) : text,
    scale: 1,
    textLastEditedBy: at.lastEditedBy ?? null,
  });
}

export function text(id: string, value: string, at: At & { w: number }): BoardRecord {
  return shape('text', id, at, {
    color: 'grey',
    size: 's',
    font: 'sans',
    textAlign: 'start',
    w: at.w,
    richText: toRichText(value),
    scale: 1,
    autoSize: false,
  });
}

export function geo(id: string, label: string, at: At & { w: number; h: number; geo?: string }): BoardRecord {
  return shape('geo', id, at, {
    geo: at.geo ?? 'rectangle',
    dash: 'solid',
    url: '',
    w: at.w,
    h: at.h,
    growY: 0,
    scale: 1,
    flipX: false,
    flipY: false,
    labelColor: 'black',
    color: 'black',
    fill: 'none',
    size: 's',
    font: 'sans',
    align: 'middle',
    verticalAlign: 'middle',
    richText: toRichText(label),
  });
}

export function card(id: string, value: Card, at: At): BoardRecord {
  return geo(id, '', { ...at, w: 380, h: 300, meta: { ...at.meta, ...cardMeta(value) } });
}

export function step(id: string, fr: string, minutes: number, kind: Step['kind'] = 'plenary'): Step {
  return {
    id,
    title: { fr, en: `${fr} (en)` },
    instructions: { fr: `Consigne ${fr}`, en: `Do ${fr}` },
    durationMs: minutes * minute,
    kind,
  };
}

export function person(userId: string, name: string, extra: Partial<Participant> = {}): Participant {
  return { userId, name, role: 'participant', connected: true, ...extra };
}

export function session(parts: Partial<SessionState> & { steps: Step[] }): SessionState {
  return {
    revision: 42,
    currentStepId: parts.steps[0]?.id ?? null,
    timer: { status: 'idle', remainingMs: 0 },
    groups: null,
    participants: [],
    camera: { summon: null, follow: null },
    vote: null,
    log: [],
    createdAt: dayStart,
    updatedAt: exportedAt,
    ...parts,
  };
}

const at = (minutes: number) => dayStart + minutes * minute;

// ---------------------------------------------------------------------------------------------
// A PGO-like board: themes as columns (nested frames), a dot vote on the ideas, engagement cards.

export const pgoSteps: Step[] = [
  step('intro', 'Introduction', 10),
  step('themes', 'Réflexion sur les thématiques', 20, 'individual'),
  step('theme-vote', 'Choix des deux thématiques', 10, 'vote'),
  step('engagements', 'Formulation des engagements', 30),
  step('recap', 'Récapitulatif', 10),
];

export const pgoPeople: Participant[] = [
  person('user-fanny', 'Fanny', { role: 'facilitator', lab: 'Lab 110 bis' }),
  person('user-alice', 'Alice', { lab: '110 bis Limoges', groupId: 'g1' }),
  person('user-bruno', 'Bruno', { lab: 'Lab Créteil', groupId: 'g2' }),
  person('user-chloe', 'Chloé', { groupId: 'g1', connected: false }),
];

export const pgoLog: SessionLogEntry[] = [
  { type: 'step.started', at: at(0), stepId: 'intro' },
  { type: 'step.ended', at: at(12), stepId: 'intro' },
  { type: 'step.started', at: at(12), stepId: 'themes' },
  { type: 'step.paused', at: at(20), stepId: 'themes' },
  { type: 'step.resumed', at: at(25), stepId: 'themes' },
  { type: 'step.extended', at: at(30), stepId: 'themes', ms: 5 * minute },
  { type: 'step.ended', at: at(45), stepId: 'themes' },
  { type: 'step.started', at: at(45), stepId: 'theme-vote' },
  {
    type: 'vote.opened',
    at: at(46),
    voteId: 'vote-7',
    stepId: 'theme-vote',
    title: 'Idées les plus fortes',
    dotsPerPerson: 3,
    maxDotsPerItem: 2,
    anonymous: false,
  },
  {
    type: 'vote.closed',
    at: at(52),
    voteId: 'vote-7',
    voterCount: 3,
    results: [
      { itemId: 'shape:health-3', count: 4, rank: 1 },
      { itemId: 'shape:info-1', count: 3, rank: 2 },
      { itemId: 'shape:health-1', count: 2, rank: 3 },
    ],
  },
  { type: 'vote.cleared', at: at(53), voteId: 'vote-7' },
  { type: 'step.ended', at: at(55), stepId: 'theme-vote' },
  { type: 'step.skipped', at: at(55), stepId: 'engagements' },
  { type: 'step.started', at: at(505), stepId: 'recap' },
];

export function pgoBoard(): BoardRecord[] {
  const filled: Card = {
    kind: 'engagement',
    fields: {
      theme: 'school-health',
      engagement: 'Mettre en place une démocratie sanitaire pérenne',
      criteria: {
        transformative: true,
        'open-government-values': true,
        'civil-society': false,
        measurable: true,
      },
      actions: ['Consulter les élèves chaque trimestre', '  ', 'Publier les décisions'],
    },
  };
  return [
    documentRecord(),
    page(),
    frame('intro', '0. Introduction (10 min)', {
      x: 0,
      y: 0,
      w: 1200,
      h: 600,
      meta: zoneMeta({ kind: 'step', stepId: 'intro' }),
    }),
    text('intro-text', 'Consigne Introduction', {
      parentId: 'intro',
      x: 60,
      y: 60,
      w: 1080,
      meta: zoneMeta({ kind: 'instructions' }),
    }),
    // The themes frame sits 10 units lower than intro: still the same row.
    frame('themes', '1. Thématiques', {
      x: 1400,
      y: 10,
      w: 1100,
      h: 1200,
      meta: zoneMeta({ kind: 'step', stepId: 'themes' }),
    }),
    text('themes-text', 'Consigne Réflexion sur les thématiques', {
      parentId: 'themes',
      x: 60,
      y: 40,
      w: 900,
      meta: zoneMeta({ kind: 'instructions' }),
    }),
    frame('health', "Santé à l'école/université", {
      parentId: 'themes',
      x: 60,
      y: 200,
      w: 320,
      h: 900,
      meta: zoneMeta({ kind: 'theme', theme: 'school-health' }),
    }),
    geo('health-header', "Santé à l'école/université", {
      parentId: 'health',
      x: 10,
      y: 10,
      w: 300,
      h: 140,
      meta: zoneMeta({ kind: 'theme', theme: 'school-health' }),
    }),
    // Created in an order unlike reading order, and a few units off a straight line.
    note('health-3', 'Santé mentale des élèves', {
      parentId: 'health',
      x: 60,
      y: 640,
      lastEditedBy: 'user-bruno',
    }),
    note('health-1', 'Infirmières scolaires', {
      parentId: 'health',
      x: 60,
      y: 170,
      lastEditedBy: 'user-alice',
    }),
    note('health-2', '=SOMME(A1) bien-être', {
      parentId: 'health',
      x: 60,
      y: 400,
      meta: { 'atelier.author': { name: 'Invité' }, 'atelier.createdAt': at(20) },
    }),
    frame('info', "Droit à l'information", { parentId: 'themes', x: 420, y: 200, w: 320, h: 900 }),
    note('info-1', 'Données ouvertes\nen académie', {
      parentId: 'info',
      x: 60,
      y: 170,
      lastEditedBy: 'user-chloe',
    }),
    frame('probity', 'Probité', {
      parentId: 'themes',
      x: 780,
      y: 200,
      w: 320,
      h: 900,
      meta: zoneMeta({ kind: 'theme', theme: 'probity' }),
    }),
    // On the page, over the "info" column (themes frame at 1400,10; info at +420,+200): belongs to it by geometry.
    note('info-2', 'Accès aux <script>alert(1)</script> décisions', {
      x: 1400 + 420 + 60,
      y: 10 + 200 + 420,
    }),
    frame('engagements', '3. Engagements', {
      x: 0,
      y: 1500,
      w: 1300,
      h: 800,
      meta: zoneMeta({ kind: 'step', stepId: 'engagements' }),
    }),
    card('engagement-1', filled, { parentId: 'engagements', x: 60, y: 200 }),
    card(
      'engagement-blank',
      { kind: 'engagement', fields: emptyCardFields('engagement', 'probity') },
      {
        parentId: 'engagements',
        x: 500,
        y: 200,
      },
    ),
    note('loose-1', 'Penser au compte rendu', { x: 3000, y: 3000 }),
    {
      id: 'binding:x',
      typeName: 'binding',
      type: 'arrow',
      fromId: 'shape:a',
      toId: 'shape:b',
      props: {},
      meta: {},
    } as BoardRecord,
  ];
}

export function pgoSession(): SessionState {
  return session({
    steps: pgoSteps,
    // As the PGO template creates it: the kit's introduction is step 0.
    firstStepNumber: 0,
    currentStepId: 'recap',
    timer: { status: 'running', endsAt: at(515), remainingMs: 10 * minute, startedAt: at(505) },
    participants: pgoPeople,
    groups: {
      mode: 'balanced',
      list: [
        { id: 'g1', name: 'Les Bleus' },
        { id: 'g2', name: 'Groupe 2' },
      ],
    },
    question: 'Quels engagements pour un gouvernement ouvert ?',
    log: pgoLog,
  });
}

// ---------------------------------------------------------------------------------------------
// An identity-map-like board: a tray of cards, a map with académie labels and markers, cards on it.

type IdentityCard = Extract<Card, { kind: 'identity' }>;

export function identityCard(
  labName: string,
  academie: IdentityCard['fields']['academie'],
  extra: Partial<IdentityCard['fields']> = {},
): IdentityCard {
  return { kind: 'identity', fields: { ...emptyCardFields('identity'), labName, academie, ...extra } };
}

export function identityBoard(): BoardRecord[] {
  return [
    page(),
    frame('tray', '1. Remplir sa fiche (10 min)', {
      x: 0,
      y: 0,
      w: 1260,
      h: 1400,
      meta: zoneMeta({ kind: 'card-tray', stepId: 'fill-card' }),
    }),
    text('tray-text', 'Chaque lab remplit une fiche', {
      parentId: 'tray',
      x: 60,
      y: 60,
      w: 1140,
      meta: zoneMeta({ kind: 'instructions' }),
    }),
    card('blank-1', identityCard('', null), { parentId: 'tray', x: 30, y: 200 }),
    card('blank-2', identityCard('', null), { parentId: 'tray', x: 440, y: 200 }),
    card('in-tray', identityCard('Lab en préfiguration', null, { stage: 'prefiguration' }), {
      parentId: 'tray',
      x: 850,
      y: 200,
    }),
    frame('map', '2. Positionner sa fiche', {
      x: 1460,
      y: 0,
      w: 2000,
      h: 1600,
      meta: zoneMeta({ kind: 'map', stepId: 'place-card' }),
    }),
    // Captions the template lays out (marked here as the template's reading-only texts).
    text('label-limoges', 'Limoges', {
      parentId: 'map',
      x: 600,
      y: 900,
      w: 8,
      meta: zoneMeta({ kind: 'instructions' }),
    }),
    geo('marker-limoges', '', {
      parentId: 'map',
      x: 580,
      y: 900,
      w: 16,
      h: 16,
      geo: 'ellipse',
      meta: zoneMeta({ kind: 'academie-marker', academie: 'limoges' }),
    }),
    geo('inset-guyane', 'Guyane', {
      parentId: 'map',
      x: 1600,
      y: 300,
      w: 240,
      h: 240,
      meta: zoneMeta({ kind: 'instructions' }),
    }),
    card(
      'limoges',
      identityCard('110 bis Limoges', 'limoges', {
        dedicatedSpace: 'yes',
        innovationTypes: ['pedagogical', 'organisational'],
        services: ['collaborative-sessions', 'training'],
        servicesOther: 'résidences',
        stage: 'active',
        contact: 'lab@ac-limoges.fr',
      }),
      { parentId: 'map', x: 500, y: 950 },
    ),
    card(
      'bretagne',
      identityCard('110 bis Bretagne', 'rennes', { stage: 'launch', servicesOther: '=HYPERLINK("x")' }),
      {
        parentId: 'map',
        x: 200,
        y: 400,
      },
    ),
    card('guyane', identityCard('Lab "Amazonie"', 'guyane', { dedicatedSpace: 'planned' }), {
      parentId: 'map',
      x: 1600,
      y: 600,
    }),
    note('peer-note', 'Échanger avec Limoges sur les résidences', { parentId: 'map', x: 1000, y: 1300 }),
  ];
}

export function identitySession(): SessionState {
  return session({
    steps: [
      step('fill-card', 'Remplir sa fiche', 10, 'individual'),
      step('place-card', 'Positionner sa fiche', 10, 'individual'),
    ],
    currentStepId: 'place-card',
    participants: [person('user-elisabeth', 'Élisabeth', { lab: '110 bis Limoges' })],
    log: [
      { type: 'step.started', at: at(0), stepId: 'fill-card' },
      { type: 'step.ended', at: at(11), stepId: 'fill-card' },
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// An imported board: every kind of text tldraw has, no template, no session.

export function arrow(
  id: string,
  label: string,
  at: At & { start: { x: number; y: number }; end: { x: number; y: number } },
): BoardRecord {
  return shape('arrow', id, at, {
    kind: 'arc',
    labelColor: 'black',
    color: 'black',
    fill: 'none',
    dash: 'draw',
    size: 'm',
    arrowheadStart: 'none',
    arrowheadEnd: 'arrow',
    font: 'draw',
    start: at.start,
    end: at.end,
    bend: 0,
    richText: toRichText(label),
    labelPosition: 0.5,
    scale: 1,
    elbowMidPoint: 0.5,
  });
}

export function arrowBinding(arrowId: string, terminal: 'start' | 'end', toId: string): BoardRecord {
  return {
    id: `binding:${arrowId}-${terminal}`,
    typeName: 'binding',
    type: 'arrow',
    fromId: `shape:${arrowId}`,
    toId: `shape:${toId}`,
    props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
    meta: {},
  } as BoardRecord;
}

/** A note written with tldraw's rich text: bold, italics, a link and a bulleted list. */
export const formattedNote = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Ouvrir ' },
        { type: 'text', text: 'les données', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' des ' },
        { type: 'text', text: 'lycées', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' sur ' },
        {
          type: 'text',
          text: 'data.gouv.fr',
          marks: [{ type: 'link', attrs: { href: 'https://www.data.gouv.fr' } }],
        },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'inventaire' }] }],
        },
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'publication' }] }],
        },
      ],
    },
  ],
} as unknown as ReturnType<typeof toRichText>;

export function importedBoard(): BoardRecord[] {
  return [
    documentRecord(),
    page(),
    frame('ideas', 'Idées du groupe', { x: 0, y: 0, w: 1000, h: 800 }),
    text('heading', 'Ce que nous retenons', { parentId: 'ideas', x: 40, y: 20, w: 600 }),
    note('first', 'Première idée', { parentId: 'ideas', x: 40, y: 100 }),
    geo('box', 'Une boîte étiquetée', { parentId: 'ideas', x: 400, y: 100, w: 200, h: 100, geo: 'ellipse' }),
    arrow('link', 'mène à', {
      parentId: 'ideas',
      x: 240,
      y: 200,
      start: { x: 0, y: 0 },
      end: { x: 160, y: -50 },
    }),
    arrowBinding('link', 'start', 'first'),
    arrowBinding('link', 'end', 'box'),
    note('formatted', formattedNote, { parentId: 'ideas', x: 40, y: 420 }),
    frame('parking', 'Parking', { x: 1200, y: 0, w: 400, h: 400 }),
    text('conclusion', 'Conclusion hors cadre', { x: 0, y: 1000, w: 400 }),
  ];
}
