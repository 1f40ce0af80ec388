/**
 * openapi-to-skills dialect, stage 3 (build IR): {@link SkillsDoc} →
 * {@link Model}s (grammar §F; `getSchemaType` of `src/parser.ts`).
 *
 * Types: `[Name](file.md)` (a `$ref`; the file is named after the schema,
 * not placed relative to the doc, so the name is what is resolved); `Name[]`
 * (array of a `$ref`, no link); `type[]`; `enum: a, b, c...` (the first three
 * values only: a truncated enum is its values' base type); `type (format)`;
 * OpenAPI 3.1 type arrays joined by commas (`string,null`, `integer,null
 * (int32)`); `any` (no type: oneOf properties and the like).
 *
 * Models: the doc's own (an object; an enum; a union of its composition's
 * members; an array alias; an opaque `primitive`, whose type the doc does
 * not name), then one object per `## Nested Fields` table, with ids
 * `subModelId(docId, "field")` / `subModelId(docId, "field.nested")`.
 */

import type { DiagnosticSink } from "../../ir/diagnostics.js";
import { nullable, subModelId, type EnumValue, type Field, type Model, type ObjectModel, type Place, type TypeRef, type UnionMember } from "../../ir/ir.js";
import type { Options } from "../../ir/options.js";
import { wireName } from "../../ir/property-names.js";
import type { SkillsDoc, SkillsRow } from "./extract.js";
import { own } from "../lookup.js";
import { tooDeep, tooDeepMessage } from "../type-depth.js";

const ANY: TypeRef = { kind: "unknown", reason: "any" };

const PRIMITIVES: Readonly<Record<string, TypeRef>> = {
  string: { kind: "string" },
  number: { kind: "number" },
  integer: { kind: "integer" },
  boolean: { kind: "boolean" },
  object: { kind: "record", values: ANY },
  array: { kind: "array", items: ANY },
  any: ANY,
};

/** The string formats the IR checks; every other format (`uri`, `email`, …) is a plain string. */
const STRING_FORMATS: Readonly<Record<string, "date-time" | "date" | "byte">> = { "date-time": "date-time", date: "date", byte: "byte" };

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** One value of `enum: …`: a number when it reads as one, `null` for the empty value `null` leaves in the list, else a string. */
function enumLiteral(text: string): string | number | null {
  if (text === "") return null;
  return NUMBER.test(text) ? Number(text) : text;
}

/**
 * Reads a Type cell; `undefined` when it is no type expression. A name the
 * primitives do not know is a schema name (`Name[]`).
 */
export function readSkillsType(text: string): TypeRef | undefined {
  // Nested deeper than any real doc (see type-depth.ts): unreadable, never parsed.
  if (tooDeep(text)) return undefined;
  const t = text.trim();
  const link = /^\[([^\]]+)\]\([^)]*\)$/.exec(t);
  if (link) return { kind: "named", name: (link[1] as string).trim() };
  const enumMatch = /^enum: ?(.*)$/s.exec(t);
  if (enumMatch) return readEnum(enumMatch[1] as string);
  const array = /^(.+)\[\]$/.exec(t);
  if (array) {
    const inner = array[1] as string;
    const items = /^[A-Za-z_][\w.-]*$/.test(inner) && !Object.hasOwn(PRIMITIVES, inner) && inner !== "null" ? ({ kind: "named", name: inner } as TypeRef) : readSkillsType(inner);
    return items && { kind: "array", items };
  }
  // `type (format)`, the type perhaps an OpenAPI 3.1 list: `integer,null (int32)`.
  const formatted = /^(\S+) \(([^)]+)\)$/.exec(t);
  const types = (formatted ? (formatted[1] as string) : t).split(",").map((s) => s.trim());
  const format = formatted?.[2];
  let isNullable = false;
  const members: TypeRef[] = [];
  for (const name of types) {
    if (name === "null") {
      isNullable = true;
      continue;
    }
    const type = own(PRIMITIVES, name);
    if (!type) return undefined;
    const stringFormat = format === undefined ? undefined : own(STRING_FORMATS, format);
    members.push(type.kind === "string" && stringFormat ? { kind: "string", format: stringFormat } : type);
  }
  const base: TypeRef | undefined = members.length === 0 ? undefined : members.length === 1 ? members[0] : { kind: "union", members };
  if (!base) return isNullable ? { kind: "literal", value: null } : undefined;
  return isNullable ? nullable(base) : base;
}

