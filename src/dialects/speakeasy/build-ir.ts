/**
 * Speakeasy dialect, stage 3 (build IR): {@link RawDoc} → {@link Model}.
 *
 * Type cells and member headings go through the flavour's grammar; presence,
 * deprecation, enum value types and extra-key rows are settled here.
 */

import type { DiagnosticSink } from "../../ir/diagnostics.js";
import { nullable, type EnumModel, type EnumValue, type Field, type Model, type Place, type TypeRef, type UnionMember } from "../../ir/ir.js";
import type { Options } from "../../ir/options.js";
import { wireName } from "../../ir/property-names.js";
import type { RawDoc, RawEnumValue, RawField } from "./extract.js";
import { FLAVOURS, type FieldType, type Flavour, type FlavourId, type TypeContext } from "./flavour.js";

/**
 * Field names that document the type of extra keys rather than a property
 * (grammar §4.1). `additionalProperties` / `AdditionalProperties` only when
 * the row's type is a map: a schema may have a real property of that name
 * (Go then calls the extra keys `AdditionalPropertiesT`). Python's
 * `__pydantic_extra__` can name nothing else.
 */
const EXTRA_KEYS = new Set(["__pydantic_extra__", "additionalProperties", "AdditionalProperties"]);

/** What a doc is read with: the flavour (none when the tree's could not be told) and the options. */
interface Reading {
  readonly flavour: Flavour | undefined;
  readonly options: Options;
  readonly sink: DiagnosticSink;
  /** Set once `unknown-flavour` was reported for this doc. */
  flavourReported: boolean;
}

/** Builds the model of one raw doc with its flavour's type grammar. */
export function buildSpeakeasyModel(raw: RawDoc, flavours: Readonly<Record<FlavourId, Flavour>>, options: Options, sink: DiagnosticSink): Model {
  const reading: Reading = { flavour: options.flavour === "auto" ? undefined : flavours[options.flavour], options, sink, flavourReported: false };
  const base = {
    id: raw.id,
    name: raw.title,
    ...(raw.description ? { description: raw.description } : {}),
    ...(raw.deprecation ? { deprecated: raw.deprecation } : {}),
    examples: raw.examples,
    place: raw.place,
  };
  const body = raw.body;
  switch (body.kind) {
    case "fields": {
      const fields: Field[] = [];
      const seen = new Map<string, Place>();
      let additionalProperties: TypeRef | undefined;
      for (const row of body.rows) {
        const { field, read } = buildField(raw.id, row, reading);
        const extras = EXTRA_KEYS.has(row.name) ? extraKeysType(row.name, read.type) : undefined;
        if (extras) {
          additionalProperties = extras;
          continue;
        }
        const first = seen.get(field.name);
        if (first) {
          sink.report("duplicate-field", row.place, `Unexpected second field \`${field.name}\`, expected unique field names; it is ignored`, {
            file: sink.file,
            ...first,
            message: "first defined here",
          });
          continue;
        }
        seen.set(field.name, row.place);
        fields.push(field);
      }
      return { kind: "object", ...base, fields, ...(additionalProperties ? { additionalProperties } : {}) };
    }
    case "values":
      return buildEnum(base, body.values, body.open, body.place, sink);
    case "union": {
      if (body.members.length === 0) sink.report("empty-union", body.place, "Unexpected `## Supported Types` without `###` members; the type is `never`");
      const members: UnionMember[] = [];
      for (const member of body.members) {
        if (member.heading.text.trim() === "" && !member.code) {
          // plexgo ends some unions with an empty `### ` (grammar §10.9): nothing to read.
          sink.report("unknown-type", member.place, "Unexpected union member with an empty heading and no code block, expected a member type; it is ignored");
          continue;
        }
        const flavour = flavourFor(reading, member.place);
        const label = member.heading.text.trim() || member.code?.code.trim().split("\n").pop()?.trim() || "";
        const type: TypeRef = flavour ? flavour.memberType(member, { ...context(raw.id, member.place, sink), modelName: raw.title }) : { kind: "unknown", reason: "unparsed", text: label };
        members.push({ label, type, place: member.place });
      }
      return { kind: "union", ...base, members };
    }
    case "none":
      if (reading.flavour && !reading.flavour.titleOnlyUnions) {
        sink.report(
          "title-only",
          raw.place,
          `Unexpected doc with a title only, expected \`## Fields\`, \`## Values\` or \`## Supported Types\` (${reading.flavour.label} docs always have one); the type is \`unknown\``,
        );
      }
      return { kind: "opaque", ...base };
  }
}

