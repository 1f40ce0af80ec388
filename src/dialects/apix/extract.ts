/**
 * apix dialect, stage 2 (extract): mdast → {@link ApixDoc} (grammar §E).
 *
 * A schema doc is front matter `---\ntype: "<kind>"\n---`, `# Name`, an
 * optional description (for a top-level oneOf/anyOf ending in a `Variants:`
 * list of links or `(Inline Schema)` items), and `## Properties` with the
 * table `| Property | Required | Type | Description |`. The vault's other
 * docs — routes (front matter `method:`/`url:`), the API's metadata
 * (`base_url:`), parameter and generic component docs — are not models.
 */

import type { List, Root, RootContent } from "mdast";
import type { DiagnosticSink } from "../../ir/diagnostics.js";
import type { Place } from "../../ir/ir.js";
import { cellText, placeAt, placeOf, sliceBetween, textOf } from "../markdown.js";
import { readRawTable, type RawRow } from "./table.js";

/** One row of the Properties table, cells as written. */
export interface ApixRow {
  /** The Property cell without its code-span backticks. */
  readonly name: string;
  /** `Yes`, `No`, or `Unknown` (an unresolved allOf `$ref`, whose row reads `(ref: Name)`). */
  readonly required: "Yes" | "No" | "Unknown";
  readonly type: string;
  readonly typePlace: Place;
  readonly description?: string;
  readonly place: Place;
}

/** One item of a `Variants:` list: a link to a schema doc, or an inline schema. */
export type ApixVariant = { readonly kind: "link"; readonly name: string; readonly url: string; readonly place: Place } | { readonly kind: "inline"; readonly place: Place };

/** An apix schema doc, parts found, types not yet read. */
export interface ApixDoc {
  readonly id: string;
  readonly title: string;
  readonly place: Place;
  /** The front matter's `type` (`object`, `allOf(2)`, `string`, `array<…>`, `reference`, …). */
  readonly kind: string;
  readonly kindPlace: Place;
  /** The description without its `Variants:` list. */
  readonly description?: string;
  /** The `Variants:` list of a top-level oneOf/anyOf; undefined when there is none. */
  readonly variants?: readonly ApixVariant[];
  readonly rows: readonly ApixRow[];
}

/** The front matter's lines: `key: value`, quotes removed. */
function frontMatter(value: string): Map<string, { value: string; line: number }> {
  const keys = new Map<string, { value: string; line: number }>();
  value.split(/\r\n|\r|\n/).forEach((line, index) => {
    const match = /^([A-Za-z_]+):\s*(.*?)\s*$/.exec(line);
    if (match) keys.set(match[1] as string, { value: (match[2] as string).replace(/^"(.*)"$/, "$1"), line: index });
  });
  return keys;
}

/**
 * Extracts an apix schema doc, or `undefined` (reported as `not-a-model`)
 * for the vault's route, metadata, parameter and component docs.
 */
export function extractApix(id: string, source: string, tree: Root, sink: DiagnosticSink): ApixDoc | undefined {
  const blocks = tree.children;
  const front = blocks[0]?.type === "yaml" ? blocks[0] : undefined;
  const keys = front ? frontMatter(front.value) : new Map<string, { value: string; line: number }>();
  const kind = keys.get("type");
  if (!front || !kind) {
    const what = keys.has("method") ? "an API route doc (front matter `method:`, `url:`)" : keys.has("base_url") ? "the API's metadata doc (front matter `base_url:`)" : "no front matter `type:` (a parameter, component or index doc)";
    sink.report("not-a-model", { line: 1, column: 1 }, `Skipped: ${what}, so this is not a model doc`);
    return undefined;
  }
  // The value's place: the front matter's first line is the one after `---`.
  const kindLine = (front.position?.start.line ?? 1) + 1 + kind.line;
  const kindPlace = { line: kindLine, column: 7 };

  const titleIndex = blocks.findIndex((b) => b.type === "heading" && b.depth === 1);
  const titleNode = blocks[titleIndex];
  const title = titleNode ? textOf(titleNode).trim() : "";
  if (!titleNode || title === "") {
    sink.report("missing-title", titleNode ? placeOf(titleNode) : kindPlace, "Unexpected schema doc without a `# Name` heading, expected the schema name after the front matter");
    return undefined;
  }
  const propertiesIndex = blocks.findIndex((b, i) => i > titleIndex && b.type === "heading" && b.depth === 2);
  const intro = blocks.slice(titleIndex + 1, propertiesIndex < 0 ? undefined : propertiesIndex);
  const { description, variants } = readIntro(source, intro);

  let rows: ApixRow[] = [];
  const heading = blocks[propertiesIndex];
  if (heading && heading.type === "heading" && textOf(heading).trim() === "Properties") {
    const start = heading.position?.end.offset ?? 0;
    const next = blocks.find((b, i) => i > propertiesIndex && b.type === "heading" && b.depth <= 2);
    rows = readRows(source, start, next?.position?.start.offset ?? source.length, placeOf(heading), sink);
  } else if (heading) {
    sink.report("unknown-section", placeOf(heading), `Unexpected section \`## ${textOf(heading).trim()}\`, expected \`## Properties\`; it is ignored`);
  }
  return {
    id,
    title,
    place: placeOf(titleNode),
    kind: kind.value,
    kindPlace,
    ...(description ? { description } : {}),
    ...(variants ? { variants } : {}),
    rows,
  };
}

