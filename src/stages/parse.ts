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
 * written. Only lines that the parser then reads as table rows may have been
 * changed; if any other was (an odd doc), the source is parsed as written.
 * Either way the tree is the one the source as written gives.
 *
 * The source must not start with a byte-order mark (`readDoc` drops it):
 * micromark skips one without counting it, so offsets would no longer be
 * offsets into the text.
 */

import type { Nodes, Root } from "mdast";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";

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
  // micromark also ends a line at a lone CR, which the offset mapping below does not: parse such a text as written.
  const compact = LONE_CR.test(source) ? undefined : compactTables(source);
  if (!compact) return parseAsWritten(source, processor);
  const tree = processor.parse(compact.text);
  if (!onlyTableRowsChanged(tree, compact.lines)) return parseAsWritten(source, processor);
  mapPositions(tree, compact, lineStarts(source));
  return tree;
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
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/;
const DELIMITER_ROW = /^\|? *:?-+:? *(?:\| *:?-+:? *)*\|? *$/;

/** The source with the padding of its pipe tables cut; undefined when there is nothing worth cutting. @internal exported for tests */
export function compactTables(source: string): Compacted | undefined {
  const lines = source.split("\n");
  let fence: string | undefined;
  const rows = new Uint8Array(lines.length); // 1: a table row, 2: a delimiter row
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
    // A header row, then a delimiter row with as many cells, then body rows: every line starting with a pipe.
    if (line.charCodeAt(0) === 124 && i + 1 < lines.length && DELIMITER_ROW.test(stripCr(lines[i + 1]!)) && cellCount(line) === cellCount(lines[i + 1]!)) {
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
  let cut = 0;
  let out = "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const before = cut;
    let text = line;
    if (rows[i] !== 0) {
      text = "";
      // `newStart`: where this line starts in the compact text.
      const newStart = out.length + (i > 0 ? 1 : 0);
      let k = 0;
      while (k < line.length) {
        const c = line.charCodeAt(k);
        const dashes = c === 45 && rows[i] === 2;
        if (c !== 32 && !dashes) {
          text += line[k++];
          continue;
        }
        let end = k;
        while (line.charCodeAt(end) === c) end++;
        // What the parser needs of the run: three dashes of a delimiter row, one space of a cell's
        // padding (beside a delimiting pipe or the line's end), or all of it.
        const keep = Math.min(end - k, dashes ? 3 : isPadding(line, k, end) ? 1 : end - k);
        text += line.slice(k, k + keep);
        if (end - k > keep) {
          cut += end - k - keep;
          at.push(newStart + text.length);
          shift.push(cut);
        }
        k = end;
      }
    }
    if (cut !== before) changed.push(i + 1);
    out += i > 0 ? `\n${text}` : text;
  }
  // Not worth a second look at the tree for a few bytes.
  if (cut < 32) return undefined;
  return { text: out, at, shift, lines: changed };
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

/** Whether every changed line lies inside a table of the tree. */
function onlyTableRowsChanged(tree: Root, lines: readonly number[]): boolean {
  const ranges: [number, number][] = [];
  for (const node of tree.children) if (node.type === "table" && node.position) ranges.push([node.position.start.line, node.position.end.line]);
  let r = 0;
  for (const line of lines) {
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
