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
export { MAP_LAYOUT, projectToMap, nearestAcademie, academieMapPosition } from './france-map';
export {
  engagementCardsForThemes,
  pgoThemeLabel,
  ENGAGEMENT_CARD_SIZE,
  type EngagementCardsOptions,
} from './engagement-cards';
