/**
 * OAG dialect, stage 2 (extract): mdast → {@link RawOagDoc}. Finds the title
 * (the H1's last segment, grammar §0.8), the description, the body — the
 * `## Properties` table (§A.1, §A.3), an `## Enum` list or `## Enum
 * Variants` table (§A.6) — the inline enum sections (`## Enum: XEnum`) and
 * Go's `### Set{X}Nil` headings; skips boilerplate (§0.5). API docs and
 * READMEs are no models (`not-a-model`). Rows are split from their raw
 * source (`rows.ts`): GFM drops the cells a raw pipe adds, so the mdast
 * cells cannot be trusted.
 */

import type { Heading, Root, RootContent, Table, TableRow } from "mdast";
import type { DiagnosticSink } from "../../ir/diagnostics.js";
import type { Place } from "../../ir/ir.js";
import { decodeEntities } from "../entities.js";
import { frontmatterTitle, placeOf, sliceOf, textOf } from "../markdown.js";
import { splitFieldRow, splitRow, type Notes } from "./rows.js";
import { apiDocMark, README, sniffLanguage } from "./sniff.js";

/** A cell's decoded text and where it starts. */
export interface RawCell {
  readonly text: string;
  readonly place: Place;
}

/** One row of a `Name | Type | Description | Notes` table. */
export interface RawRow {
  /** The Name cell, decoded, `**`/backticks not yet removed. */
  readonly name: RawCell;
  /** The rebuilt Type cell, decoded. */
  readonly type: RawCell;
  readonly description: string;
  readonly notes: Notes;
  readonly place: Place;
}

/** One enum value as written: `value` is the literal's text (`"v"`, `'v'`, `1`, or a bare table cell). */
export interface RawEnumValue {
  readonly name?: string;
  readonly value: string;
  /** `literal`: quoted or numeric as in code (bullets); `bare`: a table cell (`foo`, Kotlin `A, B`). */
  readonly form: "literal" | "bare";
  readonly place: Place;
}

/** An inline enum section (`## Enum: XEnum`, Java, Kotlin, JavaScript), by the keys that name it. */
export interface RawInlineEnum {
  /** Normalized names: the section's, its anchor's (`<a id="State">`), its rows' Name cells (Kotlin). */
  readonly keys: readonly string[];
  readonly values: readonly RawEnumValue[];
  readonly place: Place;
}

/** The body of an OAG doc. */
export type RawBody =
  | { readonly kind: "properties"; readonly rows: readonly RawRow[]; readonly columns: 2 | 4; readonly place: Place }
  | { readonly kind: "enum"; readonly values: readonly RawEnumValue[]; readonly place: Place }
  | { readonly kind: "variants"; readonly members: readonly RawCell[]; readonly place: Place }
  | { readonly kind: "none" };

/** An OAG model doc, sections found and cells split, types not yet read. */
export interface RawOagDoc {
  readonly id: string;
  /** The language the doc is read as (settled for the tree, else sniffed from the doc). */
  readonly language: string | undefined;
  /** The model name: the title's last segment (`# Pkg::Pet`, `# # Pet`, `# pkg.model.Pet` → `Pet`). */
  readonly name: string;
  readonly place: Place;
  readonly description?: string;
  readonly body: RawBody;
  readonly inlineEnums: readonly RawInlineEnum[];
  /** Go: the fields whose `### Set{X}Nil` method exists (`X`, as documented). */
  readonly nilSetters: ReadonlySet<string>;
}

