/**
 * OAG dialect, stage 3 (build IR): {@link RawOagDoc} → the doc's model.
 * What every language shares lives here (grammar §A.3, §A.4, §A.6): `Pointer
 * to ` (Go: presence only), `Option<…>` (Rust: on a required row, null),
 * links as hints (a model name becomes a link to its doc only when the link's
 * file is named after it), Notes (`[optional]`, `must be one of`), inline
 * enums attached to their fields, Go's `Set{X}Nil` flags, nullability by
 * policy, property names (keyword escapes undone, then the `propertyNames`
 * policy); the language's reader (`languages/`) reads the type text itself.
 */

import type { DiagnosticSink } from "../../ir/diagnostics.js";
import { mapType, nullable, walkType, type EnumValue, type Field, type Model, type Place, type TypeRef, type UnionMember } from "../../ir/ir.js";
import type { Options } from "../../ir/options.js";
import { wireName } from "../../ir/property-names.js";
import { unescapeMarkdown } from "../markdown.js";
import { enumKey, type RawEnumValue, type RawInlineEnum, type RawOagDoc, type RawRow } from "./extract.js";
import { genericLanguage } from "./generic-language.js";
import type { OagLanguage } from "./language.js";
import { LANGUAGES } from "./languages/index.js";
import { tooDeep, tooDeepMessage } from "../type-depth.js";
import { linkTarget } from "../links.js";

/** Languages whose enum docs are an empty Properties table (grammar §A.6: values lost). */
const VALUES_LOST: ReadonlySet<string> = new Set(["php", "ruby", "csharp", "dart", "dart-dio"]);

/**
 * TypeScript generators' reserved words, which they escape with a leading
 * `_` (`options` → `_options`): the names typescript-axios writes differently
 * from the wire (a wire name `_errors` is kept: `errors` is no reserved word).
 */
const TS_RESERVED: ReadonlySet<string> = new Set(
  (
    "abstract await boolean break byte case catch char class const continue debugger default delete do double else enum export extends false final finally float for " +
    "function goto if implements import in instanceof int interface let long native new null options package private protected public return short static super switch " +
    "synchronized this throw transient true try typeof var void volatile while with yield varLocalPath queryParameters headerParams formParams useFormData varLocalDeferred requestOptions"
  ).split(" "),
);

/** The reader of a language id (the generic one when none is registered). */
export function languageOf(id: string | undefined): OagLanguage {
  return (id !== undefined ? LANGUAGES[id] : undefined) ?? genericLanguage(id ?? "unknown");
}

/** What reading one doc's fields needs. */
interface Context {
  readonly raw: RawOagDoc;
  readonly language: OagLanguage;
  readonly options: Options;
  readonly sink: DiagnosticSink;
  /** Inline enum values by key (`enumKey` of the section, its anchor, its Kotlin row name). */
  readonly inline: ReadonlyMap<string, TypeRef>;
}

