/**
 * APIMatic dialect, stage 2 (extract): mdast → {@link RawApimaticDoc}
 * (grammar §C). A model doc is a humanized H1 (`# Line Item`), a
 * description, then one of
 *
 * - `## Structure` + `` `ClassName` `` + `## Fields` with
 *   `| Name | Type | Tags | Description |` (Java and PHP add `| Getter | Setter |`),
 * - `## Enumeration` + `` `ClassName` `` + `## Fields` with `| Name | Description |` or `| Name |`,
 * - `## Class Name` + `` `ClassName` `` + `## Cases` with `| Type | Factory Method |`,
 *
 * and `## Example` / `## Example (as JSON)` code blocks. Controller docs
 * (`## Class Name` + `## Methods`), README and support pages are no models.
 */

import type { Root, RootContent, Table, TableCell, TableRow } from "mdast";
import type { DiagnosticSink } from "../../ir/diagnostics.js";
import type { CodeExample, Place } from "../../ir/ir.js";
import { cellText, placeOf, sliceBetween, textOf, typeTextOf, type TypeText } from "../markdown.js";

/** One row of a `| Name | Type | Tags | Description |` table, cells as written. */
export interface RawField {
  readonly name: string;
  readonly type: TypeText;
  readonly typePlace: Place;
  /** The Tags cell split at commas (`Required`, `Optional`, `Read-only`, `Constant`). */
  readonly tags: readonly string[];
  readonly tagsPlace: Place;
  readonly description?: string;
  readonly place: Place;
}

/** One row of an enum's Fields table: the constant name (TypeScript, Python, Java) or the wire value (Go). */
export interface RawEnumRow {
  readonly name: string;
  readonly description?: string;
  readonly place: Place;
}

/** One row of a `## Cases` table. */
export interface RawCase {
  readonly type: TypeText;
  readonly place: Place;
}

/** The body of a model doc. */
export type RawBody =
  | { readonly kind: "structure"; readonly rows: readonly RawField[]; readonly place: Place }
  | { readonly kind: "enumeration"; readonly rows: readonly RawEnumRow[]; readonly place: Place }
  | { readonly kind: "cases"; readonly cases: readonly RawCase[]; readonly place: Place };

/** An APIMatic model doc, sections found and cells read. */
export interface RawApimaticDoc {
  readonly id: string;
  /** The humanized H1 (`Line Item`), for messages. */
  readonly title: string;
  /** The SDK class name under `## Structure` / `## Enumeration` / `## Class Name`: the model's name. */
  readonly className: string;
  /** Where the H1 is. */
  readonly place: Place;
  readonly description?: string;
  /** The intro says `*This model accepts additional fields of type T.*`. */
  readonly acceptsAdditionalFields: boolean;
  readonly examples: readonly CodeExample[];
  readonly body: RawBody;
}

/** The sections that name the class, and the body each one leads to. */
const CLASS_SECTIONS: Readonly<Record<string, { body: "Fields" | "Cases"; kind: RawBody["kind"] }>> = {
  Structure: { body: "Fields", kind: "structure" },
  Enumeration: { body: "Fields", kind: "enumeration" },
  "Class Name": { body: "Cases", kind: "cases" },
};

const ADDITIONAL_FIELDS = /^\*?This model accepts additional fields of type /;

interface Section {
  readonly title: string;
  readonly place: Place;
  readonly blocks: readonly RootContent[];
}

/**
 * Extracts the raw form of an APIMatic model doc, or `undefined` (with a
 * `not-a-model` info, or `missing-title` for a model section without an H1)
 * when the file is no model doc.
 */
