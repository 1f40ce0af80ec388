/**
 * The `json-schema` target: {@link Program} → JSON Schema 2020-12 documents
 * (https://json-schema.org/draft/2020-12/json-schema-core,
 * …/json-schema-validation), one `<module>.schema.json` per model at the
 * module path of the `ts` target (`components/Pet.ts` →
 * `components/Pet.schema.json`; but for a clash only this target has, and
 * folders named like the `ts` target's own files, which need no new name
 * here: see `modulePaths`), referring to each other by relative `$ref`s
 * (`"../shared/Tag.schema.json"`). No root index is written.
 *
 * The documents accept what `validateX` accepts (render-check.ts), but for
 * the nesting-depth limit (`maxDepth`), which JSON Schema cannot say. They
 * carry no `$id`: a relative `$ref` resolves against the URI the document
 * was retrieved from (RFC 3986 §5.1.3), so the folder works wherever it is
 * served or loaded from; a validator that registers documents by key (ajv's
 * `addSchema(schema, key)`) must use keys that are the paths under one base
 * URI. `date-time` and `date` strings carry a `pattern` beside the `format`:
 * in 2020-12 `format` is an annotation unless a validator asserts it, and
 * ajv-formats' `date-time` accepts more than RFC 3339 (see
 * {@link DATE_TIME_PATTERN}). Every document opens with a `$comment`
 * member holding the mdtypes marker, which is how mdtypes knows its files.
 *
 * With ajv, `ownProperties: true` gives validateX's verdicts: without it
 * ajv reads inherited properties, so a key named `toString` or
 * `constructor` is never missing (and never a string). A field named
 * `__proto__` is written as the pattern property `^__proto__$`, the same
 * assertion: ajv drops `__proto__` from `properties`.
 *
 * With `singleFile` (`--out-file`), one bundle document instead: every model in `$defs`
 * under its module path without `.schema.json`, referring to each other by
 * `#/$defs/…`.
 */

import { compareStrings, type Diagnostic } from "../../ir/diagnostics.js";
import { assertNever, type EnumModel, type Field, type Model, type ObjectModel, type Program, type TypeRef } from "../../ir/ir.js";
import type { EmitOptions, Emitted, OutputFile } from "../emit.js";
import { jsonModuleComment, JSON_BUNDLE_COMMENT } from "../marker.js";
import { modulePaths, pathClashReports, type ModuleLayout } from "../names.js";
import { acceptsAnything, findDiscriminator, modelsAcceptingAnything } from "../render-check.js";
import { drain, type Steps } from "../steps.js";
import { stringifyJson, type Json, type JsonObject } from "./json.js";

/** The dialect every document declares (`$schema`). */
export const JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

/**
 * RFC 3339 §5.6 `date-time` as `validateX` reads it: `T` or `t`, hours
 * 00–23, minutes 00–59, seconds 00–60, an optional fraction, `Z`/`z` or a
 * `±HH:MM` offset (hours 00–23). ajv-formats' `date-time` alone also takes a
 * space (any white space) for the `T`, offsets without their minutes or
 * colon (`+01`, `+0100`), and second 60 after hour 24 or minute 60 when the
 * offset brings it to 23:59 UTC (`24:00:60+00:01`); the pattern leaves those
 * out, and the format still checks what a pattern cannot: real days (no
 * February 30) and a leap second only at 23:59 UTC.
 */
export const DATE_TIME_PATTERN = "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])[Tt](?:[01]\\d|2[0-3]):[0-5]\\d:(?:[0-5]\\d|60)(?:\\.\\d+)?(?:[Zz]|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$";

/** RFC 3339 §5.6 `full-date`; ajv-formats' `date` accepts exactly these (and checks the day exists). */
export const DATE_PATTERN = "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$";

/** The file name ending of every document: a module path's `.ts` becomes this. */
export const SCHEMA_EXTENSION = ".schema.json";

/** This target's files: a document per model, nothing of its own beside them (no index, no runtime). */
export const SCHEMA_LAYOUT: ModuleLayout = { extension: SCHEMA_EXTENSION, ownFiles: false };

/**
 * Renders every model as a JSON Schema document (or, with `singleFile`, all
 * of them as one bundle). Output files are sorted by path; the diagnostics
 * are the `output-path-clash` reports of this target's own paths (none for a bundle).
 */
export function emitJsonSchema(program: Program, options: EmitOptions): Emitted {
  return drain(emitJsonSchemaSteps(program, options));
}

