// Plain text out of tldraw's rich text (TipTap/ProseMirror JSON), without loading TipTap.

/** One node of a TipTap document, read defensively: persisted boards are untyped JSON. */
export interface RichTextNode {
  type?: unknown;
  text?: unknown;
  content?: unknown;
  attrs?: unknown;
}

export function isNode(value: unknown): value is RichTextNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function childrenOf(node: RichTextNode): RichTextNode[] {
  return Array.isArray(node.content) ? node.content.filter(isNode) : [];
}

function orderedListStart(node: RichTextNode): number {
  const attrs = isNode(node.attrs) ? (node.attrs as { start?: unknown }) : {};
  return typeof attrs.start === 'number' && Number.isInteger(attrs.start) ? attrs.start : 1;
}

/** Text of inline content: text nodes and hard breaks; marks (bold, links…) carry no text. */
function inlineText(node: RichTextNode): string {
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : '';
  if (node.type === 'hardBreak') return '\n';
  return childrenOf(node).map(inlineText).join('');
}

const listTypes = new Set(['bulletList', 'orderedList', 'taskList']);
const textBlockTypes = new Set(['paragraph', 'heading', 'codeBlock']);

/**
 * Renders block nodes as lines. List items get a marker ("- " or "1. ") and nested lists are
 * indented by two spaces, so a reader who never saw the board still sees the structure.
 */
function blockLines(node: RichTextNode, depth: number): string[] {
  const type = String(node.type);
  if (listTypes.has(type)) {
    const start = orderedListStart(node);
    return childrenOf(node).flatMap((item, position) =>
      listItemLines(item, depth, type === 'orderedList' ? `${start + position}. ` : '- '),
    );
  }
  if (type === 'horizontalRule') return ['---'];
  const children = childrenOf(node);
  // Unknown containers (blockquote, details…) are walked; unknown leaves read as inline text.
  if (textBlockTypes.has(type) || children.every((child) => isInlineType(child.type))) {
    return inlineText(node).split('\n');
  }
  return children.flatMap((child) => blockLines(child, depth));
}

function isInlineType(type: unknown): boolean {
  return type === 'text' || type === 'hardBreak';
}

function listItemLines(item: RichTextNode, depth: number, marker: string): string[] {
  const indent = '  '.repeat(depth);
  const lines: string[] = [];
  for (const child of childrenOf(item)) {
    if (listTypes.has(String(child.type))) {
      lines.push(...blockLines(child, depth + 1));
      continue;
    }
    for (const line of blockLines(child, depth)) {
      lines.push(
        lines.length === 0 ? `${indent}${marker}${line}` : `${indent}${' '.repeat(marker.length)}${line}`,
      );
    }
  }
  if (lines.length === 0) lines.push(`${indent}${marker}`.trimEnd());
  return lines;
}

/**
 * Plain text of a tldraw rich text value (`props.richText`): one line per paragraph or heading,
 * hard breaks kept, list items marked, marks dropped. Anything that is not a document gives ''.
 * A plain string (legacy `props.text`) is returned as is.
 */
export function richTextToPlainText(richText: unknown): string {
  if (typeof richText === 'string') return richText;
  if (!isNode(richText)) return '';
  const lines =
    richText.type === 'doc' ? childrenOf(richText).flatMap((n) => blockLines(n, 0)) : blockLines(richText, 0);
  // Trailing empty paragraphs are an editing artefact, not content.
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  return lines.map((line) => line.trimEnd()).join('\n');
}

/** The text a person reads on a shape: rich text label, legacy text, or a frame's name. */
export function shapeText(shape: { type?: unknown; props?: unknown }): string {
  const props = isNode(shape.props) ? (shape.props as Record<string, unknown>) : {};
  if ('richText' in props) return richTextToPlainText(props.richText);
  if (typeof props.text === 'string') return props.text.trim();
  if (typeof props.name === 'string') return props.name.trim();
  return '';
}

/** A text's first non-blank line, trimmed, cut at `max` characters with "…": how a note is named in a list. */
export function firstLine(text: string, max = 120): string {
  const line =
    text
      .split('\n')
      .find((candidate) => candidate.trim())
      ?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
