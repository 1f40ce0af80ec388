/**
 * APIMatic dialect, stage 3 (build IR): {@link RawApimaticDoc} → {@link Model}
 * (grammar §C, §I).
 *
 * - `## Structure` → an object model: presence from the Tags cell
 *   (`Required`/`Optional`; `Read-only` says nothing the IR keeps), the type
 *   from the language's reader, `Constant` with a `**Default**` → that
 *   literal; defaults and constraints stay in the description.
 * - `## Enumeration` → an enum: Go lists the wire values; TypeScript, Python
 *   and Java list constant names only (`Enum3Dsecure`, `UPC_A`), so the enum
 *   is its base type, `string` (`enum-values-lost`).
 * - `## Class Name` + `## Cases` → a union of the Type cells.
 */

import type { DiagnosticSink } from "../../ir/diagnostics.js";
import { nullable, type CodeExample, type EnumModel, type EnumValue, type Field, type Model, type ObjectModel, type Place, type TypeRef, type UnionMember, type UnionModel } from "../../ir/ir.js";
import type { Options } from "../../ir/options.js";
import { wireName } from "../../ir/property-names.js";
import type { RawApimaticDoc, RawEnumRow, RawField } from "./extract.js";
import { LABELS, LANGUAGES, readType, type ApimaticLanguage, type TypeContext } from "./languages.js";

/** The rows that document the type of extra keys (with `*This model accepts additional fields of type T.*`). */
const EXTRA_KEYS = new Set(["additionalProperties", "AdditionalProperties", "additional_properties"]);

/** The tree's language as `prepare` settled it; TypeScript when it could not tell. */
export function languageOf(options: Options): ApimaticLanguage {
  const language = options.settled?.language;
  return (LANGUAGES as readonly string[]).includes(language ?? "") ? (language as ApimaticLanguage) : "typescript";
}

/** Builds the one model of an APIMatic doc. */
export function buildApimaticModel(raw: RawApimaticDoc, options: Options, sink: DiagnosticSink): Model {
  const language = languageOf(options);
  const base = {
    id: raw.id,
    name: raw.className,
    ...(raw.description ? { description: raw.description } : {}),
    examples: raw.examples,
    place: raw.place,
  };
  const body = raw.body;
  switch (body.kind) {
    case "structure":
      return buildObject(base, raw, body.rows, language, options, sink);
    case "enumeration":
      return buildEnum(base, body.rows, body.place, language, sink);
    case "cases": {
      if (body.cases.length === 0) sink.report("empty-union", body.place, "Unexpected `## Cases` without rows; the type is `never`");
      const members: UnionMember[] = body.cases.map((c) => ({
        label: c.type.text.trim(),
        type: readType(language, c.type, context(raw.id, c.place, sink)).type,
        place: c.place,
      }));
      return { kind: "union", ...base, members };
    }
  }
}

type Base = Pick<ObjectModel, "id" | "name" | "description" | "examples" | "place">;

function context(docId: string, place: Place, sink: DiagnosticSink): TypeContext {
  return { docId, report: (ruleId, message) => sink.report(ruleId, place, message) };
}

function buildObject(base: Base, raw: RawApimaticDoc, rows: readonly RawField[], language: ApimaticLanguage, options: Options, sink: DiagnosticSink): ObjectModel {
  const fields: Field[] = [];
  const seen = new Map<string, Place>();
  let additionalProperties: TypeRef | undefined;
  const spelled = exampleKeys(raw.examples);
  for (const row of rows) {
    const field = buildField(raw.id, row, language, options, spelled, sink);
    const extras = raw.acceptsAdditionalFields && EXTRA_KEYS.has(row.name) ? extraKeysType(field.type) : undefined;
    if (extras) {
      additionalProperties = extras;
      continue;
    }
    const first = seen.get(field.name);
    if (first) {
      sink.report("duplicate-field", row.place, `Unexpected second field \`${field.name}\`, expected unique field names; it is ignored`, { file: sink.file, ...first, message: "first defined here" });
      continue;
    }
    seen.set(field.name, row.place);
    fields.push(field);
  }
  return { kind: "object", ...base, fields, ...(additionalProperties ? { additionalProperties } : {}) };
}

/** The value type of an extra-keys row's map (`map[string]interface{}`, `Dict[str, Any]`), or undefined when the row is no map. */
function extraKeysType(type: TypeRef): TypeRef | undefined {
  const map = type.kind === "nullable" ? type.type : type;
  return map.kind === "record" ? map.values : undefined;
}