/** {@link emitJsonSchema} in steps, one a model (see `steps.ts`). */
export function* emitJsonSchemaSteps(program: Program, options: EmitOptions): Steps<Emitted> {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(program.models.map((m) => [m.id, m]));
  const { paths, renamed } = modulePaths([...byId.keys()], SCHEMA_LAYOUT);
  // A bundle (`--out-file`) writes none of these paths (they key its `$defs`): nothing to report.
  if (options.singleFile === undefined) diagnostics.push(...pathClashReports(renamed, paths, (id) => byId.get(id) as Model));
  const modelOf = (target: string): Model => {
    const model = byId.get(target);
    if (!model) throw new Error(`Internal error: reference to unknown model ${target}`);
    return model;
  };
  const accepting = modelsAcceptingAnything(program.models);

  if (options.singleFile !== undefined) {
    const key = (id: string) => (paths.get(id) as string).slice(0, -SCHEMA_EXTENSION.length);
    const writer = new SchemaWriter({ modelOf, accepting, unknownKeys: options.unknownKeys, ref: (target) => `#/$defs/${uriFragment(pointerToken(key(target)))}` });
    const defs = new Map<string, Json>();
    for (const model of [...program.models].sort((a, b) => compareStrings(key(a.id), key(b.id)))) {
      defs.set(key(model.id), writer.model(model));
      yield;
    }
    const bundle: JsonObject = { $comment: JSON_BUNDLE_COMMENT, $schema: JSON_SCHEMA_DIALECT, $defs: defs };
    return { files: [{ path: options.singleFile, content: stringifyJson(bundle) }], diagnostics };
  }

  const files: OutputFile[] = [];
  for (const model of program.models) {
    const from = paths.get(model.id) as string;
    const writer = new SchemaWriter({ modelOf, accepting, unknownKeys: options.unknownKeys, ref: (target) => (target === model.id ? "#" : relativeReference(from, paths.get(target) as string)) });
    const document: JsonObject = { $comment: jsonModuleComment(model.id), $schema: JSON_SCHEMA_DIALECT, ...(writer.model(model) as JsonObject) };
    files.push({ path: from, content: stringifyJson(document) });
    yield;
  }
  files.sort((a, b) => compareStrings(a.path, b.path));
  return { files, diagnostics };
}

/** What a {@link SchemaWriter} knows of the program. */
interface WriterContext {
  readonly modelOf: (target: string) => Model;
  /** Models that accept any value (see `modelsAcceptingAnything`). */
  readonly accepting: ReadonlySet<string>;
  readonly unknownKeys: "accept" | "reject";
  /** The `$ref` of a model, from the document being written. */
  readonly ref: (target: string) => string;
}

/** Schemas of models and type references, as data. */
class SchemaWriter {
  private readonly ctx: WriterContext;

  constructor(ctx: WriterContext) {
    this.ctx = ctx;
  }

  /** A model's schema, without `$schema` and the marker: `title`, `description`, `deprecated`, then the assertions. */
  model(model: Model): JsonObject {
    const head: JsonObject = { title: model.name, description: model.description, deprecated: model.deprecated ? true : undefined };
    switch (model.kind) {
      case "object":
        return { ...head, ...this.object(model) };
      case "enum":
        return { ...head, ...this.enumeration(model) };
      case "union": {
        const union = this.type({ kind: "union", members: model.members.map((m) => m.type) });
        return { ...head, ...union };
      }
      case "opaque":
        // A title-only doc: its shape is unknown, any value is accepted.
        return head;
      default:
        return assertNever(model, "model kind");
    }
  }

  private object(model: ObjectModel): JsonObject {
    const properties = new Map<string, Json>();
    const patterns = new Map<string, Json>();
    const required: string[] = [];
    for (const field of model.fields) {
      const schema = this.field(field);
      // ajv never applies `properties.__proto__` (it drops the key from every schema map) and counts the key as
      // additional: the same assertion as a pattern property matching that one key, which it applies.
      const map = field.name === "__proto__" ? patterns : properties;
      const key = field.name === "__proto__" ? "^__proto__$" : field.name;
      const earlier = map.get(key);
      // Two rows of one key: the value must be both (validateX checks each row).
      map.set(key, earlier === undefined ? schema : { allOf: [earlier, schema] });
      if (field.required && !required.includes(field.name)) required.push(field.name);
    }
    const extra = model.additionalProperties;
    let additional: Json | undefined;
    if (extra) additional = this.acceptsAnything(extra) ? undefined : this.type(extra);
    else if (this.ctx.unknownKeys === "reject") additional = false;
    return {
      type: "object",
      properties: properties.size > 0 ? properties : undefined,
      patternProperties: patterns.size > 0 ? patterns : undefined,
      required: required.length > 0 ? required : undefined,
      additionalProperties: additional,
    };
  }

