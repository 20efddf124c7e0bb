import { toCsv, type Table } from './csv';
import { buildReportModel, noteCreatedText, type ExportInput } from './report-model';

/**
 * One row per note, in reading order: frame, zone, group, text, author (when known), dots (when a
 * vote applied to its frame), created time (when its meta says), shape id. Headers in the input's
 * locale. The CSV and the spreadsheet are both made of it.
 */
export function notesTable(input: ExportInput): Table {
  const model = buildReportModel(input);
  const h = model.labels.csv;
  return {
    header: [h.frame, h.zone, h.group, h.text, h.author, h.votes, h.createdAt, h.id],
    rows: model.notes.map((note) => [
      note.frame,
      note.zone,
      note.group,
      note.text,
      note.author,
      note.votes,
      noteCreatedText(note, model.timeZone),
      note.id,
    ]),
  };
}

/** `notesTable` as CSV: BOM, CRLF and formula guard from `toCsv`. */
export function renderNotesCsv(input: ExportInput): string {
  return toCsv(notesTable(input));
}
