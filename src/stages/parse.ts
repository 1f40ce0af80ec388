/**
 * Stage 1, parse: markdown source → mdast, with exact source positions.
 *
 * The parser is a frozen unified processor: `remark-parse` with only the
 * syntax model docs use — GFM tables and strikethrough (`~~`field`~~`,
 * `# ~~Name~~`) and YAML frontmatter (Speakeasy's 2026 `.mdx` pages carry
 * their title there). Full remark-gfm would also turn bare URLs in
 * descriptions into links, which we do not want. A user's own remark plugins
 * (config `remarkPlugins`) are added after these, in a processor of their own
 * (see `remark-plugins.ts`).
 *
 * Generated model docs are mostly padded tables: a cell is padded with spaces
 * to its column's width, and the delimiter row is dashes as wide. The padding
 * is no part of any cell (GFM trims it) but the parser still has to read it,
 * so the parser is fed the tables without it — every run of spaces next to a
 * cell-delimiting pipe cut to one space, every run of dashes in a delimiter
 * row to three — and the tree's positions are mapped back to the source as
 * written. Most cells, too, hold what can parse to one node only — plain
 * text (`N/A`, `:heavy_check_mark:`), a code span (`` `id` ``), emphasis over
 * plain text (`*Optional[str]*`): the parser is not given their text (it costs
 * a tokenizer of its own per cell), and the node it would have made is put in
 * the cell afterwards; so too a link among text (`List[[Pet](pet.md)]`). Most
 * other cells read the same as a paragraph of their own: those of a doc are
 * parsed together, apart, one paragraph each, and their nodes moved in. What
 * is then left of most docs — headings' `#`s, tables of empty cells, plain
 * paragraphs, fenced code — is built as the parser would build it, without
 * the parser (`skeletonTree`). Only lines that the parser then reads as table rows may
 * have been changed, and every such cell must be found where it was left; if
 * not (an odd doc), the source is parsed as written. Either way the tree is
 * the one the source as written gives (tests compare the two on every doc of
 * the fixtures and the corpus).
 *
 * The source must not start with a byte-order mark (`readDoc` drops it):
 * micromark skips one without counting it, so offsets would no longer be
 * offsets into the text.
 */

import type { Nodes, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from "mdast";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import { inlineItems, inlineNodes, type Item } from "./inline.js";

/** A unified processor that parses markdown to mdast (and may transform it). */
export type MarkdownProcessor = Processor<Root, Root, Root, undefined, undefined>;

/**
 * The syntax of model docs, as a remark plugin: GFM tables and
 * strikethrough (`~~x~~` only) and YAML frontmatter, nothing else of GFM.
 */
export function modelDocSyntax(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmStrikethrough({ singleTilde: false }), frontmatter("yaml"));
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), frontmatterFromMarkdown("yaml"));
}

/** The parser of model docs, built once. */
export const markdownParser: MarkdownProcessor = unified().use(remarkParse).use(modelDocSyntax).freeze() as unknown as MarkdownProcessor;

/**
 * Parses one markdown document with `processor` (by default
 * {@link markdownParser}; a user's plugins' syntax takes part, their
 * transforms are run by `runPlugins`). Never throws on odd markdown: every
 * input has a tree.
 */
export function parse(source: string, processor: MarkdownProcessor = markdownParser): Root {
  return parseCompacted(source, processor) ?? parseAsWritten(source, processor);
}

/**
 * The tree parsed from the source with its tables compacted (see the module
 * comment), or undefined when the source is to be parsed as written: nothing
 * worth cutting, a lone CR, or the parser read a changed line as no table row.
 * @internal exported for tests
 */
export function parseCompacted(source: string, processor: MarkdownProcessor = markdownParser): Root | undefined {
  // micromark also ends a line at a lone CR, which the offset mapping below does not: parse such a text as written.
  // A user's syntax extensions may read a plain cell otherwise (`:smile:`): their parser is given every cell's text.
  const compact = source.includes("\r") && LONE_CR.test(source) ? undefined : compactTables(source, processor === markdownParser);
  if (!compact) return undefined;
  // A compact text of nothing but headings' #s, tables of left-out rows, plain paragraphs and fenced code needs no parser at all.
  const tree = (processor === markdownParser ? skeletonTree(compact.text, compact.definitions) : undefined) ?? processor.parse(compact.text);
  if (!onlyTableRowsChanged(tree, compact)) return undefined;
  const starts = lineStarts(source);
  mapPositions(tree, compact, starts);
  const parsed = parseApart(compact, source, processor);
  return parsed && fillCells(tree, compact, source, starts, parsed) ? tree : undefined;
}

const LONE_CR = /\r(?!\n)/;

/** Parses `source` exactly as written, padding and all (no transforms). */
export function parseAsWritten(source: string, processor: MarkdownProcessor = markdownParser): Root {
  return processor.parse(source);
}

/** A source with its tables' padding cut, and how to map its offsets back. */
interface Compacted {
  readonly text: string;
  /** Offsets in `text` from which `shift[i]` more characters were cut before them (increasing). */
  readonly at: number[];
  /** Characters cut before `at[i]` (cumulative). */
  readonly shift: number[];
  /** The (1-based) lines that were changed. */
  readonly lines: number[];
  /** The cells whose text was left out of `text`, with the nodes it makes (see {@link trivialCell}). */
  readonly fills: CellFill[];
  /** The ATX headings whose text was left out of `text` (their lines are not in `lines`). */
  readonly headings: HeadingFill[];
  /** The (1-based) lines taken for tables' header rows (the delimiter row follows each). */
  readonly headers: number[];
  /** The body rows the parser was given as one pipe, all their cells being empty or in `fills`. */
  readonly rows: RowFill[];
  /** Whether the source may define a link reference (it holds a `]:`). */
  readonly definitions: boolean;
}