const DEFAULT = /\*\*Default\*\*:\s*`([^`]*)`/;

/** The JSON value of a `**Default**: \`…\`` literal (`'apple_pay'`, `"all"`, `600`, `false`), if it is one. */
function defaultLiteral(description: string | undefined): string | number | boolean | undefined {
  const text = description === undefined ? undefined : DEFAULT.exec(description)?.[1]?.trim();
  if (text === undefined) return undefined;
  const quoted = /^(['"])(.*)\1$/s.exec(text);
  if (quoted) return quoted[2];
  if (text === "true" || text === "false") return text === "true";
  return /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text) ? Number(text) : undefined;
}

/**
 * The keys of the doc's JSON examples (APIMatic writes one per model, with
 * the names the API sends: `address_line_1` for `addressLine1`), by their
 * letters and digits in lower case.
 */
function exampleKeys(examples: readonly CodeExample[]): ReadonlyMap<string, string> {
  const keys = new Map<string, string>();
  for (const example of examples) {
    if (example.lang !== "json") continue;
    for (const match of example.code.matchAll(/^\s*"([^"\n]+)":/gm)) keys.set(squash(match[1] as string), match[1] as string);
  }
  return keys;
}

/** A name's letters and digits in lower case: `addressLine1`, `address_line_1` and `AddressLine1` alike. */
function squash(name: string): string {
  return name.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
}

/**
 * The wire name of a documented field: under `camelCase` and `snake_case`,
 * the doc's JSON example's spelling when it has the field (the policy's rule
 * cannot know where digits go: `address_line_1`), else the policy's; under
 * `auto` and `as-documented`, the documented name.
 */
function fieldName(documented: string, policy: Options["propertyNames"], spelled: ReadonlyMap<string, string>): string {
  const converted = wireName(documented, policy);
  if (converted === documented) return documented;
  const example = spelled.get(squash(documented));
  return example !== undefined && inCase(example, policy) ? example : converted;
}

/** Whether a name is written in the policy's case (`address_line_1` is snake_case, `addressLine1` camelCase). */
function inCase(name: string, policy: Options["propertyNames"]): boolean {
  return policy === "snake_case" ? !/[A-Z]/.test(name) : !/[A-Za-z0-9]_[A-Za-z0-9]/.test(name);
}

function buildField(docId: string, row: RawField, language: ApimaticLanguage, options: Options, spelled: ReadonlyMap<string, string>, sink: DiagnosticSink): Field {
  const reading = readType(language, row.type, context(docId, row.typePlace, sink));
  const tags = new Set(row.tags.map((t) => t.toLowerCase()));
  let required: boolean;
  if (tags.has("required") !== tags.has("optional")) required = tags.has("required");
  else {
    required = !reading.optional;
    sink.report("malformed-row", row.tagsPlace, `Unexpected Tags cell \`${row.tags.join(", ")}\`, expected \`Required\` or \`Optional\` (with \`Read-only\` or \`Constant\`); the field is ${required ? "required" : "optional"}`);
  }
  if (required && reading.optional) {
    sink.report("inconsistent-presence", row.typePlace, `Unexpected optional type \`${row.type.text.trim()}\` on a Required field, expected the Tags cell to agree; the field is required`);
  }
  let type = reading.type;
  const constant = tags.has("constant") ? defaultLiteral(row.description) : undefined;
  if (constant !== undefined) type = { kind: "literal", value: constant };
  // A constant is what the API sends, never null in its stead.
  else if (options.nullability === "lenient" && !reading.nullShown) type = nullable(type);
  const name = fieldName(row.name, options.propertyNames, spelled);
  return {
    name,
    ...(name !== row.name ? { sdkName: row.name } : {}),
    type,
    required,
    ...(row.description ? { description: row.description } : {}),
    place: row.place,
    typePlace: row.typePlace,
  };
}

const INTEGER = /^-?(?:0|[1-9]\d*)$/;

/**
 * Go docs list the wire values (integers when every one is): an enum. The
 * other languages list constant names only: the model is its base type,
 * `string` (a one-member union), and its description keeps the names.
 */
function buildEnum(base: Base, rows: readonly RawEnumRow[], place: Place, language: ApimaticLanguage, sink: DiagnosticSink): EnumModel | UnionModel {
  if (rows.length === 0) sink.report("empty-enum", place, "Unexpected enumeration without rows; the type is `never`");
  if (language !== "go" && rows.length > 0) {
    sink.report("enum-values-lost", place, `Unexpected enum documented by ${LABELS[language]} constant names only (\`${rows[0]?.name}\`), expected its wire values; the type is \`string\``);
    const names = rows.map((r) => `- \`${r.name}\`${r.description ? `: ${r.description.replace(/\n+/g, " ")}` : ""}`).join("\n");
    const description = [base.description, `SDK constants (wire values not documented):\n${names}`].filter(Boolean).join("\n\n");
    return { kind: "union", ...base, description, members: [{ label: "string", type: { kind: "string" }, place }] };
  }
  const integers = rows.length > 0 && rows.every((r) => INTEGER.test(r.name));
  const values: EnumValue[] = [];
  const seen = new Set<string | number>();
  for (const row of rows) {
    const value = integers ? Number(row.name) : row.name;
    if (seen.has(value)) {
      sink.report("duplicate-enum-value", row.place, `Unexpected second enum value \`${row.name}\`, expected unique values; it is dropped`);
      continue;
    }
    seen.add(value);
    values.push({ value, place: row.place });
  }
  return { kind: "enum", ...base, base: integers ? "integer" : "string", values, open: false };
}
