// The Markdown report (rendered by the server) as plain styled lines for the PDF: headings, items,
// table rows and paragraphs, without Markdown's marks and escapes.

export const ReportLineKind = {
  title: 'title',
  heading: 'heading',
  subheading: 'subheading',
  text: 'text',
  item: 'item',
  row: 'row',
  rule: 'rule',
  blank: 'blank',
} as const;
export type ReportLineKind = (typeof ReportLineKind)[keyof typeof ReportLineKind];

export interface ReportLine {
  kind: ReportLineKind;
  text: string;
  /** Nesting of list items (0 for a top-level item). */
  depth?: number;
}

/** Removes inline Markdown: emphasis, code, links (keeping their text) and backslash escapes. */
export function plainInline(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\\*])\*(?!\s)([^*]+?)\*/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~>])/g, '$1');
}

function tableCells(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < inner.length; i++) {
    const char = inner[i]!;
    if (char === '\\' && inner[i + 1] === '|') {
      current += '\\|';
      i++;
    } else if (char === '|') {
      cells.push(current);
      current = '';
    } else current += char;
  }
  cells.push(current);
  return cells.map((cell) => plainInline(cell.trim())).filter((cell) => cell !== '');
}

export function reportLines(markdown: string): ReportLine[] {
  const lines: ReportLine[] = [];
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      if (lines.at(-1)?.kind !== ReportLineKind.blank) lines.push({ kind: ReportLineKind.blank, text: '' });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      const kind =
        level === 1 ? ReportLineKind.title : level === 2 ? ReportLineKind.heading : ReportLineKind.subheading;
      lines.push({ kind, text: plainInline(heading[2]!) });
      continue;
    }
    if (/^\s*([-*_])\s*\1\s*\1[\s\-*_]*$/.test(line)) {
      lines.push({ kind: ReportLineKind.rule, text: '' });
      continue;
    }
    if (line.trimStart().startsWith('|')) {
      // The separator row under a table's header says nothing.
      if (/^\s*\|[\s:|-]+\|?\s*$/.test(line)) continue;
      lines.push({ kind: ReportLineKind.row, text: tableCells(line).join('  ·  ') });
      continue;
    }
    const item = /^(\s*)[-*+]\s+(?:\[([ xX])\]\s+)?(.*)$/.exec(line);
    if (item) {
      const box = item[2] === undefined ? '' : item[2] === ' ' ? '[ ] ' : '[x] ';
      lines.push({
        kind: ReportLineKind.item,
        text: box + plainInline(item[3]!),
        depth: Math.floor(item[1]!.length / 2),
      });
      continue;
    }
    lines.push({ kind: ReportLineKind.text, text: plainInline(line.replace(/^\s*>\s?/, '')) });
  }
  while (lines[0]?.kind === ReportLineKind.blank) lines.shift();
  while (lines.at(-1)?.kind === ReportLineKind.blank) lines.pop();
  return lines;
}
