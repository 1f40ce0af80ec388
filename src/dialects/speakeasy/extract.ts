/**
 * Speakeasy dialect, stage 2 (extract): mdast → {@link RawDoc}.
 *
 * Finds the title, description, deprecation, examples and the one body
 * section (`## Fields`, `## Values` or `## Supported Types`), and reads the
 * cells as raw source. Nothing here knows an SDK language's type syntax: that
 * is build-IR's job. Grammar: reference/speakeasy-grammar.md §2–§7.
 */

import type { Code, Heading, List, PhrasingContent, Root, RootContent, Table, TableRow } from "mdast";
import type { DiagnosticSink } from "../../ir/diagnostics.js";
import type { CodeExample, Place } from "../../ir/ir.js";
import { cellText, endOf, frontmatterTitle, placeOf, sliceBetween, sliceOf, textOf, typeTextOf, unescapePipes, type TypeText } from "../markdown.js";

/** One row of a Fields table, cells still in their documented form. */
export interface RawField {
  readonly name: string;
  readonly deprecated: boolean;
  /** The field cell's deprecation message, from a `: warning: ** DEPRECATED **:` description. */
  readonly deprecationMessage?: string;
  readonly type: TypeText;
  readonly typePlace: Place;
  /** `undefined` when the Required cell could not be read (already reported). */
  readonly required: boolean | undefined;
  readonly description?: string;
  readonly example?: string;
  readonly place: Place;
}

/** One enum value as written. */
export interface RawEnumValue {
  readonly name?: string;
  /** The value text. */
  readonly text: string;
  /**
   * How the doc typed the value: `string`/`number` when the form says so
   * (a quoted or bare literal in code and list forms), `untyped` for table
   * cells, where `10` may be the integer or the string.
   */
  readonly typed: "string" | "number" | "untyped";
  readonly place: Place;
}

/** One `###` member of a `## Supported Types` section. */
export interface RawMember {
  /** The heading's type expression (a code span's content, or the plain heading text). */
  readonly heading: TypeText;
  /** Whether the heading was a code span (py/ts/php) rather than a bare name (go/cs). */
  readonly headingIsCode: boolean;
  /** The member's code block, if any. */
  readonly code?: CodeExample;
  readonly place: Place;
}

/** The body of a doc. */
export type RawBody =
  | { readonly kind: "fields"; readonly rows: readonly RawField[]; readonly place: Place }
  | {
      readonly kind: "values";
      readonly values: readonly RawEnumValue[];
      /** An "open enum" note or an `Unrecognized<…>` value was present. */
      readonly open: boolean;
      readonly place: Place;
    }
  | { readonly kind: "union"; readonly members: readonly RawMember[]; readonly place: Place }
  | { readonly kind: "none" };

/** A Speakeasy model doc, sections found and cells read, types not yet interpreted. */
export interface RawDoc {
  readonly id: string;
  readonly title: string;
  readonly titleDeprecated: boolean;
  readonly place: Place;
  readonly description?: string;
  /** Present when the model is deprecated; the message may be empty. */
  readonly deprecation?: { readonly message?: string };
  readonly examples: readonly CodeExample[];
  readonly body: RawBody;
}

/** The description prefix Speakeasy writes for a deprecated field (not bold: note the spaces). */
const FIELD_DEPRECATED = /^:\s*warning:\s*\*\*\s*DEPRECATED\s*\*\*:?\s*/i;
/** The model deprecation blockquote: `> :warning: **DEPRECATED**: …`. */
const MODEL_DEPRECATED = /^:warning:\s*\*\*DEPRECATED\*\*:?\s*/i;
const OPEN_ENUM_NOTE = /\bopen enum\b/i;
const MDX_MACHINERY = /^(?:(?:import|export)\s[\s\S]*|\{\/\*[\s\S]*\*\/\})$/;
const UNRECOGNIZED = /^Unrecognized<\s*(string|number|int|integer)\s*>$/;

const REQUIRED_YES = new Set([":heavy_check_mark:", "✔️", "✔", "✅", "yes", "true", "required"]);
const REQUIRED_NO = new Set([":heavy_minus_sign:", "➖", "-", "no", "false", "optional", ""]);

/**
 * Extracts a raw doc from a parsed Speakeasy model doc, or `undefined` when
 * the file is not a model doc (reported as `not-a-model`).
 */
