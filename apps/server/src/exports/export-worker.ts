// An export worker (piscina): receives a board's records in slices, renders the report, data file or
// `.tldr`, and sends it back in parts, so the main thread only copies bytes to the response.
import {
  buildReportDocument,
  identityCardsOf,
  labsTable,
  notesTable,
  pairingsTable,
  renderLabsCsv,
  renderPairingsCsv,
  renderLabsGeoJson,
  renderNotesCsv,
  renderReportHtml,
  renderReportMarkdown,
  type ExportInput,
} from '@atelier/export';
import { ExportFormat } from '@atelier/protocol';
import type { TLAsset, TLRecord } from '@tldraw/tlschema';
import { currentTldrawSchema, TLDRAW_FILE_FORMAT_VERSION } from '../boards/tldraw-file';
import { tableToXlsx } from '../http/spreadsheet';
import { readDocumentSource } from '../store/document-source';
import type { ExportJob, ExportTask, OutputPart, RecordsMessage } from './export-job';

const PART_BYTES = 256 * 1024;
/** Stands for an asset's `src` in a record's JSON; cannot occur in JSON text (a raw control character). */
const ASSET_HOLE = '\u0000atelier-asset\u0000';

function receiveRecords(task: ExportTask): Promise<TLRecord[]> {
  const records: TLRecord[] = [];
  const received = new Promise<TLRecord[]>((resolve) => {
    task.port.on('message', (message: RecordsMessage) => {
      if ('end' in message) resolve(records);
      else for (const record of message.records) records.push(record as TLRecord);
    });
  });
  task.port.postMessage({ ready: true } satisfies OutputPart);
  return received;
}

class PartWriter {
  private pending: string[] = [];
  private pendingLength = 0;
  private readonly encoder = new TextEncoder();

  constructor(private readonly port: ExportTask['port']) {}

  text(value: string): void {
    this.pending.push(value);
    this.pendingLength += value.length;
    if (this.pendingLength >= PART_BYTES) this.flush();
  }

  bytes(value: Uint8Array): void {
    this.flush();
    // Only a view of its whole buffer may be transferred (a pooled Buffer shares one with others).
    const owned =
      value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? value : new Uint8Array(value);
    this.port.postMessage({ text: owned } satisfies OutputPart, [owned.buffer as ArrayBuffer]);
  }

  send(part: OutputPart): void {
    this.flush();
    this.port.postMessage(part);
  }

  flush(): void {
    if (this.pendingLength === 0) return;
    const bytes = this.encoder.encode(this.pending.join(''));
    this.pending = [];
    this.pendingLength = 0;
    this.port.postMessage({ text: bytes } satisfies OutputPart, [bytes.buffer as ArrayBuffer]);
  }
}

/** A document or data file: text, or a workbook's bytes. */
async function renderDocument(job: ExportJob, records: TLRecord[]): Promise<string | Uint8Array> {
  const input: ExportInput = {
    board: job.board,
    records,
    session: job.session,
    exportedAt: job.exportedAt,
    locale: job.locale,
    names: job.names,
  };
  switch (job.format) {
    case ExportFormat.reportJson:
      return JSON.stringify(buildReportDocument(input));
    case ExportFormat.reportMarkdown:
      return renderReportMarkdown(input);
    case ExportFormat.reportHtml:
      return renderReportHtml(input);
    case ExportFormat.notesCsv:
      return renderNotesCsv(input);
    case ExportFormat.labsCsv:
      return renderLabsCsv(identityCardsOf(records), job.locale);
    case ExportFormat.labsGeoJson:
      return renderLabsGeoJson(identityCardsOf(records), job.locale);
    case ExportFormat.notesXlsx:
      return tableToXlsx(notesTable(input), job.board.title);
    case ExportFormat.labsXlsx:
      return tableToXlsx(labsTable(identityCardsOf(records), job.locale), 'labs');
    case ExportFormat.pairingsCsv:
      return renderPairingsCsv(records, job.locale);
    case ExportFormat.pairingsXlsx:
      return tableToXlsx(
        pairingsTable(records, job.locale),
        job.locale === 'fr' ? 'labs proches' : 'similar labs',
      );
    case ExportFormat.tldraw:
      throw new Error('not a document');
  }
}

/** An image or video asset with a `src`; bookmarks and other records have none to inline. */
function mediaAsset(record: TLRecord): (TLAsset & { props: { src: string | null } }) | null {
  if (record.typeName !== 'asset' || record.type === 'bookmark') return null;
  return record;
}

/** tldraw's `.tldr` (as `JSON.stringify(toTldrawFile(…))` writes it), the board's uploads left as holes. */
function writeTldrawFile(job: ExportJob, records: TLRecord[], out: PartWriter): void {
  out.text(
    `{"tldrawFileFormatVersion":${TLDRAW_FILE_FORMAT_VERSION},"schema":${JSON.stringify(job.schema ?? currentTldrawSchema())},"records":[`,
  );
  records.forEach((record, index) => {
    if (index > 0) out.text(',');
    const asset = mediaAsset(record);
    const src = asset?.props.src;
    if (!asset || !src || !job.assetUrlPrefix || !src.startsWith(job.assetUrlPrefix)) {
      out.text(JSON.stringify(record));
      return;
    }
    const json = JSON.stringify({ ...asset, props: { ...asset.props, src: ASSET_HOLE } });
    const hole = json.indexOf(JSON.stringify(ASSET_HOLE).slice(1, -1));
    const holeLength = JSON.stringify(ASSET_HOLE).length - 2;
    out.text(json.slice(0, hole));
    out.send({
      asset: decodeURIComponent(src.slice(job.assetUrlPrefix.length)),
      fallback: JSON.stringify(src).slice(1, -1),
    });
    out.text(json.slice(hole + holeLength));
  });
  out.text(']}');
}

export default async function exportBoard(task: ExportTask): Promise<void> {
  const out = new PartWriter(task.port);
  try {
    let records = await receiveRecords(task);
    let { job } = task;
    if (job.source) {
      const read = readDocumentSource(job.source);
      records = read.records;
      job = { ...job, ...(read.schema && !job.schema ? { schema: read.schema } : {}) };
    }
    if (job.format === ExportFormat.tldraw) writeTldrawFile(job, records, out);
    else {
      const rendered = await renderDocument(job, records);
      if (typeof rendered === 'string') out.text(rendered);
      else out.bytes(rendered);
    }
    out.send({ done: true });
  } catch (error) {
    out.send({ error: error instanceof Error ? error.message : String(error) });
  } finally {
    task.port.close();
  }
}
