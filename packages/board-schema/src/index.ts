// Public API of @atelier/board-schema: structured cards stored in the `meta` of standard tldraw shapes.
export {
  academies,
  academieCodes,
  academieCodeSchema,
  AcademieKind,
  findAcademie,
  type Academie,
  type AcademieCode,
} from './academies';
export { CardKind, cardKindSchema, cardMetaKey, CARD_FORMAT_VERSION } from './card-kind';
export {
  DedicatedSpace,
  dedicatedSpaceSchema,
  InnovationType,
  innovationTypeSchema,
  ServiceTag,
  serviceTagSchema,
  LabStage,
  labStageSchema,
  NeedTag,
  needTagSchema,
  labIdSchema,
  identityCardSchema,
  type IdentityCardFields,
} from './identity-card';
export {
  PgoTheme,
  pgoThemeSchema,
  pgoThemes,
  EngagementCriterion,
  engagementCriterionSchema,
  engagementCriteria,
  engagementCardSchema,
  type EngagementCardFields,
} from './engagement-card';
export { actionCardSchema, type ActionCardFields } from './action-card';
export { cardLabels, type LocalizedLabel } from './card-labels';
export {
  cardSchemas,
  emptyCardFields,
  cardMeta,
  readCard,
  type Card,
  type CardFieldsByKind,
  type CardShapeLike,
} from './card-meta';
export { cardText, cardShapeProps } from './card-text';
export { firstLine, richTextToPlainText, shapeText } from './rich-text';
export {
  richTextToBlocks,
  plainTextBlocks,
  safeHref,
  RichBlockKind,
  type RichBlock,
  type RichListItem,
  type TextRun,
} from './rich-text-blocks';
export { withCard } from './with-card';
export {
  similarLabs,
  labPairings,
  pairingReason,
  type LabSimilarity,
  type IdentityCardRef,
} from './similar-labs';
export {
  cardViewMetaKey,
  importedMetaKey,
  IDENTITY_CARD_SIZE,
  PIN_SIZE,
  innovationColors,
  isPin,
  importedFields,
  importedMeta,
  changesSinceImport,
  identityPinRichText,
  identityPinColor,
  identityFaceProps,
  asPin,
  asFullCard,
} from './identity-pin';
export { departements, departementsOf, type Departement } from './departements';
export { ZoneKind, zoneKindSchema, zoneMetaKey, zoneSchema, zoneMeta, readZone, type Zone } from './zone';
export { noteMetaKey, noteAuthor } from './authorship';
export {
  scaffoldingMetaKey,
  scaffoldingMeta,
  isScaffolding,
  isLayoutScaffolding,
  locksInEditor,
} from './scaffolding';
export {
  WriteRule,
  decideWrite,
  type BoardMoment,
  type Writer,
  type WritableRecord,
  type RecordWrite,
  type WriteDecision,
} from './write-rules';
export { voteItemOf, zoneOfChain, zoneLabel, type ChainShape, type VoteTarget } from './vote-items';
export { sectionMetaKey, sectionMeta, readSectionId } from './section';
export { noteRecord, type NoteRecordOptions } from './note-record';
