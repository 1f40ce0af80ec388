/**
 * oag-jsonschema dialect, stage 3 (build IR): {@link JsonSchemaDoc} →
 * {@link Model}s, one per schema section (grammar §B).
 *
 * Input Type cells are comma lists of the Python types a value may be
 * given as, with a trailing `, `: `str` (with `date`, `datetime`: a date or
 * date-time string; with `uuid.UUID`: a uuid), `decimal.Decimal, int`
 * (integer), `decimal.Decimal, int, float` (number), `bool`, `list, tuple`
 * (array), `dict, frozendict.frozendict` (object), `bytes, io.FileIO,
 * io.BufferedReader` (binary), `None` (nullable); every one of them at once
 * is "any type". `[**Model**](Model.md)` is a reference. A key or class cell
 * linking to `#name` names the section holding the inline schema. Notes:
 * `[optional]`, `must be one of ["a", "b", ]` (the values), formats, defaults.
 *
 * A section is an object (Dictionary Keys; the `any_string_name` row types
 * extra keys), an array alias (Tuple Items), a union (Composed Schemas:
 * oneOf and anyOf members; an allOf's members too, as the IR has no
 * intersection), an enum (`must be one of`), or an alias of its Input Type.
 */

import type { DiagnosticSink } from "../../ir/diagnostics.js";
import { nullable, subModelId, type EnumModel, type Field, type Model, type Place, type TypeRef, type UnionMember } from "../../ir/ir.js";
import type { Options } from "../../ir/options.js";
import { wireName } from "../../ir/property-names.js";
import type { JsonSchemaDoc, JsonSchemaRow, JsonSchemaSection } from "./extract.js";
import { linkTarget } from "../links.js";

const ANY: TypeRef = { kind: "unknown", reason: "any" };

/** The row that types extra keys (`additionalProperties`). */
const EXTRA_KEYS = "any_string_name";

/** How a doc's sections are known to each other: ids by section, for `#name` links. */
interface Reading {
  readonly doc: JsonSchemaDoc;
  readonly ids: readonly string[];
  readonly options: Options;
  readonly sink: DiagnosticSink;
}

/** Builds one model per section: the doc's own (named after the H1's last segment) first, then its inline schemas. */
export function buildJsonSchemaModels(doc: JsonSchemaDoc, options: Options, sink: DiagnosticSink): Model[] {
  const taken = new Set<string>();
  const ids = doc.sections.map((section, i) => {
    if (i === 0) return doc.id;
    // Two inline schemas of one doc may share a name (`one_of_0` under two properties): the later gets a suffix.
    let id = subModelId(doc.id, section.heading);
    for (let n = 2; taken.has(id); n++) id = subModelId(doc.id, `${section.heading}_${n}`);
    taken.add(id);
    return id;
  });
  const reading: Reading = { doc, ids, options, sink };
  return doc.sections.map((section, i) => buildSection(reading, i));
}