function context(docId: string, place: Place, sink: DiagnosticSink, settled?: Options["settled"]): TypeContext {
  return { docId, ...(settled ? { settled } : {}), report: (ruleId, message) => sink.report(ruleId, place, message) };
}

/** The doc's flavour; when the tree's could not be told, reports that once per doc. */
function flavourFor(reading: Reading, place: Place): Flavour | undefined {
  if (!reading.flavour && !reading.flavourReported) {
    reading.flavourReported = true;
    const languages = FLAVOURS.join(", ");
    reading.sink.report(
      "unknown-flavour",
      place,
      `Unexpected type syntax of no known SDK language, expected the docs of one Speakeasy SDK flavour (${languages}); set "flavour" in mdtypes.config.json`,
    );
  }
  return reading.flavour;
}


/**
 * The type of extra keys an extras row documents, or undefined when the row
 * is a real field. The type is the row's as documented: the `lenient`
 * policy's `null` is for a field's value, not for the map's.
 */
function extraKeysType(name: string, type: TypeRef): TypeRef | undefined {
  const map = type.kind === "nullable" ? type.type : type;
  if (map.kind === "record") return map.values;
  return name === "__pydantic_extra__" ? type : undefined;
}

function buildField(docId: string, row: RawField, reading: Reading): { field: Field; read: FieldType } {
  const { sink, options } = reading;
  const flavour = flavourFor(reading, row.typePlace);
  const read: FieldType = flavour ? flavour.fieldType(row.type, context(docId, row.typePlace, sink, options.settled), row.required ?? true) : { type: { kind: "unknown", reason: "unparsed", text: row.type.text } };
  const { presence } = read;
  // A literal (a const: a union's tag) is what the API sends, never null in its stead: the policy leaves it as documented.
  const type = options.nullability === "lenient" && read.nullabilityUnstated && read.type.kind !== "literal" ? nullable(read.type) : read.type;
  let required = row.required;
  if (required === undefined) required = presence !== "optional";
  else if (required && presence === "optional") {
    sink.report(
      "inconsistent-presence",
      row.typePlace,
      `Unexpected optional type \`${row.type.text.trim()}\` on a required field, expected the Required column to agree; the field is required`,
    );
  } else if (!required && presence === "required") {
    sink.report(
      "inconsistent-presence",
      row.typePlace,
      `Unexpected required type \`${row.type.text.trim()}\` on an optional field, expected the Required column to agree; the field is optional`,
    );
  }
  const name = wireName(row.name, options.propertyNames);
  const field: Field = {
    name,
    ...(name !== row.name ? { sdkName: row.name } : {}),
    type,
    required,
    ...(row.description ? { description: row.description } : {}),
    ...(row.example ? { example: row.example } : {}),
    ...(row.deprecated ? { deprecated: row.deprecationMessage ? { message: row.deprecationMessage } : {} } : {}),
    place: row.place,
    typePlace: row.typePlace,
  };
  return { field, read };
}

const INTEGER = /^-?(?:0|[1-9]\d*)$/;

/**
 * Decides the enum's value type. Table cells are untyped (`10` may be the
 * integer or the string): an enum whose every untyped value is an integer is
 * an integer enum, otherwise all its values are strings (README, "Enums").
 */
function buildEnum(
  base: Omit<EnumModel, "kind" | "base" | "values" | "open">,
  raw: readonly RawEnumValue[],
  open: boolean,
  place: Place,
  sink: DiagnosticSink,
): EnumModel {
  if (raw.length === 0) sink.report("empty-enum", place, "Unexpected `## Values` without values; the type is `never`");
  const untypedAreIntegers = raw.every((v) => v.typed !== "untyped" || INTEGER.test(v.text));
  const values: EnumValue[] = [];
  const seen = new Set<string | number>();
  for (const v of raw) {
    const value = v.typed === "number" || (v.typed === "untyped" && untypedAreIntegers) ? Number(v.text) : v.text;
    if (seen.has(value)) {
      sink.report("duplicate-enum-value", v.place, `Unexpected second enum value \`${v.text}\`, expected unique values; it is dropped`);
      continue;
    }
    seen.add(value);
    values.push({ ...(v.name ? { name: v.name } : {}), value, place: v.place });
  }
  const numbers = values.length > 0 && values.every((v) => typeof v.value === "number");
  const enumBase = !numbers ? "string" : values.every((v) => Number.isInteger(v.value)) ? "integer" : "number";
  return { kind: "enum", ...base, base: enumBase, values, open };
}