export function extractApimatic(id: string, source: string, tree: Root, sink: DiagnosticSink): RawApimaticDoc | undefined {
  const blocks = tree.children;
  const titleIndex = blocks.findIndex((b) => b.type === "heading" && b.depth === 1);
  const sections = splitSections(blocks.slice(titleIndex + 1));
  const classSection = sections.find((s) => Object.hasOwn(CLASS_SECTIONS, s.title));
  const start = placeOf(blocks[Math.max(titleIndex, 0)] ?? tree);
  if (!classSection) {
    sink.report("not-a-model", start, "Skipped: no `## Structure`, `## Enumeration` or `## Class Name` section, so this is not an APIMatic model doc");
    return undefined;
  }
  const shape = CLASS_SECTIONS[classSection.title] as (typeof CLASS_SECTIONS)[string];
  const bodySection = sections.find((s) => s.title === shape.body);
  if (!bodySection) {
    // `## Class Name` + `## Methods`: a controller (API) doc.
    const other = sections.find((s) => s !== classSection && s.title !== "");
    sink.report("not-a-model", start, `Skipped: \`## ${classSection.title}\` without \`## ${shape.body}\`${other ? ` (\`## ${other.title}\` instead)` : ""}, so this is not a model doc (an API doc)`);
    return undefined;
  }
  if (titleIndex < 0) {
    sink.report("missing-title", start, "Unexpected model doc without a `# Title`, expected the humanized model name as the H1");
    return undefined;
  }
  const titleNode = blocks[titleIndex] as RootContent;
  const title = textOf(titleNode).trim();
  const className = classNameOf(classSection);
  if (!className) {
    sink.report("missing-title", classSection.place, `Unexpected \`## ${classSection.title}\` without the class name, expected a line \`\` \`ClassName\` \`\``);
    return undefined;
  }

  const intro = sections[0]?.title === "" ? sections[0].blocks : [];
  const acceptsAdditionalFields = intro.some((b) => b.type === "paragraph" && ADDITIONAL_FIELDS.test(textOf(b).trim()));
  const first = intro[0];
  const last = intro[intro.length - 1];
  const description = first && last ? sliceBetween(source, first, last).trim() : "";

  const examples: CodeExample[] = [];
  for (const section of sections) {
    if (!/^Example\b/.test(section.title)) continue;
    for (const block of section.blocks) if (block.type === "code") examples.push({ lang: block.lang ?? "", code: block.value });
  }
  // A union doc follows `## Cases` with one section per case (`## string`, `## []models.X`): not unknown sections.
  const known = new Set([classSection.title, shape.body, ""]);
  if (shape.kind !== "cases") {
    for (const section of sections) {
      if (!known.has(section.title) && !/^Example\b/.test(section.title)) {
        sink.report("unknown-section", section.place, `Unexpected section \`## ${section.title}\`, expected \`## ${classSection.title}\`, \`## ${shape.body}\` or \`## Example\`; it is ignored`);
      }
    }
  }

  const table = bodySection.blocks.find((b): b is Table => b.type === "table");
  const body = readBody(source, shape.kind, table, bodySection.place, sink);
  return {
    id,
    title,
    className,
    place: placeOf(titleNode),
    ...(description ? { description } : {}),
    acceptsAdditionalFields,
    examples,
    body,
  };
}

/** Splits blocks at each H2; the blocks before the first H2 are the section titled `""`. */
function splitSections(blocks: readonly RootContent[]): Section[] {
  const sections: { title: string; place: Place; blocks: RootContent[] }[] = [{ title: "", place: { line: 1, column: 1 }, blocks: [] }];
  for (const block of blocks) {
    if (block.type === "heading" && block.depth <= 2) sections.push({ title: textOf(block).trim(), place: placeOf(block), blocks: [] });
    else (sections[sections.length - 1] as { blocks: RootContent[] }).blocks.push(block);
  }
  return sections;
}

/** The `` `ClassName` `` paragraph of a class section. */
function classNameOf(section: Section): string | undefined {
  for (const block of section.blocks) {
    if (block.type !== "paragraph") continue;
    const only = block.children.length === 1 ? block.children[0] : undefined;
    const name = (only?.type === "inlineCode" ? only.value : textOf(block)).trim();
    if (name) return name;
  }
  return undefined;
}

/** The header cells' text, lower-cased. */
function headerOf(table: Table): string[] {
  return (table.children[0]?.children ?? []).map((cell) => textOf(cell).trim().toLowerCase());
}

/** Where a cell's content starts (mdast starts a cell at the pipe before it). */
function cellPlace(cell: TableCell): Place {
  const first = cell.children[0];
  return first ? placeOf(first) : placeOf(cell);
}

/** A cell's readable text (`<br>` as newlines, `\|` as a pipe), or undefined when empty. */
function optionalCellText(source: string, cell: TableCell | undefined): string | undefined {
  const first = cell?.children[0];
  const last = cell?.children[cell.children.length - 1];
  if (!first || !last) return undefined;
  const text = cellText(sliceBetween(source, first, last));
  return text === "" || text === "-" ? undefined : text;
}

/** A Name cell: a code span (`` `currencyCode` ``), read as its value. */
function nameOf(cell: TableCell): string {
  const only = cell.children.length === 1 ? cell.children[0] : undefined;
  return (only?.type === "inlineCode" ? only.value : textOf(cell)).trim();
}

const EXPECTED_HEADER: Readonly<Record<RawBody["kind"], string>> = {
  structure: "Name | Type | Tags | Description",
  enumeration: "Name | Description",
  cases: "Type | Factory Method",
};

function readBody(source: string, kind: RawBody["kind"], table: Table | undefined, place: Place, sink: DiagnosticSink): RawBody {
  const header = table ? headerOf(table) : [];
  const col = (name: string) => header.indexOf(name);
  const needed = kind === "structure" ? ["name", "type", "tags"] : kind === "enumeration" ? ["name"] : ["type"];
  if (!table || needed.some((n) => col(n) < 0)) {
    const found = table ? `table header \`${header.join(" | ")}\`` : "section without a table";
    sink.report("malformed-table", table ? placeOf(table) : place, `Unexpected ${found}, expected \`${EXPECTED_HEADER[kind]}\``);
    if (kind === "cases") return { kind, cases: [], place };
    return { kind, rows: [], place };
  }
  const rows = table.children.slice(1);
  const tablePlace = placeOf(table);
  switch (kind) {
    case "structure":
      return { kind, rows: rows.flatMap((row) => readField(source, row, col("name"), col("type"), col("tags"), col("description"), sink) ?? []), place: tablePlace };
    case "enumeration":
      return {
        kind,
        rows: rows.flatMap((row): RawEnumRow[] => {
          const cell = row.children[col("name")];
          const name = cell ? nameOf(cell) : "";
          if (name === "") {
            sink.report("malformed-row", placeOf(row), "Unexpected enum row without a name, expected the constant name or value in a code span");
            return [];
          }
          const description = optionalCellText(source, row.children[col("description")]);
          return [{ name, ...(description ? { description } : {}), place: placeOf(row) }];
        }),
        place: tablePlace,
      };
    case "cases":
      return {
        kind,
        cases: rows.flatMap((row): RawCase[] => {
          const cell = row.children[col("type")];
          if (!cell || cell.children.length === 0) {
            sink.report("malformed-row", placeOf(row), "Unexpected case row without a type, expected the member type in a code span");
            return [];
          }
          return [{ type: typeTextOf(source, cell.children), place: cellPlace(cell) }];
        }),
        place: tablePlace,
      };
  }
}

function readField(source: string, row: TableRow, nameCol: number, typeCol: number, tagsCol: number, descriptionCol: number, sink: DiagnosticSink): RawField | undefined {
  const place = placeOf(row);
  const nameCell = row.children[nameCol];
  const typeCell = row.children[typeCol];
  const tagsCell = row.children[tagsCol];
  if (!nameCell || !typeCell || !tagsCell) {
    sink.report("malformed-row", place, `Unexpected row with ${row.children.length} cells, expected Name, Type and Tags cells`);
    return undefined;
  }
  const name = nameOf(nameCell);
  if (name === "") {
    sink.report("malformed-row", cellPlace(nameCell), "Unexpected empty Name cell, expected the field name in a code span");
    return undefined;
  }
  const tags = textOf(tagsCell)
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  const description = optionalCellText(source, row.children[descriptionCol]);
  return {
    name,
    type: typeTextOf(source, typeCell.children),
    typePlace: cellPlace(typeCell),
    tags,
    tagsPlace: cellPlace(tagsCell),
    ...(description ? { description } : {}),
    place,
  };
}
