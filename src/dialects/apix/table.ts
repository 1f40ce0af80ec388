/**
 * apix dialect: the `## Properties` table read from the raw source
 * (grammar §E). apix writes descriptions as they are in the spec, line
 * breaks and bare pipes included (`| `tls` | No | string | enforced |
 * opportunistic. |`, GitHub's multi-paragraph descriptions), so a GFM reader
 * ends the table at the first line break inside a cell and drops every row
 * after it. Rows are therefore read as the generator writes them: a row
 * starts at a line opening with `|` and runs until a line that closes with
 * `|`; its cells are split at pipes outside code spans, and the cells past
 * the Type column are one Description (its bare pipes put back).
 */

/** One cell: its trimmed text and the offset in the doc where that text starts. */
export interface RawCell {
  readonly text: string;
  readonly offset: number;
}

/** One logical row (one or several source lines). */
export interface RawRow {
  readonly cells: readonly RawCell[];
  /** Offset of the row's first `|`. */
  readonly offset: number;
  /** Offset just past the row's last character. */
  readonly end: number;
  /** False when the table ended before a closing `|` (a row cut short). */
  readonly closed: boolean;
}

/** A table read from `source[start, end)`: its header row and body rows; `undefined` when there is none. */
export interface RawTable {
  readonly header: RawRow;
  readonly rows: readonly RawRow[];
}

const SEPARATOR = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** The lines of `source[start, end)`, each with its offset. */
function linesOf(source: string, start: number, end: number): { text: string; offset: number }[] {
  const lines: { text: string; offset: number }[] = [];
  const pattern = /[^\r\n]*(?:\r\n|\r|\n|$)/gy;
  pattern.lastIndex = start;
  while (pattern.lastIndex < end) {
    const offset = pattern.lastIndex;
    const match = pattern.exec(source);
    if (!match || match[0] === "") break;
    const text = source.slice(offset, Math.min(offset + match[0].length, end)).replace(/\r?\n$|\r$/, "");
    lines.push({ text, offset });
  }
  return lines;
}

/**
 * Reads the first pipe table of `source[start, end)`: header, separator,
 * then logical rows (see the module comment). `undefined` when no line
 * opens with `|` or the separator row is missing.
 */
export function readRawTable(source: string, start: number, end: number): RawTable | undefined {
  const lines = linesOf(source, start, end);
  const headerIndex = lines.findIndex((l) => l.text.trimStart().startsWith("|"));
  const headerLine = lines[headerIndex];
  const separator = lines[headerIndex + 1];
  if (!headerLine || !separator || !SEPARATOR.test(separator.text)) return undefined;
  const header = rowOf(source, headerLine.offset + headerLine.text.indexOf("|"), headerLine.offset + headerLine.text.length, true);
  const rows: RawRow[] = [];
  let open: { offset: number; end: number } | undefined;
  for (const line of lines.slice(headerIndex + 2)) {
    const trimmed = line.text.trim();
    if (!open) {
      if (!trimmed.startsWith("|")) break; // the table ends at the first line that is no row
      open = { offset: line.offset + line.text.indexOf("|"), end: line.offset + line.text.length };
    } else {
      open.end = line.offset + line.text.length;
    }
    // A row closes at a line ending in an unescaped `|` (a lone `|` opening a row does not close it).
    if (trimmed.endsWith("|") && !trimmed.endsWith("\\|") && open.end > open.offset + 1) {
      rows.push(rowOf(source, open.offset, open.end, true));
      open = undefined;
    }
  }
  if (open) rows.push(rowOf(source, open.offset, open.end, false));
  return { header, rows };
}

/** Splits `source[start, end)` into cells at pipes outside code spans and not escaped. */
function rowOf(source: string, start: number, end: number, closed: boolean): RawRow {
  const bounds: number[] = [];
  let i = start;
  while (i < end) {
    const c = source[i];
    if (c === "\\") {
      i += 2;
      continue;
    }
    if (c === "`") {
      let run = 0;
      while (source[i + run] === "`") run++;
      const fence = "`".repeat(run);
      const close = source.indexOf(fence, i + run);
      // An unmatched backtick run is literal text (CommonMark).
      i = close >= 0 && close < end ? close + run : i + run;
      continue;
    }
    if (c === "|") bounds.push(i);
    i++;
  }
  // `start` is the leading pipe: each cell runs from one pipe to the next; a closed row's last pipe ends it.
  const pieces: { from: number; to: number }[] = bounds.map((pipe, k) => ({ from: pipe + 1, to: bounds[k + 1] ?? end }));
  const last = pieces[pieces.length - 1];
  if (closed && last && source.slice(last.from, last.to).trim() === "") pieces.pop();
  const cells = pieces.map(({ from, to }) => {
    const raw = source.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    return { text: raw.trim(), offset: from + lead };
  });
  return { cells, offset: start, end, closed };
}
