// The report document as one printable HTML file. User text is escaped in text and attributes; the
// marks people put on the board become HTML's own (strong, em, s, code, lists, safe links).
import { escapeHtml } from './escape';
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

// One self-contained printable file: inline CSS, no script, and a CSP that forbids fetching anything.
const styles = `
:root { color-scheme: light; --ink: #1e1e1e; --muted: #5c5c5c; --line: #d5d5d5; --accent: #000091; --note: #fff6b3; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); margin: 0 auto; max-width: 960px; padding: 32px 24px 64px; }
h1 { font-size: 1.9em; margin: 0 0 .4em; color: var(--accent); }
h2 { font-size: 1.4em; margin: 2em 0 .6em; padding-bottom: .2em; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.15em; margin: 1.5em 0 .4em; }
h4, h5, h6 { font-size: 1em; margin: 1.2em 0 .3em; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; margin: 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; white-space: pre-wrap; }
table { border-collapse: collapse; width: 100%; margin: .6em 0; font-size: .93em; }
th, td { border: 1px solid var(--line); padding: .35em .55em; text-align: left; vertical-align: top; }
th { background: #f3f3f7; }
td.num { text-align: right; white-space: nowrap; }
tfoot td { font-weight: 600; }
.muted { color: var(--muted); }
.notes { list-style: none; padding: 0; margin: .4em 0; display: grid; gap: .4em; }
.notes li { background: var(--note); border-left: 4px solid #e0c200; padding: .4em .7em; break-inside: avoid; }
.notes li.text, .notes li.geo, .notes li.arrow, .notes li.line { background: #f6f6f6; border-left-color: #929292; }
.notes li p, .summary p { margin: 0 0 .3em; white-space: pre-wrap; }
.notes li p:last-child { margin-bottom: 0; }
.notes li ul, .notes li ol { margin: .2em 0; padding-left: 1.3em; }
.context { color: var(--muted); }
nav.toc ol { margin: .3em 0; padding-left: 1.3em; }
a { color: var(--accent); }
.votes { display: inline-block; min-width: 4.5em; font-weight: 700; margin-right: .5em; }
.author { color: var(--muted); font-style: italic; white-space: normal; }
.depth-1 { margin-left: 1em; } .depth-2 { margin-left: 2em; } .depth-3 { margin-left: 3em; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .6em 1em; margin: .8em 0; break-inside: avoid; }
.card blockquote { margin: .4em 0; padding-left: .8em; border-left: 3px solid var(--accent); white-space: pre-wrap; }
.criteria { list-style: none; padding-left: 0; }
.criteria li.checked { font-weight: 600; }
.box { display: inline-block; width: .9em; height: .9em; border: 1.5px solid var(--ink); margin-right: .45em; vertical-align: -.1em; text-align: center; line-height: .8em; font-size: .95em; }
footer { margin-top: 3em; border-top: 1px solid var(--line); padding-top: .6em; color: var(--muted); font-size: .9em; }
@media print {
  @page { margin: 16mm 14mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; } h3, h4 { break-after: avoid; }
  tr, .card, .notes li { break-inside: avoid; }
  .notes li { border: 1px solid #c9b600; }
}
`;

const e = escapeHtml;

type BoxLabels = Pick<ReportDocument['labels'], 'checked' | 'unchecked'>;

/** A check box drawn as a box (with a tick when checked), named for screen readers. */
function checkBox(checked: boolean, labels: BoxLabels): string {
  return `<span class="box" role="img" aria-label="${e(checked ? labels.checked : labels.unchecked)}">${checked ? '✓' : ''}</span>`;
}

function runsHtml(runs: readonly TextRun[]): string {
  return runs
    .map((run) => {
      let out = e(run.text).replace(/\n/g, '<br>');
      if (run.code) out = `<code>${out}</code>`;
      if (run.strike) out = `<s>${out}</s>`;
      if (run.italic) out = `<em>${out}</em>`;
      if (run.bold) out = `<strong>${out}</strong>`;
      if (run.href) out = `<a href="${e(run.href)}" rel="noopener noreferrer">${out}</a>`;
      return out;
    })
    .join('');
}

function richHtml(blocks: readonly RichBlock[], labels: BoxLabels): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return `<p>${runsHtml(block.runs)}</p>`;
        case 'heading':
          return `<p><strong>${runsHtml(block.runs)}</strong></p>`;
        case 'code':
          return `<pre><code>${e(block.text)}</code></pre>`;
        case 'rule':
          return '<hr>';
        case 'quote':
          return `<blockquote>${richHtml(block.blocks, labels)}</blockquote>`;
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul';
          const start = block.ordered && block.start !== 1 ? ` start="${block.start}"` : '';
          const items = block.items
            .map((item) => {
              const box = item.checked === undefined ? '' : checkBox(item.checked, labels);
              return `<li>${box}${richHtml(item.blocks, labels)}</li>`;
            })
            .join('');
          return `<${tag}${start}>${items}</${tag}>`;
        }
      }
    })
    .join('');
}

