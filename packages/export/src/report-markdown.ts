// The report document as Markdown (CommonMark + GFM tables). User text is escaped; the marks people
// put on the board (bold, italics, strike, code, links, lists) are written as Markdown's own.
import { escapeMarkdown } from './escape';
import { colon } from './report-labels';
import { buildReportDocument } from './report-builder';
import {
  showsText,
  type Block,
  type ContributionItem,
  type ReportDocument,
  type ReportSection,
  type RichBlock,
  type TextRun,
} from './report-document';
import type { ExportInput } from './report-model';

/** Text inside a line that already started: escaped, breaks become spaces. */
function phrase(text: string): string {
  return escapeMarkdown(text.replace(/\s*\n\s*/g, ' '), { blockStart: false });
}

/** A table cell holds one line. */
function cell(text: string): string {
  return phrase(text) || ' ';
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((ticks) => ticks.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** One line of one run: marks around the words, spaces kept outside them (CommonMark wants that). */
function markedSegment(run: TextRun, text: string, lineStart: boolean): string {
  if (text.trim() === '') return text;
  const lead = /^\s*/.exec(text)![0];
  const trail = /\s*$/.exec(text)![0];
  const core = text.slice(lead.length, text.length - trail.length);
  let out = run.code ? codeSpan(core) : escapeMarkdown(core, { blockStart: lineStart && lead === '' });
  if (run.strike) out = `~~${out}~~`;
  if (run.italic) out = `*${out}*`;
  if (run.bold) out = `**${out}**`;
  if (run.href) out = `[${out}](<${run.href}>)`;
  return `${lead}${out}${trail}`;
}

/** Runs as Markdown lines (a '\n' in a run is a line break); `opensLine` when the first starts a line. */
function runLines(runs: readonly TextRun[], opensLine: boolean): string[] {
  const lines: string[] = [''];
  for (const run of runs) {
    run.text.split('\n').forEach((segment, i) => {
      if (i > 0) lines.push('');
      const current = lines.length - 1;
      const lineStart = lines[current] === '' && (current > 0 || opensLine);
      lines[current] += markedSegment(run, segment, lineStart);
    });
  }
  return lines;
}

/** A paragraph's lines joined by hard breaks, continuation lines indented. */
function inline(runs: readonly TextRun[], indent: string, opensLine = true): string {
  return runLines(runs, opensLine)
    .map((line) => line.trimEnd())
    .join(`\\\n${indent}`);
}

/** Rich blocks as lines, each prefixed by `indent` (inside a list item or a quote). */
function richLines(blocks: readonly RichBlock[], indent: string): string[] {
  const lines: string[] = [];
  blocks.forEach((block, position) => {
    if (position > 0) lines.push(indent.trimEnd());
    switch (block.kind) {
      case 'paragraph':
        lines.push(indent + inline(block.runs, indent));
        break;
      case 'heading':
        // Inside a note a heading is its first line in bold.
        lines.push(
          indent +
            inline(
              block.runs.map((run) => ({ ...run, bold: true as const })),
              indent,
            ),
        );
        break;
      case 'code':
        lines.push(indent + block.text.split('\n').map(codeSpan).join(`\\\n${indent}`));
        break;
      case 'rule':
        lines.push(`${indent}* * *`);
        break;
      case 'quote':
        lines.push(...richLines(block.blocks, `${indent}> `));
        break;
      case 'list':
        block.items.forEach((item, i) => {
          const marker =
            (block.ordered ? `${block.start + i}.` : '-') +
            (item.checked === undefined ? ' ' : item.checked ? ' [x] ' : ' [ ] ');
          const inner = richLines(item.blocks, indent + ' '.repeat(marker.length));
          const [first = indent, ...rest] = inner.length ? inner : [indent];
          lines.push(`${indent}${marker}${first.slice(indent.length + marker.length)}`, ...rest);
        });
        break;
    }
  });
  return lines;
}

function itemLines(item: ContributionItem): string[] {
  const [first, ...rest] = item.content;
  const head: string[] = [];
  if (item.badge) head.push(`**${phrase(item.badge)}**`);
  let text = first && first.kind === 'paragraph' ? inline(first.runs, '  ', !item.badge) : '';
  if (item.kind === 'arrow') text = `→ ${text}`;
  if (text) head.push(text);
  let line = `- ${head.join(' · ')}`;
  if (item.context) line += ` (${phrase(item.context)})`;
  if (item.byline) line += ` — *${phrase(item.byline)}*`;
  const nested = first && first.kind === 'paragraph' ? rest : item.content;
  return nested.length ? [line, ...richLines(nested, '  ')] : [line];
}

function table(block: Extract<Block, { kind: 'table' }>): string[] {
  const header = block.columns.map((column) => column.label);
  const rule = block.columns.map((column) => (column.align === 'end' ? '--:' : '---'));
  const row = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [
    row(header),
    `|${rule.join('|')}|`,
    ...block.rows.map(row),
    ...(block.footer ? [row(block.footer)] : []),
  ];
}

function blockLines(block: Block, doc: ReportDocument): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [block.tone === 'muted' ? `*${inline(block.runs, '', false)}*` : inline(block.runs, '')];
    case 'rich':
      return richLines(block.blocks, '');
    case 'quote':
      return richLines(block.blocks, '> ');
    case 'facts':
      return block.items.map(
        (fact) =>
          `- **${phrase(fact.label)}**${colon(doc.lang)}${escapeMarkdown(fact.value, { blockStart: false }).split('\n').join('\\\n  ')}`,
      );
    case 'table':
      return table(block);
    case 'items':
      return block.items.flatMap(itemLines);
    case 'checklist':
      return block.items.map((item) => `- [${item.checked ? 'x' : ' '}] ${phrase(item.label)}`);
    case 'list':
      return block.items.map((item) => `- ${inline([{ text: item }], '  ')}`);
  }
}

function sectionLines(section: ReportSection, level: number, doc: ReportDocument): string[] {
  if (section.imageOnly && !showsText(section)) return [];
  const lines = ['', `${'#'.repeat(Math.min(6, level))} ${phrase(section.title)}`];
  for (const block of section.blocks) lines.push('', ...blockLines(block, doc));
  for (const child of section.sections) lines.push(...sectionLines(child, level + 1, doc));
  return lines;
}

/** The report document as Markdown; every user text is escaped. */
export function renderReportMarkdownFromDocument(doc: ReportDocument): string {
  const out: string[] = [`# ${phrase(doc.title)}`, ''];
  out.push(...blockLines({ kind: 'facts', items: doc.facts }, doc));
  for (const section of doc.sections) out.push(...sectionLines(section, 2, doc));
  out.push('', '---', '', `*${phrase(doc.colophon)}*`, '');
  return out.join('\n');
}

/** The workshop report as Markdown, readable by someone who was not there. */
export function renderReportMarkdown(input: ExportInput): string {
  return renderReportMarkdownFromDocument(buildReportDocument(input));
}