export function extractSpeakeasy(id: string, source: string, tree: Root, sink: DiagnosticSink): RawDoc | undefined {
  const blocks = tree.children;
  const mdx = /\.mdx$/i.test(id);
  const titleIndex = blocks.findIndex((b) => b.type === "heading" && b.depth === 1);
  // Without an H1, the title may be in YAML frontmatter (the 2026 `.mdx` pages): `---\ntitle: "Name"\n---`.
  const front = titleIndex < 0 && blocks[0]?.type === "yaml" ? frontmatterTitle(source, blocks[0]) : undefined;
  const sections = splitSections(blocks, titleIndex >= 0 ? titleIndex + 1 : blocks[0]?.type === "yaml" ? 1 : 0);

  let title: string;
  let place: Place;
  let titleDeprecated = false;
  if (titleIndex >= 0) {
    const titleNode = blocks[titleIndex] as Heading;
    place = placeOf(titleNode);
    title = textOf(titleNode).trim();
    titleDeprecated = titleNode.children.length === 1 && titleNode.children[0]?.type === "delete";
    if (title === "") {
      sink.report("missing-title", place, "Unexpected empty `#` heading, expected the model name");
      return undefined;
    }
  } else if (front && "title" in front) {
    ({ title, place } = front);
    // `~~Name~~`, as the H1 of a deprecated model is written.
    const struck = /^~~(.+)~~$/.exec(title);
    if (struck) {
      title = (struck[1] as string).trim();
      titleDeprecated = true;
    }
  } else {
    const hasBody = sections.some((s) => BODY_SECTIONS.has(s.title));
    const where = front?.place ?? { line: 1, column: 1 };
    if (hasBody) sink.report("missing-title", where, `Unexpected doc without a title${front ? ` (${front.problem})` : ""}, expected one \`# Title\` or a frontmatter \`title\` naming the model`);
    else sink.report("not-a-model", where, "Skipped: no title and no model section, so this is not a model doc");
    return undefined;
  }

  // Blocks between the H1 and the first H2: description and deprecation note.
  const intro = sections[0]?.title === "" ? sections[0].blocks : [];
  let deprecation: { message?: string } | undefined = titleDeprecated ? {} : undefined;
  const descriptionBlocks: RootContent[] = [];
  for (const block of intro) {
    // MDX pages: `import`/`export` lines and `{/* comments */}` are page machinery, not description.
    if (mdx && block.type === "paragraph" && MDX_MACHINERY.test(sliceOf(source, block))) continue;
    if (block.type === "blockquote") {
      const text = textOf(block).trim();
      if (MODEL_DEPRECATED.test(sliceOf(source, block).replace(/^>\s*/, ""))) {
        const message = text.replace(/^:warning:\s*DEPRECATED:?\s*/i, "").trim();
        deprecation = message ? { message } : {};
        continue;
      }
    }
    descriptionBlocks.push(block);
  }
  const description = blocksText(source, descriptionBlocks);

  const examples: CodeExample[] = [];
  let body: RawBody = { kind: "none" };
  const unknownSections: Section[] = [];
  for (const section of sections) {
    if (section.title === "") continue;
    if (section.title === "Example Usage") {
      for (const block of section.blocks) if (block.type === "code") examples.push(codeExample(block));
      continue;
    }
    if (!BODY_SECTIONS.has(section.title)) {
      if (section.title === "Union Discrimination") continue; // Go: restates the union; read in the Go flavour.
      // `utils/retryconfig.md` has `## BackoffStrategy` and a non-model table header.
      if (body.kind === "none" && isNonModelTable(section.blocks)) {
        sink.report("not-a-model", place, "Skipped: not a model doc (a settings table, e.g. `utils/retryconfig.md`)");
        return undefined;
      }
      unknownSections.push(section);
      continue;
    }
    if (body.kind !== "none") {
      sink.report("conflicting-sections", section.place, `Unexpected second body section \`## ${section.title}\`, expected one of \`## Fields\`, \`## Values\`, \`## Supported Types\`; it is ignored`);
      continue;
    }
    if (section.title === "Fields") {
      const rows = readFields(source, section.blocks, section.place, sink);
      if (rows === "not-a-model") {
        sink.report("not-a-model", place, "Skipped: not a model doc (a settings table, e.g. `utils/retryconfig.md`)");
        return undefined;
      }
      body = { kind: "fields", rows, place: section.place };
    } else if (section.title === "Values") {
      body = readValues(source, section.blocks, section.place, sink);
    } else {
      body = { kind: "union", members: readMembers(source, section.blocks), place: section.place };
    }
  }

  if (body.kind === "none" && unknownSections.length > 0) {
    // Sections, none of them a model's (Go's `operations/option.md`): not a model doc.
    sink.report("not-a-model", place, `Skipped: no \`## Fields\`, \`## Values\` or \`## Supported Types\`, only \`## ${unknownSections[0]?.title}\`, so this is not a model doc`);
    return undefined;
  }
  for (const section of unknownSections) {
    sink.report("unknown-section", section.place, `Unexpected section \`## ${section.title}\`, expected \`## Fields\`, \`## Values\`, \`## Supported Types\` or \`## Example Usage\`; it is ignored`);
  }
  // C# and Python mark an open enum only in its example (`// Open enum: use .Of() …`).
  if (body.kind === "values" && !body.open && examples.some((e) => OPEN_ENUM_NOTE.test(e.code))) body = { ...body, open: true };

  return {
    id,
    title,
    titleDeprecated,
    place,
    ...(description ? { description } : {}),
    ...(deprecation ? { deprecation } : {}),
    examples,
    body,
  };
}