  private field(field: Field): JsonObject {
    return { ...this.type(field.type), description: field.description, deprecated: field.deprecated ? true : undefined };
  }

  /** A closed enum lists its values; an open one is its base type, the known values as `examples`. */
  private enumeration(model: EnumModel): JsonObject {
    const values = model.values.map((v) => v.value);
    if (model.open) return { type: model.base, examples: values.length > 0 ? values : undefined };
    return values.length === 0 ? { not: {} } : { enum: values };
  }

  /** The schema of a type reference. */
  type(type: TypeRef): JsonObject {
    switch (type.kind) {
      case "string":
        if (type.format === "date-time") return { type: "string", format: "date-time", pattern: DATE_TIME_PATTERN };
        if (type.format === "date") return { type: "string", format: "date", pattern: DATE_PATTERN };
        // validateX does not check `byte` strings: an annotation only (2020-12 validation §8.3).
        if (type.format === "byte") return { type: "string", contentEncoding: "base64" };
        return { type: "string" };
      case "integer":
      case "number":
      case "boolean":
        return { type: type.kind };
      case "unknown":
        return {};
      case "literal":
        return { const: type.value };
      case "array":
        return { type: "array", items: this.type(type.items) };
      case "record":
        return this.acceptsAnything(type.values) ? { type: "object" } : { type: "object", additionalProperties: this.type(type.values) };
      case "ref":
        return { $ref: this.ctx.ref(type.target) };
      case "named":
        throw new Error(`Internal error: unresolved name ${type.name} reached emit`);
      case "nullable": {
        if (this.acceptsAnything(type.type)) return {};
        const inner = this.type(type.type);
        const keys = Object.keys(inner);
        // `type` and the keywords of that type alone (`format`, `items`, …), which pass `null` by.
        if (typeof inner.type === "string") return { ...inner, type: [inner.type, "null"] };
        if (keys.length === 1 && "const" in inner) return { enum: [inner.const as Json, null] };
        if (keys.length === 1 && Array.isArray(inner.enum)) return (inner.enum as Json[]).includes(null) ? inner : { enum: [...(inner.enum as Json[]), null] };
        return { anyOf: [inner, { type: "null" }] };
      }
      case "union": {
        if (type.members.length === 0) return { not: {} };
        // Tagged object members: exactly one can match, the one whose tag (a required `const`) the value has.
        if (findDiscriminator(type, this.ctx.modelOf)) return { oneOf: type.members.map((m) => this.type(m)) };
        // validateX accepts a value that any member accepts, whatever the others say.
        return { anyOf: type.members.map((m) => this.type(m)) };
      }
      default:
        return assertNever(type, "type kind");
    }
  }

  /** Whether `type` takes any value (then it asserts nothing). */
  private acceptsAnything(type: TypeRef): boolean {
    return acceptsAnything(type, (target) => this.ctx.accepting.has(target));
  }
}

/** JSON Pointer escaping of one reference token (RFC 6901 §3). */
function pointerToken(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * `text` with every character a URI path segment (RFC 3986 §3.3 `pchar`) may
 * not hold percent-encoded as UTF-8, `/` kept.
 */
export function uriPath(text: string): string {
  return text.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/]+/gu, (run) => encodeURIComponent(run));
}

/** `text` as a URI fragment (RFC 3986 §3.5): `?` and `/` may stay too. */
function uriFragment(text: string): string {
  return text.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/?]+/gu, (run) => encodeURIComponent(run));
}

/**
 * The relative reference (RFC 3986 §4.2) from document `from` to document
 * `to`, both output-relative paths: `Tag.schema.json`, `../shared/Tag.schema.json`.
 * A first segment with a `:` is written after `./`, so it is no scheme.
 */
export function relativeReference(from: string, to: string): string {
  const fromParts = from.split("/").slice(0, -1);
  const toParts = to.split("/");
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  const path = "../".repeat(fromParts.length - common) + uriPath(toParts.slice(common).join("/"));
  return /^[^/]*:/.test(path) ? `./${path}` : path;
}
