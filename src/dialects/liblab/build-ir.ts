/**
 * liblab dialect, stage 3 (build IR): {@link RawLiblabDoc} → {@link Model}[]
 * (grammar §D, §I): the doc's own model first, then one per further `#`
 * section, with ids `subModelId(docId, name)`.
 *
 * - A table whose every row is ✅ with a literal in Description
 *   (`| CT | string | ✅ | "ct" |`) is an enum of those wire values.
 * - Any other table is an object; Type cells are `string`, `number`,
 *   `boolean`, `any`, `T[]`, a bare model name, or the Python-style `str`,
 *   `int`, `float`, `bool`, `List[T]`, `Dict[str, T]` of earlier versions.
 *   A model name is first a section of the same doc, else looked up by name.
 * - A section without a table is a type liblab does not spell out: opaque.
 * - A union doc's members are its `#` sections' names.
 *
 * Nullability is never shown: under `lenient` every field also accepts null.
 */

import type { DiagnosticSink } from "../../ir/diagnostics.js";
import { nullable, subModelId, type EnumValue, type Field, type Model, type Place, type TypeRef } from "../../ir/ir.js";
import type { Options } from "../../ir/options.js";
import { wireName } from "../../ir/property-names.js";
import type { RawLiblabDoc, RawRow, RawSection } from "./extract.js";
import { own } from "../lookup.js";
import { tooDeep, tooDeepMessage } from "../type-depth.js";

/** Builds every model of a liblab doc. */
export function buildLiblabModels(raw: RawLiblabDoc, options: Options, sink: DiagnosticSink): Model[] {
  const local = new Map<string, string>();
  raw.sections.forEach((s, i) => local.set(s.name, i === 0 ? raw.id : subModelId(raw.id, s.name)));
  const models: Model[] = [];
  const seenIds = new Set<string>();
  raw.sections.forEach((section, i) => {
    const id = i === 0 ? raw.id : subModelId(raw.id, section.name);
    if (seenIds.has(id)) {
      sink.report("unknown-section", section.place, `Unexpected second section \`# ${section.name}\` in one doc, expected one section per model; it is ignored`);
      return;
    }
    seenIds.add(id);
    const base = { id, name: section.name, ...(section.description ? { description: section.description } : {}), examples: [], place: section.place };
    if (i === 0 && raw.members) {
      if (raw.members.length === 0) sink.report("empty-union", section.place, "Unexpected union type without `# Member` sections; the type is `never`");
      const members = raw.members.map((m) => ({ label: m.name, type: { kind: "named", name: m.name } as TypeRef, place: m.place }));
      models.push({ kind: "union", ...base, members });
      return;
    }
    if (!section.table) {
      models.push({ kind: "opaque", ...base });
      return;
    }
    const values = enumValues(section);
    if (values) models.push({ kind: "enum", ...base, base: values.every((v) => typeof v.value === "number") ? (values.every((v) => Number.isInteger(v.value)) ? "integer" : "number") : "string", values, open: false });
    else models.push({ kind: "object", ...base, fields: buildFields(raw.id, section.table.rows, local, options, sink) });
  });
  return models;
}

/** The section's wire values when its table is an enum's (every row ✅ with a literal description), else undefined. */
function enumValues(section: RawSection): EnumValue[] | undefined {
  const rows = section.table?.rows ?? [];
  if (rows.length === 0) return undefined;
  const values: EnumValue[] = [];
  for (const row of rows) {
    const value = literalOf(row);
    if (value === undefined || row.required !== true) return undefined;
    values.push({ name: row.name, value, place: row.place });
  }
  return values;
}

/** A row's Description as an enum value: a JSON string (`"ct"`), or a number for a numeric Type. */
function literalOf(row: RawRow): string | number | undefined {
  const text = row.description?.trim() ?? "";
  if (/^"(?:[^"\\]|\\.)*"$/.test(text)) {
    try {
      return JSON.parse(text) as string;
    } catch {
      return undefined;
    }
  }
  return /^(?:number|int|float|integer)$/.test(row.type) && /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/** `id_`: the Python SDK's escape of a name that is a keyword or builtin (grammar §D, earlier versions). */
