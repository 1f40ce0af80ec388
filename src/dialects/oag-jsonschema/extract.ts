/**
 * oag-jsonschema dialect, stage 2 (extract): mdast → {@link JsonSchemaDoc}
 * (grammar §B: OpenAPI Generator 6.x `python`, the former
 * python-experimental, and openapi-json-schema-generator).
 *
 * A model doc is one or more schema sections, each an H1 — the first
 * `# pkg.model.module.ClassName`, the others `# name`, the inline schema of
 * a property, item or composition member that links to it (`#name`) — then
 * an optional description, `## Model Type Info` (one row: `Input Type |
 * Accessed Type | Description | Notes`) and, by the schema's shape,
 * `### Dictionary Keys` (`Key | Input Type | Accessed Type | Description |
 * Notes`), `### Tuple Items` (`Class Name | Input Type | …`) or `### Composed
 * Schemas (allOf/anyOf/oneOf/not)` with a `#### oneOf` (…) table each. API
 * docs (`docs/apis/tags/*.md`), whose first section has no Model Type Info,
 * are not models.
 */

import type { Root, RootContent, Table, TableRow } from "mdast";
import type { DiagnosticSink } from "../../ir/diagnostics.js";
import type { Place } from "../../ir/ir.js";
import { decodeEntities } from "../entities.js";
import { cellText, placeOf, sliceBetween, textOf, unescapePipes } from "../markdown.js";

/** One table row, cells as written (entities decoded in the text cells). */
export interface JsonSchemaRow {
  /** The Key or Class Name cell, raw: `**name**`, `**[name](#name)**`, `[**Model**](Model.md)`, `items`. */
  readonly key: string;
  /** The Input Type cell, raw: `str, `, `None, str, datetime, `, `[**Model**](Model.md)`. */
  readonly inputType: string;
  readonly typePlace: Place;
  readonly description?: string;
  /** The Notes cell: `[optional]`, `must be one of ["a", ]`, formats, defaults. */
  readonly notes: string;
  readonly place: Place;
}

/** A `#### allOf` (`anyOf`, `oneOf`, `not`) table. */
export interface JsonSchemaComposition {
  readonly kind: string;
  readonly rows: readonly JsonSchemaRow[];
  readonly place: Place;
}

/** One H1 section: a schema. */
export interface JsonSchemaSection {
  /** The H1 text: `pkg.model.module.ClassName` for the doc's own schema, the property's name for the others. */
  readonly heading: string;
  readonly place: Place;
  readonly description?: string;
  /** The Model Type Info row. */
  readonly info: JsonSchemaRow;
  readonly keys?: readonly JsonSchemaRow[];
  readonly items?: readonly JsonSchemaRow[];
  readonly compositions: readonly JsonSchemaComposition[];
}

/** An oag-jsonschema model doc: its sections in document order, the doc's own schema first. */
export interface JsonSchemaDoc {
  readonly id: string;
  readonly sections: readonly JsonSchemaSection[];
}

/** Splits the blocks at each H1. */
function splitAtH1(blocks: readonly RootContent[]): { heading: RootContent; blocks: RootContent[] }[] {
  const parts: { heading: RootContent; blocks: RootContent[] }[] = [];
  for (const block of blocks) {
    if (block.type === "heading" && block.depth === 1) parts.push({ heading: block, blocks: [] });
    else parts[parts.length - 1]?.blocks.push(block);
  }
  return parts;
}

/**
 * Extracts an oag-jsonschema model doc, or `undefined` (reported as
 * `not-a-model`) when its first section has no `## Model Type Info` (an API doc).
 */
