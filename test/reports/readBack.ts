import { Workbook } from 'exceljs';

/** Readers that parse the reports back, so that tests check what a spreadsheet or a program would read. */

/** Reads CSV as RFC 4180 does: quoted fields with doubled quotes, CRLF between records. Throws on anything else. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
      continue;
    }
    if (text[i] !== '"') throw new Error(`unquoted field at ${i}: ${JSON.stringify(text.slice(i, i + 20))}`);
    let value = '';
    i++;
    for (;;) {
      const quote = text.indexOf('"', i);
      if (quote < 0) throw new Error('unclosed quote');
      value += text.slice(i, quote);
      if (text[quote + 1] === '"') {
        value += '"';
        i = quote + 2;
      } else {
        i = quote + 1;
        break;
      }
    }
    record.push(value);
    if (text[i] === ',') i++;
    else if (!text.startsWith('\r\n', i)) throw new Error(`expected , or CRLF at ${i}`);
  }
  if (record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

/** Reads a workbook back with exceljs (its typings call the bytes a Buffer that extends ArrayBuffer). */
export async function readWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}