/** Index pages by file name: no models when they hold no model section. */
const INDEX = /(?:^|\/)index\.mdx?$/;
const BOILERPLATE = /^(?:\[\[Back to|\{:|_PureCloudPlatformClientV2)/;
const ENUM_BULLET = /^[ \t]*[*-][ \t]+`([^`]*)`[ \t]*\(value:[ \t]*`(.*)`\)[ \t]*$/;
const SET_NIL = /^Set(\w+)Nil$/;
const ANCHOR = /<a\s+(?:id|name)="([^"]+)"/i;

/** A key for matching inline enum sections to fields: lower-case letters and digits only. */
export function enumKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** The cells of a header row, trimmed and decoded. */
function headerOf(source: string, table: Table): string[] {
  const head = table.children[0];
  return head ? splitRow(sliceOf(source, head)).map((c) => decodeEntities(c.raw)) : [];
}

function same(header: readonly string[], expected: readonly string[]): boolean {
  return header.length === expected.length && header.every((cell, i) => cell === expected[i]);
}

/** The place of offset `offset` within a row that starts at `row`. */
function within(row: TableRow, offset: number): Place {
  const start = placeOf(row);
  return { line: start.line, column: start.column + offset };
}

/** The last segment of a title: `# Pkg::Pet`, `# # Pet`, `# pkg.model.Pet`, `# Ns.Model.Pet` → `Pet`. */
export function modelNameOf(title: string): string {
  const parts = title.trim().split(/::|\.|#|\s+/).filter(Boolean);
  return parts[parts.length - 1] ?? title.trim();
}

/**
 * Extracts an OAG doc; `undefined` (with a `not-a-model` info) for API docs,
 * READMEs and docs with neither title nor body.
 */
export function extractOag(id: string, source: string, tree: Root, language: string | undefined, sink: DiagnosticSink): RawOagDoc | undefined {
  const top = { line: 1, column: 1 };
  if (README.test(id)) {
    sink.report("not-a-model", top, "Unexpected README, expected a model doc; skipped");
    return undefined;
  }
  const api = apiDocMark(source);
  if (api) {
    sink.report("not-a-model", top, `Unexpected API doc (\`${api}\`), expected a model doc; skipped`);
    return undefined;
  }

  const blocks = tree.children;
  let title: { name: string; place: Place } | undefined;
  const description: string[] = [];
  let body: RawBody = { kind: "none" };
  const inlineEnums: RawInlineEnum[] = [];
  const nilSetters = new Set<string>();
  /** The current `##` section's heading text (`""` before the first). */
  let section = "";
  let sectionPlace = top;
  let anchor: string | undefined;
  let inlineEnum: { keys: string[]; values: RawEnumValue[]; place: Place } | undefined;

  const bodyTable = (table: Table): void => {
    const header = headerOf(source, table);
    if (same(header, ["Name", "Type", "Description", "Notes"]) || same(header, ["Name", "Type"])) {
      const columns = header.length === 2 ? 2 : 4;
      body = { kind: "properties", rows: readRows(source, table, columns, sink), columns, place: placeOf(table) };
    } else if (same(header, ["Name", "Value"])) {
      body = { kind: "enum", values: valueRows(source, table, undefined), place: placeOf(table) };
    } else if (same(header, ["Name", "Description"])) {
      const members = table.children.slice(1).map((row) => {
        const cell = splitRow(sliceOf(source, row))[0];
        return { text: decodeEntities(cell?.raw ?? ""), place: within(row, cell?.offset ?? 0) };
      });
      body = { kind: "variants", members: members.filter((m) => m.text !== ""), place: placeOf(table) };
    }
  };

  for (const block of blocks as RootContent[]) {
    if (block.type === "heading") {
      const heading = block as Heading;
      const text = textOf(heading).trim();
      if (heading.depth === 1 && !title) {
        title = { name: modelNameOf(text), place: placeOf(heading) };
        section = "";
        continue;
      }
      if (heading.depth === 3) {
        const setter = SET_NIL.exec(text)?.[1];
        if (setter) nilSetters.add(setter);
        continue;
      }
      if (heading.depth !== 2) continue;
      section = text;
      sectionPlace = placeOf(heading);
      inlineEnum = undefined;
      const enumName = /^Enum:\s*(.+)$/.exec(text)?.[1];
      if (enumName) {
        inlineEnum = { keys: [enumKey(enumName), ...(anchor ? [enumKey(anchor)] : [])], values: [], place: sectionPlace };
        inlineEnums.push(inlineEnum);
      }
      anchor = undefined;
      continue;
    }
    if (block.type === "html") {
      anchor = ANCHOR.exec(block.value)?.[1];
      continue;
    }
    if (!title) continue;
    if (section === "") {
      if (block.type === "paragraph") {
        const text = sliceOf(source, block).trim();
        if (!BOILERPLATE.test(text)) description.push(text);
      }
      continue;
    }
    if (inlineEnum) {
      if (block.type === "table" && same(headerOf(source, block), ["Name", "Value"])) {
        const values = valueRows(source, block, inlineEnum.keys);
        inlineEnum.values.push(...values);
      } else if (block.type === "list" || block.type === "code") inlineEnum.values.push(...bullets(source, block));
      continue;
    }
    if (section === "Properties" || section === "Enum Variants") {
      if (block.type === "table" && body.kind === "none") bodyTable(block);
      continue;
    }
    if (section === "Enum" && (block.type === "list" || block.type === "code") && (body.kind === "none" || body.kind === "enum")) {
      const values = bullets(source, block);
      body = { kind: "enum", values: body.kind === "enum" ? [...body.values, ...values] : values, place: sectionPlace };
    }
  }

  if (body.kind === "none" && INDEX.test(id)) {
    sink.report("not-a-model", top, "Unexpected index page without a `## Properties` table or an `## Enum` section, expected a model doc; skipped");
    return undefined;
  }
  if (!title) {
    const front = blocks[0]?.type === "yaml" ? frontmatterTitle(source, blocks[0]) : undefined;
    if (front && "title" in front) title = { name: modelNameOf(front.title), place: front.place };
    else if (body.kind === "none") {
      sink.report("not-a-model", top, "Unexpected doc without a title or a `## Properties` table, expected an OpenAPI Generator model doc; skipped");
      return undefined;
    } else {
      sink.report("missing-title", top, "Unexpected model doc without a title, expected a `# Name` heading naming the model");
      return undefined;
    }
  }
  return {
    id,
    language: language ?? sniffLanguage(source),
    name: title.name,
    place: title.place,
    ...(description.length > 0 ? { description: decodeEntities(description.join("\n\n")) } : {}),
    body,
    inlineEnums: inlineEnums.filter((e) => e.values.length > 0),
    nilSetters,
  };
}

/** The field rows of a Properties table (grammar §0.3); a row without a Type cell is a `malformed-row`. */
function readRows(source: string, table: Table, columns: 2 | 4, sink: DiagnosticSink): RawRow[] {
  const rows: RawRow[] = [];
  for (const row of table.children.slice(1)) {
    const parts = splitFieldRow(sliceOf(source, row), columns);
    if (!parts) {
      sink.report("malformed-row", placeOf(row), "Unexpected row without a Type cell, expected `**name** | type | description | notes`; the row is skipped");
      continue;
    }
    rows.push({
      name: { text: decodeEntities(parts.name.raw), place: within(row, parts.name.offset) },
      type: { text: decodeEntities(parts.type.raw), place: within(row, parts.type.offset) },
      description: parts.description,
      notes: parts.notes,
      place: placeOf(row),
    });
  }
  return rows;
}

/**
 * `| Name | Value |` rows (Rust enums, Java and Kotlin inline enums): the
 * value cell decoded; Kotlin's one row of comma-joined values split. `keys`
 * (an inline enum's) gets the rows' Name cells, which Kotlin fills with the
 * property's name.
 */
function valueRows(source: string, table: Table, keys: string[] | undefined): RawEnumValue[] {
  const values: RawEnumValue[] = [];
  for (const row of table.children.slice(1)) {
    const [name, value] = splitRow(sliceOf(source, row));
    if (!name || !value || value.raw === "") continue;
    const text = decodeEntities(value.raw);
    const place = within(row, value.offset);
    // A number is bare too: it is a number when every bare value of the table is one (Rust's `foo`, `10` are two strings).
    const quoted = /^(?:"(?:[^"\\]|\\.)*"|'[^']*')$/.test(text);
    // Kotlin writes one row per enum: the property's name, then every value, comma-joined and bare.
    if (!quoted && text.includes(",")) {
      keys?.push(enumKey(decodeEntities(name.raw)));
      for (const part of text.split(",")) if (part.trim() !== "") values.push({ value: part.trim(), form: "bare", place });
      continue;
    }
    values.push({ name: decodeEntities(name.raw), value: text, form: quoted ? "literal" : "bare", place });
  }
  return values;
}

/** `` * `CONST` (value: `"v"`) `` bullets (a list, or Kotlin's indented code block), grammar §A.6. */
function bullets(source: string, block: RootContent): RawEnumValue[] {
  const values: RawEnumValue[] = [];
  const start = placeOf(block);
  const lines = sliceOf(source, block).split(/\r?\n|\r/);
  lines.forEach((line, i) => {
    const m = ENUM_BULLET.exec(line);
    if (!m) return;
    const column = i === 0 ? start.column : 1;
    values.push({ name: decodeEntities(m[1] ?? ""), value: decodeEntities(m[2] ?? ""), form: "literal", place: { line: start.line + i, column: column + line.search(/\S/) } });
  });
  return values;
}