export function extractJsonSchema(id: string, source: string, tree: Root, sink: DiagnosticSink): JsonSchemaDoc | undefined {
  const parts = splitAtH1(tree.children);
  const first = parts[0];
  const hasInfo = (blocks: readonly RootContent[]) => blocks.some((b) => b.type === "heading" && b.depth === 2 && textOf(b).trim() === "Model Type Info");
  if (!first || !hasInfo(first.blocks)) {
    const api = /\.apis\./.test(first ? textOf(first.heading) : "") || /^### Return Types, Responses[ \t]*$/m.test(source);
    sink.report("not-a-model", first ? placeOf(first.heading) : { line: 1, column: 1 }, `Skipped: ${api ? "an API doc" : "no `# pkg.model.Name` section with `## Model Type Info`"}, so this is not a model doc`);
    return undefined;
  }
  const sections: JsonSchemaSection[] = [];
  for (const part of parts) {
    // API docs' request and header schemas follow the doc's own: only sections with a Model Type Info are schemas.
    if (!hasInfo(part.blocks)) continue;
    const section = readSection(source, part.heading, part.blocks, sink);
    if (section) sections.push(section);
  }
  return sections.length > 0 ? { id, sections } : undefined;
}

function readSection(source: string, heading: RootContent, blocks: readonly RootContent[], sink: DiagnosticSink): JsonSchemaSection | undefined {
  const place = placeOf(heading);
  const title = textOf(heading).trim();
  if (title === "") {
    sink.report("missing-title", place, "Unexpected empty `#` heading, expected the schema's name");
    return undefined;
  }
  let current = "";
  const intro: RootContent[] = [];
  let info: JsonSchemaRow | undefined;
  let keys: JsonSchemaRow[] | undefined;
  let items: JsonSchemaRow[] | undefined;
  const compositions: JsonSchemaComposition[] = [];
  let composition: { kind: string; place: Place } | undefined;
  for (const block of blocks) {
    if (block.type === "heading") {
      current = textOf(block).trim();
      if (block.depth === 4) composition = { kind: current, place: placeOf(block) };
      continue;
    }
    if (current === "") {
      intro.push(block);
      continue;
    }
    if (block.type !== "table") continue;
    if (current === "Model Type Info") info ??= readTable(source, block, ["Input Type", "Accessed Type", "Description", "Notes"], sink)[0];
    else if (current === "Dictionary Keys") keys = readTable(source, block, ["Key", "Input Type", "Accessed Type", "Description", "Notes"], sink);
    else if (current === "Tuple Items") items = readTable(source, block, ["Class Name", "Input Type", "Accessed Type", "Description", "Notes"], sink);
    else if (composition && ["allOf", "anyOf", "oneOf", "not"].includes(composition.kind)) {
      compositions.push({ ...composition, rows: readTable(source, block, ["Class Name", "Input Type", "Accessed Type", "Description", "Notes"], sink) });
      composition = undefined;
    }
  }
  if (!info) {
    sink.report("malformed-table", place, "Unexpected `## Model Type Info` without its row, expected `Input Type | Accessed Type | Description | Notes` and one row");
    return undefined;
  }
  const description = intro.length > 0 ? decodeEntities(sliceBetween(source, intro[0] as RootContent, intro[intro.length - 1] as RootContent).trim()) : "";
  return { heading: title, place, ...(description ? { description } : {}), info, ...(keys ? { keys } : {}), ...(items ? { items } : {}), compositions };
}

/** A cell's raw source, pipes unescaped; `""` when empty. */
function rawCell(source: string, cell: TableRow["children"][number] | undefined): string {
  const first = cell?.children[0];
  const last = cell?.children[cell.children.length - 1];
  return first && last ? unescapePipes(sliceBetween(source, first, last)).trim() : "";
}

/**
 * Reads a table whose header must be `expected` (the Model Type Info table
 * has no key column: its rows get an empty key).
 */
function readTable(source: string, table: Table, expected: readonly string[], sink: DiagnosticSink): JsonSchemaRow[] {
  const header = (table.children[0]?.children ?? []).map((c) => textOf(c).trim());
  if (expected.some((name, i) => header[i] !== name)) {
    sink.report("malformed-table", placeOf(table), `Unexpected table header \`${header.join(" | ")}\`, expected \`${expected.join(" | ")}\``);
    return [];
  }
  const keyed = expected[0] !== "Input Type";
  const rows: JsonSchemaRow[] = [];
  for (const row of table.children.slice(1)) {
    const cells = keyed ? row.children : [undefined, ...row.children];
    const [keyCell, typeCell, , descriptionCell, notesCell] = cells;
    if (!typeCell || (keyed && !keyCell)) {
      sink.report("malformed-row", placeOf(row), `Unexpected row with ${row.children.length} of ${expected.length} cells, expected \`${expected.join(" | ")}\``);
      continue;
    }
    const description = decodeEntities(cellText(rawCell(source, descriptionCell)));
    const typeStart = typeCell.children[0];
    rows.push({
      key: rawCell(source, keyCell),
      inputType: decodeEntities(rawCell(source, typeCell)),
      typePlace: typeStart ? placeOf(typeStart) : placeOf(typeCell),
      ...(description ? { description } : {}),
      notes: decodeEntities(rawCell(source, notesCell)),
      place: placeOf(row),
    });
  }
  return rows;
}