function buildSection(reading: Reading, index: number): Model {
  const section = reading.doc.sections[index] as JsonSchemaSection;
  const name = index === 0 ? (section.heading.split(".").pop() as string) : section.heading;
  const base = { id: reading.ids[index] as string, name, ...(section.description ? { description: section.description } : {}), examples: [], place: section.place };
  const { sink } = reading;

  if (section.keys) {
    const fields: Field[] = [];
    const seen = new Map<string, Place>();
    let additionalProperties: TypeRef | undefined;
    for (const row of section.keys) {
      const key = keyOf(row.key);
      if (key.name === EXTRA_KEYS) {
        additionalProperties = rowType(reading, index, row, key.anchor);
        continue;
      }
      const first = seen.get(key.name);
      if (first) {
        sink.report("duplicate-field", row.place, `Unexpected second key \`${key.name}\`, expected unique keys; it is ignored`, { file: sink.file, ...first, message: "first defined here" });
        continue;
      }
      seen.set(key.name, row.place);
      const fieldName = wireName(key.name, reading.options.propertyNames);
      fields.push({
        name: fieldName,
        ...(fieldName !== key.name ? { sdkName: key.name } : {}),
        type: rowType(reading, index, row, key.anchor),
        required: !/\[optional\]/.test(row.notes),
        ...(row.description ? { description: row.description } : {}),
        place: row.place,
        typePlace: row.typePlace,
      });
    }
    return { kind: "object", ...base, fields, ...(additionalProperties ? { additionalProperties } : {}) };
  }

  const composed = section.compositions.filter((c) => c.kind !== "not");
  if (composed.length > 0) {
    const members: UnionMember[] = [];
    for (const composition of composed) {
      for (const row of composition.rows) {
        const key = keyOf(row.key);
        members.push({ label: key.name, type: rowType(reading, index, row, key.anchor), place: row.place });
      }
    }
    if (members.length === 0) sink.report("empty-union", composed[0]?.place ?? section.place, "Unexpected composed schema without members; the type is `never`");
    return { kind: "union", ...base, members };
  }

  if (section.items) {
    const row = section.items[0];
    const items = row ? rowType(reading, index, row, keyOf(row.key).anchor) : ANY;
    const type: TypeRef = { kind: "array", items };
    return { kind: "union", ...base, members: [{ label: row ? `list of ${keyOf(row.key).name}` : "list", type: withNull(section.info.inputType, type), place: section.info.place }] };
  }

  const values = enumValues(section.info.notes);
  const tokens = typeTokens(section.info.inputType);
  if (values && !tokens.includes("None") && values.every((v) => v !== null && typeof v !== "boolean")) {
    return buildEnum(base, values as (string | number)[], section.info.place);
  }
  return { kind: "union", ...base, members: [{ label: section.info.inputType.replace(/,\s*$/, ""), type: rowType(reading, index, section.info, undefined), place: section.info.place }] };
}

/** A string or number enum from `must be one of [...]`. */
function buildEnum(base: Omit<EnumModel, "kind" | "base" | "values" | "open">, values: readonly (string | number)[], place: Place): EnumModel {
  const unique = [...new Set(values)];
  const numbers = unique.length > 0 && unique.every((v) => typeof v === "number");
  const enumBase = !numbers ? "string" : unique.every((v) => Number.isInteger(v)) ? "integer" : "number";
  return { kind: "enum", ...base, base: enumBase, values: unique.map((value) => ({ value, place })), open: false };
}

/** A Key or Class Name cell: the name, and the section it links to (`**[name](#name)**`, `[one_of_0](#one_of_0)`). */
export function keyOf(cell: string): { name: string; anchor?: string } {
  const text = cell.replace(/^\*\*(.*)\*\*$/s, "$1").trim();
  const link = /^\[(?:\*\*)?(.*?)(?:\*\*)?\]\(([^)]*)\)$/.exec(text);
  if (!link) return { name: text };
  const url = link[2] as string;
  return url.startsWith("#") ? { name: link[1] as string, anchor: url.slice(1) } : { name: link[1] as string };
}

/** The comma list of an Input Type cell: `None, str, datetime, ` → `None`, `str`, `datetime`. */
function typeTokens(cell: string): string[] {
  return cell
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
}

/** The tokens every value has in a schema of any type (`dict, frozendict.frozendict, str, date, …, io.BufferedReader`). */
function isAnyType(tokens: readonly string[]): boolean {
  return tokens.includes("dict") && tokens.includes("list") && tokens.includes("str") && tokens.includes("bool");
}

/** `type`, nullable when the Input Type cell lists `None` (and is not "any type", which takes null anyway). */
function withNull(cell: string, type: TypeRef): TypeRef {
  const tokens = typeTokens(cell);
  return tokens.includes("None") && !isAnyType(tokens) ? nullable(type) : type;
}

/**
 * The type of a row: the section its key links to, the model its Input
 * Type links to, or the Input Type's tokens; the `must be one of` values
 * of its Notes narrow a primitive to literals.
 */
