// Text for the PDF: styled spans broken into lines that fit a width, with the embedded fonts.
import type { PDFFont, RGB } from 'pdf-lib';
import type { TextRun } from '../report-document';

export interface PdfFontSet {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  boldItalic: PDFFont;
}

export interface Span {
  text: string;
  font: PDFFont;
  size: number;
  color: RGB;
  href?: string;
  strike?: boolean;
}

export interface LineSegment extends Span {
  /** From the line's left edge. */
  x: number;
  width: number;
}

export interface TextLine {
  segments: LineSegment[];
  width: number;
}

/** The face of a run's marks. */
export function fontOf(fonts: PdfFontSet, run: { bold?: boolean; italic?: boolean }): PDFFont {
  if (run.bold && run.italic) return fonts.boldItalic;
  if (run.bold) return fonts.bold;
  if (run.italic) return fonts.italic;
  return fonts.regular;
}

/** Control characters, zero-width joiners and variation selectors: nothing to draw. */
function invisible(code: number): boolean {
  return code < 0x20 || (code >= 0x200b && code <= 0x200f) || (code >= 0xfe00 && code <= 0xfe0f);
}

/** Characters the font lacks become their unaccented base, else "?" (never a missing-glyph box). */
export function drawableText(fonts: PdfFontSet): (text: string) => string {
  const supported = new Set(fonts.regular.getCharacterSet());
  const has = (char: string) => supported.has(char.codePointAt(0)!);
  return (text) => {
    let out = '';
    for (const char of text.replace(/\t/g, '    ').replace(/\r\n?/g, '\n')) {
      if (char === '\n' || has(char)) out += char;
      // Control characters and invisible joiners or variation selectors draw nothing.
      else if (invisible(char.codePointAt(0) ?? 0)) continue;
      else {
        const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
        out += base && [...base].every(has) ? base : '?';
      }
    }
    return out;
  };
}

export function spansOf(
  runs: readonly TextRun[],
  fonts: PdfFontSet,
  size: number,
  color: RGB,
  linkColor: RGB,
  clean: (text: string) => string,
): Span[] {
  return runs.map((run) => ({
    text: clean(run.text),
    font: fontOf(fonts, run),
    size,
    color: run.href ? linkColor : color,
    ...(run.href ? { href: run.href } : {}),
    ...(run.strike ? { strike: true } : {}),
  }));
}

interface Token extends Span {
  kind: 'word' | 'space' | 'break';
  width: number;
}

function tokens(spans: readonly Span[]): Token[] {
  const out: Token[] = [];
  for (const span of spans) {
    for (const piece of span.text.split(/(\n| +)/)) {
      if (piece === '') continue;
      const kind = piece === '\n' ? 'break' : piece.trim() === '' ? 'space' : 'word';
      const width = kind === 'break' ? 0 : span.font.widthOfTextAtSize(piece, span.size);
      out.push({ ...span, text: piece, kind, width });
    }
  }
  return out;
}

/** A word wider than the line, cut into pieces that fit. */
function splitWord(token: Token, maxWidth: number): Token[] {
  const pieces: Token[] = [];
  let rest = token.text;
  while (rest) {
    let cut = rest.length;
    while (cut > 1 && token.font.widthOfTextAtSize(rest.slice(0, cut), token.size) > maxWidth) cut--;
    const text = rest.slice(0, cut);
    pieces.push({ ...token, text, width: token.font.widthOfTextAtSize(text, token.size) });
    rest = rest.slice(cut);
  }
  return pieces;
}

function sameStyle(a: Span, b: Span): boolean {
  return (
    a.font === b.font &&
    a.size === b.size &&
    a.color === b.color &&
    a.href === b.href &&
    a.strike === b.strike
  );
}

function toLine(words: Token[]): TextLine {
  while (words.length > 0 && words.at(-1)!.kind === 'space') words.pop();
  const segments: LineSegment[] = [];
  let x = 0;
  for (const token of words) {
    const last = segments.at(-1);
    if (last && sameStyle(last, token)) {
      last.text += token.text;
      last.width += token.width;
    } else {
      const { kind: _kind, ...span } = token;
      segments.push({ ...span, x, width: token.width });
    }
    x += token.width;
  }
  return { segments, width: x };
}

/** Greedy line breaking at spaces; '\n' forces a break; a word too long for a line is cut. */
export function breakLines(spans: readonly Span[], maxWidth: number): TextLine[] {
  const lines: TextLine[] = [];
  let current: Token[] = [];
  let width = 0;
  const flush = () => {
    lines.push(toLine(current));
    current = [];
    width = 0;
  };
  for (const token of tokens(spans)) {
    if (token.kind === 'break') {
      flush();
      continue;
    }
    if (token.kind === 'space') {
      if (current.length > 0) {
        current.push(token);
        width += token.width;
      }
      continue;
    }
    if (width + token.width <= maxWidth) {
      current.push(token);
      width += token.width;
      continue;
    }
    if (current.length > 0) flush();
    for (const piece of token.width > maxWidth ? splitWord(token, maxWidth) : [token]) {
      if (current.length > 0 && width + piece.width > maxWidth) flush();
      current.push(piece);
      width += piece.width;
    }
  }
  if (current.length > 0 || lines.length === 0) flush();
  return lines;
}