/** An ATX heading (`## Fields`) given to the parser as its `#`s alone, and the one node its text parses to. */
interface HeadingFill {
  /** Its (1-based) line. */
  readonly line: number;
  readonly depth: number;
  readonly kind: "text" | "inlineCode" | "emphasis";
  /** Offsets in the source of its text, trimmed: `[start, end)`. */
  readonly start: number;
  readonly end: number;
}

/** A table row given to the parser as its last pipe alone (`|`), and its cells' places in the source. */
interface RowFill {
  /** The (1-based) line of the row. */
  readonly line: number;
  /** Offsets in the source of the row, from its first pipe to the line's end (its CR not included). */
  readonly start: number;
  readonly end: number;
  /** The last pipe's index in the line: the text before it is not given to the parser. */
  readonly lastPipe: number;
  /** Offsets in the source of each cell: from its opening pipe to the next (the last cell: to the row's end). */
  readonly cells: readonly (readonly [number, number])[];
}

/** A table cell whose content the parser was not given, and the nodes it parses to. */
interface CellFill {
  /** The (1-based) line of its row. */
  readonly line: number;
  /** Its index in the row. */
  readonly cell: number;
  /**
   * One node (see {@link trivialCell}), a link among text (see {@link linkCell}), a line of
   * inline content (see {@link inlineItems}), or any
   * other text that reads the same as a paragraph of its own (see {@link readsAsParagraph}):
   * those are parsed together, each as a paragraph, apart from the doc.
   */
  readonly kind: "text" | "inlineCode" | "emphasis" | "link" | "inline" | "parsed";
  /** Offsets in the source of its content, trimmed: `[start, end)`. */
  readonly start: number;
  readonly end: number;
  /** Of a link: where it is in the content. */
  readonly link?: LinkPlace | undefined;
  /** Of a line of inline content: what it resolves to (see {@link inlineItems}). */
  readonly items?: readonly Item[] | undefined;
}

/** A link in a cell's content: the offsets in the content of its `[`, of the `]` before its `(`, and after its `)`. */
interface LinkPlace {
  readonly open: number;
  readonly close: number;
  readonly end: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/;
/**
 * Whether `line` (no line ending) is a GFM delimiter row: cells of dashes, each with an optional
 * colon either side and spaces around, between pipes, the outer ones optional. A scan, not a
 * regular expression: one with a run of spaces on either side of an optional pipe backtracks
 * quadratically on a long run of spaces before an odd character. @internal exported for tests
 */
export function isDelimiterRow(line: string): boolean {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 32) end--;
  let i = line.charCodeAt(0) === 124 ? 1 : 0;
  let cells = 0;
  for (;;) {
    while (i < end && line.charCodeAt(i) === 32) i++;
    if (i >= end) return cells > 0;
    if (line.charCodeAt(i) === 58) i++;
    const dashes = i;
    while (i < end && line.charCodeAt(i) === 45) i++;
    if (i === dashes) return false;
    if (line.charCodeAt(i) === 58) i++;
    while (i < end && line.charCodeAt(i) === 32) i++;
    cells++;
    if (i >= end) return true;
    if (line.charCodeAt(i) !== 124) return false;
    i++;
  }
}

/**
 * The source with the padding of its pipe tables cut; undefined when there is
 * nothing worth cutting. With `blankCells`, the text of every cell and ATX
 * heading that can parse to one node only (see {@link trivialCell}) is cut
 * too, and recorded in `fills` and `headings`; a body row of such cells alone
 * is cut to its last pipe (`rows`). @internal exported for tests
 */