/** Builds the doc's model (OAG docs hold one model each). */
export function buildOagModels(raw: RawOagDoc, options: Options, sink: DiagnosticSink): Model[] {
  const language = languageOf(raw.language);
  const base = { id: raw.id, name: raw.name, ...(raw.description ? { description: raw.description } : {}), examples: [], place: raw.place };
  const body = raw.body;
  switch (body.kind) {
    case "enum": {
      const values = enumValues(body.values, sink);
      if (values.length === 0) sink.report("empty-enum", body.place, "Unexpected `## Enum` section without values, expected `` * `NAME` (value: `v`) `` bullets; the type is `never`");
      return [{ ...base, kind: "enum", base: enumBase(values), values, open: false }];
    }
    case "variants": {
      const members: UnionMember[] = body.members.map((m) => ({ label: m.text, type: checked(readType(language, m.text, m.place, sink), m.place, language, sink), place: m.place }));
      if (members.length === 0) sink.report("empty-union", body.place, "Unexpected `## Enum Variants` table without rows, expected one row per variant; the type is `never`");
      return [{ ...base, kind: "union", members }];
    }
    case "none":
      if (!VALUES_LOST.has(language.id)) sink.report("title-only", raw.place, `Unexpected doc with a title only, expected a \`## Properties\` table or an \`## Enum\` section; the type is \`unknown\``);
      return [{ ...base, kind: "opaque" }];
    case "properties": {
      if (body.rows.length === 0 && VALUES_LOST.has(language.id)) {
        sink.report(
          "enum-values-lost",
          body.place,
          `Unexpected empty Properties table, expected fields or enum values: ${language.id} docs write an enum as an empty table, its values lost (grammar §A.6); the type is \`unknown\``,
        );
        return [{ ...base, kind: "opaque" }];
      }
      const only = body.rows[0];
      if (body.rows.length === 1 && only && stripName(only.name.text) === "value" && only.notes.oneOf !== undefined) {
        // python-prior enum docs: one `value` row whose Notes list the values.
        const values = enumValues(oneOfValues(only.notes.oneOf, only.type.place), sink);
        return [{ ...base, kind: "enum", base: enumBase(values), values, open: false }];
      }
      const inline = new Map<string, TypeRef>();
      for (const e of raw.inlineEnums) inlineEnumType(e, sink, inline);
      const ctx: Context = { raw, language, options, sink, inline };
      const fields: Field[] = [];
      const seen = new Set<string>();
      let additionalProperties: TypeRef | undefined;
      for (const row of body.rows) {
        if (stripName(row.name.text) === "any string name") {
          additionalProperties = readCell(row, ctx, true).type;
          continue;
        }
        const field = buildField(row, body.columns, ctx);
        if (!field) continue;
        if (seen.has(field.name)) {
          sink.report("duplicate-field", field.place, `Unexpected second row for field \`${field.name}\`, expected each field once; the second is dropped`);
          continue;
        }
        seen.add(field.name);
        fields.push(field);
      }
      return [{ ...base, kind: "object", fields, ...(additionalProperties ? { additionalProperties } : {}) }];
    }
  }
}

/** A Name cell without its `**` and backticks (Kotlin quotes keywords: `` `object` ``), markdown escapes removed. */
function stripName(text: string): string {
  return unescapeMarkdown(text.replace(/^\*\*(.*)\*\*$/s, "$1").trim().replace(/^`(.*)`$/s, "$1")).trim();
}

/** The wire name a documented name escapes (grammar §A.3): Rust `r#type` → `type`; typescript-axios `_options` → `options` (reserved words only). */
function unescapeKeyword(name: string, language: OagLanguage): string {
  if (name.startsWith("r#") && language.id === "rust") return name.slice(2);
  if (language.id === "typescript-axios" && name.startsWith("_") && TS_RESERVED.has(name.slice(1))) return name.slice(1);
  return name;
}

function buildField(row: RawRow, columns: 2 | 4, ctx: Context): Field | undefined {
  const documented = stripName(row.name.text);
  if (documented === "") {
    ctx.sink.report("malformed-row", row.name.place, "Unexpected empty Name cell, expected `**name**`; the row is skipped");
    return undefined;
  }
  // typescript-fetch's two-column tables say nothing of presence: every field may be absent.
  const required = columns === 4 && !row.notes.optional;
  const { type, nullShown } = readCell(row, ctx, required, documented);
  const lenient = ctx.options.nullability === "lenient" && !nullShown;
  const unescaped = unescapeKeyword(documented, ctx.language);
  const name = wireName(unescaped, ctx.options.propertyNames);
  const description = row.description.replace(/<br\s*\/?>/gi, "\n").trim();
  return {
    name,
    ...(name !== documented ? { sdkName: documented } : {}),
    type: lenient ? nullable(type) : type,
    required,
    ...(description ? { description } : {}),
    place: row.place,
    typePlace: row.type.place,
  };
}

const POINTER = /^Pointer to\s+/;
const OPTION = /^Option<(.*)>$/s;
const LINK = /^\[(.*)\]\(([^()\s]*)\)$/s;
const BOLD = /^\*\*(.*)\*\*$/s;
const STRAY_BOLD = /^\*\*(?!.*\*\*)|(?<!\*\*.*)\*\*$/s;

