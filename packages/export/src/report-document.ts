// The report as a document: sections of blocks (paragraphs, tables, lists, contributions, check
// lists). Built once from the report model; Markdown, HTML and PDF are three layouts of it. Plain
// JSON (the server sends it as `report.json` to the browser that lays out the PDF).
import type { RichBlock, TextRun } from '@atelier/board-schema';
import type { Locale } from '@atelier/protocol';

export type { RichBlock, TextRun };

/** What a section holds, so a renderer (or a reader of the JSON) can treat some apart. */
export const SectionKind = {
  /** The facilitator's "Synthèse". */
  summary: 'summary',
  /** What the session decided ("thématiques retenues"…): one sub-section per decision. */
  decisions: 'decisions',
  sequence: 'sequence',
  people: 'people',
  votes: 'votes',
  vote: 'vote',
  /** Everything written on the board, frame by frame. */
  production: 'production',
  /** A programme's section (E-PROG-1): its steps and its frames. */
  chapter: 'chapter',
  /** One frame of the board (`frameId` set): its texts, its zones as sub-sections. */
  frame: 'frame',
  zone: 'zone',
  /** Texts outside every frame. */
  outside: 'outside',
  engagements: 'engagements',
  engagement: 'engagement',
  actions: 'actions',
  action: 'action',
  identityCards: 'identity-cards',
  pairings: 'pairings',
} as const;
export type SectionKind = (typeof SectionKind)[keyof typeof SectionKind];

export const ItemKind = {
  note: 'note',
  text: 'text',
  geo: 'geo',
  arrow: 'arrow',
  /** A line of a summary (a vote's result…), not a shape. */
  line: 'line',
} as const;
export type ItemKind = (typeof ItemKind)[keyof typeof ItemKind];

/** One text of the board (or one result line), as a reader meets it. */
export interface ContributionItem {
  kind: ItemKind;
  /** The tldraw shape id, when it is one. */
  id?: string;
  /** Dots it got ("4 points"), where a vote ranks the list. */
  badge?: string;
  content: RichBlock[];
  /** Who wrote it, as the export's name choice shows people; absent when unknown. */
  byline?: string;
  /** An arrow's ends ("de « A » vers « B »"). */
  context?: string;
}

export interface TableColumn {
  label: string;
  /** Numbers and durations line up on the right. */
  align?: 'start' | 'end';
}

export type Block =
  | { kind: 'paragraph'; runs: TextRun[]; tone?: 'muted' }
  /** Text someone wrote (a summary, an engagement), kept as they wrote it. */
  | { kind: 'quote'; blocks: RichBlock[] }
  | { kind: 'rich'; blocks: RichBlock[] }
  | { kind: 'facts'; items: { label: string; value: string }[] }
  | { kind: 'table'; columns: TableColumn[]; rows: string[][]; footer?: string[] }
  | { kind: 'items'; items: ContributionItem[] }
  | { kind: 'checklist'; items: { label: string; checked: boolean }[] }
  | { kind: 'list'; items: string[] };
export type BlockKind = Block['kind'];

export interface ReportSection {
  /** Stable within one document: an anchor in HTML, an entry of the PDF's table of contents. */
  id: string;
  kind: SectionKind;
  title: string;
  blocks: Block[];
  sections: ReportSection[];
  /** The board frame this section reads (the PDF shows the frame's image with it). */
  frameId?: string;
  /**
   * A step's frame with no text of its own: it is there for the PDF's page of the frame's image;
   * Markdown and HTML leave it out.
   */
  imageOnly?: true;
}

/** The words a layout adds around the content (PDF furniture), in the report's language. */
export interface DocumentLabels {
  /** "Compte rendu" */
  documentKind: string;
  contents: string;
  /** "Vue d'ensemble" of a frame split into tiles. */
  overview: string;
  /** "Partie {n} sur {total}" of a tiled frame. */
  tile: string;
  /** "Page {n} sur {total}" */
  page: string;
  /** The image of a frame the browser could not draw. */
  imageMissing: string;
  /** A check box's state, for screen readers. */
  checked: string;
  unchecked: string;
}

export interface ReportDocument {
  lang: Locale;
  /** The board's title. */
  title: string;
  /** Facts under the title: exported on, board created on, template, question. */
  facts: { label: string; value: string }[];
  sections: ReportSection[];
  /** Last line: who produced it. */
  colophon: string;
  labels: DocumentLabels;
  /** ISO date of the export (PDF metadata). */
  exportedAtIso: string;
}

/** Every section in reading order, depth first, with its depth (0 for a top-level section). */
export function walkSections(
  sections: readonly ReportSection[],
  depth = 0,
): { section: ReportSection; depth: number }[] {
  return sections.flatMap((section) => [{ section, depth }, ...walkSections(section.sections, depth + 1)]);
}

/** Whether a section has anything to read (text renderers leave out the ones that do not). */
export function showsText(section: ReportSection): boolean {
  return section.blocks.length > 0 || section.sections.some(showsText);
}

/** Plain text of runs (for a table cell, a heading, a PDF bookmark). */
export function runsText(runs: readonly TextRun[]): string {
  return runs.map((run) => run.text).join('');
}

/** Plain text of rich blocks: one line per paragraph line, list items marked. */
export function blocksText(blocks: readonly RichBlock[], indent = ''): string {
  const lines: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph':
      case 'heading':
        lines.push(
          ...runsText(block.runs)
            .split('\n')
            .map((line) => indent + line),
        );
        break;
      case 'code':
        lines.push(...block.text.split('\n').map((line) => indent + line));
        break;
      case 'rule':
        lines.push(`${indent}---`);
        break;
      case 'quote':
        lines.push(blocksText(block.blocks, indent));
        break;
      case 'list':
        block.items.forEach((item, position) => {
          const marker =
            item.checked !== undefined
              ? item.checked
                ? '[x] '
                : '[ ] '
              : block.ordered
                ? `${block.start + position}. `
                : '- ';
          const text = blocksText(item.blocks, `${indent}  `).replace(/^\s+/, '');
          lines.push(`${indent}${marker}${text}`);
        });
        break;
    }
  }
  return lines.join('\n');
}
