// Gathers what the session file shows (the step frames drawn by tldraw, the participants, the
// report rendered by the server) and builds the PDF.
import { numberSteps, numberedStepTitle, type Locale, type PublicSessionState } from '@atelier/protocol';
import type { Editor, TLShapeId } from 'tldraw';
import type { Messages } from '../shared/i18n';
import { renderImage } from './image-export';
import { reportLines } from './report-text';
import type { DossierStepPage, SessionDossier } from './session-dossier';

/** Step frames in the sequence's order, numbered as everywhere else (P-NUM); steps sharing a frame share its page. */
export function stepFrames(
  session: Pick<PublicSessionState, 'steps' | 'firstStepNumber'> | null,
  locale: Locale,
  exists: (frameId: string) => boolean,
): { frameId: string; title: string }[] {
  const pages: { frameId: string; titles: string[] }[] = [];
  const numbers = numberSteps(session?.steps ?? [], session?.firstStepNumber);
  session?.steps.forEach((step) => {
    if (!step.frameId || !exists(step.frameId)) return;
    const title = numberedStepTitle(numbers.byId.get(step.id), step.title[locale]);
    const page = pages.find((candidate) => candidate.frameId === step.frameId);
    if (page) page.titles.push(title);
    else pages.push({ frameId: step.frameId, titles: [title] });
  });
  return pages.map((page) => ({ frameId: page.frameId, title: page.titles.join('  ·  ') }));
}

async function pngOf(editor: Editor, frameId: TLShapeId): Promise<DossierStepPage['image']> {
  try {
    const { blob, width, height } = await renderImage(editor, [frameId], 'png', { pixelRatio: 1.5 });
    return { png: new Uint8Array(await blob.arrayBuffer()), width, height };
  } catch {
    return null;
  }
}

export async function exportSessionDossier(options: {
  editor: Editor;
  boardId: string;
  boardTitle: string;
  session: PublicSessionState | null;
  locale: Locale;
  t: Messages;
  now: Date;
}): Promise<SessionDossier> {
  const { editor, session, locale, t } = options;
  const response = await fetch(
    `/api/boards/${encodeURIComponent(options.boardId)}/export/report.md?locale=${locale}`,
  );
  if (!response.ok) throw new Error(`report.md: ${response.status}`);
  const report = reportLines(await response.text());

  const frames = stepFrames(session, locale, (id) => editor.getShape(id as TLShapeId) !== undefined);
  const steps: DossierStepPage[] = [];
  for (const frame of frames) {
    steps.push({ title: frame.title, image: await pngOf(editor, frame.frameId as TLShapeId) });
  }
  const participants = (session?.participants ?? []).map((person) =>
    person.lab ? `${person.name} (${person.lab})` : person.name,
  );
  const dateText = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(options.now);
  // pdf-lib is only loaded by those who make a PDF.
  const { buildSessionDossier } = await import('./session-dossier');
  return buildSessionDossier({
    boardTitle: options.boardTitle,
    dateText,
    participants,
    steps,
    report,
    locale,
    createdAt: options.now,
    labels: {
      dossier: t.dossierTitle,
      date: t.dossierDate,
      participants: t.dossierParticipants,
      noParticipant: t.dossierNoParticipant,
      more: t.dossierMore,
      report: t.dossierReport,
    },
  });
}
