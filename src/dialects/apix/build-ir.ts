/**
 * apix dialect, stage 3 (build IR): {@link ApixDoc} → {@link Model} (grammar §E).
 *
 * Types (`schema_type_to_string` of apix): `string`, `number`, `integer`,
 * `boolean`, `object`, `array`, `null`, `any`; `array<T>`; `[Name](Name.md)`
 * (a `$ref`); `oneOf(n)`, `anyOf(n)`, `allOf(n)`, whose members apix drops
 * (`unknown`). String enums are in the description, `Allowed values: a, b`:
 * a string field with them is the union of those literals. apix drops
 * `null` from every type, so under the `lenient` policy every field and
 * alias may be `null`.
 *
 * The doc's kind: `object` and `allOf(n)` (members' properties inlined) are
 * objects; `oneOf(n)`/`anyOf(n)` a union of the `Variants:` links (an opaque
 * model without them); `reference` an alias of the schema it names; any
 * other kind (`string`, `array<…>`, …) an alias: a union of that one type,
 * or an enum for a string with `Allowed values`.
 */

import type { DiagnosticSink } from "../../ir/diagnostics.js";
import { nullable, type EnumModel, type Field, type Model, type Place, type TypeRef, type UnionMember } from "../../ir/ir.js";
import type { Options } from "../../ir/options.js";
import { wireName } from "../../ir/property-names.js";
import type { ApixDoc, ApixRow } from "./extract.js";
import { own } from "../lookup.js";
import { tooDeep, tooDeepMessage } from "../type-depth.js";
import { linkTarget } from "../links.js";

const PRIMITIVES: Readonly<Record<string, TypeRef>> = {
  string: { kind: "string" },
  number: { kind: "number" },
  integer: { kind: "integer" },
  boolean: { kind: "boolean" },
  object: { kind: "record", values: { kind: "unknown", reason: "any" } },
  array: { kind: "array", items: { kind: "unknown", reason: "any" } },
  null: { kind: "literal", value: null },
  any: { kind: "unknown", reason: "any" },
};

/** A composition whose members apix does not write: `oneOf(2)`. */
const COMPOSITION = /^(oneOf|anyOf|allOf)\((\d+)\)$/;

/**
 * Reads an apix type expression; `undefined` when it is none.
 * `array<[Tag](./Tag.md)>` → array of ref `…/Tag.md`.
 */
export function readApixType(text: string, docId: string): TypeRef | undefined {
  // Nested deeper than any real doc (see type-depth.ts): unreadable, never parsed.
  if (tooDeep(text)) return undefined;
  const t = text.trim();
  const array = /^array<(.*)>$/s.exec(t);
  if (array) {
    const items = readApixType(array[1] as string, docId);
    return items && { kind: "array", items };
  }
  const link = /^\[([^\]]*)\]\(([^()\s]+)\)$/.exec(t);
  if (link) {
    const target = linkTarget(docId, link[2] as string);
    return target === undefined ? undefined : { kind: "ref", target, text: { name: (link[1] as string).trim() }, hint: true };
  }
  if (COMPOSITION.test(t)) return { kind: "unknown", reason: "any" };
  return own(PRIMITIVES, t);
}

/** `Allowed values: a, b, c` at the end of a description (the last such line): the values. */
export function allowedValues(description: string | undefined): string[] | undefined {
  const match = description ? /(?:^|\s)Allowed values: ([^\n]*)$/.exec(description) : null;
  if (!match) return undefined;
  const values = (match[1] as string).split(", ").map((v) => v.trim());
  return values.every((v) => v !== "") ? values : undefined;
}

