import { DataFormatError } from '../errors.js';

/**
 * @internal Splits one CSV line into cells (RFC 4180 quoting within the line: `"a,b"` is one cell,
 * `""` inside quotes is a quote). Unquoted lines take the fast `split` path.
 * @throws {DataFormatError} an unterminated quote or text after a closing quote.
 */
export function splitCsvLine(line: string, separator: number, source: string, lineNumber: number): string[] {
  if (line.indexOf('"') < 0) return line.split(String.fromCharCode(separator));
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    const cellStart = i;
    if (line.charCodeAt(i) === 34 /* " */) {
      let value = '';
      i++;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0) throw new DataFormatError(source, lineNumber, cells.length + 1, 'unterminated quoted cell');
        value += line.slice(i, close);
        if (line.charCodeAt(close + 1) === 34) {
          value += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      if (i < line.length && line.charCodeAt(i) !== separator) {
        throw new DataFormatError(source, lineNumber, cells.length + 1, `text after the closing quote of cell ${JSON.stringify(line.slice(cellStart, i))}`);
      }
      cells.push(value);
    } else {
      let end = line.indexOf(String.fromCharCode(separator), i);
      if (end < 0) end = line.length;
      cells.push(line.slice(i, end));
      i = end;
    }
    if (i >= line.length) return cells;
    i++; // separator
    if (i === line.length) {
      cells.push('');
      return cells;
    }
  }
}
