/**
 * The OAG row reader's text work (grammar §0.2–§0.4, §A.3, §A.4): splitting
 * a table row's raw source into cells, rebuilding Type cells that raw pipes
 * split (typescript-axios `**Array&lt;X | null&gt;**`), and the Notes
 * grammar. Entities are decoded per cell, after splitting.
 */

import { decodeEntities } from "../entities.js";

/** One cell of a row: its raw text (entities still encoded) and where it starts in the row. */
export interface SplitCell {
  readonly raw: string;
  /** Offset of the cell's first character (after trimming) from the row's start. */
  readonly offset: number;
}

/**
 * Splits a row's raw source at unescaped pipes (`\|` stays in its cell), with
 * GFM's optional leading and trailing pipe dropped, each cell trimmed. `**a**
 * | **b** |  | ` gives three cells, `| a | b |` two.
 */
export function splitRow(row: string): SplitCell[] {
  let start = 0;
  let end = row.length;
  while (start < end && /\s/.test(row.charAt(start))) start++;
  while (end > start && /\s/.test(row.charAt(end - 1))) end--;
  if (row.charAt(start) === "|") start++;
  if (end > start && row.charAt(end - 1) === "|" && row.charAt(end - 2) !== "\\") end--;
  const cells: SplitCell[] = [];
  let cellStart = start;
  const push = (to: number) => {
    const text = row.slice(cellStart, to);
    const lead = text.length - text.trimStart().length;
    cells.push({ raw: text.trim(), offset: cellStart + lead });
  };
  for (let i = start; i < end; i++) {
    const c = row.charAt(i);
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "|") {
      push(i);
      cellStart = i + 1;
    }
  }
  push(end);
  return cells;
}

const OPENERS = /&lt;|[<[{]/g;
const CLOSERS = /&gt;|[>\]}]/g;

/** Whether a Type cell's text is complete: `**` pairs and `<`/`&lt;`/`[`/`{` brackets balance. */
export function typeCellComplete(raw: string): boolean {
  if ((raw.split("**").length - 1) % 2 !== 0) return false;
  // `->`/`=>` are arrows, not closers.
  const text = raw.replace(/[-=]>/g, "");
  return (text.match(OPENERS)?.length ?? 0) <= (text.match(CLOSERS)?.length ?? 0);
}

/** What the Notes cell says (grammar §A.4). */
export interface Notes {
  readonly optional: boolean;
  readonly readonly: boolean;
  /** The `[default to X]` literal as written (`undefined`/`null` noise dropped), entities decoded. */
  readonly default?: string;
  /** The raw list of `must be one of [...]` (python-prior), inside the brackets. */
  readonly oneOf?: string;
  /** `if omitted the server will use the default value of X`. */
  readonly serverDefault?: string;
}

/** The Notes grammar of §A.4 (matched on the decoded cell). */
const NOTES = /^\s*((?:(?:\[optional\]|\[readonly\]|\[default to .*?\]+)\s*)*)( *must be one of \[.*\])?( *if omitted the server will use the default value of .*)?\s*$/;
const NOTE_TOKEN = /\[optional\]|\[readonly\]|\[default to (.*?\]*)\]/g;
/** Defaults printed on every row that has none (typescript-axios 7.x, legacy dart). */
const NOISE_DEFAULTS: ReadonlySet<string> = new Set(["undefined", "null"]);

/** Reads a decoded Notes cell; `undefined` when it does not match the Notes grammar (it is then a description). */
export function readNotes(text: string): Notes | undefined {
  const m = NOTES.exec(text);
  if (!m) return undefined;
  let optional = false;
  let readonly = false;
  let fallback: string | undefined;
  for (const token of (m[1] ?? "").matchAll(NOTE_TOKEN)) {
    if (token[0] === "[optional]") optional = true;
    else if (token[0] === "[readonly]") readonly = true;
    else if (token[1] !== undefined && !NOISE_DEFAULTS.has(token[1].trim())) fallback = token[1].trim();
  }
  const oneOf = m[2] ? /must be one of \[(.*)\]/.exec(m[2])?.[1] : undefined;
  const serverDefault = m[3]?.replace(/^ *if omitted the server will use the default value of /, "").trim();
  return {
    optional,
    readonly,
    ...(fallback !== undefined ? { default: fallback } : {}),
    ...(oneOf !== undefined ? { oneOf } : {}),
    ...(serverDefault ? { serverDefault } : {}),
  };
}

/** A field row split into its four parts (grammar §0.3). */
export interface RowParts {
  readonly name: SplitCell;
  /** The rebuilt Type cell, raw (its pipes restored). */
  readonly type: SplitCell;
  /** Decoded description (the cells between Type and Notes, rejoined by `|`). */
  readonly description: string;
  readonly notes: Notes;
}

/**
 * Splits a field row the robust way (grammar §0.3): cell 0 is the name; the
 * Type cell is rebuilt by joining cells from 1 until `**` pairs and brackets
 * balance; the last cell is Notes only if it matches the Notes grammar;
 * anything between is the description. `undefined` for a row of fewer than
 * two cells.
 */
export function splitFieldRow(row: string, columns: 2 | 4): RowParts | undefined {
  const cells = splitRow(row);
  const name = cells[0];
  const first = cells[1];
  if (!name || !first) return undefined;
  let typeEnd = 1;
  let typeRaw = first.raw;
  while (!typeCellComplete(typeRaw) && typeEnd + 1 < cells.length) {
    typeEnd++;
    typeRaw = row.slice(first.offset, (cells[typeEnd] as SplitCell).offset + (cells[typeEnd] as SplitCell).raw.length);
  }
  if (!typeCellComplete(typeRaw)) {
    // Nothing balances it (`**kotlin.Long | …`, a bold never closed): the Type cell is cell 1, as GFM reads it.
    typeEnd = 1;
    typeRaw = first.raw;
  }
  const type: SplitCell = { raw: typeRaw, offset: first.offset };
  const rest = cells.slice(typeEnd + 1).map((c) => decodeEntities(c.raw));
  if (columns === 2) return { name, type, description: rest.join(" | "), notes: { optional: false, readonly: false } };
  const last = rest[rest.length - 1];
  // A lone third cell is the description unless it carries a note (`[optional]` in a three-cell row).
  if (last === undefined || (rest.length === 1 && !/\[(?:optional|readonly|default to )|must be one of|if omitted/.test(last))) {
    return { name, type, description: rest.join(" | ").trim(), notes: { optional: false, readonly: false } };
  }
  // The Notes cell is the shortest tail of cells that reads as notes: a raw pipe inside a default (`[default to 'a|b']`) split it too.
  for (let from = rest.length - 1; from >= 1; from--) {
    const notes = readNotes(rest.slice(from).join("|"));
    if (notes) return { name, type, description: rest.slice(0, from).join(" | ").trim(), notes };
  }
  return { name, type, description: rest.join(" | ").trim(), notes: { optional: false, readonly: false } };
}