/**
 * Reads a Type cell (grammar §A.3): `Pointer to ` and `Option<…>` taken off,
 * the link and bold around the type text, the language's reader on the rest;
 * model names linked to their own doc become refs, inline enums literal
 * unions, `must be one of` lists too. `nullShown`: whether the cell says
 * whether null is allowed (the `lenient` policy allows it where not).
 */
function readCell(row: RawRow, ctx: Context, required: boolean, documented = ""): { type: TypeRef; nullShown: boolean } {
  let text = row.type.text.trim().replace(POINTER, "");
  const option = OPTION.exec(text);
  if (option) text = (option[1] as string).trim();
  const link = LINK.exec(text);
  const url = link ? (link[2] as string) : undefined;
  if (link) text = (link[1] as string).trim();
  // The bold around the type; one that is never closed (`**kotlin.Long`) is dropped all the same.
  text = text.replace(BOLD, "$1").replace(STRAY_BOLD, "").trim();

  let type: TypeRef;
  const anchor = url?.startsWith("#") ? ctx.inline.get(enumKey(url.slice(1))) : undefined;
  if (anchor) {
    // The enum sits where its name does: `List<NumEnum>` linked to `#List<NumEnum>` is a list of its values.
    let placed = false;
    type = mapType(readType(ctx.language, text, row.type.place, ctx.sink), (t) => {
      if (t.kind !== "named") return t;
      placed = true;
      return anchor;
    });
    if (!placed) type = anchor;
  } else {
    type = readType(ctx.language, text, row.type.place, ctx.sink);
    if (url && url.endsWith(".md") && url !== ".md") type = linkNamed(type, url, ctx.raw.id);
    if (ctx.inline.size > 0) type = attachInlineEnums(type, documented, ctx.inline);
  }
  if (row.notes.oneOf !== undefined) {
    const values = enumValues(oneOfValues(row.notes.oneOf, row.type.place), ctx.sink);
    if (values.length > 0) type = type.kind === "nullable" ? nullable(literals(values)) : literals(values);
  }
  type = checked(type, row.type.place, ctx.language, ctx.sink);

  const language = ctx.language;
  if (language.id === "rust" && option) {
    // Rust: `Option<…>` on a required row is null; on an optional row it is presence only.
    return required ? { type: nullable(type), nullShown: true } : { type, nullShown: false };
  }
  if (language.nulls === "shown") {
    const setNil = language.id === "go" && ctx.raw.nilSetters.has(documented);
    // Go: `Nullable*` and `Set…Nil` say null; an optional `Pointer to` field does not say it is never null (a Go pointer decodes JSON null as nil).
    if (language.id === "go" && !required && !setNil && type.kind !== "nullable") return { type, nullShown: false };
    return { type: setNil ? nullable(type) : type, nullShown: true };
  }
  return { type, nullShown: false };
}

/** A type text read by the language; one nested deeper than any real doc's is `unknown` (`unknown-type`) and never parsed. */
function readType(language: OagLanguage, text: string, place: Place, sink: DiagnosticSink): TypeRef {
  if (!tooDeep(text)) return language.readType(text);
  sink.report("unknown-type", place, tooDeepMessage(text));
  // No text: this cell is reported here, with why, and never again by `checked`.
  return { kind: "unknown", reason: "unparsed" };
}

/** Model names linked to `X.md` where `X` is the name become refs to that doc (grammar §A.3: links are hints only). */
function linkNamed(type: TypeRef, url: string, docId: string): TypeRef {
  const file = url.slice(url.lastIndexOf("/") + 1);
  const stem = file.slice(0, -".md".length);
  return mapType(type, (t) => (t.kind === "named" && t.name === stem ? { kind: "ref", target: linkTarget(docId, url) ?? url, text: { name: t.name }, hint: true } : t));
}


/**
 * Inline enums (Java `[**KindEnum**](#KindEnum)`, JavaScript `**String**`
 * with a `## Enum: StatusEnum` section): a named leaf that names an inline
 * enum, or a string, number or named leaf (a reader that does not know
 * `String`) of a field whose name does, becomes the union of its values.
 */
