// Public API of @atelier/templates: built-in workshop templates and pure builders of their tldraw records.
export {
  buildBoard,
  listTemplates,
  getTemplate,
  frameForGroup,
  type BuildBoardOptions,
  type BuiltBoard,
} from './build-board';
export type { BuiltGroup, StepDefinition } from './template-definition';
export {
  MAP_LAYOUT,
  projectToMap,
  nearestAcademie,
  academieAt,
  academieOfPlace,
  academieMapPosition,
  academieOutlines,
  type Box,
  type Point,
} from './france-map';
export { MAP_CREDIT } from './france-map-svg';
export { PIN_GAP, pinPosition, layoutPins, boxesOverlap } from './pin-layout';
export { planLabImport, mapFrameOf, pinBoxes, type LabImportPlan, type LabImportOptions } from './lab-pins';
export {
  engagementCardsForThemes,
  pgoThemeLabel,
  ENGAGEMENT_CARD_SIZE,
  type EngagementCardsOptions,
} from './engagement-cards';
export { engagementsFrameOf, themesWithCards } from './engagement-cards';
export {
  sessionBoardWrites,
  sessionBoardChanges,
  wantedWrites,
  doneWrites,
  decisionItemLabel,
  boardWritesMetaKey,
  decisionMetaKey,
  recapMetaKey,
  type BoardView,
  type SessionWritesOptions,
} from './session-writes';
export { isBuiltInTemplate } from './build-board';
export {
  buildProgramme,
  buildSection,
  describeSection,
  sectionIdSource,
  sectionRequestOf,
  sectionTitleText,
  formatClockTime,
  programmeWrites,
  programmeWriteKey,
  sectionWriteKey,
  isSectionTitle,
  areaOf,
  SECTION_GAP,
  type Area,
  type BuiltProgramme,
  type BuiltSection,
  type ProgrammeWrite,
  type SectionBuildOptions,
} from './programme';
export { revealMetaKey, writeRevealedNotes } from './reveal-writes';
export type { RevealDraft } from './reveal-writes';