/** `enum: a, b, c...`: the literals, or, truncated (`...`), the shown values' base type. */
function readEnum(list: string): TypeRef {
  const truncated = list.endsWith("...");
  // Values are joined by `, `; `null` joins as the empty string, so `a, b, ` (trimmed by the cell: `a, b,`) is nullable.
  const literals = (truncated ? list.slice(0, -3) : list).split(",").map((v) => enumLiteral(v.trim()));
  const isNullable = literals.includes(null);
  const values = literals.filter((v): v is string | number => v !== null);
  let type: TypeRef;
  if (truncated) {
    const numbers = values.length > 0 && values.every((v) => typeof v === "number");
    type = !numbers ? { kind: "string" } : values.every((v) => Number.isInteger(v)) ? { kind: "integer" } : { kind: "number" };
  } else {
    const unique = [...new Set(values)].map((value): TypeRef => ({ kind: "literal", value }));
    type = unique.length === 1 ? (unique[0] as TypeRef) : { kind: "union", members: unique };
  }
  return isNullable ? nullable(type) : type;
}

/** Builds the doc's models: its own first, then one per nested-fields table. */
export function buildSkillsModels(doc: SkillsDoc, options: Options, sink: DiagnosticSink): Model[] {
  const base = { id: doc.id, name: doc.title, ...(doc.description ? { description: doc.description } : {}), examples: [], place: doc.place };
  const nestedPaths = new Set(doc.nested.map((n) => n.path));
  const own = buildOwn(doc, base, nestedPaths, options, sink);
  const subModels: ObjectModel[] = doc.nested.map((table) => ({
    kind: "object",
    id: subModelId(doc.id, table.path),
    name: `${doc.title}.${table.path}`,
    examples: [],
    place: table.place,
    fields: buildFields(doc, table.rows, table.path, nestedPaths, options, sink),
  }));
  return [own, ...subModels];
}

function buildOwn(doc: SkillsDoc, base: Omit<ObjectModel, "kind" | "fields">, nestedPaths: ReadonlySet<string>, options: Options, sink: DiagnosticSink): Model {
  switch (doc.kind) {
    case "object":
      return { kind: "object", ...base, fields: buildFields(doc, doc.fields, undefined, nestedPaths, options, sink) };
    case "enum":
      return buildEnum(doc, base, sink);
    case "oneOf":
    case "anyOf":
    case "allOf": {
      const all = doc.members.map((m): UnionMember => (m.kind === "named" ? { label: m.name, type: { kind: "named", name: m.name }, place: m.place } : { label: "(inline schema)", type: ANY, place: m.place }));
      // allOf: a value matches every member, so it matches each linked one; the union of those never rejects it (inline members say nothing the IR can check).
      const linked = all.filter((m) => m.type.kind === "named");
      const members = doc.kind === "allOf" && linked.length > 0 ? linked : all;
      if (members.length === 0) {
        // JSON Schema has no empty composition: the doc lost its members, and `never` would reject every value.
        sink.report("unknown-type", doc.kindPlace, `Unexpected \`**Type:** ${doc.kind}\` without \`## Composition\` items, expected \`- [Name](name.md)\` or \`- (inline schema)\` items; the type is \`unknown\``);
        return { kind: "opaque", ...base };
      }
      return { kind: "union", ...base, members };
    }
    case "array": {
      const items: TypeRef = doc.items?.name ? { kind: "named", name: doc.items.name } : ANY;
      return { kind: "union", ...base, members: [{ label: doc.items?.name ? `${doc.items.name}[]` : "array", type: { kind: "array", items }, place: doc.items?.place ?? doc.kindPlace }] };
    }
    default:
      // `primitive`: a string, number or boolean schema whose type the doc does not name.
      return { kind: "opaque", ...base };
  }
}