const BODY_SECTIONS = new Set(["Fields", "Values", "Supported Types"]);

interface Section {
  /** The H2 text; `""` for the blocks before the first H2. */
  readonly title: string;
  readonly place: Place;
  readonly blocks: readonly RootContent[];
}

/** Splits the blocks after the title at each H2. */
function splitSections(blocks: readonly RootContent[], from: number): Section[] {
  const sections: Section[] = [];
  let current: { title: string; place: Place; blocks: RootContent[] } = { title: "", place: { line: 1, column: 1 }, blocks: [] };
  sections.push(current);
  for (let i = Math.max(from, 0); i < blocks.length; i++) {
    const block = blocks[i] as RootContent;
    if (block.type === "heading" && block.depth <= 2) {
      current = { title: textOf(block).trim(), place: placeOf(block), blocks: [] };
      sections.push(current);
    } else {
      current.blocks.push(block);
    }
  }
  return sections;
}

/** The markdown text of description blocks, as written. */
function blocksText(source: string, blocks: readonly RootContent[]): string | undefined {
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  if (!first || !last) return undefined;
  // An indented description (grammar §10.8) parses as a code block: keep its text, not its indent.
  if (blocks.length === 1 && first.type === "code" && first.lang == null && !sliceOf(source, first).startsWith("`")) {
    return first.value.trim() || undefined;
  }
  return sliceBetween(source, first, last).trim() || undefined;
}

function codeExample(block: Code): CodeExample {
  return { lang: block.lang ?? "", code: block.value };
}

/** Whether the section's table has the `Name | Type | Description | Example` header of settings docs. */
function isNonModelTable(blocks: readonly RootContent[]): boolean {
  const table = blocks.find((b): b is Table => b.type === "table");
  if (!table) return false;
  const header = headerOf(table);
  return header.includes("name") && header.includes("type") && !header.includes("required");
}

/** The header cells' text, lower-cased for matching. */
function headerOf(table: Table): string[] {
  return headerText(table).map((text) => text.toLowerCase());
}

/** The header cells' text as written. */
function headerText(table: Table): string[] {
  return (table.children[0]?.children ?? []).map((cell) => textOf(cell).trim());
}

