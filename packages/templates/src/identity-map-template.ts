import {
  AcademieKind,
  IDENTITY_CARD_SIZE,
  InnovationType,
  academies,
  cardLabels,
  emptyCardFields,
  innovationColors,
  zoneMeta,
  ZoneKind,
} from '@atelier/board-schema';
import { StepKind, type Locale } from '@atelier/protocol';
import type { TLShapeId } from '@tldraw/tlschema';
import type { BoardDraft } from './board-draft';
import { MAP_LAYOUT, academieMapPosition } from './france-map';
import { MAP_CREDIT, franceMapDataUrl } from './france-map-svg';
import { facilitatorRole, participantRole } from './roles';
import { estimateTextHeight, numberedInstructions, stepLabel } from './text-layout';
import { minutes, type TemplateDefinition } from './template-definition';

/** Blank cards laid out in the tray; participants duplicate one when more labs come (meta is copied). */
export const BLANK_IDENTITY_CARDS = 12;
const TRAY_COLUMNS = 3;
const PADDING = 60;
const MARKER = 10;
const FRAME_GAP = 200;
/** Legend swatches: tldraw's small label is about 10 units a character. */
const SWATCH = { h: 36, gap: 12, charWidth: 10.5 } as const;

/** The map's background (outlines, insets, names, credit), a marker at each seat, and the pins' legend. */
function drawMap(draft: BoardDraft, mapId: TLShapeId, locale: Locale): void {
  draft.image({
    parentId: mapId,
    x: 0,
    y: 0,
    w: MAP_LAYOUT.width,
    h: MAP_LAYOUT.height,
    src: franceMapDataUrl(locale),
    name: 'carte-academies.svg',
    altText:
      locale === 'fr'
        ? `Carte des académies et vice-rectorats. ${MAP_CREDIT.fr}`
        : `Map of the académies and vice-rectorats. ${MAP_CREDIT.en}`,
  });
  for (const academie of academies) {
    const p = academieMapPosition(academie);
    draft.geo({
      parentId: mapId,
      x: p.x - MARKER / 2,
      y: p.y - MARKER / 2,
      w: MARKER,
      h: MARKER,
      geo: 'ellipse',
      fill: 'solid',
      color: academie.kind === AcademieKind.viceRectorat ? 'violet' : 'grey',
      meta: zoneMeta({ kind: ZoneKind.academieMarker, academie: academie.code }),
    });
  }
  // One swatch per kind of innovation, in the colour its pins take, each as wide as its word, in rows.
  const { legend } = MAP_LAYOUT;
  let x = legend.x;
  let y = legend.y;
  for (const type of Object.values(InnovationType)) {
    const text = cardLabels.innovationType[type][locale];
    const w = 40 + Math.ceil(text.length * SWATCH.charWidth);
    if (x + w > legend.x + legend.w) {
      x = legend.x;
      y += SWATCH.h + 8;
    }
    draft.geo({ parentId: mapId, x, y, w, h: SWATCH.h, fill: 'solid', color: innovationColors[type], text });
    x += w + SWATCH.gap;
  }
}

/** Fiche d'identité des labs and their map: fill a card, place it on your académie, spot similar labs. */
export const identityMapTemplate: TemplateDefinition = {
  id: 'identity-map',
  version: 4,
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
        fr: "Choisissez votre académie dans la fiche, ou posez la fiche sur votre académie : elle y devient un repère (nom, stade, couleur du type d'innovation).",
        en: 'Choose your académie in the card, or drop the card on your académie: it becomes a pin there (name, stage, colour of its kind of innovation).',
      },
    },
    {
      id: 'find-peers',
      kind: StepKind.plenary,
      durationMs: minutes(10),
      title: { fr: 'Repérer les labs proches', en: 'Spot similar labs' },
      instructions: {
        fr: "Repérez les labs qui vous ressemblent (mêmes types d'innovation, même stade, mêmes besoins) : les liens tracés disent pourquoi. À échanger après l'atelier.",
        en: 'Spot the labs like yours (same kinds of innovation, same stage, same needs): the links drawn say why. To talk to after the workshop.',
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

    const mapNotes = `${numberedInstructions(place!, context.stepNumber(place!.id), locale)}\n${numberedInstructions(peers!, context.stepNumber(peers!.id), locale)}`;
    const map = draft.frame({
      x: trayWidth + FRAME_GAP,
      y: 0,
      w: MAP_LAYOUT.width,
      h: MAP_LAYOUT.height,
      name: `${label(place!)} · ${label(peers!)}`,
      meta: zoneMeta({ kind: ZoneKind.map, stepId: place!.id }),
    });
    drawMap(draft, map.id, locale);
    draft.text({
      parentId: map.id,
      ...MAP_LAYOUT.notes,
      text: mapNotes,
    });

    return {
      stepFrames: { [fill!.id]: tray.id, [place!.id]: map.id, [peers!.id]: map.id },
      groups: [],
    };
  },
};