function attachInlineEnums(type: TypeRef, field: string, inline: ReadonlyMap<string, TypeRef>): TypeRef {
  const byField = field ? (inline.get(`${enumKey(field)}enum`) ?? inline.get(enumKey(field))) : undefined;
  return mapType(type, (t) => {
    if (t.kind === "named") return inline.get(enumKey(t.name)) ?? byField ?? t;
    if (byField && (t.kind === "string" || t.kind === "integer" || t.kind === "number")) return byField;
    return t;
  });
}

function inlineEnumType(e: RawInlineEnum, sink: DiagnosticSink, into: Map<string, TypeRef>): void {
  const values = enumValues(e.values, sink);
  if (values.length === 0) return;
  const type = literals(values);
  for (const key of e.keys) if (key !== "") into.set(key, type);
}

function literals(values: readonly EnumValue[]): TypeRef {
  const members: TypeRef[] = values.map((v) => ({ kind: "literal", value: v.value }));
  return members.length === 1 ? (members[0] as TypeRef) : { kind: "union", members };
}

const LITERAL = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** The values of a `must be one of ["a", "b", ]` list. */
function oneOfValues(list: string, place: Place): RawEnumValue[] {
  return [...list.matchAll(LITERAL)].map((m) => ({ value: m[0], form: "literal" as const, place }));
}

/** A value's JSON meaning: quoted literals unquoted, numbers numbers, bare cells strings (numbers when every bare value is one). */
function enumValues(raw: readonly RawEnumValue[], sink: DiagnosticSink): EnumValue[] {
  const bareNumbers = raw.filter((v) => v.form === "bare").every((v) => /^-?\d+(?:\.\d+)?$/.test(v.value));
  const out: EnumValue[] = [];
  const seen = new Set<string>();
  for (const v of raw) {
    const value = valueOf(v, bareNumbers);
    const key = `${typeof value}:${value}`;
    if (seen.has(key)) {
      sink.report("duplicate-enum-value", v.place, `Unexpected second \`${String(value)}\` in the enum, expected each value once; the second is dropped`);
      continue;
    }
    seen.add(key);
    out.push({ ...(v.name ? { name: v.name } : {}), value, place: v.place });
  }
  return out;
}

function valueOf(v: RawEnumValue, bareNumbers: boolean): string | number {
  const text = v.value.trim();
  if (v.form === "bare") return bareNumbers ? Number(text) : text;
  if (text.startsWith('"')) {
    try {
      return JSON.parse(text) as string;
    } catch {
      return text.slice(1, -1);
    }
  }
  if (text.startsWith("'")) return text.slice(1, -1).replace(/\\(.)/g, "$1");
  const n = Number(text);
  return Number.isFinite(n) && text !== "" ? n : text;
}

function enumBase(values: readonly EnumValue[]): "string" | "integer" | "number" {
  if (values.length === 0 || values.some((v) => typeof v.value === "string")) return "string";
  return values.every((v) => Number.isInteger(v.value)) ? "integer" : "number";
}

/** Reports what the type holds that could not be read (`unknown-type`) or has no JSON meaning (`external-type`), once each per cell. */
/** A text quoted in a message: at most 60 characters (a hostile cell may hold megabytes). */
function shortened(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function checked(type: TypeRef, place: Place, language: OagLanguage, sink: DiagnosticSink): TypeRef {
  let unparsed: string | undefined;
  let external: string | undefined;
  walkType(type, (t) => {
    if (t.kind !== "unknown") return;
    if (t.reason === "unparsed" && t.text !== undefined) unparsed ??= t.text;
    if (t.reason === "external") external ??= t.text ?? "";
  });
  if (unparsed !== undefined) sink.report("unknown-type", place, `Unexpected type \`${shortened(unparsed)}\`, expected a type as ${language.id === "unknown" ? "OpenAPI Generator writes them" : `its ${language.id} client writes them`} (grammar §A.5); it becomes \`unknown\``);
  if (external !== undefined) sink.report("external-type", place, `Unexpected SDK type \`${shortened(external)}\` with no JSON meaning, expected a JSON type; it becomes \`unknown\``);
  return type;
}
