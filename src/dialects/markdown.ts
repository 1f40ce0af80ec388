/**
 * Small helpers over mdast that every dialect needs: places, raw source
 * slices, and the "type text" reading of a table cell.
 *
 * Type cells are read from the raw source, never from parsed text: a literal
 * such as `*Literal["__x__"]*` parses as bold, and `<Uint8Array>` as HTML
 * (see reference/speakeasy-grammar.md §4.3).
 */

import type { Nodes, PhrasingContent, Yaml } from "mdast";
import { isScalar, parseDocument } from "yaml";
import type { Place } from "../ir/ir.js";

/** The place where `node` starts; nodes from the parser always have one. */
export function placeOf(node: Nodes): Place {
  const start = node.position?.start;
  return start ? { line: start.line, column: start.column } : { line: 1, column: 1 };
}

/** The place just past the end of `node` (where something missing from it would be). */
export function endOf(node: Nodes): Place {
  const end = node.position?.end;
  return end ? { line: end.line, column: end.column } : placeOf(node);
}

/** The exact source text of `node`. */
export function sliceOf(source: string, node: Nodes): string {
  const pos = node.position;
  if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) return "";
  return source.slice(pos.start.offset, pos.end.offset);
}

/** The exact source text from the start of `first` to the end of `last`. */
export function sliceBetween(source: string, first: Nodes, last: Nodes): string {
  const start = first.position?.start.offset;
  const end = last.position?.end.offset;
  return start === undefined || end === undefined ? "" : source.slice(start, end);
}

/** Plain text of a node (code spans included, HTML kept as written). */
export function textOf(node: Nodes): string {
  if ("value" in node) return node.value;
  if ("children" in node) return node.children.map((child) => textOf(child)).join("");
  return "";
}

const ASCII_PUNCTUATION_ESCAPE = /\\([!-/:-@[-`{-~])/g;

/** Removes CommonMark backslash escapes (`\|`, `\<`, `\[`, …) from raw text. */
export function unescapeMarkdown(raw: string): string {
  return raw.replace(ASCII_PUNCTUATION_ESCAPE, "$1");
}

/** Removes only the table-level escape `\|`, which GFM requires for a pipe inside a cell. */
export function unescapePipes(raw: string): string {
  return raw.replace(/\\\|/g, "|");
}

/**
 * A cell's raw source as readable text: `<br/>` (any spelling) becomes a
 * newline and `\|` a pipe; everything else stays markdown, as written.
 */
export function cellText(raw: string): string {
  return unescapePipes(raw.replace(/<br\s*\/?>/gi, "\n")).trim();
}

/** A link inside a {@link TypeText}: `text.slice(start, end)` was the link text. */
export interface TypeTextLink {
  readonly start: number;
  readonly end: number;
  readonly url: string;
}

/**
 * A Type cell flattened to the SDK-language type expression it spells, with
 * the spans that were link text. `List[[models.X](x.md)]` becomes the text
 * `List[models.X]` with one link over `models.X` to `x.md`.
 */
export interface TypeText {
  readonly text: string;
  readonly links: readonly TypeTextLink[];
}

/**
 * Reads inline nodes as a {@link TypeText}: plain text is unescaped, emphasis
 * and link text are taken from the raw source between their delimiters, code
 * spans by value.
 */
export function typeTextOf(source: string, nodes: readonly PhrasingContent[]): TypeText {
  let text = "";
  const links: TypeTextLink[] = [];
  const append = (node: PhrasingContent): void => {
    switch (node.type) {
      case "text":
        text += unescapeMarkdown(sliceOf(source, node));
        return;
      case "emphasis":
      case "strong":
      case "delete": {
        // The raw source between the delimiters, so that `__x__` inside a literal survives.
        const raw = sliceOf(source, node);
        const width = node.type === "emphasis" ? 1 : 2;
        text += unescapePipes(raw.slice(width, raw.length - width));
        return;
      }
      case "inlineCode":
        text += node.value;
        return;
      case "link": {
        const start = text.length;
        // Link text may itself hold emphasis (`[*X*](..)`); read its parts the same way.
        for (const child of node.children) append(child);
        links.push({ start, end: text.length, url: node.url });
        return;
      }
      case "html":
        text += node.value;
        return;
      default:
        text += unescapeMarkdown(sliceOf(source, node));
    }
  };
  for (const node of nodes) append(node);
  return { text, links };
}

/** The place of offset `offset` in `source`; lines end at `\r\n`, `\r` or `\n`, as in micromark. */
export function placeAt(source: string, offset: number): Place {
  let line = 1;
  let start = 0;
  const end = Math.min(Math.max(offset, 0), source.length);
  for (let i = 0; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: end - start + 1 };
}

/** What a doc's YAML frontmatter says of its title. */
export type FrontmatterTitle =
  | { readonly title: string; readonly place: Place }
  | { readonly problem: string; readonly place: Place };

/**
 * The `title` key of a frontmatter block (`---\ntitle: "Name"\n---`, as
 * Speakeasy's 2026 `.mdx` pages write it), read with a YAML parser, and the
 * place of its value; a problem when the YAML is invalid or the title is not
 * text; `undefined` when there is no `title` key.
 */
export function frontmatterTitle(source: string, node: Yaml): FrontmatterTitle | undefined {
  const start = node.position?.start.offset ?? 0;
  // The value starts on the line after the opening `---`.
  const newline = source.slice(start).search(/\r\n|\r|\n/);
  const valueStart = newline < 0 ? start : start + newline + (source.startsWith("\r\n", start + newline) ? 2 : 1);
  const doc = parseDocument(node.value, { prettyErrors: false });
  const error = doc.errors[0];
  if (error) return { problem: `invalid YAML in the frontmatter (${error.message.split("\n")[0]})`, place: placeAt(source, valueStart + (error.pos[0] ?? 0)) };
  const title = doc.get("title", true);
  if (title === undefined) return undefined;
  const place = placeAt(source, valueStart + (isScalar(title) && title.range ? title.range[0] : 0));
  if (!isScalar(title) || title.value === null || typeof title.value === "object") return { problem: "a frontmatter `title` that is not text", place };
  const text = String(title.value).trim();
  return text === "" ? { problem: "an empty frontmatter `title`", place } : { title: text, place };
}