function buildEnum(doc: SkillsDoc, base: Omit<ObjectModel, "kind" | "fields">, sink: DiagnosticSink): Model {
  if (doc.values.length === 0) sink.report("empty-enum", doc.kindPlace, "Unexpected `**Type:** enum` without `## Values`; the type is `never`");
  const numbers = doc.values.length > 0 && doc.values.every((v) => NUMBER.test(v.text));
  const values: EnumValue[] = [];
  const seen = new Set<string | number>();
  for (const v of doc.values) {
    const value = numbers ? Number(v.text) : v.text;
    if (seen.has(value)) {
      sink.report("duplicate-enum-value", v.place, `Unexpected second enum value \`${v.text}\`, expected unique values; it is dropped`);
      continue;
    }
    seen.add(value);
    values.push({ value, place: v.place });
  }
  const enumBase = !numbers ? "string" : values.every((v) => Number.isInteger(v.value)) ? "integer" : "number";
  return { kind: "enum", ...base, base: enumBase, values, open: false };
}

/**
 * The fields of one table. A field of type `object` (or `object[]`) whose
 * inline schema has a nested table is a reference to (an array of) that
 * table's model. Under the `lenient` policy (the tree shows no `null`: an
 * OpenAPI 3.0 spec, whose `nullable: true` the docs drop) every field may be `null`.
 */
function buildFields(doc: SkillsDoc, rows: readonly SkillsRow[], parent: string | undefined, nestedPaths: ReadonlySet<string>, options: Options, sink: DiagnosticSink): Field[] {
  const fields: Field[] = [];
  const seen = new Map<string, Place>();
  for (const row of rows) {
    let type = tooDeep(row.type) ? undefined : readSkillsType(row.type);
    if (!type && tooDeep(row.type)) {
      sink.report("unknown-type", row.typePlace, tooDeepMessage(row.type));
      type = { kind: "unknown", reason: "unparsed", text: row.type };
    } else if (!type) {
      sink.report("unknown-type", row.typePlace, `Unexpected type \`${row.type}\`, expected a JSON type (\`string\`, \`integer,null (int32)\`, \`object[]\`, …), \`enum: …\`, \`Name[]\` or a link to a schema doc; the type is \`unknown\``);
      type = { kind: "unknown", reason: "unparsed", text: row.type };
    }
    const path = parent === undefined ? row.name : `${parent}.${row.name}`;
    if (nestedPaths.has(path)) type = withSubModel(type, { kind: "ref", target: subModelId(doc.id, path) });
    if (seen.has(row.name)) {
      sink.report("duplicate-field", row.place, `Unexpected second field \`${row.name}\`, expected unique field names; it is ignored`, { file: sink.file, ...(seen.get(row.name) as Place), message: "first defined here" });
      continue;
    }
    seen.set(row.name, row.place);
    const name = wireName(row.name, options.propertyNames);
    fields.push({
      name,
      ...(name !== row.name ? { sdkName: row.name } : {}),
      type: options.nullability === "lenient" ? nullable(type) : type,
      required: row.required ?? true,
      ...(row.description ? { description: row.description } : {}),
      place: row.place,
      typePlace: row.typePlace,
    });
  }
  return fields;
}

/** `object` → the sub-model; `object[]` → an array of it; anything else as it is. */
function withSubModel(type: TypeRef, ref: TypeRef): TypeRef {
  if (type.kind === "record") return ref;
  if (type.kind === "array" && type.items.kind === "record") return { kind: "array", items: ref };
  return type;
}