function itemHtml(item: ContributionItem, labels: BoxLabels): string {
  const badge = item.badge ? `<span class="votes">${e(item.badge)}</span>` : '';
  const arrow = item.kind === 'arrow' ? '<span aria-hidden="true">→ </span>' : '';
  const context = item.context ? ` <span class="context">(${e(item.context)})</span>` : '';
  const byline = item.byline ? ` <span class="author">— ${e(item.byline)}</span>` : '';
  const id = item.id ? ` data-shape-id="${e(item.id)}"` : '';
  // The first paragraph carries the badge and the author on its line.
  const [first, ...rest] = item.content;
  const head =
    first?.kind === 'paragraph'
      ? `<p>${badge}${arrow}${runsHtml(first.runs)}${context}${byline}</p>`
      : `<p>${badge}${arrow}${context}${byline}</p>`;
  const tail = richHtml(first?.kind === 'paragraph' ? rest : item.content, labels);
  return `<li class="${e(item.kind)}"${id}>${head}${tail}</li>`;
}

function table(block: Extract<Block, { kind: 'table' }>): string {
  const align = (i: number) => (block.columns[i]?.align === 'end' ? ' class="num"' : '');
  const head = `<thead><tr>${block.columns.map((c) => `<th scope="col">${e(c.label)}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${block.rows
    .map((row) => `<tr>${row.map((value, i) => `<td${align(i)}>${e(value)}</td>`).join('')}</tr>`)
    .join('')}</tbody>`;
  const foot = block.footer
    ? `<tfoot><tr>${block.footer.map((value, i) => `<td${align(i)}>${e(value)}</td>`).join('')}</tr></tfoot>`
    : '';
  return `<table>${head}${body}${foot}</table>`;
}

function blockHtml(block: Block, labels: BoxLabels): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p${block.tone === 'muted' ? ' class="muted"' : ''}>${runsHtml(block.runs)}</p>`;
    case 'rich':
      return `<div class="summary">${richHtml(block.blocks, labels)}</div>`;
    case 'quote':
      return `<blockquote>${richHtml(block.blocks, labels)}</blockquote>`;
    case 'facts':
      return `<dl class="facts">${block.items.map((f) => `<dt>${e(f.label)}</dt><dd>${e(f.value)}</dd>`).join('')}</dl>`;
    case 'table':
      return table(block);
    case 'items':
      return `<ul class="notes">${block.items.map((item) => itemHtml(item, labels)).join('')}</ul>`;
    case 'checklist':
      return `<ul class="criteria">${block.items
        .map(
          (item) =>
            `<li${item.checked ? ' class="checked"' : ''}>${checkBox(item.checked, labels)}${e(item.label)}</li>`,
        )
        .join('')}</ul>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${e(item).replace(/\n/g, '<br>')}</li>`).join('')}</ul>`;
  }
}

function sectionHtml(section: ReportSection, level: number, labels: BoxLabels): string {
  if (section.imageOnly && !showsText(section)) return '';
  const tag = `h${Math.min(6, level)}`;
  const depth = section.kind === 'frame' || section.kind === 'zone' ? Math.max(0, level - 3) : 0;
  const parts = [
    `<${tag}>${e(section.title)}</${tag}>`,
    ...section.blocks.map((block) => blockHtml(block, labels)),
  ];
  for (const child of section.sections) {
    const html = sectionHtml(child, level + 1, labels);
    if (html) parts.push(html);
  }
  const frame = section.frameId ? ` data-frame-id="${e(section.frameId)}"` : '';
  return `<section id="${e(section.id)}" class="${e(section.kind)} depth-${Math.min(3, depth)}"${frame} aria-label="${e(section.title)}">${parts.join('\n')}</section>`;
}

/** The report document as one printable HTML file; every user text is escaped, in text and attributes. */
export function renderReportHtmlFromDocument(doc: ReportDocument): string {
  const body: string[] = [];
  body.push(
    `<header><h1>${e(doc.title)}</h1>${blockHtml({ kind: 'facts', items: doc.facts }, doc.labels)}</header>`,
  );
  body.push(...doc.sections.map((section) => sectionHtml(section, 2, doc.labels)));
  body.push(`<footer>${e(doc.colophon)}</footer>`);
  return [
    '<!doctype html>',
    `<html lang="${e(doc.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${e(`${doc.labels.documentKind} — ${doc.title}`)}</title>`,
    `<style>${styles}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The workshop report as a single self-contained, printable HTML file. */
export function renderReportHtml(input: ExportInput): string {
  return renderReportHtmlFromDocument(buildReportDocument(input));
}