export function compactTables(source: string, blankCells = false): Compacted | undefined {
  const lines = source.split("\n");
  let fence: string | undefined;
  const rows = new Uint8Array(lines.length); // 1: a table row, 2: a delimiter row, 3: an ATX heading's line (outside fences)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence !== undefined) {
      const close = FENCE_CLOSE.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    const open = FENCE.exec(line);
    if (open) {
      fence = open[1];
      continue;
    }
    if (line.charCodeAt(0) === 35) {
      rows[i] = 3;
      continue;
    }
    // A header row, then a delimiter row with as many cells, then body rows: every line starting with a pipe.
    if (line.charCodeAt(0) === 124 && i + 1 < lines.length && isDelimiterRow(stripCr(lines[i + 1]!)) && cellCount(line) === cellCount(lines[i + 1]!)) {
      // A header row that reads as a delimiter row too, under a line of text: GFM may take that line for the
      // header (`a|b` over `|---|-|`), and the cut would hide it. Such a doc is parsed as written.
      if (i > 0 && rows[i - 1] !== 3 && !/^[ \t]*\r?$/.test(lines[i - 1]!) && isDelimiterRow(stripCr(line))) return undefined;
      rows[i] = 1;
      rows[i + 1] = 2;
      let j = i + 2;
      while (j < lines.length && lines[j]!.charCodeAt(0) === 124) rows[j++] = 1;
      i = j - 1;
    }
  }
  const at: number[] = [];
  const shift: number[] = [];
  const changed: number[] = [];
  const fills: CellFill[] = [];
  const rowFills: RowFill[] = [];
  const headers: number[] = [];
  const headings: HeadingFill[] = [];
  // Without a `]:`, no link reference definition: a `[label]` in a cell is then text, never a link.
  const noDefinitions = !source.includes("]:");
  let cut = 0;
  let out = "";
  let lineStart = 0;
  let headerCells = 0;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const before = cut;
    // A heading whose text can parse to one node only goes to the parser as its `#`s: the node is put in afterwards.
    const heading = blankCells && rows[i] === 3 ? trivialHeading(line, i + 1, lineStart, noDefinitions) : undefined;
    if (heading) {
      headings.push(heading);
      const newStart = out.length + (i > 0 ? 1 : 0);
      const text = line.slice(0, heading.depth) + line.slice(heading.end - lineStart);
      cut += heading.end - lineStart - heading.depth;
      at.push(newStart + heading.depth);
      shift.push(cut);
      out += i > 0 ? `\n${text}` : text;
      lineStart += line.length + 1;
      continue;
    }
    if (rows[i] === 1 && rows[i + 1] === 2) {
      headerCells = cellCount(line);
      headers.push(i + 1);
    }
    // A body row whose every cell is empty or left out goes to the parser as its last pipe: still a row, none of its cells to read.
    const whole = blankCells && rows[i] === 1 && rows[i + 1] !== 2 ? wholeRow(line, i + 1, lineStart, headerCells, noDefinitions, fills) : undefined;
    if (whole) rowFills.push(whole);
    else if (blankCells && rows[i] === 1) line = blankTrivialCells(line, i + 1, lineStart, headerCells, noDefinitions, fills);
    lineStart += line.length + 1;
    let text = line;
    if (whole) {
      text = line.slice(whole.lastPipe);
      cut += whole.lastPipe;
      at.push(out.length + (i > 0 ? 1 : 0));
      shift.push(cut);
    } else if (rows[i] !== 0) {
      // `newStart`: where this line starts in the compact text; `length`: of the line's compact text so far.
      const newStart = out.length + (i > 0 ? 1 : 0);
      const pieces: string[] = [];
      let length = 0;
      let from = 0; // where the text not yet in `pieces` starts
      let k = 0;
      while (k < line.length) {
        // Body and header rows: straight to the next space (native search; most of a padded row is runs of spaces).
        if (rows[i] === 1) {
          k = line.indexOf(" ", k);
          if (k < 0) break;
        }
        const c = line.charCodeAt(k);
        const dashes = c === 45 && rows[i] === 2;
        if (c !== 32 && !dashes) {
          k++;
          continue;
        }
        let end = k + 1;
        while (line.charCodeAt(end) === c) end++;
        // What the parser needs of the run: three dashes of a delimiter row, one space of a cell's
        // padding (beside a delimiting pipe or the line's end), or all of it.
        const keep = Math.min(end - k, dashes ? 3 : isPadding(line, k, end) ? 1 : end - k);
        if (end - k > keep) {
          pieces.push(line.slice(from, k + keep));
          length += k + keep - from;
          from = end;
          cut += end - k - keep;
          at.push(newStart + length);
          shift.push(cut);
        }
        k = end;
      }
      if (from > 0) {
        pieces.push(line.slice(from));
        text = pieces.join("");
      }
    }
    if (cut !== before) changed.push(i + 1);
    out += i > 0 ? `\n${text}` : text;
  }
  // Not worth a second look at the tree for a few bytes.
  if (cut < 32) return undefined;
  return { text: out, at, shift, lines: changed, fills, rows: rowFills, headers, headings, definitions: !noDefinitions };
}

/**
 * The tree the parser makes of `text` (a compact text, see {@link compactTables}) when `text` is
 * a skeleton alone, or undefined: the parser is then to read it. A skeleton is blocks parted by
 * empty lines, each one of
 * - an ATX heading with no text: one to six `#` alone on a line (CommonMark §4.2), the line
 *   after it empty;
 * - a GFM table with no cell text (GFM §4.10): a header row of empty cells (`| | |`: a pipe,
 *   then a space and a pipe per cell), a delimiter row of as many cells (`| --- | :-: |`), then
 *   body rows that are one pipe each (one empty cell: the rows given as one pipe);
 * - a paragraph (§4.8) of lines of plain text ({@link isPlainText}) that each start with a letter,
 *   or with a digit that opens no ordered list item (§5.2: up to nine digits, then `.` or `)`),
 *   and end with none of space, tab or backslash (no hard break, §6.7): one `text` node, the
 *   lines' values joined by line feeds; or of one such line of inline content ({@link inlineItems}:
 *   text, emphasis, code spans, bare HTML tags, escapes, plain links). Such a line starts nothing
 *   else (§4.1–4.10): no `#`, `>`, `-`, `+`, `*`, `=`, `_`, `|`, `<`, backtick, tilde or indentation;
 * - a fenced code block (§4.5) opened by three backticks and a language of letters, digits,
 *   `_`, `+` or `-` alone (no meta), closed by three backticks alone, with no line between that
 *   is a closing fence otherwise (`````, ` ``` `) and no NUL: a `code` node, its value the lines
 *   between as they are.
 * Nothing else, and no CR (a CRLF source's compact lines end in one). `definitions`: whether the
 * source may define a link reference (then a bracket is not text). A test holds these trees to
 * the parser's on every compact text of the fixtures and the corpus, and on every sequence of
 * up to four lines of a set made to trip the rules.
 * @internal exported for tests
 */
