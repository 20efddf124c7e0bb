import { AcademieKind, ZoneKind, academies, emptyCardFields, zoneMeta } from '@atelier/board-schema';
import { StepKind } from '@atelier/protocol';
import type { TLShapeId } from '@tldraw/tlschema';
import type { BoardDraft } from './board-draft';
import { MAP_LAYOUT, corsicaOutline, mainlandOutline, projectToMainland, projectToMap } from './france-map';
import { facilitatorRole, participantRole } from './roles';
import { estimateTextHeight, numberedInstructions, stepLabel } from './text-layout';
import { minutes, type TemplateDefinition } from './template-definition';

export const IDENTITY_CARD_SIZE = { w: 380, h: 300 } as const;
/** Blank cards laid out in the tray; participants duplicate one when more labs come (meta is copied). */
export const BLANK_IDENTITY_CARDS = 12;
const TRAY_COLUMNS = 3;
const PADDING = 60;
const MARKER = 16;
const FRAME_GAP = 200;

/** Labels that would cover a neighbour's marker if put on the right. */
const LABEL_OFFSET: Partial<Record<string, { dx: number; dy: number }>> = {
  'clermont-ferrand': { dx: -60, dy: 14 },
  paris: { dx: -20, dy: -40 },
  versailles: { dx: -60, dy: 12 },
  creteil: { dx: 14, dy: 4 },
};

function drawMap(draft: BoardDraft, mapId: TLShapeId): void {
  // The outlines stay on the mainland projection: projectToMap would send Paris's surroundings to the inset.
  for (const outline of [mainlandOutline, corsicaOutline]) {
    draft.line({
      parentId: mapId,
      x: 0,
      y: 0,
      points: outline.map(([lat, lon]) => projectToMainland(lat, lon)),
    });
  }

  const idf = MAP_LAYOUT.idfOnMetro;
  draft.geo({ parentId: mapId, ...idf, dash: 'dashed', color: 'grey' });
  draft.geo({
    parentId: mapId,
    ...MAP_LAYOUT.idf,
    dash: 'dashed',
    color: 'grey',
    text: 'Île-de-France',
    verticalAlign: 'start',
    align: 'start',
  });
  // From the real place to its enlargement.
  draft.arrow({
    parentId: mapId,
    x: idf.x,
    y: idf.y,
    start: { x: 0, y: 0 },
    end: {
      x: MAP_LAYOUT.idf.x + MAP_LAYOUT.idf.w - idf.x + 8,
      y: MAP_LAYOUT.idf.y + MAP_LAYOUT.idf.h / 2 - idf.y,
    },
  });
  for (const inset of MAP_LAYOUT.insets) {
    const { code: _code, ...box } = inset;
    draft.geo({
      parentId: mapId,
      ...box,
      dash: 'dashed',
      color: 'grey',
      text: academies.find((a) => a.code === inset.code)!.name,
      verticalAlign: 'start',
      align: 'start',
    });
  }

  for (const academie of academies) {
    const p = projectToMap(academie.lat, academie.lon);
    draft.geo({
      parentId: mapId,
      x: p.x - MARKER / 2,
      y: p.y - MARKER / 2,
      w: MARKER,
      h: MARKER,
      geo: 'ellipse',
      fill: 'solid',
      color: academie.kind === AcademieKind.viceRectorat ? 'violet' : 'blue',
      meta: zoneMeta({ kind: ZoneKind.academieMarker, academie: academie.code }),
    });
    // Overseas insets already carry the name.
    if (academie.overseas) continue;
    const offset = LABEL_OFFSET[academie.code] ?? { dx: 14, dy: -12 };
    draft.text({
      parentId: mapId,
      x: p.x + offset.dx,
      y: p.y + offset.dy,
      w: 8,
      autoSize: true,
      text: academie.name,
      size: 's',
    });
  }
}

