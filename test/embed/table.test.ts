/** The studio's table step: pasted text, CSV and Excel workbooks become rows; numbers are read as written. */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { parseNumber, parseTableText, parseWorkbook, TableError } from '../../examples/studio/table.ts';

describe('parseTableText(text)', () => {
  it('reads tab-separated text copied from Excel, WPS or a web page', () => {
    const t = parseTableText('\ufeff城市\tGDP（亿元）\r\n广州\t30,355.73\r\n深圳市\t34606.4\r\n');
    expect(t.columns).toEqual(['城市', 'GDP（亿元）']);
    expect(t.rows).toEqual([
      ['广州', '30,355.73'],
      ['深圳市', '34606.4'],
    ]);
  });
  it('reads CSV with quoted fields and semicolons', () => {
    expect(parseTableText('name,value\n"Guangzhou, GD","30,355.73"\n').rows).toEqual([
      ['Guangzhou, GD', '30,355.73'],
    ]);
    expect(parseTableText('a;b\n广州;1\n').rows).toEqual([['广州', '1']]);
  });
  it('refuses an empty table', () => {
    expect(() => parseTableText('\n \n')).toThrow(TableError);
  });
});

describe('parseNumber(cell)', () => {
  it('reads numbers as people write them, "no value" as null, text as undefined', () => {
    expect(parseNumber('30,355.73')).toBe(30355.73);
    expect(parseNumber('３４６０６．４')).toBe(34606.4);
    expect(parseNumber('1.2万')).toBe(12000);
    expect(parseNumber('5.2%')).toBe(5.2);
    for (const c of ['', '-', '—', 'NA', '无', '…']) expect(parseNumber(c)).toBeNull();
    expect(parseNumber('广州')).toBeUndefined();
  });
});

describe('parseWorkbook(data) (SheetJS @e965/xlsx)', () => {
  it('reads the first sheet of an .xlsx workbook', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['城市', 'GDP'],
      ['廣州', 30355.73],
      ['Foshan', 13276.14],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'GDP');
    const data = XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
    const t = await parseWorkbook(data);
    expect(t.columns).toEqual(['城市', 'GDP']);
    expect(t.rows.map((r) => [r[0], parseNumber(r[1]!)])).toEqual([
      ['廣州', 30355.73],
      ['Foshan', 13276.14],
    ]);
  });
});
