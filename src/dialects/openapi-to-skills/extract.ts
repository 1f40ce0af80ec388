/**
 * openapi-to-skills dialect, stage 2 (extract): mdast → {@link SkillsDoc}
 * (grammar §F; template `templates/schema.md.eta` of neutree-ai/openapi-to-skills).
 *
 * A schema doc is `# Name`, an optional description, `**Type:** <kind>`, then
 * by kind: `## Fields` (`| Field | Type | Required | Description |`) and
 * `## Nested Fields` (`` ### `field` `` and `` #### `field.nested` `` tables
 * of inline objects); `## Values` (`` - `v` `` bullets); `## Composition`
 * (`- [Name](name.md)` / `- (inline schema)`); or, for an array,
 * `Array of [Name](name.md)` / `Array of object`. The pack's other docs —
 * `_index.md` group tables, `SKILL.md`, operation and resource docs — are
 * not models.
 */

import type { Heading, List, Root, RootContent, Table, TableRow } from "mdast";
import type { DiagnosticSink } from "../../ir/diagnostics.js";
import type { Place } from "../../ir/ir.js";
import { cellText, placeOf, sliceBetween, sliceOf, textOf, unescapePipes } from "../markdown.js";

/** One row of a Fields table, the Type cell as written. */
export interface SkillsRow {
  readonly name: string;
  readonly type: string;
  readonly typePlace: Place;
  /** `undefined` when the Required cell could not be read (already reported). */
  readonly required: boolean | undefined;
  readonly description?: string;
  readonly place: Place;
}

/** A `### `field`` or `#### `field.nested`` table: the fields of an inline object. */
export interface SkillsNested {
  /** `field` or `field.nested`. */
  readonly path: string;
  readonly rows: readonly SkillsRow[];
  readonly place: Place;
}

/** One `## Composition` item: a schema named by a link, or an inline schema. */
export type SkillsMember = { readonly kind: "named"; readonly name: string; readonly place: Place } | { readonly kind: "inline"; readonly place: Place };

/** An openapi-to-skills schema doc, parts found, types not yet read. */
export interface SkillsDoc {
  readonly id: string;
  readonly title: string;
  readonly place: Place;
  readonly description?: string;
  /** The `**Type:**` value: `object`, `enum`, `allOf`, `oneOf`, `anyOf`, `array` or `primitive`. */
  readonly kind: string;
  readonly kindPlace: Place;
  readonly fields: readonly SkillsRow[];
  readonly nested: readonly SkillsNested[];
  readonly values: readonly { readonly text: string; readonly place: Place }[];
  readonly members: readonly SkillsMember[];
  /** An array schema's items: the linked schema's name, or `undefined` for `Array of object`. */
  readonly items?: { readonly name?: string; readonly place: Place };
}

const TYPE_LINE = /^\*\*Type:\*\* (\S+)[ \t]*$/;
const KINDS = new Set(["object", "enum", "allOf", "oneOf", "anyOf", "array", "primitive"]);

/**
 * Extracts an openapi-to-skills schema doc, or `undefined` (reported as
 * `not-a-model`) for the pack's other docs.
 */
