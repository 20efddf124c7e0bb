// Escaping user text for the two document formats we write.

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe in HTML text and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char);
}

/**
 * Backslash-escapes what CommonMark/GFM would read as markup (emphasis, links, raw HTML, tables,
 * code), so a note reads the same in any Markdown viewer and cannot inject HTML. With `blockStart`
 * (text that begins a line, such as a list item's continuation lines) it also escapes what would open
 * a heading, a list or a setext underline at the start of a line.
 */
export function escapeMarkdown(text: string, { blockStart = true }: { blockStart?: boolean } = {}): string {
  const escaped = text.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
  if (!blockStart) return escaped;
  return escaped.replace(/^(\s*)([-+=#])/gm, '$1\\$2').replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}
