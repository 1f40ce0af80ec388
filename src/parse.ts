/**
 * Stage 1, parse: markdown source → mdast, with exact source positions.
 *
 * Only the GFM constructs model docs use are enabled: tables and
 * strikethrough (`~~`field`~~`, `# ~~Name~~`). Full remark-gfm would also turn
 * bare URLs in descriptions into links, which we do not want.
 */

import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";

const extensions = [gfmTable(), gfmStrikethrough({ singleTilde: false })];
const mdastExtensions = [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown()];

/** Parses one markdown document. Never throws on odd markdown: every input has a tree. */
export function parse(source: string): Root {
  return fromMarkdown(source, { extensions, mdastExtensions });
}