function readFields(source: string, blocks: readonly RootContent[], sectionPlace: Place, sink: DiagnosticSink): RawField[] | "not-a-model" {
  const table = blocks.find((b): b is Table => b.type === "table");
  if (!table) {
    sink.report("malformed-table", sectionPlace, "Unexpected `## Fields` without a table, expected a `Field | Type | Required | Description` table");
    return [];
  }
  const header = headerOf(table);
  const col = (name: string): number => header.indexOf(name);
  const [fieldCol, typeCol, requiredCol, descriptionCol, exampleCol] = [col("field"), col("type"), col("required"), col("description"), col("example")];
  if (fieldCol < 0 || typeCol < 0 || requiredCol < 0) {
    if (col("name") >= 0 && typeCol >= 0 && requiredCol < 0) return "not-a-model";
    const missing = [fieldCol < 0 ? "Field" : "", typeCol < 0 ? "Type" : "", requiredCol < 0 ? "Required" : ""].filter(Boolean);
    sink.report(
      "malformed-table",
      placeOf(table),
      `Unexpected table header \`${headerText(table).join(" | ")}\`, expected \`Field | Type | Required | Description\` (missing ${missing.map((m) => `\`${m}\``).join(", ")})`,
    );
    return [];
  }

  const rows: RawField[] = [];
  for (const row of table.children.slice(1)) {
    const field = readFieldRow(source, row, { fieldCol, typeCol, requiredCol, descriptionCol, exampleCol, columns: header.length }, sink);
    if (field) rows.push(field);
  }
  return rows;
}

interface Columns {
  readonly fieldCol: number;
  readonly typeCol: number;
  readonly requiredCol: number;
  readonly descriptionCol: number;
  readonly exampleCol: number;
  /** How many columns the header has. */
  readonly columns: number;
}

function readFieldRow(source: string, row: TableRow, cols: Columns, sink: DiagnosticSink): RawField | undefined {
  const cell = (index: number) => (index < 0 ? undefined : row.children[index]);
  const place = placeOf(row);
  const fieldCell = cell(cols.fieldCol);
  const typeCell = cell(cols.typeCol);
  if (!fieldCell || !typeCell) {
    sink.report("malformed-row", place, "Unexpected row with missing cells, expected one cell per column");
    return undefined;
  }

  // `name` as a code span, or `~~`name`~~` for a deprecated field (grammar §4.1).
  let deprecated = false;
  let nameNodes: readonly PhrasingContent[] = fieldCell.children;
  if (nameNodes.length === 1 && nameNodes[0]?.type === "delete") {
    deprecated = true;
    nameNodes = nameNodes[0].children;
  }
  const name = (nameNodes.length === 1 && nameNodes[0]?.type === "inlineCode" ? nameNodes[0].value : textOfAll(nameNodes)).trim();
  if (name === "") {
    sink.report("malformed-row", cellPlace(fieldCell), "Unexpected empty Field cell, expected the field name as a code span");
    return undefined;
  }

  const requiredCell = cell(cols.requiredCol);
  const requiredText = requiredCell ? textOf(requiredCell).trim().toLowerCase() : "";
  let required: boolean | undefined;
  if (!requiredCell) {
    // A row cut short before its Required column says nothing of presence: an empty cell would be ➖, a missing one is not read as one.
    sink.report("malformed-row", endOf(row), `Unexpected row with ${row.children.length} of ${cols.columns} cells, expected a Required cell (\`:heavy_check_mark:\` or \`:heavy_minus_sign:\`)`);
  } else if (REQUIRED_YES.has(requiredText)) required = true;
  else if (REQUIRED_NO.has(requiredText)) required = false;
  else {
    sink.report(
      "malformed-row",
      requiredCell ? cellPlace(requiredCell) : place,
      `Unexpected Required cell \`${requiredText}\`, expected \`:heavy_check_mark:\` or \`:heavy_minus_sign:\``,
    );
  }

  let description = optionalCellText(source, cell(cols.descriptionCol));
  let deprecationMessage: string | undefined;
  if (description !== undefined && FIELD_DEPRECATED.test(description)) {
    deprecated = true;
    const rest = description.replace(FIELD_DEPRECATED, "");
    const split = rest.indexOf("\n\n");
    deprecationMessage = (split < 0 ? rest : rest.slice(0, split)).trim() || undefined;
    description = split < 0 ? undefined : rest.slice(split + 2).trim() || undefined;
  }
  if (description === "N/A") description = undefined;
  const example = optionalCellText(source, cell(cols.exampleCol));

  return {
    name,
    deprecated,
    ...(deprecationMessage ? { deprecationMessage } : {}),
    type: typeTextOf(source, typeCell.children),
    typePlace: cellPlace(typeCell),
    required,
    ...(description ? { description } : {}),
    ...(example ? { example } : {}),
    place,
  };
}

/** Where a cell's content starts (mdast starts a cell at the pipe before it). */
function cellPlace(cell: TableRow["children"][number]): Place {
  const first = cell.children[0];
  return first ? placeOf(first) : placeOf(cell);
}

function textOfAll(nodes: readonly PhrasingContent[]): string {
  return nodes.map((n) => textOf(n)).join("");
}

/** A cell's readable text (see {@link cellText}), or undefined when empty. */
function optionalCellText(source: string, cell: TableRow["children"][number] | undefined): string | undefined {
  if (!cell || cell.children.length === 0) return undefined;
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  if (!first || !last) return undefined;
  return cellText(sliceBetween(source, first, last)) || undefined;
}

function readValues(source: string, blocks: readonly RootContent[], sectionPlace: Place, sink: DiagnosticSink): RawBody {
  let open = false;
  const values: RawEnumValue[] = [];
  for (const block of blocks) {
    if (block.type === "paragraph" && OPEN_ENUM_NOTE.test(textOf(block))) open = true;
    else if (block.type === "table") open = readValueTable(source, block, values, sink) || open;
    else if (block.type === "list") readValueList(block, values, sink);
    else if (block.type === "code") open = readValueCode(block, values, sink) || open;
  }
  return { kind: "values", values, open, place: sectionPlace };
}