/** Builds the model of an apix schema doc. */
export function buildApixModel(doc: ApixDoc, options: Options, sink: DiagnosticSink): Model {
  const lenient = options.nullability === "lenient";
  const base = { id: doc.id, name: doc.title, ...(doc.description ? { description: doc.description } : {}), examples: [], place: doc.place };
  const kind = doc.kind.trim();
  const composition = COMPOSITION.exec(kind);

  if (kind === "object" || composition?.[1] === "allOf") {
    return { kind: "object", ...base, fields: buildFields(doc, lenient, composition?.[1] === "allOf", options, sink) };
  }
  if (composition) {
    if (doc.rows.length > 0) sink.report("unknown-section", doc.kindPlace, `Unexpected properties on a \`${kind}\` schema, expected none: apix writes a ${composition[1]}'s members as \`Variants:\`; they are ignored`);
    if (!doc.variants) return { kind: "opaque", ...base };
    const members = doc.variants.map((v): UnionMember => {
      if (v.kind === "inline") return { label: "(Inline Schema)", type: { kind: "unknown", reason: "any" }, place: v.place };
      const target = linkTarget(doc.id, v.url);
      const type: TypeRef = target === undefined ? unreadable(v.url, v.place, sink) : { kind: "ref", target, text: { name: v.name }, hint: true };
      return { label: v.name, type, place: v.place };
    });
    if (members.length === 0) sink.report("empty-union", doc.kindPlace, `Unexpected \`${kind}\` with an empty \`Variants:\` list; the type is \`never\``);
    return { kind: "union", ...base, members };
  }
  if (doc.rows.length > 0) sink.report("unknown-section", doc.kindPlace, `Unexpected properties on a \`${kind}\` schema, expected none (only objects and allOf schemas have properties); they are ignored`);

  let type: TypeRef | undefined;
  if (kind === "reference") {
    // `Reference to `#/components/schemas/X``: an alias of X, a doc beside this one.
    const name = /Reference to `#\/components\/schemas\/([^`]+)`/.exec(doc.description ?? "")?.[1];
    type = name === undefined ? undefined : { kind: "ref", target: linkTarget(doc.id, `${name}.md`) as string, text: { name }, hint: true };
  } else {
    type = readApixType(kind, doc.id);
  }
  if (!type) {
    sink.report("unknown-type", doc.kindPlace, `Unexpected schema type \`${kind}\`, expected \`object\`, \`allOf(n)\`, \`oneOf(n)\`, \`anyOf(n)\`, \`reference\`, a primitive or \`array<…>\`; the type is \`unknown\``);
    type = { kind: "unknown", reason: "unparsed", text: kind };
  }
  const values = type.kind === "string" ? allowedValues(doc.description) : undefined;
  if (values) return buildEnum(base, values, doc.kindPlace);
  return { kind: "union", ...base, members: [{ label: kind, type: lenient ? nullable(type) : type, place: doc.kindPlace }] };
}

function unreadable(text: string, place: Place, sink: DiagnosticSink): TypeRef {
  sink.report("unknown-type", place, `Unexpected variant link \`${text}\`, expected a relative link to a schema doc; the member is \`unknown\``);
  return { kind: "unknown", reason: "unparsed", text };
}

/** A string enum model from a top-level `Allowed values:` list. */
function buildEnum(base: Omit<EnumModel, "kind" | "base" | "values" | "open">, values: readonly string[], place: Place): EnumModel {
  return { kind: "enum", ...base, base: "string", values: [...new Set(values)].map((value) => ({ value, place })), open: false };
}

/**
 * The fields of an object (or allOf) schema. `(ref: Name)` rows stand for an
 * allOf member apix could not resolve: its properties are unknown, so it
 * gives no field. In an allOf, a property two members declare is one field,
 * required when either requires it.
 */
function buildFields(doc: ApixDoc, lenient: boolean, allOf: boolean, options: Options, sink: DiagnosticSink): Field[] {
  const fields: Field[] = [];
  const seen = new Map<string, { index: number; place: Place }>();
  for (const row of doc.rows) {
    if (row.required === "Unknown" || /^\(ref: .*\)$/.test(row.name)) continue;
    const field = buildField(doc.id, row, lenient, options, sink);
    const first = seen.get(field.name);
    if (first && allOf) {
      const kept = fields[first.index] as Field;
      fields[first.index] = { ...kept, required: kept.required || field.required };
      continue;
    }
    if (first) {
      sink.report("duplicate-field", row.place, `Unexpected second property \`${field.name}\`, expected unique property names; it is ignored`, { file: sink.file, ...first.place, message: "first defined here" });
      continue;
    }
    seen.set(field.name, { index: fields.length, place: row.place });
    fields.push(field);
  }
  return fields;
}

function buildField(docId: string, row: ApixRow, lenient: boolean, options: Options, sink: DiagnosticSink): Field {
  let type = tooDeep(row.type) ? undefined : readApixType(row.type, docId);
  if (!type && tooDeep(row.type)) {
    sink.report("unknown-type", row.typePlace, tooDeepMessage(row.type));
    type = { kind: "unknown", reason: "unparsed", text: row.type };
  } else if (!type) {
    sink.report("unknown-type", row.typePlace, `Unexpected type \`${row.type}\`, expected a primitive, \`array<…>\`, a link to a schema doc or \`oneOf(n)\`; the type is \`unknown\``);
    type = { kind: "unknown", reason: "unparsed", text: row.type };
  }
  // A string enum's values are in the description; an enum without a `type` is documented `any`.
  const values = type.kind === "string" || (type.kind === "unknown" && type.reason === "any" && row.type.trim() === "any") ? allowedValues(row.description) : undefined;
  if (values) type = values.length === 1 ? { kind: "literal", value: values[0] as string } : { kind: "union", members: [...new Set(values)].map((value) => ({ kind: "literal", value })) };
  const name = wireName(row.name, options.propertyNames);
  return {
    name,
    ...(name !== row.name ? { sdkName: row.name } : {}),
    type: lenient ? nullable(type) : type,
    required: row.required === "Yes",
    ...(row.description ? { description: row.description } : {}),
    place: row.place,
    typePlace: row.typePlace,
  };
}