export function skeletonTree(text: string, definitions: boolean): Root | undefined {
  if (text.includes("\r")) return undefined;
  const lines = text.split("\n");
  const children: RootContent[] = [];
  const point = (line: number, column: number, offset: number) => ({ line, column, offset });
  let offset = 0; // where line `i` starts in `text`
  let i = 0;
  const next = () => {
    offset += lines[i]!.length + 1;
    i++;
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (line === "") {
      next();
      continue;
    }
    const start = point(i + 1, 1, offset);
    if (line.charCodeAt(0) === 35 /* # */) {
      const depth = line.length;
      if (depth > 6 || !/^#+$/.test(line)) return undefined;
      children.push({ type: "heading", depth: depth as 1 | 2 | 3 | 4 | 5 | 6, children: [], position: { start, end: point(i + 1, depth + 1, offset + depth) } });
      next();
    } else if (line.charCodeAt(0) === 96 /* ` */) {
      const info = /^```([\w+-]*)$/.exec(line);
      if (!info) return undefined;
      const from = offset + line.length + 1;
      next();
      while (i < lines.length && !CLOSING_FENCE.test(lines[i]!)) next();
      if (i === lines.length || lines[i] !== "```" || text.slice(from, offset).includes("\0")) return undefined;
      const value = offset > from ? text.slice(from, offset - 1) : "";
      children.push({ type: "code", lang: info[1] || null, meta: null, value, position: { start, end: point(i + 1, 4, offset + 3) } });
      next();
    } else if (line.charCodeAt(0) === 124 /* | */) {
      const cells = (line.length - 1) / 2;
      if (!/^\|(?: \|)+$/.test(line) || i + 1 === lines.length) return undefined;
      const align = delimiterAlign(lines[i + 1]!);
      if (align?.length !== cells) return undefined;
      const header: TableCell[] = [];
      for (let c = 0; c < cells; c++) {
        const end = c === cells - 1 ? line.length : 2 * c + 2;
        header.push({ type: "tableCell", children: [], position: { start: point(i + 1, 2 * c + 1, offset + 2 * c), end: point(i + 1, end + 1, offset + end) } });
      }
      const rows: TableRow[] = [{ type: "tableRow", children: header, position: { start, end: point(i + 1, line.length + 1, offset + line.length) } }];
      next();
      let end = point(i + 1, lines[i]!.length + 1, offset + lines[i]!.length);
      next();
      while (i < lines.length && lines[i] === "|") {
        const row = { start: point(i + 1, 1, offset), end: point(i + 1, 2, offset + 1) };
        rows.push({ type: "tableRow", children: [{ type: "tableCell", children: [], position: row }], position: { start: row.start, end: row.end } });
        end = row.end;
        next();
      }
      children.push({ type: "table", align, children: rows, position: { start, end } });
    } else {
      // One line of inline content (see {@link inlineItems}), else lines of plain text.
      const alone = i + 1 === lines.length || lines[i + 1] === "";
      const items = alone && startsParagraph(line) && !plainPiece(line, !definitions) ? inlineItems(line, !definitions) : undefined;
      if (items) {
        const nodes = inlineNodes(line, items, (index) => point(i + 1, index + 1, offset + index));
        children.push({ type: "paragraph", children: nodes, position: { start, end: point(i + 1, line.length + 1, offset + line.length) } });
        next();
      } else {
        const values: string[] = [];
        while (i < lines.length && lines[i] !== "") {
          if (!isPlainParagraphLine(lines[i]!, definitions)) return undefined;
          values.push(plainValue(lines[i]!));
          next();
        }
        const last = lines[i - 1]!;
        const position = { start, end: point(i, last.length + 1, offset - 1) };
        children.push({ type: "paragraph", children: [{ type: "text", value: values.join("\n"), position: { start, end: position.end } }], position });
      }
    }
    if (i < lines.length && lines[i] !== "") return undefined;
  }
  const last = lines[lines.length - 1]!;
  return { type: "root", children, position: { start: point(1, 1, 0), end: point(lines.length, last.length + 1, text.length) } };
}

/** A line that closes a backtick fence of three (§4.5): up to three spaces, three or more backticks, spaces or tabs. */
const CLOSING_FENCE = /^ {0,3}`{3,}[ \t]*$/;

/** The alignment of each cell of a delimiter row as {@link skeletonTree} takes it (`|`, then ` :?-+:? |` or `:?-+:?|` per cell), or undefined for another line. */
function delimiterAlign(line: string): Table["align"] | undefined {
  if (!/^\|(?: :?-+:? \||:?-+:?\|)+$/.test(line)) return undefined;
  return line
    .slice(1, -1)
    .split("|")
    .map((cell) => {
      const dashes = cell.trim();
      const left = dashes.startsWith(":");
      const right = dashes.endsWith(":");
      return left && right ? "center" : left ? "left" : right ? "right" : null;
    });
}

/** A line of plain text in a paragraph that {@link skeletonTree} builds: see there. */
function isPlainParagraphLine(line: string, definitions: boolean): boolean {
  return startsParagraph(line) && plainPiece(line, !definitions);
}

/** Whether a line may be a paragraph's as {@link skeletonTree} takes them: it starts with a letter, or a digit that opens no list item, and ends in no space, tab or backslash. */
function startsParagraph(line: string): boolean {
  const first = line.charCodeAt(0);
  const letter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
  if (!letter && !(first >= 48 && first <= 57 && !/^\d{1,9}[.)]/.test(line))) return false;
  const last = line.charCodeAt(line.length - 1);
  return last !== 32 && last !== 9 && last !== 92;
}

/** Whether `text` is plain text ({@link isPlainText}) as brackets read in its doc: with none, or (when they are text) with no `(`. */
function plainPiece(text: string, bracketsAreText: boolean): boolean {
  return isPlainText(text, false) || (bracketsAreText && isPlainText(text, true));
}

/** ASCII letters and digits: what an intraword `_` (CommonMark §6.2) stands between. */
function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Whether `text` parses to one `text` node whose value is `text` less the
 * backslashes of `\<` and `\>` (CommonMark and GFM, as the parser is
 * configured): none of the characters that start something else — code,
 * emphasis and strikethrough, links and images, HTML, character references,
 * escapes but those two, pipes — and `_` only between letters or digits (it
 * then neither opens nor closes, §6.2). Brackets only when `bracketsAreText`,
 * with no `(` (see {@link trivialCell}). No tabs (columns count their tab
 * stops), no NUL (read as U+FFFD), no CR.
 */
function isPlainText(text: string, bracketsAreText: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    switch (text.charCodeAt(i)) {
      case 95 /* _ */:
        if (!isAlphanumeric(text.charCodeAt(i - 1)) || !isAlphanumeric(text.charCodeAt(i + 1))) return false;
        break;
      case 92 /* \ */: {
        const next = text.charCodeAt(i + 1);
        if (next !== 60 && next !== 62) return false;
        i++;
        break;
      }
      case 91 /* [ */:
      case 93 /* ] */:
        if (!bracketsAreText) return false;
        break;
      case 96 /* ` */:
      case 42 /* * */:
      case 33 /* ! */:
      case 60 /* < */:
      case 38 /* & */:
      case 126 /* ~ */:
      case 124 /* | */:
      case 9:
      case 13:
      case 0:
        return false;
    }
  }
  return !bracketsAreText || !text.includes("(");
}

