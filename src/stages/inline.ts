/**
 * One line of inline content built without the parser: the text of a table
 * cell, or a one-line paragraph, made of plain text, emphasis and strong
 * emphasis (`*`, `_`), code spans, bare HTML tags and plain inline links. The parse stage gives
 * the parser only what this cannot build (see `parse.ts`).
 *
 * Emphasis is resolved as micromark resolves it (CommonMark §6.2 and its
 * appendix, "process emphasis"): each run of `*` or `_` can open and/or close
 * by the characters on either side of it (whitespace, punctuation — Unicode
 * P and S — or other), each closer from left to right takes the nearest
 * opener of its marker before it (not when either can do both and their
 * sizes add up to a multiple of three, unless the closer's is one too), two
 * markers of each when both have two or more, else one; the runs between the
 * two turn into text. Tests hold the result to the parser's on every cell and
 * paragraph of the corpus and on every short sequence of a set of pieces.
 */

import type { PhrasingContent } from "mdast";

/** Plain text, a code span, a bare HTML tag, or a run of `*` or `_`: offsets in the text, `[start, end)`. */
type Token =
  | { readonly kind: "text" | "code" | "html"; readonly start: number; readonly end: number }
  | { readonly kind: "link"; readonly start: number; readonly end: number; readonly labelEnd: number }
  | { readonly kind: "run"; readonly marker: number; start: number; end: number; readonly open: boolean; readonly close: boolean };

/** An emphasis or strong emphasis over the items between its markers. */
interface Group {
  readonly kind: "emphasis" | "strong";
  readonly start: number;
  readonly end: number;
  readonly children: readonly Item[];
}

/** What a line of inline content resolves to: text, code spans, HTML and the groups emphasis makes. */
export type Item = Token | Group;

/** A point in the source: 1-based line and column, 0-based offset. */
type Point = { line: number; column: number; offset: number };

/**
 * An inline link (CommonMark §6.3) at a `[`: a label of plain text (no brackets, backticks,
 * emphasis markers, `<`, `>`, backslash, `&`, `!`, `~` or pipe), then `](`, a destination of
 * characters that need no escaping, balancing or decoding, and `)`; no title.
 */
const LINK = /\[[^[\]`*_<>\\&!~|\t\r\n\0]+\]\([\w.~:/?#@!$'*+,;=%-]+\)/y;

/** An HTML open tag with no attributes (`<br>`, `<br/>`, `<worker-id>`) or a closing tag (CommonMark §6.6), at a `<`. */
const TAG = /<(?:[A-Za-z][A-Za-z0-9-]* *\/?|\/[A-Za-z][A-Za-z0-9-]* *)>/y;

const WHITESPACE = /\s/;
const ASCII_PUNCTUATION = /^[!-/:-@[-`{-~]$/;
const PUNCTUATION = /\p{P}|\p{S}/u;

/** How micromark classes the character before or after a run of markers: 1 whitespace (and the line's ends), 2 punctuation, 0 other. */
function classOf(text: string, index: number): 0 | 1 | 2 {
  if (index < 0 || index >= text.length) return 1;
  const c = text[index] as string;
  return WHITESPACE.test(c) ? 1 : PUNCTUATION.test(c) ? 2 : 0;
}

/**
 * The items `text` parses to, or undefined when it holds more than the
 * pieces this builds, each exactly as the parser reads it: no line ending,
 * tab, CR or NUL; brackets only of links ({@link LINK}), or as text when
 * `bracketsAreText` (the doc defines no link reference) and the text holds no
 * `(` (no bracket then opens a link or an image); `&` only before a space (no
 * character reference); no `~` (strikethrough), `|` or `!` before `[`; a `<`
 * only before a space or as a bare tag ({@link TAG}); backticks only as code spans of one
 * backtick a side, not empty, with no space at either end and no backslash
 * or pipe inside.
 */
export function inlineItems(text: string, bracketsAreText: boolean): Item[] | undefined {
  const tokens: Token[] = [];
  let textStart = -1;
  const flush = (at: number) => {
    if (textStart >= 0) tokens.push({ kind: "text", start: textStart, end: at });
    textStart = -1;
  };
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 42 /* * */:
      case 95 /* _ */: {
        flush(i);
        let end = i + 1;
        while (text.charCodeAt(end) === c) end++;
        // micromark's flanking (attention.js): by the class of the characters either side.
        const before = classOf(text, i - 1);
        const after = classOf(text, end);
        const open = after === 0 || (after === 2 && before !== 0);
        const close = before === 0 || (before === 2 && after !== 0);
        tokens.push({ kind: "run", marker: c, start: i, end, open: c === 42 ? open : open && (before !== 0 || !close), close: c === 42 ? close : close && (after !== 0 || !open) });
        i = end;
        continue;
      }
      case 96 /* ` */: {
        const close = text.indexOf("`", i + 1);
        if (text.charCodeAt(i + 1) === 96 || close < 0 || text.charCodeAt(close + 1) === 96) return undefined;
        const code = text.slice(i + 1, close);
        if (code.charCodeAt(0) === 32 || code.charCodeAt(code.length - 1) === 32 || /[\\|\t\r\n\0]/.test(code)) return undefined;
        flush(i);
        tokens.push({ kind: "code", start: i, end: close + 1 });
        i = close + 1;
        continue;
      }
      case 60 /* < */: {
        // Before a space, a `<` starts nothing (§6.5, §6.6): text.
        if (text.charCodeAt(i + 1) === 32) break;
        TAG.lastIndex = i;
        if (!TAG.test(text)) return undefined;
        flush(i);
        tokens.push({ kind: "html", start: i, end: TAG.lastIndex });
        i = TAG.lastIndex;
        continue;
      }
      case 92 /* \ */:
        // An escape (§2.4): the punctuation after it is text, and so is a backslash before anything else.
        if (textStart < 0) textStart = i;
        i += ASCII_PUNCTUATION.test(text[i + 1] ?? "") ? 2 : 1;
        continue;
      case 91 /* [ */: {
        LINK.lastIndex = i;
        if (LINK.test(text)) {
          flush(i);
          const end = LINK.lastIndex;
          tokens.push({ kind: "link", start: i, end, labelEnd: text.lastIndexOf("](", end) });
          i = end;
          continue;
        }
        // Any other bracket is text only where it cannot be a link's.
        if (!bracketsAreText || text.includes("(")) return undefined;
        break;
      }
      case 93 /* ] */:
        if (!bracketsAreText || text.includes("(")) return undefined;
        break;
      case 38 /* & */:
        if (text.charCodeAt(i + 1) !== 32) return undefined;
        break;
      case 33 /* ! */:
        if (text.charCodeAt(i + 1) === 91) return undefined;
        break;
      case 126 /* ~ */:
      case 124 /* | */:
      case 9:
      case 10:
      case 13:
      case 0:
        return undefined;
    }
    if (textStart < 0) textStart = i;
    i++;
  }
  flush(text.length);
  return resolveEmphasis(tokens);
}

