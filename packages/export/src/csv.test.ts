import { describe, expect, it } from 'vitest';
import { guardFormula, toCsv, utf8Bom } from './csv';

describe('toCsv', () => {
  it('starts with a BOM and ends every record with CRLF', () => {
    const csv = toCsv(['a', 'b'], [['1', 2]]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe(`${utf8Bom}a,b\r\n1,2\r\n`);
  });

  it('quotes cells holding commas, quotes or line breaks, doubling quotes (RFC 4180)', () => {
    const csv = toCsv(['x'], [['a,b'], ['dit "oui"'], ['deux\nlignes'], ['simple'], ['é à ç']]);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'x',
      '"a,b"',
      '"dit ""oui"""',
      '"deux\nlignes"',
      'simple',
      'é à ç',
      '',
    ]);
  });

  it('writes empty cells for null and undefined, and numbers as they are', () => {
    expect(toCsv(['a', 'b', 'c'], [[null, undefined, -1.5]]).slice(1)).toBe('a,b,c\r\n,,-1.5\r\n');
  });

  it('neutralises spreadsheet formulas in user text', () => {
    expect(['=1+1', '+33', '-2', '@SUM(A1)', '\tx', '\rx', 'a=b'].map(guardFormula)).toEqual([
      "'=1+1",
      "'+33",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'a=b',
    ]);
    expect(toCsv(['f'], [['=HYPERLINK("http://evil")']]).slice(1)).toBe(
      `f\r\n"'=HYPERLINK(""http://evil"")"\r\n`,
    );
  });
});