/** Reads a `Name | Value` table; returns whether it marks the enum open. */
function readValueTable(source: string, table: Table, values: RawEnumValue[], sink: DiagnosticSink): boolean {
  const header = headerOf(table);
  const nameCol = header.indexOf("name");
  const valueCol = header.indexOf("value");
  if (valueCol < 0) {
    sink.report("malformed-table", placeOf(table), `Unexpected table header \`${headerText(table).join(" | ")}\`, expected \`Name | Value\``);
    return false;
  }
  let open = false;
  for (const row of table.children.slice(1)) {
    const nameCell = nameCol < 0 ? undefined : row.children[nameCol];
    const valueCell = row.children[valueCol];
    if (!valueCell) continue;
    const only = valueCell.children.length === 1 ? valueCell.children[0] : undefined;
    // `| - | `Unrecognized<string>` |`: the open-enum marker row (grammar §6.1).
    if (only?.type === "inlineCode" && UNRECOGNIZED.test(only.value.trim())) {
      open = true;
      continue;
    }
    const first = valueCell.children[0];
    const last = valueCell.children[valueCell.children.length - 1];
    // The value is the raw cell source: `*` or `__x__` must not be read as emphasis.
    const text = first && last ? unescapePipes(sliceBetween(source, first, last)).trim() : "";
    const nameNode = nameCell?.children.length === 1 ? nameCell.children[0] : undefined;
    const name = nameNode?.type === "inlineCode" ? nameNode.value : nameCell ? textOf(nameCell).trim() : "";
    values.push({ ...(name && name !== "-" ? { name } : {}), text, typed: "untyped", place: placeOf(row) });
  }
  return open;
}

/** Reads the list form: `` - `"QUEUED"` `` or `` - `100` `` (grammar §6.3). */
function readValueList(list: List, values: RawEnumValue[], sink: DiagnosticSink): void {
  for (const item of list.children) {
    const text = textOf(item).trim();
    const value = readLiteral(text);
    if (value === undefined) {
      sink.report("malformed-row", placeOf(item), `Unexpected enum item \`${text}\`, expected a quoted string or a number in a code span`);
      continue;
    }
    values.push({ text: String(value), typed: typeof value === "number" ? "number" : "string", place: placeOf(item) });
  }
}

/** Reads the TypeScript code form `"a" | "b" | Unrecognized<string>`; returns whether it is open. */
function readValueCode(code: Code, values: RawEnumValue[], sink: DiagnosticSink): boolean {
  let open = false;
  const place = placeOf(code);
  const literal = /\s*(?:("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(Unrecognized<\s*\w+\s*>))\s*(\||$)/y;
  const text = code.value.trim();
  let index = 0;
  while (index < text.length) {
    literal.lastIndex = index;
    const match = literal.exec(text);
    if (!match) {
      sink.report("malformed-row", place, `Unexpected enum code \`${text.slice(index, index + 40)}\`, expected string or number literals joined by \`|\``);
      break;
    }
    if (match[3]) open = true;
    else if (match[1]) {
      // A string a JSON reader refuses (a raw control character in it) is a broken doc, not a crash.
      const value = readLiteral(match[1]);
      if (typeof value !== "string") {
        sink.report("malformed-row", place, `Unexpected enum value \`${match[1].slice(0, 40)}\`, expected a string literal as JSON writes it`);
        break;
      }
      values.push({ text: value, typed: "string", place });
    }
    else if (match[2]) values.push({ text: match[2], typed: "number", place });
    index = literal.lastIndex;
    if (match[4] === "") break;
  }
  return open;
}

/** A JSON string or number literal, or undefined. */
function readLiteral(text: string): string | number | undefined {
  if (/^"(?:[^"\\]|\\.)*"$/.test(text)) {
    try {
      return JSON.parse(text) as string;
    } catch {
      return undefined;
    }
  }
  if (/^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text)) return Number(text);
  return undefined;
}

/** Reads `### member` headings, each with its optional code block (grammar §7). */
function readMembers(source: string, blocks: readonly RootContent[]): RawMember[] {
  const members: RawMember[] = [];
  let current: { heading: TypeText; headingIsCode: boolean; place: Place; code?: CodeExample } | undefined;
  for (const block of blocks) {
    if (block.type === "heading" && block.depth === 3) {
      if (current) members.push(current);
      const only = block.children.length === 1 ? block.children[0] : undefined;
      const headingIsCode = only?.type === "inlineCode";
      current = { heading: typeTextOf(source, block.children), headingIsCode, place: placeOf(block) };
    } else if (block.type === "code" && current && !current.code) {
      current.code = codeExample(block);
    }
  }
  if (current) members.push(current);
  return members;
}
