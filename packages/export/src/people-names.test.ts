import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { NameDisplay } from '@atelier/protocol';
import { renderNotesCsv } from './notes-csv';
import { firstNameOf, personNamer } from './people-names';
import { buildReportDocument } from './report-builder';
import { renderReportHtml } from './report-html';
import { renderReportMarkdown } from './report-markdown';
import type { ExportInput } from './report-model';
import { renderReportPdf } from './pdf/report-pdf';
import { dejaVuFonts } from './pdf/pdf.test-support';
import { exportedAt, person, pgoBoard, pgoSession } from './test-fixtures';

function input(names?: NameDisplay): ExportInput {
  const session = pgoSession();
  return {
    board: { title: 'Journée des labs', createdAt: '2026-11-20T09:00:00.000Z', template: 'pgo' },
    records: pgoBoard(),
    // Bruno has a full name: "first name + lab" shows only "Bruno".
    session: {
      ...session,
      participants: session.participants.map((p) =>
        p.userId === 'user-bruno'
          ? person('user-bruno', 'Bruno Martin', { lab: 'Lab Créteil', groupId: 'g2' })
          : p,
      ),
    },
    exportedAt,
    locale: 'fr',
    ...(names ? { names } : {}),
  };
}

async function pdfText(names?: NameDisplay): Promise<string> {
  const pdf = await renderReportPdf({
    document: buildReportDocument(input(names)),
    fonts: dejaVuFonts(),
  });
  const { text } = await extractText(await getDocumentProxy(pdf.bytes), { mergePages: true });
  return text;
}

const formats = {
  md: async (names?: NameDisplay) => renderReportMarkdown(input(names)),
  html: async (names?: NameDisplay) => renderReportHtml(input(names)),
  csv: async (names?: NameDisplay) => renderNotesCsv(input(names)),
  pdf: pdfText,
};

describe('names in every format', () => {
  it('reads first names', () => {
    expect(firstNameOf('  Jean-Luc Moreau ')).toBe('Jean-Luc');
    expect(personNamer('first-name-lab').person({ name: 'Sophie Martin', lab: 'Académie de Rennes' })).toBe(
      'Sophie (Académie de Rennes)',
    );
    expect(personNamer('lab').person({ name: 'Sophie Martin' })).toBe('');
  });

  it.each(Object.entries(formats))('%s: labs only by default, nobody named', async (_format, render) => {
    const text = await render();
    for (const name of ['Bruno', 'Alice', 'Chloé', 'Fanny', 'Invité']) expect(text).not.toContain(name);
    // The note Bruno wrote is signed by his lab.
    expect(text).toContain('Lab Créteil');
  });

  it.each(Object.entries(formats))('%s: first names with their lab', async (_format, render) => {
    const text = await render('first-name-lab');
    expect(text).toContain('Bruno (Lab Créteil)');
    expect(text).not.toContain('Martin');
  });

  it.each(Object.entries(formats))('%s: full names when asked', async (_format, render) => {
    const text = await render('full');
    expect(text).toContain('Bruno Martin');
  });

  it('counts people per lab instead of listing them with labs only', () => {
    const md = renderReportMarkdown(input());
    expect(md).toContain('| Lab | Personnes | Rôles | Groupes |');
    expect(md).toContain('| Lab Créteil | 1 | participant | Groupe 2 |');
    expect(md).toContain('| Sans lab indiqué | 1 | participant | Les Bleus |');
    expect(md).toContain('- **Les Bleus**\u00a0: 110 bis Limoges, Sans lab indiqué');
  });
});
