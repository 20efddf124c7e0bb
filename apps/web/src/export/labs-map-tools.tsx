// The facilitator's tools for the identity map (issue 15): last year's map in (a file, or the
// community's registry), the "labs proches" links drawn on the map, and this year's cards published to
// the community's map after a confirmation listing new and changed labs.
import type { LabsImportResult, LabsPublishResult } from '@atelier/protocol';
import { useEffect, useId, useRef, useState } from 'react';
import { useEditor, useValue } from 'tldraw';
import { drawPairings } from '../cards/pairing-arrows';
import { mapFrameOn } from '../cards/identity-map-placement';
import { fill } from '../facilitation/format';
import { api } from '../shared/api';
import { useI18n } from '../shared/i18n';
import { facilitatorKeyFor } from '../shared/identity';

async function call<T>(url: string, init: RequestInit, boardId: string): Promise<T> {
  const key = facilitatorKeyFor(boardId);
  const response = await fetch(url, {
    ...init,
    headers: { ...init.headers, ...(key ? { Authorization: `Bearer ${key}` } : {}) },
  });
  const body = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok) throw new Error(body.error?.message ?? String(response.status));
  return body;
}

export function LabsMapTools({ boardId }: { boardId: string }) {
  const editor = useEditor();
  const { t, locale } = useI18n();
  const headingId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [registry, setRegistry] = useState(false);
  const [message, setMessage] = useState('');
  const [preview, setPreview] = useState<LabsPublishResult | null>(null);
  const hasMap = useValue('atelier has map', () => mapFrameOn(editor) !== null, [editor]);
  useEffect(() => {
    api.config().then(
      (config) => setRegistry(config.labsRegistry === true),
      () => setRegistry(false),
    );
  }, []);
  if (!hasMap) return null;

  const base = `/api/boards/${encodeURIComponent(boardId)}/labs`;
  const run = async (task: () => Promise<string>) => {
    try {
      setMessage(await task());
    } catch (error) {
      setMessage(fill(t.exportFailed, { reason: (error as Error).message }));
    }
  };
  const imported = (result: LabsImportResult) => {
    const { created, updated, unchanged } = result;
    const done = fill(t.labsImportDone, { created, updated, unchanged });
    if (result.skipped.length === 0) return done;
    const list = result.skipped.map((s) => `${s.at} (${s.reason})`).join(', ');
    return `${done} ${fill(t.labsImportSkipped, { count: result.skipped.length, list })}`;
  };
  const importFile = (file: File) =>
    run(async () =>
      imported(
        await call<LabsImportResult>(
          `${base}/import?locale=${locale}`,
          { method: 'POST', body: await file.text() },
          boardId,
        ),
      ),
    );
  const publish = (dryRun: boolean) =>
    run(async () => {
      const result = await call<LabsPublishResult>(
        `${base}/publish`,
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ dryRun }) },
        boardId,
      );
      if (dryRun) {
        setPreview(result);
        return result.added.length + result.changed.length === 0 ? t.labsPublishNothing : '';
      }
      setPreview(null);
      return fill(t.labsPublishDone, {
        added: result.added.length,
        changed: result.changed.length,
        url: `${window.location.origin}/api/labs.geojson`,
      });
    });

  return (
    <section aria-labelledby={headingId} data-testid="labs-map-tools">
      <h3 id={headingId}>{t.labsMapHeading}</h3>
      <p className="hint">{t.labsImportHelp}</p>
      <div className="export-row">
        <input
          ref={fileInput}
          type="file"
          accept=".geojson,.json,.csv,application/geo+json,application/json,text/csv"
          hidden
          data-testid="labs-import-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void importFile(file);
            event.target.value = '';
          }}
        />
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          {t.labsImportButton}
        </button>
        {registry && (
          <button
            type="button"
            className="button"
            onClick={() =>
              void run(async () =>
                imported(
                  await call<LabsImportResult>(
                    `${base}/import?source=registry&locale=${locale}`,
                    { method: 'POST' },
                    boardId,
                  ),
                ),
              )
            }
          >
            {t.labsImportRegistry}
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => setMessage(fill(t.labsPairingsDone, { count: drawPairings(editor, locale) }))}
        >
          {t.labsPairingsButton}
        </button>
        {registry && (
          <button type="button" className="button" onClick={() => void publish(true)}>
            {t.labsPublishButton}
          </button>
        )}
      </div>
      {preview && preview.added.length + preview.changed.length > 0 && (
        <div className="labs-publish-preview" data-testid="labs-publish-preview">
          {preview.added.length > 0 && (
            <>
              <h4>{fill(t.labsPublishNew, { count: preview.added.length })}</h4>
              <ul>
                {preview.added.map((lab) => (
                  <li key={lab.id}>
                    {lab.labName} ({lab.academie})
                  </li>
                ))}
              </ul>
            </>
          )}
          {preview.changed.length > 0 && (
            <>
              <h4>{fill(t.labsPublishChanged, { count: preview.changed.length })}</h4>
              <ul>
                {preview.changed.map((lab) => (
                  <li key={lab.id}>
                    {lab.labName} ({lab.academie}) : {lab.fields?.join(', ')}
                  </li>
                ))}
              </ul>
            </>
          )}
          <button type="button" className="button primary" onClick={() => void publish(false)}>
            {t.labsPublishConfirm}
          </button>
        </div>
      )}
      <p role="status" className="export-status" data-testid="labs-map-status">
        {message}
      </p>
    </section>
  );
}
