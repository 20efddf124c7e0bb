// Public API of @atelier/export: pure renderers from a persisted board, its session and log to
// documents (Markdown, HTML) and data (tables as CSV, GeoJSON). No I/O: the caller reads and writes.
export {
  readBoard,
  BoardItemKind,
  type BoardRecord,
  type BoardItem,
  type BoardZone,
  type BoardFrame,
  type BoardPage,
  type BoardReading,
} from './board-reader';
export { inReadingOrder, type Box } from './geometry';
export {
  buildReportModel,
  type ExportInput,
  type ReportModel,
  type ReportItem,
  type ReportFrameSection,
  type ReportZone,
  type ReportStep,
  type ReportVote,
  type ReportDecision,
} from './report-model';
export {
  SectionKind,
  ItemKind,
  walkSections,
  runsText,
  blocksText,
  type ReportDocument,
  type ReportSection,
  type Block,
  type BlockKind,
  type ContributionItem,
  type TableColumn,
  type DocumentLabels,
} from './report-document';
export { buildReportDocument, reportDocumentFromModel, typedTextBlocks } from './report-builder';
export { renderReportMarkdown, renderReportMarkdownFromDocument } from './report-markdown';
export { renderReportHtml, renderReportHtmlFromDocument } from './report-html';
export { personNamer, firstNameOf, type PersonNamer } from './people-names';
export { notesTable, renderNotesCsv } from './notes-csv';
export {
  identityCardsOf,
  labsTable,
  renderLabsCsv,
  renderLabsGeoJson,
  labsFeatureCollection,
  labIdOf,
  type LabFeature,
  type LabFeatureCollection,
} from './labs-export';
export { stepTimings, StepTimingStatus, type StepTiming } from './step-timings';
export { digestVotes, type VoteDigest } from './vote-digest';
export { toCsv, guardFormula, utf8Bom, type CsvCell, type CsvSeparator, type Table } from './csv';
export { escapeHtml, escapeMarkdown } from './escape';
export { exportFileName, isoDay } from './file-name';
export { reportLabels } from './report-labels';
export {
  readLabsFile,
  parseCsv,
  LabsFileError,
  MAX_IMPORTED_LABS,
  type ImportedLab,
  type LabsFileReading,
} from './labs-import';
export {
  labPairingsOf,
  pairingsTable,
  renderPairingsCsv,
  identityCardRefs,
  type LabPairingRow,
} from './pairings';
