import { toCsv, type Table } from './csv';
import { buildReportModel, itemCreatedText, type ExportInput } from './report-model';

/**
 * One row per text of the board (notes, text shapes, labelled shapes, arrows' labels), in reading
 * order: frame, zone, group, kind, text, author (as the export's name choice shows people), dots
 * (when a vote applied to its frame), created time (when its meta says), shape id. Headers in the
 * input's locale. The CSV and the spreadsheet are both made of it.
 */
export function notesTable(input: ExportInput): Table {
  const model = buildReportModel(input);
  const h = model.labels.csv;
  return {
    header: [h.frame, h.zone, h.group, h.kind, h.text, h.author, h.votes, h.createdAt, h.id],
    rows: model.items.map((item) => [
      item.frame,
      item.zone,
      item.group,
      model.labels.itemKind[item.kind],
      item.text,
      item.author,
      item.votes,
      itemCreatedText(item, model.timeZone),
      item.id,
    ]),
  };
}

/** `notesTable` as CSV: BOM, CRLF and formula guard from `toCsv`. */
export function renderNotesCsv(input: ExportInput): string {
  return toCsv(notesTable(input));
}