export function extractSkills(id: string, source: string, tree: Root, sink: DiagnosticSink): SkillsDoc | undefined {
  const blocks = tree.children;
  const typeIndex = blocks.findIndex((b) => b.type === "paragraph" && TYPE_LINE.test(sliceOf(source, b)));
  if (typeIndex < 0) {
    const what = /(?:^|\/)_index\.md$/i.test(id) ? "a schema group index (`_index.md`)" : /(?:^|\/)SKILL\.md$/.test(id) ? "the skill's `SKILL.md`" : "an operation, resource or skill doc";
    sink.report("not-a-model", { line: 1, column: 1 }, `Skipped: ${what} has no \`**Type:**\` line, so this is not a model doc`);
    return undefined;
  }
  const typeNode = blocks[typeIndex] as RootContent;
  const kind = (TYPE_LINE.exec(sliceOf(source, typeNode)) as RegExpExecArray)[1] as string;
  const kindPlace = { ...placeOf(typeNode), column: placeOf(typeNode).column + "**Type:** ".length };
  const titleIndex = blocks.findIndex((b) => b.type === "heading" && b.depth === 1);
  const titleNode = blocks[titleIndex];
  const title = titleNode && titleIndex < typeIndex ? textOf(titleNode).trim() : "";
  if (!titleNode || title === "") {
    sink.report("missing-title", titleNode ? placeOf(titleNode) : placeOf(typeNode), "Unexpected schema doc without a `# Name` heading before `**Type:**`, expected the schema name");
    return undefined;
  }
  if (!KINDS.has(kind)) {
    sink.report("unknown-type", kindPlace, `Unexpected \`**Type:** ${kind}\`, expected object, enum, allOf, oneOf, anyOf, array or primitive; the type is \`unknown\``);
  }
  const intro = blocks.slice(titleIndex + 1, typeIndex);
  const description = intro.length > 0 ? sliceBetween(source, intro[0] as RootContent, intro[intro.length - 1] as RootContent).trim() : "";

  let fields: SkillsRow[] | undefined;
  const nested: SkillsNested[] = [];
  let values: { text: string; place: Place }[] = [];
  let members: SkillsMember[] = [];
  let items: SkillsDoc["items"];
  let section = "";
  let fieldsPlace: Place | undefined;
  let subsection: { path: string; place: Place } | undefined;
  for (const block of blocks.slice(typeIndex + 1)) {
    if (block.type === "heading" && block.depth <= 2) {
      section = textOf(block).trim();
      subsection = undefined;
      if (section === "Fields") fieldsPlace = placeOf(block);
      if (!["Fields", "Nested Fields", "Values", "Composition"].includes(section)) {
        sink.report("unknown-section", placeOf(block), `Unexpected section \`## ${section}\`, expected \`## Fields\`, \`## Nested Fields\`, \`## Values\` or \`## Composition\`; it is ignored`);
      }
      continue;
    }
    if (block.type === "heading") {
      subsection = section === "Nested Fields" ? { path: headingCode(block), place: placeOf(block) } : undefined;
      continue;
    }
    if (section === "" && block.type === "paragraph") {
      // `Array of [Name](name.md)` or `Array of object`.
      const text = sliceOf(source, block).trim();
      const link = /^Array of \[([^\]]+)\]\([^)]*\)$/.exec(text);
      if (link) items = { name: link[1] as string, place: placeOf(block) };
      else if (text === "Array of object") items = { place: placeOf(block) };
    } else if (section === "Fields" && block.type === "table" && !fields) {
      fields = readTable(source, block, sink);
    } else if (section === "Nested Fields" && block.type === "table" && subsection) {
      nested.push({ path: subsection.path, rows: readTable(source, block, sink), place: subsection.place });
      subsection = undefined;
    } else if (section === "Values" && block.type === "list") {
      values = readValues(block, sink);
    } else if (section === "Composition" && block.type === "list") {
      members = readMembers(source, block, sink);
    }
  }
  if (fieldsPlace && !fields) {
    sink.report("malformed-table", fieldsPlace, "Unexpected `## Fields` without a table, expected `| Field | Type | Required | Description |`");
  }
  return { id, title, place: placeOf(titleNode), ...(description ? { description } : {}), kind, kindPlace, fields: fields ?? [], nested, values, members, ...(items ? { items } : {}) };
}

/** A heading's code span (`` ### `field` ``), or its text. */
function headingCode(heading: Heading): string {
  const only = heading.children.length === 1 ? heading.children[0] : undefined;
  return (only?.type === "inlineCode" ? only.value : textOf(heading)).trim();
}

const HEADER = ["Field", "Type", "Required", "Description"];

