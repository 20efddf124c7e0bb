import { describe, expect, it } from 'vitest';
import { sessionStateSchema } from '@atelier/protocol';
import { renderReportMarkdown } from './report-markdown';
import type { ExportInput } from './report-model';
import { exportedAt, identityBoard, identitySession, pgoBoard, pgoSession } from './test-fixtures';

const pgoInput = (overrides: Partial<ExportInput> = {}): ExportInput => ({
  board: {
    title: 'Journée des labs',
    createdAt: '2026-11-20T09:00:00.000Z',
    template: 'pgo',
    question: 'Question du tableau',
  },
  records: pgoBoard(),
  session: pgoSession(),
  exportedAt,
  locale: 'fr',
  names: 'full',
  ...overrides,
});

/** The non-blank lines between a heading and the next heading of the same or a higher level (or the footer). */
function sectionOf(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  expect(start, `missing heading ${heading}`).toBeGreaterThanOrEqual(0);
  const level = heading.indexOf(' ');
  const end = lines.findIndex(
    (line, i) => i > start && ((/^#+ /.test(line) && line.indexOf(' ') <= level) || line === '---'),
  );
  return lines.slice(start + 1, end === -1 ? undefined : end).filter((line) => line.trim());
}

describe('renderReportMarkdown, PGO-like board', () => {
  it('uses valid fixtures', () => {
    expect(sessionStateSchema.safeParse(pgoSession()).success).toBe(true);
  });

  it('opens with the title, dates, template and the session question (French typography)', () => {
    const md = renderReportMarkdown(pgoInput());
    const head = md.split('\n').slice(0, 7);
    expect(head[0]).toBe('# Journée des labs');
    expect(head).toContain('- **Exporté le**\u00a0: 27 novembre 2026 à 17:30');
    expect(head).toContain('- **Tableau créé le**\u00a0: 20 novembre 2026 à 10:00');
    expect(head).toContain('- **Modèle**\u00a0: Atelier PGO : engagements pour un gouvernement ouvert');
    // The question set during the session wins over the one the board was created with.
    expect(head).toContain('- **Question**\u00a0: Quels engagements pour un gouvernement ouvert ?');
  });

  it('lists steps with planned and actual durations from the log', () => {
    const rows = sectionOf(renderReportMarkdown(pgoInput()), '## Déroulé');
    expect(rows[0]).toBe('| N° | Étape | Type | Prévu | Réel | Statut |');
    // Durations line up on the right.
    expect(rows[1]).toBe('|---|---|---|--:|--:|---|');
    expect(rows).toContain('| 0 | Introduction | plénière | 10 min | 12 min | faite |');
    // 8 min, a 5 min pause, 20 min more; extended by 5 min.
    expect(rows).toContain(
      '| 1 | Réflexion sur les thématiques | individuel | 20 min (+5 min) | 28 min | faite |',
    );
    expect(rows).toContain('| 3 | Formulation des engagements | plénière | 30 min |   | passée |');
    // Still running at export: counted up to the export.
    expect(rows).toContain('| 4 | Récapitulatif | plénière | 10 min | 5 min | en cours |');
    expect(rows.at(-1)).toBe('|   | Total |   | 1 h 20 min | 55 min |   |');
  });

  it('P-NUM numbers the steps as the session does (its firstStepNumber), a break with no number', () => {
    const session = pgoSession();
    const withBreak = {
      ...session,
      steps: [
        ...session.steps.slice(0, 3),
        {
          id: 'break',
          kind: 'break' as const,
          title: { fr: 'Pause', en: 'Break' },
          instructions: { fr: '', en: '' },
          durationMs: 600_000,
        },
        ...session.steps.slice(3),
      ],
    };
    const rows = sectionOf(renderReportMarkdown(pgoInput({ session: withBreak })), '## Déroulé');
    expect(rows.find((row) => row.includes('| Pause |'))).toMatch(/^\|\s+\| Pause \|/);
    expect(rows).toContain('| 4 | Récapitulatif | plénière | 10 min | 5 min | en cours |');
    // The session decides, not the template id: a PGO board whose session numbers from 1.
    const fromOne = { ...session, firstStepNumber: undefined };
    const plain = sectionOf(renderReportMarkdown(pgoInput({ session: fromOne })), '## Déroulé');
    expect(plain).toContain('| 1 | Introduction | plénière | 10 min | 12 min | faite |');
  });

  it('lists participants with their labs and groups, and each group with its members', () => {
    const md = renderReportMarkdown(pgoInput());
    const people = sectionOf(md, '## Participants');
    expect(people).toContain('| Alice | 110 bis Limoges | Les Bleus | participant |');
    expect(people).toContain('| Fanny | Lab 110 bis |   | animation |');
    expect(sectionOf(md, '### Groupes')).toEqual([
      '- **Les Bleus**\u00a0: Alice, Chloé',
      '- **Groupe 2**\u00a0: Bruno',
    ]);
  });

  it('ranks the notes of each column by dots where the vote took place, with authors', () => {
    const md = renderReportMarkdown(pgoInput());
    expect(sectionOf(md, "#### Santé à l'école/université")).toEqual([
      '*classé par nombre de points*',
      '- **4 points** · Santé mentale des élèves — *Bruno*',
      '- **2 points** · Infirmières scolaires — *Alice*',
      '- **0 point** · =SOMME(A1) bien-être — *Invité*',
    ]);
    expect(sectionOf(md, "#### Droit à l'information")).toEqual([
      '*classé par nombre de points*',
      '- **3 points** · Données ouvertes\\',
      '  en académie — *Chloé*',
      '- **0 point** · Accès aux \\<script\\>alert(1)\\</script\\> décisions',
    ]);
    // Frames with no notes (introduction, an empty column, the cards' frame) get no heading.
    expect(md).not.toContain('Probité');
    expect(md).not.toContain('### 0. Introduction');
    expect(sectionOf(md, '### Hors cadres')).toEqual(['- Penser au compte rendu']);
  });

  it('keeps reading order where no vote took place', () => {
    const md = renderReportMarkdown(pgoInput({ session: { ...pgoSession(), log: [] } }));
    expect(sectionOf(md, "#### Santé à l'école/université")).toEqual([
      '- Infirmières scolaires — *Alice*',
      '- \\=SOMME(A1) bien-être — *Invité*',
      '- Santé mentale des élèves — *Bruno*',
    ]);
    expect(md).not.toContain('## Votes');
  });

  it('summarises the vote', () => {
    expect(sectionOf(renderReportMarkdown(pgoInput()), '### Idées les plus fortes')).toEqual([
      '*27 novembre 2026 à 09:46 · 3 votants · 3 points par personne*',
      '- **4 points** · Santé mentale des élèves',
      '- **3 points** · Données ouvertes',
      '- **2 points** · Infirmières scolaires',
    ]);
  });

  it('shows filled engagement cards with checked criteria and actions, not blank ones', () => {
    const md = renderReportMarkdown(pgoInput());
    const engagements = sectionOf(md, '## Engagements');
    expect(engagements.filter((line) => line.startsWith('### '))).toEqual(["### Santé à l'école/université"]);
    expect(engagements).toContain('> Mettre en place une démocratie sanitaire pérenne');
    expect(engagements).toContain('- [x] Inédit, emblématique et à fort impact de transformation');
    expect(engagements).toContain(
      '- [ ] Conçu et porté avec une ou plusieurs organisations de la société civile',
    );
    expect(engagements.slice(-2)).toEqual([
      '- Consulter les élèves chaque trimestre',
      '- Publier les décisions',
    ]);
  });

  it('writes English labels when asked', () => {
    const md = renderReportMarkdown(pgoInput({ locale: 'en' }));
    expect(md).toContain('- **Exported on**: 27 November 2026 at 17:30');
    expect(md).toContain('## Sequence');
    expect(md).toContain('- **4 dots** · Santé mentale des élèves — *Bruno*');
    expect(md).toContain('- [x] New, emblematic and highly transformative');
  });

  it('reads a board without a session', () => {
    const md = renderReportMarkdown(
      pgoInput({ session: null, board: { title: '', createdAt: 'x', template: 'custom' } }),
    );
    expect(md.split('\n')[0]).toBe('# Compte rendu');
    expect(md).toContain('- **Modèle**\u00a0: custom');
    expect(sectionOf(md, '## Déroulé')).toEqual(['*Aucune étape.*']);
    expect(sectionOf(md, '## Participants')).toEqual(['*Aucun participant enregistré.*']);
  });
});

describe('renderReportMarkdown, identity-map-like board', () => {
  const md = renderReportMarkdown({
    board: {
      title: 'Cartographie des labs',
      createdAt: '2026-11-27T08:00:00.000Z',
      template: 'identity-map',
    },
    records: identityBoard(),
    session: identitySession(),
    exportedAt,
    locale: 'fr',
  });

  it('tabulates filled identity cards by académie, blank ones left out', () => {
    const rows = sectionOf(md, "## Fiches d'identité des labs");
    expect(rows[0]).toBe(
      "| Nom du lab | Académie | Lieu dédié | Types d'innovation | Offre de services | Stade | Besoins | Contact |",
    );
    expect(rows.slice(2)).toEqual([
      '| Lab "Amazonie" | Guyane | en projet |   |   |   |   |   |',
      '| 110 bis Limoges | Limoges | oui | pédagogique, organisationnelle | sessions collaboratives, acculturation/formation, résidences | actif |   | lab@ac-limoges.fr |',
      '| 110 bis Bretagne | Rennes |   |   | =HYPERLINK("x") | lancement |   |   |',
      '| Lab en préfiguration |   |   |   |   | préfiguration |   |   |',
    ]);
  });

  it('lists the notes on the map but not its captions', () => {
    expect(sectionOf(md, '### 2. Positionner sa fiche')).toEqual([
      '- Échanger avec Limoges sur les résidences',
    ]);
    expect(md).not.toContain('Chaque lab remplit une fiche');
    expect(md).not.toContain('| 2 | Positionner sa fiche | individuel | 10 min |   | en cours |');
    expect(md).toContain('| 2 | Positionner sa fiche | individuel | 10 min |   | non abordée |');
  });
});
