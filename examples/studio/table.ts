/**
 * The studio's table step: text pasted from Excel, WPS or a web page (tab-separated), CSV/TSV files
 * (papaparse, which detects the delimiter and handles quotes), and Excel workbooks (SheetJS, loaded only
 * when a workbook is opened) become one header row and data rows of strings; numbers are read as people
 * write them (`30,355.73`, `３４６０６.４`, `1.2万`), and cells that say "no value" (`-`, `—`, `NA`, `无`)
 * are `null`, never 0.
 */
import Papa from 'papaparse';

/** A table: column names and rows of cell text. */
export interface Table {
  columns: string[];
  rows: string[][];
}

/** Tables larger than this are refused before they are parsed (the studio is for figures, not databases). */
export const MAX_TABLE = { bytes: 5_000_000, rows: 5000, columns: 100 } as const;

/** A table-shaped error for the page to show. */
export class TableError extends Error {}

function shape(raw: unknown[][]): Table {
  const rows = raw
    .map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c).trim())))
    .filter((r) => r.some((c) => c !== ''));
  if (!rows.length) throw new TableError('表格是空的 · The table is empty');
  if (rows.length > MAX_TABLE.rows + 1)
    throw new TableError(`表格超过 ${MAX_TABLE.rows} 行 · More than ${MAX_TABLE.rows} rows`);
  const width = Math.max(...rows.map((r) => r.length));
  if (width > MAX_TABLE.columns)
    throw new TableError(`表格超过 ${MAX_TABLE.columns} 列 · More than ${MAX_TABLE.columns} columns`);
  const header = rows[0]!;
  const columns = Array.from({ length: width }, (_, i) => header[i] || `列 ${i + 1} · Column ${i + 1}`);
  return { columns, rows: rows.slice(1).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')) };
}

/**
 * A pasted or loaded text table: tab-separated when copied from a spreadsheet or a web page, else
 * comma, semicolon or pipe separated (papaparse guesses). The first row names the columns.
 *
 * @example
 * ```ts
 * parseTableText('城市\tGDP\n广州\t30,355.73').rows; // [['广州', '30,355.73']]
 * ```
 */
export function parseTableText(text: string): Table {
  if (text.length > MAX_TABLE.bytes) throw new TableError('表格过大 · The table is too large');
  const clean = text.replace(/^\ufeff/, '');
  const tabs = (clean.match(/\t/g) ?? []).length;
  const lines = clean.split(/\r\n|\r|\n/).filter((l) => l.trim()).length;
  const result = Papa.parse<string[]>(clean, {
    delimiter: tabs >= Math.max(1, lines - 1) ? '\t' : '',
    delimitersToGuess: ['\t', ',', ';', '|', '，'],
    skipEmptyLines: 'greedy',
  });
  return shape(result.data);
}

/**
 * The first sheet of an Excel workbook (.xlsx, .xls) or an OpenDocument sheet, with cells as formatted
 * text. SheetJS is loaded only now.
 */
export async function parseWorkbook(data: ArrayBuffer): Promise<Table> {
  if (data.byteLength > MAX_TABLE.bytes) throw new TableError('文件过大 · The file is too large');
  const XLSX = await import('@e965/xlsx');
  const book = XLSX.read(new Uint8Array(data), {
    type: 'array',
    dense: true,
    cellFormula: false,
    cellHTML: false,
  });
  const first = book.SheetNames[0];
  if (!first) throw new TableError('工作簿没有工作表 · The workbook has no sheet');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[first]!, {
    header: 1,
    raw: false,
    blankrows: false,
  });
  return shape(rows);
}

/** A file chosen by the reader: a workbook by its name, else text (UTF-8, or GB18030 when not UTF-8). */
export async function parseTableFile(file: File): Promise<Table> {
  if (file.size > MAX_TABLE.bytes) throw new TableError('文件过大 · The file is too large');
  const data = await file.arrayBuffer();
  if (/\.(xlsx|xlsm|xls|ods)$/i.test(file.name)) return parseWorkbook(data);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // Chinese Excel saves CSV in GBK.
    text = new TextDecoder('gb18030').decode(data);
  }
  return parseTableText(text);
}

const FULL_WIDTH = /[\uff10-\uff19\uff0e\uff0c\uff0d]/g;
const NO_VALUE = /^(-|—|–|－|\.\.\.|…|n\/?a|nan|null|none|无|无数据|暂无|空)?$/i;

/**
 * A cell as a number: grouped digits (`30,355.73`, `30 355.73`), full-width digits, a trailing `%`
 * (kept as written: 5.2% is 5.2), and `万`/`亿` multipliers. Empty and "no value" cells are `null`;
 * anything else is `undefined` (not a number).
 *
 * @example
 * ```ts
 * parseNumber('30,355.73'); // 30355.73
 * parseNumber('—'); // null
 * parseNumber('广州'); // undefined
 * ```
 */
export function parseNumber(cell: string): number | null | undefined {
  const t = cell
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,\u00a0']/g, '')
    .trim();
  if (NO_VALUE.test(t)) return null;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(%|万|亿)?$/i.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]) * (m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1);
  return Number.isFinite(n) ? n : undefined;
}
