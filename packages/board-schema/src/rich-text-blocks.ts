// tldraw's rich text (TipTap/ProseMirror JSON) as a small structure every renderer can lay out:
// paragraphs of styled runs, headings, lists (nested, ordered, task lists), quotes, code, rules.
import { childrenOf, isNode, type RichTextNode } from './rich-text';

/** A stretch of text with one set of marks. `text` may hold '\n' (a hard break). */
export interface TextRun {
  text: string;
  bold?: true;
  italic?: true;
  strike?: true;
  code?: true;
  /** Only http(s) and mailto links are kept; others become plain text. */
  href?: string;
}

export const RichBlockKind = {
  paragraph: 'paragraph',
  heading: 'heading',
  list: 'list',
  quote: 'quote',
  code: 'code',
  rule: 'rule',
} as const;
export type RichBlockKind = (typeof RichBlockKind)[keyof typeof RichBlockKind];

export interface RichListItem {
  blocks: RichBlock[];
  /** Task lists only: whether the box is ticked. */
  checked?: boolean;
}

export type RichBlock =
  | { kind: 'paragraph'; runs: TextRun[] }
  | { kind: 'heading'; level: number; runs: TextRun[] }
  | { kind: 'list'; ordered: boolean; start: number; items: RichListItem[] }
  | { kind: 'quote'; blocks: RichBlock[] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' };

type Node = RichTextNode & { marks?: unknown };
const children = childrenOf;

function attrs(node: Node): Record<string, unknown> {
  return isNode(node.attrs) ? (node.attrs as Record<string, unknown>) : {};
}

/** A link a reader may follow safely: http(s) or mailto, nothing that runs. */
export function safeHref(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined;
  const trimmed = href.trim();
  return /^(https?:\/\/|mailto:)[^\s<>"]+$/i.test(trimmed) ? trimmed : undefined;
}

function runOf(node: Node): TextRun | null {
  if (node.type === 'hardBreak') return { text: '\n' };
  if (node.type !== 'text' || typeof node.text !== 'string' || node.text === '') return null;
  const run: TextRun = { text: node.text };
  for (const mark of Array.isArray(node.marks) ? node.marks.filter(isNode) : []) {
    if (mark.type === 'bold') run.bold = true;
    else if (mark.type === 'italic') run.italic = true;
    else if (mark.type === 'strike') run.strike = true;
    else if (mark.type === 'code') run.code = true;
    else if (mark.type === 'link') {
      const href = safeHref(attrs(mark).href);
      if (href) run.href = href;
    }
  }
  return run;
}

function sameMarks(a: TextRun, b: TextRun): boolean {
  return (
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.strike === b.strike &&
    a.code === b.code &&
    a.href === b.href
  );
}

/** Runs of inline content, neighbours with the same marks merged. */
function inlineRuns(node: Node): TextRun[] {
  const runs: TextRun[] = [];
  const visit = (current: Node) => {
    const run = runOf(current);
    if (run) {
      const last = runs.at(-1);
      if (last && sameMarks(last, run)) last.text += run.text;
      else runs.push(run);
      return;
    }
    for (const child of children(current)) visit(child);
  };
  for (const child of children(node)) visit(child);
  return runs;
}

const listTypes = new Set(['bulletList', 'orderedList', 'taskList']);

function isInline(node: Node): boolean {
  return node.type === 'text' || node.type === 'hardBreak';
}

function blocksOf(node: Node): RichBlock[] {
  const type = String(node.type);
  if (listTypes.has(type)) {
    const start = attrs(node).start;
    return [
      {
        kind: RichBlockKind.list,
        ordered: type === 'orderedList',
        start: typeof start === 'number' && Number.isInteger(start) ? start : 1,
        items: children(node).map((item) => {
          const checked = attrs(item).checked;
          return {
            blocks: children(item).flatMap(blocksOf),
            ...(type === 'taskList' ? { checked: checked === true } : {}),
          };
        }),
      },
    ];
  }
  if (type === 'heading') {
    const level = attrs(node).level;
    return [
      {
        kind: RichBlockKind.heading,
        level: typeof level === 'number' ? Math.min(6, Math.max(1, level)) : 1,
        runs: inlineRuns(node),
      },
    ];
  }
  if (type === 'codeBlock') {
    return [
      {
        kind: RichBlockKind.code,
        text: inlineRuns(node)
          .map((run) => run.text)
          .join(''),
      },
    ];
  }
  if (type === 'horizontalRule') return [{ kind: RichBlockKind.rule }];
  if (type === 'blockquote') return [{ kind: RichBlockKind.quote, blocks: children(node).flatMap(blocksOf) }];
  const nodes = children(node);
  // Paragraphs, and unknown leaves holding inline content; unknown containers are walked.
  if (type === 'paragraph' || nodes.every(isInline)) {
    if (isInline(node)) {
      const run = runOf(node);
      return run ? [{ kind: RichBlockKind.paragraph, runs: [run] }] : [];
    }
    return [{ kind: RichBlockKind.paragraph, runs: inlineRuns(node) }];
  }
  return nodes.flatMap(blocksOf);
}

/**
 * tldraw starts a new paragraph at every Enter: on a sticky note they read as lines, so consecutive
 * paragraphs become one paragraph with line breaks (an empty paragraph is an empty line).
 */
function joinParagraphs(blocks: RichBlock[]): RichBlock[] {
  const out: RichBlock[] = [];
  for (const block of blocks) {
    const last = out.at(-1);
    if (block.kind === RichBlockKind.paragraph && last?.kind === RichBlockKind.paragraph) {
      out[out.length - 1] = {
        kind: RichBlockKind.paragraph,
        runs: [...last.runs, { text: '\n' }, ...block.runs],
      };
    } else if (block.kind === RichBlockKind.list) {
      out.push({
        ...block,
        items: block.items.map((item) => ({ ...item, blocks: joinParagraphs(item.blocks) })),
      });
    } else if (block.kind === RichBlockKind.quote) {
      out.push({ ...block, blocks: joinParagraphs(block.blocks) });
    } else out.push(block);
  }
  return out.map((block) =>
    block.kind === RichBlockKind.paragraph ? { ...block, runs: mergeRuns(block.runs) } : block,
  );
}

function mergeRuns(runs: readonly TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    const last = out.at(-1);
    if (last && sameMarks(last, run)) out[out.length - 1] = { ...last, text: last.text + run.text };
    else out.push({ ...run });
  }
  return out;
}

/** Leading and trailing blank lines of a paragraph are an editing artefact. */
function trimParagraph(block: RichBlock): RichBlock {
  if (block.kind !== RichBlockKind.paragraph) return block;
  const runs = block.runs.map((run) => ({ ...run }));
  while (runs.length > 0 && runs[0]!.text.trim() === '') runs.shift();
  while (runs.length > 0 && runs.at(-1)!.text.trim() === '') runs.pop();
  if (runs.length > 0) {
    runs[0]!.text = runs[0]!.text.replace(/^\s*\n/, '');
    runs[runs.length - 1]!.text = runs
      .at(-1)!
      .text.replace(/\n\s*$/, '')
      .trimEnd();
  }
  return { ...block, runs };
}

function isEmptyBlock(block: RichBlock): boolean {
  return block.kind === RichBlockKind.paragraph && block.runs.every((run) => run.text.trim() === '');
}

/**
 * The blocks of a tldraw rich text value (`props.richText`), marks kept. Empty paragraphs at the
 * start and the end are dropped (an editing artefact); a plain string (legacy `props.text`) becomes
 * one paragraph per line. Anything else gives no block.
 */
export function richTextToBlocks(richText: unknown): RichBlock[] {
  let blocks: RichBlock[];
  if (typeof richText === 'string') {
    const text = richText.trim();
    blocks = text ? [{ kind: RichBlockKind.paragraph, runs: [{ text }] }] : [];
  } else if (isNode(richText)) {
    blocks = richText.type === 'doc' ? children(richText).flatMap(blocksOf) : blocksOf(richText);
  } else blocks = [];
  while (blocks.length > 0 && isEmptyBlock(blocks[0]!)) blocks.shift();
  while (blocks.length > 0 && isEmptyBlock(blocks.at(-1)!)) blocks.pop();
  return joinParagraphs(blocks)
    .map(trimParagraph)
    .filter((block) => !isEmptyBlock(block));
}

/** Blocks of plain text: one paragraph, its line breaks kept as hard breaks. */
export function plainTextBlocks(text: string): RichBlock[] {
  const trimmed = text.trim();
  return trimmed ? [{ kind: RichBlockKind.paragraph, runs: [{ text: trimmed }] }] : [];
}
