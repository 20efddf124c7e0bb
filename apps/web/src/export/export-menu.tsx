// "Exporter": images drawn in this browser (PNG, SVG), the session file (PDF), the documents and data
// the server renders (report, CSV, GeoJSON, .tldr), and, for the facilitator, "save as template".
import { defaultNameDisplay, ExportFormat, NameDisplay, type TemplateSummary } from '@atelier/protocol';
import { useId, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useEditor, useValue, type TLShapeId } from 'tldraw';
import { useBoard, useConnectionState } from '../board/board-context';
import { fill } from '../facilitation/format';
import { Dialog } from '../shared/dialog';
import { useI18n, type Messages } from '../shared/i18n';
import { facilitatorKeyFor } from '../shared/identity';
import { exportReportPdf, stepFrames } from './dossier-export';
import {
  downloadBlob,
  exportFileName,
  renderImage,
  shapesInScope,
  type ImageFormat,
  type ImageScope,
} from './image-export';
import { LabsMapTools } from './labs-map-tools';
import './export.css';

/** The files offered for download (report.json is what the PDF is made from). */
const downloads: [ExportFormat, keyof Messages][] = [
  [ExportFormat.reportMarkdown, 'exportReportMd'],
  [ExportFormat.reportHtml, 'exportReportHtml'],
  [ExportFormat.notesCsv, 'exportNotesCsv'],
  [ExportFormat.notesXlsx, 'exportNotesXlsx'],
  [ExportFormat.labsCsv, 'exportLabsCsv'],
  [ExportFormat.labsXlsx, 'exportLabsXlsx'],
  [ExportFormat.labsGeoJson, 'exportLabsGeoJson'],
  [ExportFormat.pairingsCsv, 'exportPairingsCsv'],
  [ExportFormat.pairingsXlsx, 'exportPairingsXlsx'],
  [ExportFormat.tldraw, 'exportTldr'],
];

const nameChoices: [NameDisplay, keyof Messages][] = [
  [NameDisplay.labOnly, 'exportNamesLab'],
  [NameDisplay.firstNameAndLab, 'exportNamesFirst'],
  [NameDisplay.full, 'exportNamesFull'],
];

