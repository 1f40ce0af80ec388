/**
 * Speakeasy dialect, stage 3 (build IR): {@link RawDoc} → {@link Model}.
 *
 * Type cells and member headings go through the flavour's grammar; presence,
 * deprecation, enum value types and extra-key rows are settled here.
 */

import type { DiagnosticSink } from "../../diagnostics.js";
import type { EnumModel, EnumValue, Field, Model, Place, TypeRef, UnionMember } from "../../ir.js";
import type { RawDoc, RawEnumValue, RawField } from "./extract.js";
import type { Flavour, TypeContext } from "./flavour.js";

/** Field names that document the type of extra keys rather than a property (grammar §4.1). */
const EXTRA_KEYS = new Set(["__pydantic_extra__", "additionalProperties", "AdditionalProperties"]);

/** Builds the model of one raw doc with the given flavour's type grammar. */
export function buildSpeakeasyModel(raw: RawDoc, flavour: Flavour, sink: DiagnosticSink): Model {
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
        const field = buildField(raw.id, row, flavour, sink);
        if (EXTRA_KEYS.has(row.name)) {
          additionalProperties = field.type.kind === "record" ? field.type.values : field.type;
          continue;
        }
        const first = seen.get(row.name);
        if (first) {
          sink.report("duplicate-field", row.place, `Unexpected second field \`${row.name}\`, expected unique field names; it is ignored`, {
            file: sink.file,
            ...first,
            message: "first defined here",
          });
          continue;
        }
        seen.set(row.name, row.place);
        fields.push(field);
      }
      return { kind: "object", ...base, fields, ...(additionalProperties ? { additionalProperties } : {}) };
    }
    case "values":
      return buildEnum(base, body.values, body.open, body.place, sink);
    case "union": {
      if (body.members.length === 0) sink.report("empty-union", body.place, "Unexpected `## Supported Types` without `###` members; the type is `never`");
      const members: UnionMember[] = body.members.map((member) => ({
        label: member.heading.text.trim(),
        type: flavour.memberType(member.heading, context(raw.id, member.place, sink)),
        place: member.place,
      }));
      return { kind: "union", ...base, members };
    }
    case "none":
      return { kind: "opaque", ...base };
  }
}

function context(docId: string, place: Place, sink: DiagnosticSink): TypeContext {
  return { docId, report: (ruleId, message) => sink.report(ruleId, place, message) };
}

function buildField(docId: string, row: RawField, flavour: Flavour, sink: DiagnosticSink): Field {
  const { type, presence } = flavour.fieldType(row.type, context(docId, row.typePlace, sink));
  let required = row.required;
  if (required === undefined) required = presence !== "optional";
  else if (required && presence === "optional") {
    sink.report(
      "inconsistent-presence",
      row.typePlace,
      `Unexpected optional type \`${row.type.text.trim()}\` on a required field, expected the Required column to agree; the field is required`,
    );
  }
  return {
    name: row.name,
    type,
    required,
    ...(row.description ? { description: row.description } : {}),
    ...(row.example ? { example: row.example } : {}),
    ...(row.deprecated ? { deprecated: row.deprecationMessage ? { message: row.deprecationMessage } : {} } : {}),
    place: row.place,
    typePlace: row.typePlace,
  };
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