/** Fiche d'identité des labs and their map: fill a card, place it on your académie, spot similar labs. */
export const identityMapTemplate: TemplateDefinition = {
  id: 'identity-map',
  version: 2,
  title: { fr: 'Cartographie des labs', en: 'Map of the labs' },
  description: {
    fr: "Chaque lab remplit sa fiche d'identité (lieu dédié, types d'innovation, offre de services, stade), la place sur la carte des académies, puis repère les labs aux caractéristiques proches pour se mettre en lien.",
    en: 'Each lab fills in its identity card (dedicated space, kinds of innovation, services, stage), places it on the map of académies, then spots labs with similar traits to get in touch.',
  },
  roles: [participantRole, facilitatorRole],
  steps: [
    {
      id: 'fill-card',
      kind: StepKind.individual,
      durationMs: minutes(10),
      title: { fr: 'Remplir sa fiche', en: 'Fill in your card' },
      instructions: {
        fr: "Chaque lab remplit une fiche d'identité : nom, académie, lieu dédié, types d'innovation, offre de services, stade et contact. Dupliquez une fiche vierge s'il en manque.",
        en: 'Each lab fills in an identity card: name, académie, dedicated space, kinds of innovation, services, stage and contact. Duplicate a blank card if there are not enough.',
      },
    },
    {
      id: 'place-card',
      kind: StepKind.individual,
      durationMs: minutes(10),
      title: { fr: 'Positionner sa fiche sur la carte', en: 'Place your card on the map' },
      instructions: {
        fr: "Déplacez votre fiche sur la carte, sur votre académie : posée près d'un repère, elle prend cette académie.",
        en: 'Move your card onto the map, on your académie: dropped near a marker, it takes that académie.',
      },
    },
    {
      id: 'find-peers',
      kind: StepKind.plenary,
      durationMs: minutes(10),
      title: { fr: 'Repérer les labs proches', en: 'Spot similar labs' },
      instructions: {
        fr: "Repérez les labs qui vous ressemblent (mêmes types d'innovation, même stade) et notez avec qui échanger après l'atelier.",
        en: 'Spot the labs like yours (same kinds of innovation, same stage) and note whom to talk to after the workshop.',
      },
    },
  ],
  defaultGroups: 1,
  minGroups: 1,
  maxGroups: 1,
  firstStepNumber: 1,
  layout(context) {
    const { draft, locale } = context;
    const [fill, place, peers] = context.steps;
    const label = (step: NonNullable<typeof fill>) => stepLabel(step, context.stepNumber(step.id), locale);

    const trayWidth = TRAY_COLUMNS * IDENTITY_CARD_SIZE.w + (TRAY_COLUMNS + 1) * 30;
    // The question given at creation heads the first frame (T-QUESTION).
    const question = context.question
      ? `Question${locale === 'fr' ? ' :' : ':'} ${context.question}\n\n`
      : '';
    const instructions = `${question}${fill!.instructions[locale]}`;
    const cardsTop = PADDING + estimateTextHeight(instructions, trayWidth - 2 * PADDING) + 20;
    const rows = Math.ceil(BLANK_IDENTITY_CARDS / TRAY_COLUMNS);
    const tray = draft.frame({
      x: 0,
      y: 0,
      w: trayWidth,
      h: cardsTop + rows * (IDENTITY_CARD_SIZE.h + 30) + PADDING,
      name: label(fill!),
      meta: zoneMeta({ kind: ZoneKind.cardTray, stepId: fill!.id }),
    });
    draft.text({
      parentId: tray.id,
      x: PADDING,
      y: PADDING,
      w: trayWidth - 2 * PADDING,
      text: instructions,
      color: 'grey',
    });
    for (let i = 0; i < BLANK_IDENTITY_CARDS; i++) {
      draft.card({
        parentId: tray.id,
        x: 30 + (i % TRAY_COLUMNS) * (IDENTITY_CARD_SIZE.w + 30),
        y: cardsTop + Math.floor(i / TRAY_COLUMNS) * (IDENTITY_CARD_SIZE.h + 30),
        ...IDENTITY_CARD_SIZE,
        card: { kind: 'identity', fields: emptyCardFields('identity') },
        locale,
      });
    }

    const mapNotes = `${numberedInstructions(place!, context.stepNumber(place!.id), locale)}\n\n${numberedInstructions(peers!, context.stepNumber(peers!.id), locale)}`;
    const map = draft.frame({
      x: trayWidth + FRAME_GAP,
      y: 0,
      w: MAP_LAYOUT.width,
      h: Math.max(
        MAP_LAYOUT.height,
        MAP_LAYOUT.notes.y + estimateTextHeight(mapNotes, MAP_LAYOUT.notes.w) + PADDING,
      ),
      name: `${label(place!)} · ${label(peers!)}`,
      meta: zoneMeta({ kind: ZoneKind.map, stepId: place!.id }),
    });
    drawMap(draft, map.id);
    draft.text({
      parentId: map.id,
      ...MAP_LAYOUT.notes,
      text: mapNotes,
      color: 'grey',
    });

    return {
      stepFrames: { [fill!.id]: tray.id, [place!.id]: map.id, [peers!.id]: map.id },
      groups: [],
    };
  },
};