const ESCAPED = /^([a-z][a-z0-9_]*[a-z0-9])_$/;

function buildFields(docId: string, rows: readonly RawRow[], local: ReadonlyMap<string, string>, options: Options, sink: DiagnosticSink): Field[] {
  const fields: Field[] = [];
  const seen = new Map<string, Place>();
  for (const row of rows) {
    const documented = ESCAPED.exec(row.name)?.[1] ?? row.name;
    const name = wireName(documented, options.propertyNames);
    const first = seen.get(name);
    if (first) {
      sink.report("duplicate-field", row.place, `Unexpected second field \`${name}\`, expected unique field names; it is ignored`, { file: docId, ...first, message: "first defined here" });
      continue;
    }
    seen.set(name, row.place);
    const read = readType(row.type, local, (message) => sink.report("unknown-type", row.typePlace, message));
    fields.push({
      name,
      ...(name !== row.name ? { sdkName: row.name } : {}),
      type: options.nullability === "lenient" ? nullable(read) : read,
      required: row.required ?? true,
      ...(row.description ? { description: row.description } : {}),
      place: row.place,
      typePlace: row.typePlace,
    });
  }
  return fields;
}

const SCALARS: Readonly<Record<string, TypeRef>> = {
  string: { kind: "string" },
  str: { kind: "string" },
  number: { kind: "number" },
  float: { kind: "number" },
  int: { kind: "integer" },
  integer: { kind: "integer" },
  boolean: { kind: "boolean" },
  bool: { kind: "boolean" },
  any: { kind: "unknown", reason: "any" },
  Any: { kind: "unknown", reason: "any" },
  object: { kind: "record", values: { kind: "unknown", reason: "any" } },
  dict: { kind: "record", values: { kind: "unknown", reason: "any" } },
};

/**
 * Reads a Type cell: a scalar, `T[]`, `List[T]`, `Dict[str, T]`, or a model
 * name (a section of this doc, else `named`). Anything else is `unknown`,
 * reported through `report`.
 */
export function readType(text: string, local: ReadonlyMap<string, string>, report: (message: string) => void): TypeRef {
  if (tooDeep(text)) {
    report(tooDeepMessage(text));
    return { kind: "unknown", reason: "unparsed", text };
  }
  const type = parse(text.trim(), local);
  if (type) return type;
  report(`Unexpected type \`${text}\`, expected \`string\`, \`number\`, \`boolean\`, \`any\`, \`T[]\`, \`List[T]\` or a model name; the type is \`unknown\``);
  return { kind: "unknown", reason: "unparsed", text };
}

function parse(text: string, local: ReadonlyMap<string, string>): TypeRef | undefined {
  if (text.endsWith("[]")) {
    const items = parse(text.slice(0, -2).trim(), local);
    return items && { kind: "array", items };
  }
  const generic = /^(List|list|Dict|dict)\[(.*)\]$/.exec(text);
  if (generic) {
    const isList = (generic[1] as string).toLowerCase() === "list";
    // `Dict[str, T]`: the value type is everything after the key's comma.
    const args = generic[2] as string;
    const comma = args.indexOf(",");
    if (!isList && comma < 0) return undefined;
    const inner = parse((isList ? args : args.slice(comma + 1)).trim(), local);
    return inner && (isList ? { kind: "array", items: inner } : { kind: "record", values: inner });
  }
  const scalar = own(SCALARS, text);
  if (scalar) return scalar;
  if (!/^[A-Za-z_$][\w$]*$/.test(text)) return undefined;
  const section = local.get(text);
  return section !== undefined ? { kind: "ref", target: section } : { kind: "named", name: text };
}