/** The description blocks, and the `Variants:` paragraph and list apix appends to a oneOf/anyOf's. */
function readIntro(source: string, blocks: readonly RootContent[]): { description?: string; variants?: ApixVariant[] } {
  const at = blocks.findIndex((b, i) => b.type === "paragraph" && textOf(b).trim() === "Variants:" && blocks[i + 1]?.type === "list");
  const kept = at < 0 ? blocks : [...blocks.slice(0, at), ...blocks.slice(at + 2)];
  const first = kept[0];
  const last = kept[kept.length - 1];
  const description = first && last ? sliceBetween(source, first, last).trim() : "";
  if (at < 0) return description ? { description } : {};
  const variants = (blocks[at + 1] as List).children.map((item): ApixVariant => {
    const paragraph = item.children[0];
    const link = paragraph?.type === "paragraph" && paragraph.children.length === 1 && paragraph.children[0]?.type === "link" ? paragraph.children[0] : undefined;
    return link ? { kind: "link", name: textOf(link).trim(), url: link.url, place: placeOf(item) } : { kind: "inline", place: placeOf(item) };
  });
  return { ...(description ? { description } : {}), variants };
}

const HEADER = ["Property", "Required", "Type", "Description"];

/** Reads the rows of the Properties table in `source[start, end)`. */
function readRows(source: string, start: number, end: number, sectionPlace: Place, sink: DiagnosticSink): ApixRow[] {
  const table = readRawTable(source, start, end);
  if (!table) {
    // An empty section is a schema without properties; text without a table is a broken doc.
    if (source.slice(start, end).trim() !== "") sink.report("malformed-table", sectionPlace, "Unexpected `## Properties` without a table, expected `| Property | Required | Type | Description |`");
    return [];
  }
  const header = table.header.cells.map((c) => c.text);
  if (HEADER.some((name, i) => header[i] !== name)) {
    sink.report("malformed-table", placeAt(source, table.header.offset), `Unexpected table header \`${header.join(" | ")}\`, expected \`Property | Required | Type | Description\``);
    return [];
  }
  const rows: ApixRow[] = [];
  for (const row of table.rows) {
    const read = readRow(source, row, sink);
    if (read) rows.push(read);
  }
  return rows;
}

function readRow(source: string, row: RawRow, sink: DiagnosticSink): ApixRow | undefined {
  const place = placeAt(source, row.offset);
  const [nameCell, requiredCell, typeCell, ...rest] = row.cells;
  if (!row.closed) {
    sink.report("malformed-row", placeAt(source, row.end), "Unexpected end of the table inside a row, expected the row to end with `|`");
  }
  if (!nameCell || !requiredCell || !typeCell) {
    sink.report("malformed-row", place, `Unexpected row with ${row.cells.length} of 4 cells, expected \`| \`name\` | Yes | type | description |\``);
    return undefined;
  }
  const name = /^`(.*)`$/s.exec(nameCell.text)?.[1] ?? nameCell.text;
  if (name.trim() === "") {
    sink.report("malformed-row", placeAt(source, nameCell.offset), "Unexpected empty Property cell, expected the property name as a code span");
    return undefined;
  }
  const required = requiredCell.text;
  if (required !== "Yes" && required !== "No" && required !== "Unknown") {
    sink.report("malformed-row", placeAt(source, requiredCell.offset), `Unexpected Required cell \`${required}\`, expected \`Yes\`, \`No\` or \`Unknown\``);
    return undefined;
  }
  // Cells past Type are one description whose bare pipes split it.
  const description = cellText(rest.map((c) => c.text).join(" | "));
  return {
    name,
    required,
    type: typeCell.text,
    typePlace: placeAt(source, typeCell.offset),
    ...(description ? { description } : {}),
    place,
  };
}
