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
  type ReportNote,
  type ReportSection,
  type ReportZone,
  type ReportStep,
  type ReportVote,
} from './report-model';
export { renderReportMarkdown, renderReportMarkdownFromModel } from './report-markdown';
export { renderReportHtml, renderReportHtmlFromModel } from './report-html';
export { notesTable, renderNotesCsv } from './notes-csv';
export {
  identityCardsOf,
  labsTable,
  renderLabsCsv,
  renderLabsGeoJson,
  labsFeatureCollection,
  type LabFeature,
  type LabFeatureCollection,
} from './labs-export';
export { stepTimings, StepTimingStatus, type StepTiming } from './step-timings';
export { digestVotes, type VoteDigest } from './vote-digest';
export { toCsv, guardFormula, utf8Bom, type CsvCell, type CsvSeparator, type Table } from './csv';
export { escapeHtml, escapeMarkdown } from './escape';
export { exportFileName, isoDay } from './file-name';
export { reportLabels } from './report-labels';
