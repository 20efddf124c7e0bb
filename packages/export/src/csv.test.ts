import { describe, expect, it } from 'vitest';
import { guardFormula, toCsv, utf8Bom } from './csv';

describe('toCsv', () => {
  it('starts with a BOM and ends every record with CRLF', () => {
    const csv = toCsv({ header: ['a', 'b'], rows: [['1', 2]] });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe(`${utf8Bom}a,b\r\n1,2\r\n`);
  });

  it('quotes cells holding commas, quotes or line breaks, doubling quotes (RFC 4180)', () => {
    const csv = toCsv({
      header: ['x'],
      rows: [['a,b'], ['dit "oui"'], ['deux\nlignes'], ['simple'], ['é à ç']],
    });
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
    expect(toCsv({ header: ['a', 'b', 'c'], rows: [[null, undefined, -1.5]] }).slice(1)).toBe(
      'a,b,c\r\n,,-1.5\r\n',
    );
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
    expect(toCsv({ header: ['f'], rows: [['=HYPERLINK("http://evil")']] }).slice(1)).toBe(
      `f\r\n"'=HYPERLINK(""http://evil"")"\r\n`,
    );
  });

  it('neutralises a formula behind leading whitespace', () => {
    expect([' =1+1', '  +33', '\u00a0-2', ' \t@SUM(A1)', '\n=1+1', 'x =1'].map(guardFormula)).toEqual([
      "' =1+1",
      "'  +33",
      "'\u00a0-2",
      "' \t@SUM(A1)",
      "'\n=1+1",
      'x =1',
    ]);
    expect(toCsv({ header: ['f'], rows: [[' =1+1']] }).slice(1)).toBe("f\r\n' =1+1\r\n");
  });

  it.each([',', ';'] as const)(
    'quotes a cell holding either separator, so a spreadsheet splitting on %s keeps it whole',
    (separator) => {
      const csv = toCsv({ header: ['a', 'b', 'c'], rows: [['x;=1+1;y', 'u,=2+2', 'ok']] }, separator);
      expect(csv.slice(1).split('\r\n')[1]).toBe(['"x;=1+1;y"', '"u,=2+2"', 'ok'].join(separator));
    },
  );

  it('writes the separator asked for between cells', () => {
    expect(toCsv({ header: ['a', 'b'], rows: [['1', 2]] }, ';')).toBe(`${utf8Bom}a;b\r\n1;2\r\n`);
  });
});