function readTable(source: string, table: Table, sink: DiagnosticSink): SkillsRow[] {
  const header = (table.children[0]?.children ?? []).map((c) => textOf(c).trim());
  if (HEADER.some((name, i) => header[i] !== name)) {
    sink.report("malformed-table", placeOf(table), `Unexpected table header \`${header.join(" | ")}\`, expected \`Field | Type | Required | Description\``);
    return [];
  }
  const rows: SkillsRow[] = [];
  for (const row of table.children.slice(1)) {
    const read = readRow(source, row, sink);
    if (read) rows.push(read);
  }
  return rows;
}

/** A cell's raw source, pipes unescaped; `""` when empty. */
function rawCell(source: string, cell: TableRow["children"][number] | undefined): string {
  const first = cell?.children[0];
  const last = cell?.children[cell.children.length - 1];
  return first && last ? unescapePipes(sliceBetween(source, first, last)).trim() : "";
}

function readRow(source: string, row: TableRow, sink: DiagnosticSink): SkillsRow | undefined {
  const place = placeOf(row);
  const [nameCell, typeCell, requiredCell, descriptionCell] = row.children;
  if (!nameCell || !typeCell || !requiredCell) {
    sink.report("malformed-row", place, `Unexpected row with ${row.children.length} of 4 cells, expected \`| \`name\` | type | Yes | description |\``);
    return undefined;
  }
  const only = nameCell.children.length === 1 ? nameCell.children[0] : undefined;
  const name = (only?.type === "inlineCode" ? only.value : textOf(nameCell)).trim();
  if (name === "") {
    sink.report("malformed-row", place, "Unexpected empty Field cell, expected the field name as a code span");
    return undefined;
  }
  const requiredText = textOf(requiredCell).trim();
  const required = requiredText === "Yes" ? true : requiredText === "No" ? false : undefined;
  if (required === undefined) sink.report("malformed-row", placeOf(requiredCell.children[0] ?? requiredCell), `Unexpected Required cell \`${requiredText}\`, expected \`Yes\` or \`No\``);
  const description = cellText(rawCell(source, descriptionCell));
  const typeStart = typeCell.children[0];
  return {
    name,
    type: rawCell(source, typeCell),
    typePlace: typeStart ? placeOf(typeStart) : placeOf(typeCell),
    required,
    ...(description ? { description } : {}),
    place,
  };
}

/** `` - `v` `` bullets. */
function readValues(list: List, sink: DiagnosticSink): { text: string; place: Place }[] {
  const values: { text: string; place: Place }[] = [];
  for (const item of list.children) {
    const paragraph = item.children[0];
    const only = paragraph?.type === "paragraph" && paragraph.children.length === 1 ? paragraph.children[0] : undefined;
    if (only?.type !== "inlineCode") {
      sink.report("malformed-row", placeOf(item), `Unexpected enum item \`${textOf(item).trim()}\`, expected a value in a code span`);
      continue;
    }
    values.push({ text: only.value, place: placeOf(item) });
  }
  return values;
}

/** `- [Name](name.md)` (the link's text names the schema) or `- (inline schema)`. */
function readMembers(source: string, list: List, sink: DiagnosticSink): SkillsMember[] {
  const members: SkillsMember[] = [];
  for (const item of list.children) {
    const paragraph = item.children[0];
    const only = paragraph?.type === "paragraph" && paragraph.children.length === 1 ? paragraph.children[0] : undefined;
    if (only?.type === "link") members.push({ kind: "named", name: textOf(only).trim(), place: placeOf(item) });
    else if (paragraph && sliceOf(source, paragraph).trim() === "(inline schema)") members.push({ kind: "inline", place: placeOf(item) });
    else sink.report("malformed-row", placeOf(item), `Unexpected composition item \`${textOf(item).trim()}\`, expected \`[Name](name.md)\` or \`(inline schema)\``);
  }
  return members;
}