type Status =
  { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

/** A file made in this browser, and what the menu's status says once it is handed over. */
interface ExportedFile {
  blob: Blob;
  name: string;
  status: string;
}

export function ExportMenu() {
  const { t } = useI18n();
  const { boardId } = useBoard();
  const [open, setOpen] = useState(false);
  // The server's exports are reached by the board's id, which a read-only link does not know.
  if (boardId === null) return null;
  return (
    <>
      <button type="button" className="button export-button" onClick={() => setOpen(true)}>
        {t.exportButton}
      </button>
      {open && (
        <Dialog title={t.exportTitle} onClose={() => setOpen(false)}>
          <ExportPanel boardId={boardId} />
        </Dialog>
      )}
    </>
  );
}

function ExportPanel({ boardId }: { boardId: string }) {
  const editor = useEditor();
  const { t, locale } = useI18n();
  const { meta } = useBoard();
  const { session, welcome } = useConnectionState();
  const scopeName = useId();
  const stepSelectId = useId();
  const [scope, setScope] = useState<'board' | 'selection' | 'frame'>('board');
  const frames = useValue(
    'atelier step frames',
    () => stepFrames(session, locale, (id) => editor.getShape(id as TLShapeId) !== undefined),
    [editor, session, locale],
  );
  const [frameId, setFrameId] = useState<string>('');
  const chosenFrame = frameId || frames[0]?.frameId || '';
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [names, setNames] = useState<NameDisplay>(defaultNameDisplay);
  const working = status.kind === 'working';

  /** Makes a file, then says so and hands it to the browser, in that order. */
  const run = async (task: () => Promise<ExportedFile>) => {
    setStatus({ kind: 'working' });
    let file: ExportedFile;
    try {
      file = await task();
    } catch (error) {
      setStatus({ kind: 'error', text: fill(t.exportFailed, { reason: (error as Error).message }) });
      return;
    }
    // Committed before the download starts: whoever notices the file (a person, a browser test)
    // finds the status already final, never "Préparation…" with the file in hand.
    flushSync(() => setStatus({ kind: 'done', text: file.status }));
    downloadBlob(file.blob, file.name);
  };

  const exportImage = (format: ImageFormat) =>
    run(async () => {
      const imageScope: ImageScope =
        scope === 'frame' ? { kind: 'frame', frameId: chosenFrame as TLShapeId } : { kind: scope };
      const ids = shapesInScope(editor, imageScope);
      if (ids.length === 0) throw new Error(t.exportNothing);
      const { blob } = await renderImage(editor, ids, format);
      const name = exportFileName(meta.title, new Date(), format);
      return { blob, name, status: name };
    });

  const exportDossier = () =>
    run(async () => {
      const pdf = await exportReportPdf({ editor, boardId, session, locale, names });
      return {
        blob: new Blob([pdf.bytes as BlobPart], { type: 'application/pdf' }),
        name: exportFileName(meta.title, new Date(), 'pdf'),
        status: fill(t.exportDossierDone, {
          total: pdf.pages.total,
          frames: pdf.pages.frames,
          text: pdf.pages.total - pdf.pages.frames,
        }),
      };
    });
  const query = new URLSearchParams({ locale, names }).toString();

  return (
    <div className="export-panel">
      <section aria-labelledby={`${scopeName}-images`}>
        <h3 id={`${scopeName}-images`}>{t.exportImagesHeading}</h3>
        <fieldset className="export-scope">
          <legend>{t.exportScopeLabel}</legend>
          {(
            [
              ['board', t.exportScopeBoard],
              ['selection', t.exportScopeSelection],
              ['frame', t.exportScopeStep],
            ] as const
          ).map(([value, label]) => (
            <label key={value}>
              <input
                type="radio"
                name={scopeName}
                value={value}
                checked={scope === value}
                disabled={value === 'frame' && frames.length === 0}
                onChange={() => setScope(value)}
              />
              {label}
            </label>
          ))}
          {scope === 'frame' && frames.length > 0 && (
            <div className="export-step">
              <label htmlFor={stepSelectId}>{t.exportStepLabel}</label>
              <select
                id={stepSelectId}
                value={chosenFrame}
                onChange={(event) => setFrameId(event.target.value)}
              >
                {frames.map((frame) => (
                  <option key={frame.frameId} value={frame.frameId}>
                    {frame.title}
                  </option>
                ))}
              </select>
            </div>
          )}
        </fieldset>
        <div className="export-row">
          <button type="button" className="button" disabled={working} onClick={() => void exportImage('png')}>
            {t.exportPng}
          </button>
          <button type="button" className="button" disabled={working} onClick={() => void exportImage('svg')}>
            {t.exportSvg}
          </button>
        </div>
      </section>

      <fieldset className="export-scope export-names">
        <legend>{t.exportNamesLegend}</legend>
        {nameChoices.map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name={`${scopeName}-names`}
              value={value}
              checked={names === value}
              onChange={() => setNames(value)}
            />
            {t[label]}
          </label>
        ))}
      </fieldset>

      <section aria-labelledby={`${scopeName}-dossier`}>
        <h3 id={`${scopeName}-dossier`}>{t.exportDossierHeading}</h3>
        <p className="hint">{t.exportDossierHelp}</p>
        <button
          type="button"
          className="button primary"
          disabled={working}
          onClick={() => void exportDossier()}
        >
          {t.exportDossierButton}
        </button>
      </section>

      <p role="status" className={`export-status ${status.kind === 'error' ? 'export-error' : ''}`}>
        {status.kind === 'working' ? t.exportWorking : status.kind === 'idle' ? '' : status.text}
      </p>

      <section aria-labelledby={`${scopeName}-files`}>
        <h3 id={`${scopeName}-files`}>{t.exportFilesHeading}</h3>
        <ul className="export-files">
          {downloads.map(([format, label]) => (
            <li key={format}>
              <a href={`/api/boards/${encodeURIComponent(boardId)}/export/${format}?${query}`} download>
                {t[label]}
              </a>
            </li>
          ))}
        </ul>
      </section>

      {welcome?.role === 'facilitator' && <LabsMapTools boardId={boardId} />}
      {welcome?.role === 'facilitator' && <SaveAsTemplate boardId={boardId} />}
    </div>
  );
}

function SaveAsTemplate({ boardId }: { boardId: string }) {
  const { t } = useI18n();
  const { meta } = useBoard();
  const headingId = useId();
  const inputId = useId();
  const [title, setTitle] = useState(meta.title);
  const [message, setMessage] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const key = facilitatorKeyFor(boardId);
    try {
      const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/save-as-template`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(key ? { Authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ title }),
      });
      const body = (await response.json()) as TemplateSummary & { error?: { message: string } };
      if (!response.ok) throw new Error(body.error?.message ?? String(response.status));
      setMessage(fill(t.saveTemplateDone, { title: body.title.fr }));
    } catch (error) {
      setMessage(fill(t.exportFailed, { reason: (error as Error).message }));
    }
  };
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t.saveTemplateHeading}</h3>
      <p className="hint">{t.saveTemplateHelp}</p>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor={inputId}>{t.saveTemplateTitleLabel}</label>
        <input
          id={inputId}
          value={title}
          maxLength={120}
          required
          onChange={(event) => setTitle(event.target.value)}
        />
        <button type="submit" className="button">
          {t.saveTemplateButton}
        </button>
      </form>
      <p role="status" className="export-status">
        {message}
      </p>
    </section>
  );
}