/** Pairs the runs of markers into groups, as micromark's `resolveAllAttention` does; the runs left over are text. */
function resolveEmphasis(tokens: Token[]): Item[] {
  const items: Item[] = tokens;
  let i = 0;
  while (i < items.length) {
    const closer = items[i] as Item;
    if (closer.kind !== "run" || !closer.close) {
      i++;
      continue;
    }
    let matched = false;
    for (let j = i - 1; j >= 0; j--) {
      const opener = items[j] as Item;
      if (opener.kind !== "run" || !opener.open || opener.marker !== closer.marker) continue;
      const openSize = opener.end - opener.start;
      const closeSize = closer.end - closer.start;
      if ((opener.close || closer.open) && closeSize % 3 !== 0 && (openSize + closeSize) % 3 === 0) continue;
      const use = openSize > 1 && closeSize > 1 ? 2 : 1;
      // Runs between the two are text from now on.
      const children = items.slice(j + 1, i).map((item): Item => (item.kind === "run" ? { kind: "text", start: item.start, end: item.end } : item));
      const group: Group = { kind: use > 1 ? "strong" : "emphasis", start: opener.end - use, end: closer.start + use, children };
      opener.end -= use;
      closer.start += use;
      const before = opener.end > opener.start ? [opener] : [];
      const after = closer.end > closer.start ? [closer] : [];
      items.splice(j, i - j + 1, ...before, group, ...after);
      // A closer with markers left closes again.
      i = j + before.length + 1;
      matched = true;
      break;
    }
    if (!matched) i++;
  }
  return items;
}

/**
 * The mdast nodes of `items` (from {@link inlineItems} on `text`): text
 * side by side in one `text` node (its value less the backslash of each
 * escape), `inlineCode`, `html`, `link`, `emphasis` and `strong`. `at(index)` is
 * the point of `text[index]`.
 */
export function inlineNodes(text: string, items: readonly Item[], at: (index: number) => Point): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  let textStart = -1;
  let textEnd = -1;
  const flush = () => {
    if (textStart < 0) return;
    const raw = text.slice(textStart, textEnd);
    nodes.push({ type: "text", value: raw.includes("\\") ? raw.replace(/\\([!-/:-@[-`{-~])/g, "$1") : raw, position: { start: at(textStart), end: at(textEnd) } });
    textStart = -1;
  };
  for (const item of items) {
    if (item.kind === "text" || item.kind === "run") {
      if (textStart < 0) textStart = item.start;
      textEnd = item.end;
      continue;
    }
    flush();
    const position = { start: at(item.start), end: at(item.end) };
    if (item.kind === "code") nodes.push({ type: "inlineCode", value: text.slice(item.start + 1, item.end - 1), position });
    else if (item.kind === "link") {
      const label = { type: "text" as const, value: text.slice(item.start + 1, item.labelEnd), position: { start: at(item.start + 1), end: at(item.labelEnd) } };
      nodes.push({ type: "link", title: null, url: text.slice(item.labelEnd + 2, item.end - 1), children: [label], position });
    }
    else if (item.kind === "html") nodes.push({ type: "html", value: text.slice(item.start, item.end), position });
    else nodes.push({ type: item.kind, children: inlineNodes(text, (item as Group).children, at), position } as PhrasingContent);
  }
  flush();
  return nodes;
}