/** `text` (see {@link isPlainText}) as the value of its text node. */
function plainValue(text: string): string {
  return text.includes("\\") ? text.replace(/\\([<>])/g, "$1") : text;
}

/**
 * What a cell's content (trimmed, non-empty) parses to when it can only be
 * one node — then the parser need not read it:
 * - plain text ({@link isPlainText}, no brackets): one `text` node;
 * - `` `code` `` with no backtick, pipe, backslash, tab, CR or NUL inside and
 *   no space at either end: one `inlineCode` node, its value the text inside
 *   (CommonMark §6.1: nothing stripped, nothing escaped);
 * - `*text*`, plain text inside with no whitespace at either end (so that
 *   both delimiters flank it, §6.2): `emphasis` over one `text`. The text may
 *   hold brackets (`*Optional[str]*`) when it holds no `(` and the doc
 *   defines no link reference: a `[label]` is then text (§6.3).
 */
function trivialCell(content: string, bracketsAreText: boolean): HeadingFill["kind"] | undefined {
  if (isPlainText(content, false)) return "text";
  const first = content.charCodeAt(0);
  if (content.length < 3 || first !== content.charCodeAt(content.length - 1)) return undefined;
  const inner = content.slice(1, -1);
  if (/^\s|\s$/.test(inner)) return undefined;
  if (first === 96 /* ` */) return /[`|\\\t\r\0]/.test(inner) ? undefined : "inlineCode";
  if (first === 42 /* * */) return isPlainText(inner, false) || (bracketsAreText && isPlainText(inner, true)) ? "emphasis" : undefined;
  return undefined;
}

/**
 * What a cell's content (trimmed, non-empty) parses to when the parser need not read it in
 * place: one node ({@link trivialCell}), a link among text ({@link linkCell}), a line of inline
 * content ({@link inlineItems}: text, emphasis, code spans, bare HTML tags, escapes, plain links),
 * or whatever it reads as a paragraph of its own ({@link readsAsParagraph}).
 */
function cellFill(line: string, start: number, end: number, bracketsAreText: boolean, lineNumber: number, lineStart: number, cell: number): CellFill | undefined {
  const content = line.slice(start, end);
  // Every fill made by one literal, all fields set: objects of one shape.
  const fill = (kind: CellFill["kind"], link?: LinkPlace, items?: readonly Item[]): CellFill => ({ line: lineNumber, cell, kind, start: lineStart + start, end: lineStart + end, link, items });
  const kind = trivialCell(content, bracketsAreText);
  if (kind) return fill(kind);
  if (!bracketsAreText) return undefined;
  const link = linkCell(content);
  if (link) return fill("link", link);
  const items = inlineItems(content, true);
  if (items) return fill("inline", undefined, items);
  return readsAsParagraph(content) ? fill("parsed") : undefined;
}

/**
 * Whether a cell's content (trimmed, in a doc that defines no link reference) parses to the
 * same nodes as a paragraph of its own as in its cell: its inlines then read the same
 * (CommonMark §6; a cell is parsed as inline text, GFM §4.10), but for an escaped pipe, which
 * a table reads in code spans too (left out), and so long as the line starts no other block:
 * no `#` heading, `>`, list marker (`-`, `+`, `*` and a space, `1.`), thematic break, `<` (HTML),
 * fence. No tab (columns), no NUL, no CR.
 */
function readsAsParagraph(content: string): boolean {
  return !/\\\||[\t\r\0]/.test(content) && !PARAGRAPH_START.test(content) && !/^(?:[*_][ ]*){3,}$/.test(content);
}

/** How a line that starts another block than a paragraph may start: see {@link readsAsParagraph}. */
const PARAGRAPH_START = /^(?:#{1,6}(?: |$)|[>+<-]|\*(?: |$)|\d{1,9}[.)](?: |$)|```|~~~)/;

/** What a link's destination may hold here: no space, parenthesis, angle bracket, backslash or `&` (nothing to balance, escape or decode: CommonMark §6.3). */
const PLAIN_DESTINATION = /^[\w.~:/?#@!$'*+,;=%-]+$/;

/**
 * The link in a cell's content that parses to text, a link over one text, then text
 * (`[models.Pet](../models/pet.md)`, `List[[Pet](pet.md)]`, `Optional[[X](x.md)]`,
 * `List\<[X](x.md)>`, `[Nullable[models.X]](x.md)`), in a doc that defines no link reference
 * (so no bracket but the link's is more than text, CommonMark §6.3), or undefined. One `](`
 * only; the destination {@link PLAIN_DESTINATION}, no title; the label plain text
 * ({@link isPlainText}) whose brackets pair up; before it plain text with no `]` (its `[`s stay
 * text: a link's opener turns those before it inactive), maybe ending in a `<` (no tag nor
 * autolink starts with `<[`, §6.5–6.6); after it plain text with no `[`.
 */
function linkCell(content: string): LinkPlace | undefined {
  const close = content.indexOf("](");
  if (close < 0 || content.indexOf("](", close + 1) >= 0) return undefined;
  const end = content.indexOf(")", close + 2) + 1;
  if (end === 0 || !PLAIN_DESTINATION.test(content.slice(close + 2, end - 1))) return undefined;
  let open = -1;
  for (let k = close - 1, depth = 0; k >= 0; k--) {
    const c = content.charCodeAt(k);
    if (c === 93 /* ] */) depth++;
    else if (c === 91 /* [ */ && depth-- === 0) {
      open = k;
      break;
    }
  }
  if (open < 0 || open + 1 === close || !isPlainText(content.slice(open + 1, close), true)) return undefined;
  const before = content.slice(0, open);
  const bare = before.endsWith("<") && !before.endsWith("\\<") ? before.slice(0, -1) : before;
  if (bare.includes("]") || !isPlainText(bare, true)) return undefined;
  const after = content.slice(end);
  if (after.includes("[") || !plainPiece(after, true)) return undefined;
  return { open, close, end };
}

/**
 * An ATX heading at the start of `line` (CommonMark §4.2: one to six `#`, a
 * space) whose text, trimmed of spaces, is a {@link trivialCell}; no tab in
 * the line, and no `#` ending the text (a closing sequence, or a `#` the
 * heading keeps: the parser tells). Undefined for any other line.
 */
function trivialHeading(line: string, lineNumber: number, lineStart: number, bracketsAreText: boolean): HeadingFill | undefined {
  let depth = 0;
  while (line.charCodeAt(depth) === 35) depth++;
  if (depth > 6 || line.charCodeAt(depth) !== 32 || line.includes("\t")) return undefined;
  let end = line.charCodeAt(line.length - 1) === 13 ? line.length - 1 : line.length;
  let start = depth;
  while (start < end && line.charCodeAt(start) === 32) start++;
  while (end > start && line.charCodeAt(end - 1) === 32) end--;
  if (start === end || line.charCodeAt(end - 1) === 35) return undefined;
  const kind = trivialCell(line.slice(start, end), bracketsAreText);
  return kind ? { line: lineNumber, depth, kind, start: lineStart + start, end: lineStart + end } : undefined;
}

/**
 * A body row that the parser need not read at all: it ends in a pipe, has
 * the header's count of cells, no tab, and every cell is empty or a
 * {@link trivialCell} (recorded in `fills`). Undefined for any other row
 * (nothing recorded).
 */
function wholeRow(line: string, lineNumber: number, lineStart: number, headerCells: number, bracketsAreText: boolean, fills: CellFill[]): RowFill | undefined {
  // The row, and its last cell, end where the line does (trailing spaces and all, the CR not).
  const end = line.charCodeAt(line.length - 1) === 13 ? line.length - 1 : line.length;
  let last = end;
  while (last > 0 && line.charCodeAt(last - 1) === 32) last--;
  if (line.includes("\t")) return undefined;
  const cells = rowCells(line, headerCells + 1);
  if (cells.length !== headerCells || cells[headerCells - 1]!.close !== last - 1) return undefined;
  const found: CellFill[] = [];
  for (let cell = 0; cell < cells.length; cell++) {
    const { start, end: stop } = cells[cell]!;
    if (start === stop) continue;
    const fill = cellFill(line, start, stop, bracketsAreText, lineNumber, lineStart, cell);
    if (!fill) return undefined;
    found.push(fill);
  }
  for (const fill of found) fills.push(fill);
  const places = cells.map(({ open, close }, cell) => [lineStart + open, lineStart + (cell === headerCells - 1 ? end : close)] as const);
  return { line: lineNumber, start: lineStart, end: lineStart + end, lastPipe: last - 1, cells: places };
}

/**
 * `line` (a table row) with the content of its {@link trivialCell}s replaced
 * by spaces (so offsets do not move; the padding cut then takes them), each
 * recorded in `fills`. Only cells closed by a pipe, and within the header's
 * count of cells, are taken.
 */
function blankTrivialCells(line: string, lineNumber: number, lineStart: number, headerCells: number, bracketsAreText: boolean, fills: CellFill[]): string {
  let out = "";
  let copied = 0; // where the part of `line` not yet in `out` starts
  for (const [cell, { start, end }] of rowCells(line, headerCells).entries()) {
    const fill = start < end ? cellFill(line, start, end, bracketsAreText, lineNumber, lineStart, cell) : undefined;
    if (!fill) continue;
    fills.push(fill);
    out += line.slice(copied, start) + " ".repeat(end - start);
    copied = end;
  }
  return copied === 0 ? line : out + line.slice(copied);
}

/**
 * The cells of a table row (a line starting with a pipe) that a pipe closes,
 * at most `limit`: each one's opening and closing pipe, and its content
 * trimmed of spaces, `[start, end)` (indexes in `line`). Escaped pipes
 * (`\|`) delimit nothing (GFM).
 */
function rowCells(line: string, limit: number): { open: number; close: number; start: number; end: number }[] {
  const cells: { open: number; close: number; start: number; end: number }[] = [];
  let open = 0;
  for (let close = line.indexOf("|", 1); close >= 0 && cells.length < limit; close = line.indexOf("|", close + 1)) {
    if (escaped(line, close)) continue;
    let start = open + 1;
    let end = close;
    while (start < end && line.charCodeAt(start) === 32) start++;
    while (end > start && line.charCodeAt(end - 1) === 32) end--;
    cells.push({ open, close, start, end });
    open = close;
  }
  return cells;
}

/**
 * Puts into each recorded heading and cell of the tree the node its text
 * parses to, at its place in `source`, and rebuilds the rows given as one
 * pipe. False when one is not where it was expected (the parser read the
 * lines otherwise): the source is then parsed as written.
 */
function fillCells(tree: Root, compact: Compacted, source: string, starts: readonly number[], parsed: ReadonlyMap<CellFill, ParsedApart>): boolean {
  const { fills } = compact;
  if (fills.length === 0 && compact.rows.length === 0 && compact.headings.length === 0) return true;
  const rows = new Map(compact.rows.map((row) => [row.line, row]));
  const byLine = new Map<number, CellFill[]>();
  for (const fill of fills) {
    const list = byLine.get(fill.line);
    if (list) list.push(fill);
    else byLine.set(fill.line, [fill]);
  }
  const point = (line: number, offset: number) => ({ line, column: offset - starts[line - 1]! + 1, offset });
  const text = (line: number, start: number, end: number): PhrasingContent => ({ type: "text", value: plainValue(source.slice(start, end)), position: { start: point(line, start), end: point(line, end) } });
  // The nodes a left-out text parses to, at their place.
  const nodesFor = (fill: CellFill | HeadingFill, line: number): PhrasingContent[] => {
    const position = { start: point(line, fill.start), end: point(line, fill.end) };
    if (fill.kind === "text") return [text(line, fill.start, fill.end)];
    if (fill.kind === "inlineCode") return [{ type: "inlineCode", value: source.slice(fill.start + 1, fill.end - 1), position }];
    if (fill.kind === "emphasis") return [{ type: "emphasis", children: [text(line, fill.start + 1, fill.end - 1)], position }];
    if (fill.kind === "inline") return inlineNodes(source.slice(fill.start, fill.end), (fill as CellFill).items!, (index) => point(line, fill.start + index));
    if (fill.kind === "parsed") {
      // Parsed apart, from column 1 of a line of their own: moved to the cell.
      const { nodes, offset } = parsed.get(fill as CellFill)!;
      movePositions(nodes, line, fill.start - starts[line - 1]!, fill.start - offset);
      return nodes;
    }
    const { open, close, end } = (fill as CellFill).link!;
    const [at, label, after] = [fill.start + open, fill.start + close, fill.start + end];
    const url = source.slice(label + 2, after - 1);
    const nodes: PhrasingContent[] = [{ type: "link", title: null, url, children: [text(line, at + 1, label)], position: { start: point(line, at), end: point(line, after) } }];
    if (open > 0) nodes.unshift(text(line, fill.start, at));
    if (after < fill.end) nodes.push(text(line, after, fill.end));
    return nodes;
  };
  const headings = new Map(compact.headings.map((heading) => [heading.line, heading]));
  let headed = 0;
  for (const node of tree.children) {
    const line = node.position?.start.line;
    const heading = line === undefined ? undefined : headings.get(line);
    if (!heading || line === undefined) continue;
    if (node.type !== "heading" || node.depth !== heading.depth || node.children.length !== 0) return false;
    node.children = nodesFor(heading, line);
    headed++;
  }
  if (headed !== compact.headings.length) return false;
  let filled = 0;
  let rebuilt = 0;
  for (const node of tree.children) {
    if (node.type !== "table") continue;
    for (const row of node.children) {
      const line = row.position?.start.line;
      const whole = line === undefined ? undefined : rows.get(line);
      if (whole && line !== undefined) {
        // The parser saw one pipe: one empty cell.
        if (row.children.length !== 1 || row.children[0]!.children.length !== 0) return false;
        row.children = whole.cells.map(([start, end]) => ({ type: "tableCell", children: [], position: { start: point(line, start), end: point(line, end) } }));
        row.position = { start: point(line, whole.start), end: point(line, whole.end) };
        rebuilt++;
      }
      const list = line === undefined ? undefined : byLine.get(line);
      if (!list || line === undefined) continue;
      for (const fill of list) {
        const cell = row.children[fill.cell];
        if (!cell || cell.children.length !== 0) return false;
        cell.children = nodesFor(fill, line);
        filled++;
      }
    }
  }
  return filled === fills.length && rebuilt === compact.rows.length;
}

/** Whether the spaces `line[start, end)` pad a cell: they follow a delimiting pipe, or precede one or the line's end. */
function isPadding(line: string, start: number, end: number): boolean {
  if (line.charCodeAt(start - 1) === 124 && !escaped(line, start - 1)) return true;
  const next = line.charCodeAt(end);
  return end === line.length || next === 13 || (next === 124 && !escaped(line, end));
}

function stripCr(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}

/** Whether the character at `index` is backslash-escaped (an odd run of backslashes before it). */
function escaped(line: string, index: number): boolean {
  let n = 0;
  while (index - 1 - n >= 0 && line.charCodeAt(index - 1 - n) === 92) n++;
  return n % 2 === 1;
}

/** Cells of a table row: its unescaped pipes, less a leading and a trailing one. */
function cellCount(line: string): number {
  const text = stripCr(line).trim();
  let pipes = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 124 && !escaped(text, i)) pipes++;
  const leading = text.startsWith("|") ? 1 : 0;
  const trailing = text.length > 1 && text.endsWith("|") && !escaped(text, text.length - 1) ? 1 : 0;
  return pipes - leading - trailing + 1;
}

/**
 * Whether every changed line lies inside a table of the tree, and every line taken for a
 * header row starts one: a line the parser read as a body row (GFM goes on with a table past a
 * line without pipes) must not have been cut as a header or a delimiter row.
 */
function onlyTableRowsChanged(tree: Root, compact: Compacted): boolean {
  const ranges: [number, number][] = [];
  for (const node of tree.children) if (node.type === "table" && node.position) ranges.push([node.position.start.line, node.position.end.line]);
  const starts = new Set(ranges.map(([start]) => start));
  if (!compact.headers.every((line) => starts.has(line))) return false;
  let r = 0;
  for (const line of compact.lines) {
    while (r < ranges.length && ranges[r]![1] < line) r++;
    if (r === ranges.length || ranges[r]![0] > line) return false;
  }
  return true;
}

/** The offset at which each (1-based) line of `source` starts, at index line − 1. */
function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The nodes a cell of kind `parsed` parsed to apart (see {@link parseApart}), and the offset of its text there. */
interface ParsedApart {
  readonly nodes: PhrasingContent[];
  readonly offset: number;
}

/**
 * The cells of kind `parsed`, parsed together in one text, each as a paragraph of its own
 * line with an empty line between: each one's nodes, their positions still in that text.
 * Undefined when the parser made anything else of them than one paragraph each, as long as
 * its text, where it was put.
 */
function parseApart(compact: Compacted, source: string, processor: MarkdownProcessor): Map<CellFill, ParsedApart> | undefined {
  const out = new Map<CellFill, ParsedApart>();
  const cells = compact.fills.filter((fill) => fill.kind === "parsed");
  if (cells.length === 0) return out;
  const texts = cells.map((fill) => source.slice(fill.start, fill.end));
  const tree = processor.parse(texts.join("\n\n"));
  if (tree.children.length !== cells.length) return undefined;
  let offset = 0;
  for (const [i, node] of tree.children.entries()) {
    const { start, end } = node.position ?? {};
    if (node.type !== "paragraph" || start?.line !== 2 * i + 1 || start.offset !== offset || end?.line !== start.line || end.offset !== offset + texts[i]!.length) return undefined;
    out.set(cells[i]!, { nodes: node.children, offset });
    offset += texts[i]!.length + 2;
  }
  return out;
}

/** Moves every position in `nodes` (all on one line) to `line`, `columns` columns and `offsets` characters on. */
function movePositions(nodes: readonly Nodes[], line: number, columns: number, offsets: number): void {
  for (const node of nodes) {
    if (node.position) {
      const { start, end } = node.position;
      node.position = { start: { line, column: start.column + columns, offset: start.offset! + offsets }, end: { line, column: end.column + columns, offset: end.offset! + offsets } };
    }
    if ("children" in node) movePositions(node.children, line, columns, offsets);
  }
}

/** Rewrites every position in `tree` from the compact text to the source as written. */
function mapPositions(tree: Root, compact: Compacted, starts: readonly number[]): void {
  const { at, shift } = compact;
  const mapPoint = (point: { line: number; column: number; offset?: number | undefined }) => {
    const offset = point.offset ?? 0;
    // The last breakpoint at or before `offset` (binary search).
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    const original = offset + (lo > 0 ? shift[lo - 1]! : 0);
    return { line: point.line, column: original - starts[point.line - 1]! + 1, offset: original };
  };
  const visit = (node: Nodes) => {
    if (node.position) node.position = { start: mapPoint(node.position.start), end: mapPoint(node.position.end) };
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(tree);
}