function rowType(reading: Reading, from: number, row: JsonSchemaRow, anchor: string | undefined): TypeRef {
  const target = anchor === undefined ? undefined : sectionAfter(reading, from, anchor);
  if (target !== undefined) return withNull(row.inputType, { kind: "ref", target });
  const link = /\[(?:\*\*)?([^\]*]+)(?:\*\*)?\]\(([^)#\s]+)\)/.exec(row.inputType);
  if (link) {
    const to = linkTarget(reading.doc.id, link[2] as string);
    if (to !== undefined) return withNull(row.inputType, { kind: "ref", target: to, text: { name: (link[1] as string).trim() }, hint: true });
  }
  const tokens = typeTokens(row.inputType);
  if (isAnyType(tokens)) return ANY;
  const values = enumValues(row.notes);
  if (values) {
    const literals = [...new Set(values)].map((value): TypeRef => ({ kind: "literal", value }));
    const type: TypeRef = literals.length === 1 ? (literals[0] as TypeRef) : { kind: "union", members: literals };
    return withNull(row.inputType, type);
  }
  const type = tokensType(tokens);
  if (!type) {
    reading.sink.report("unknown-type", row.typePlace, `Unexpected Input Type \`${row.inputType}\`, expected Python types such as \`str, \`, \`decimal.Decimal, int, \`, \`list, tuple, \`, \`dict, frozendict.frozendict, \` or a link to a model doc; the type is \`unknown\``);
    return { kind: "unknown", reason: "unparsed", text: row.inputType };
  }
  return withNull(row.inputType, type);
}

/** The id of the first section after `from` whose H1 is `name` (inline schemas follow the schema that links them). */
function sectionAfter(reading: Reading, from: number, name: string): string | undefined {
  const index = reading.doc.sections.findIndex((s, i) => i > from && s.heading === name);
  return index < 0 ? undefined : reading.ids[index];
}

/** What each Python input type says; a list that names several kinds is their union. */
function tokensType(tokens: readonly string[]): TypeRef | undefined {
  const known = new Set(["None", "str", "date", "datetime", "uuid.UUID", "int", "float", "decimal.Decimal", "bool", "list", "tuple", "dict", "frozendict.frozendict", "bytes", "io.FileIO", "io.BufferedReader"]);
  if (tokens.length === 0 || tokens.some((t) => !known.has(t))) return undefined;
  const has = (t: string) => tokens.includes(t);
  const members: TypeRef[] = [];
  if (has("dict")) members.push({ kind: "record", values: ANY });
  if (has("list")) members.push({ kind: "array", items: ANY });
  // Dates travel as strings; binary (`bytes`, files) as strings too.
  if (has("str") || has("bytes")) members.push(has("datetime") ? { kind: "string", format: "date-time" } : has("date") ? { kind: "string", format: "date" } : { kind: "string" });
  if (has("float")) members.push({ kind: "number" });
  else if (has("int")) members.push({ kind: "integer" });
  else if (has("decimal.Decimal")) members.push({ kind: "number" });
  if (has("bool")) members.push({ kind: "boolean" });
  if (members.length === 0) return has("None") ? { kind: "literal", value: null } : undefined;
  return members.length === 1 ? members[0] : { kind: "union", members };
}

/**
 * The values of a `must be one of ["a", 1, None, ]` note (Python literals:
 * strings in double quotes, numbers, `None`, `True`, `False`); `undefined`
 * when there is none or it cannot be read.
 */
export function enumValues(notes: string): (string | number | boolean | null)[] | undefined {
  const list = /must be one of \[(.*?),?\s*\]/s.exec(notes)?.[1];
  if (list === undefined) return undefined;
  const values: (string | number | boolean | null)[] = [];
  const item = /\s*(?:"((?:[^"\\]|\\.)*)"|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(None)|(True|False))\s*(?:,|$)/y;
  let at = 0;
  while (at < list.length) {
    item.lastIndex = at;
    const m = item.exec(list);
    if (!m) return undefined;
    if (m[1] !== undefined) values.push(m[1].replace(/\\(.)/g, "$1"));
    else if (m[2] !== undefined) values.push(Number(m[2]));
    else if (m[3] !== undefined) values.push(null);
    else values.push(m[4] === "True");
    at = item.lastIndex;
  }
  return values;
}

