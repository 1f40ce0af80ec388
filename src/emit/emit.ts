/**
 * Stage 5, emit: {@link Program} → TypeScript files, per DESIGN.md's output
 * contract. Builds one plain view model per module and renders it with the
 * templates; the logic (names, types, checks, escaping) lives in `emit/`.
 */

import { compareStrings, type Diagnostic } from "../ir/diagnostics.js";
import { assertNever, type EnumModel, type Model, type ObjectModel, type Program, type TypeRef } from "../ir/ir.js";
import { jsdoc, stringLiteral, type DocComment } from "./escape.js";
import { importSpecifier, singleModuleNames, literalKey, modelIdentifier, modelNames, modulePaths, pathClashReports, propertyKey, RUNTIME_MODULE, type ModelNames } from "./names.js";
import { emitBarrels, SINGLE_MODULE_RESERVED } from "./barrels.js";
import { modelsNestingWithoutBound } from "./cycles.js";
import { CheckWriter, modelsAcceptingAnything, taggedMembers, type CheckScope, type RuntimeName } from "./render-check.js";
import { literalText, renderType } from "./render-type.js";
import { findSlotHash, slotTableSource } from "./slot-hash.js";
import { drain, type Steps } from "./steps.js";
import { templateSet, type TemplateOverrides, type TemplateSet } from "./templates.js";
import { GENERATED_MARKER, moduleHeader, RUNTIME_HEADER, SINGLE_MODULE_HEADER } from "./marker.js";

/** One generated file: a path relative to the output folder, and its exact text. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

/**
 * What the file list keeps of `file` once `EmitOptions.onFile` returned
 * `given`: `given` when it is a file of the same path, else `file`. Its
 * `content` is not read (a getter may not be ready to give it yet).
 */
export function keptFile(file: OutputFile, given: unknown): OutputFile {
  return typeof given === "object" && given !== null && (given as { path?: unknown }).path === file.path && "content" in given ? (given as OutputFile) : file;
}

/** Options of the emit stage. */
export interface EmitOptions {
  /** Extension in relative import specifiers: `.js` (tsc/bundlers, the default) or `.ts` (Node type stripping). */
  readonly importExtension: ".js" | ".ts";
  /** Nesting depth beyond which validators reject a value. */
  readonly maxDepth: number;
  /** Whether validators reject keys a model does not document. */
  readonly unknownKeys: "accept" | "reject";
  /** The user's templates, replacing built-in ones by name (see `templates.ts`). */
  readonly templateOverrides?: TemplateOverrides | undefined;
  /** The name of the one module to render every model, and the runtime, into (`--out-file`); undefined: a module per doc. */
  readonly singleFile?: string | undefined;
  /**
   * Called with each file as soon as it is rendered, in no set order, before
   * the list is complete (`generate` starts writing them meanwhile). When it
   * returns a file of the same path (an object with that `path` and a
   * `content`, which must be the same text), that file is put in the list in
   * the file's place (`generate` gives one that does not hold its text in
   * memory, a module's text being the most of what a run would keep to its
   * end); any other value it returns is ignored. The list returned holds the
   * same paths and texts whether or not this is given.
   */
  readonly onFile?: ((file: OutputFile) => unknown) | undefined;
}

/** The first line of every file mdtypes writes: how it recognises its own files. */
export { GENERATED_MARKER };

/** What an emitter gives: the output files, sorted by path, and its diagnostics. */
export interface Emitted {
  readonly files: OutputFile[];
  readonly diagnostics: Diagnostic[];
}

/** Renders every module, the runtime and the index. Output files are sorted by path. */
export function emit(program: Program, options: EmitOptions): Emitted {
  return drain(emitSteps(program, options));
}

/** {@link emit} in steps, one a model (see `steps.ts`). */
export function* emitSteps(program: Program, options: EmitOptions): Steps<Emitted> {
  const diagnostics: Diagnostic[] = [];
  const byId = new Map(program.models.map((m) => [m.id, m]));
  const { paths, renamed } = modulePaths([...byId.keys()]);
  // One module (`--out-file`) writes none of these paths: a clash between them is nothing to report.
  if (options.singleFile === undefined) diagnostics.push(...pathClashReports(renamed, paths, (id) => byId.get(id) as Model));
  const identifiers = new Map(program.models.map((m) => [m.id, modelIdentifier(m.name)]));
  const modelOf = (target: string): Model => {
    const model = byId.get(target);
    if (!model) throw new Error(`Internal error: reference to unknown model ${target}`);
    return model;
  };
  const templates = templateSet("ts", options.templateOverrides);
  const runtimeView = { maxDepth: options.maxDepth, levels: options.maxDepth === 1 ? "level" : "levels" };
  if (options.singleFile !== undefined) {
    // One module: every model under its name across the tree, no imports, the runtime inlined.
    const names = singleModuleNames(program.models, paths, SINGLE_MODULE_RESERVED, (name) => Object.values(modelNames(name)));
    diagnostics.push(...names.diagnostics);
    const context: EmitContext = { modelOf, paths, identifiers: names.identifiers, options, templates, single: true, tagged: taggedMembers(program.models, modelOf), accepting: modelsAcceptingAnything(program.models), unbounded: modelsNestingWithoutBound(program.models) };
    const models: object[] = [];
    for (const model of program.models) {
      models.push(modelView(model, context));
      yield;
    }
    return { files: [{ path: options.singleFile, content: templates.render("single.ts", { header: SINGLE_MODULE_HEADER, ...runtimeView, models }) }], diagnostics };
  }
  const context: EmitContext = { modelOf, paths, identifiers, options, templates, single: false, tagged: taggedMembers(program.models, modelOf), accepting: modelsAcceptingAnything(program.models), unbounded: modelsNestingWithoutBound(program.models) };

  const files: OutputFile[] = [];
  const onFile = options.onFile;
  for (const model of program.models) {
    const file = { path: paths.get(model.id) as string, content: templates.render("model.ts", modelView(model, context)) };
    files.push(keptFile(file, onFile?.(file)));
    yield;
  }
  files.push({ path: RUNTIME_MODULE, content: templates.render("runtime.ts", { header: RUNTIME_HEADER, ...runtimeView }) });
  const barrels = emitBarrels(program.models, {
    paths,
    identifiers,
    importExtension: options.importExtension,
    exported: ["type", "is", "validate", "assert", "schema"],
    render: ({ header, exports, folder, barrel }) => templates.render("index.ts", { header, runtimeSpecifier: folder === "" ? importSpecifier(barrel, RUNTIME_MODULE, options.importExtension) : false, exports }),
  });
  files.push(...barrels.files);
  diagnostics.push(...barrels.diagnostics);
  files.sort((a, b) => compareStrings(a.path, b.path));
  return { files, diagnostics };
}

interface EmitContext {
  /** The model with an id (an unknown id is an internal error). */
  readonly modelOf: (target: string) => Model;
  readonly paths: ReadonlyMap<string, string>;
  readonly identifiers: ReadonlyMap<string, string>;
  readonly options: EmitOptions;
  readonly templates: TemplateSet;
  /** Every model in one module (`--out-file`): references need no import, helpers a suffix per model. */
  readonly single: boolean;
  /** Models that are members of a discriminated union: their modules export the walk of their keys too. */
  readonly tagged: ReadonlyMap<string, ReadonlySet<string>>;
  /** Models that accept any value at all (see `modelsAcceptingAnything`). */
  readonly accepting: ReadonlySet<string>;
  /** The models whose values can nest without bound (see `modelsNestingWithoutBound`). */
  readonly unbounded: ReadonlySet<string>;
}

/** Local names and imports of one module, handed to the type and check writers. */
class ModuleScope implements CheckScope {
  private readonly self: Model;
  private readonly ctx: EmitContext;
  readonly own: ModelNames;
  private readonly taken: Set<string>;
  private readonly imports = new Map<string, { names: ModelNames; type: boolean; check: boolean; collect: boolean; fields: boolean; valid: boolean }>();
  private readonly runtimeUsed = new Set<string>();

  constructor(model: Model, ctx: EmitContext) {
    this.self = model;
    this.ctx = ctx;
    this.own = modelNames(ctx.identifiers.get(model.id) as string);
    this.taken = new Set(Object.values(this.own));
  }

  private imported(target: string) {
    let entry = this.imports.get(target);
    if (!entry && this.ctx.single) {
      // One module: the target is declared beside this model, under its own names.
      entry = { names: modelNames(this.ctx.identifiers.get(target) as string), type: false, check: false, collect: false, fields: false, valid: false };
      this.imports.set(target, entry);
    }
    if (!entry) {
      const base = this.ctx.identifiers.get(target);
      if (base === undefined) throw new Error(`Internal error: reference to unknown model ${target}`);
      let alias = base;
      const clashes = (names: ModelNames) => [names.type, names.check, names.collect, names.fields, names.valid].some((name) => this.taken.has(name));
      for (let n = 2; clashes(modelNames(alias)); n++) alias = `${base}_${n}`;
      const names = modelNames(alias);
      for (const name of [names.type, names.check, names.collect, names.fields, names.valid]) this.taken.add(name);
      entry = { names, type: false, check: false, collect: false, fields: false, valid: false };
      this.imports.set(target, entry);
    }
    return entry;
  }

  /** The local type name of a referenced model. */
  typeName(target: string): string {
    if (target === this.self.id) return this.own.type;
    const entry = this.imported(target);
    entry.type = true;
    return entry.names.type;
  }

  refFunctions(target: string): { check: string; collect: string } {
    if (target === this.self.id) return { check: this.own.check, collect: this.own.collect };
    const entry = this.imported(target);
    entry.check = true;
    entry.collect = true;
    return { check: entry.names.check, collect: entry.names.collect };
  }

  refCheck(target: string): string {
    if (target === this.self.id) return this.own.check;
    const entry = this.imported(target);
    entry.check = true;
    return entry.names.check;
  }

  refFields(target: string): string {
    if (target === this.self.id) return this.own.fields;
    const entry = this.imported(target);
    entry.fields = true;
    return entry.names.fields;
  }

  refValid(target: string): string {
    if (target === this.self.id) return this.own.valid;
    const entry = this.imported(target);
    entry.valid = true;
    return entry.names.valid;
  }

  tagFields(target: string): ReadonlySet<string> | undefined {
    return this.ctx.tagged.get(target);
  }

  model(target: string): Model {
    return this.ctx.modelOf(target);
  }

  acceptsAnything(target: string): boolean {
    return this.ctx.accepting.has(target);
  }

  nestsWithoutBound(target: string): boolean {
    return this.ctx.unbounded.has(target);
  }

  runtime(name: RuntimeName): string {
    this.runtimeUsed.add(name);
    return name;
  }

  /** The module's import declarations, runtime first, then models by path. */
  importLines(): string[] {
    const from = this.ctx.paths.get(this.self.id) as string;
    const ext = this.ctx.options.importExtension;
    const isType = (name: string) => name === "$$Context" || name === "$$Member" || name === "$$Object" || name === "ValidationIssue" || name === "ValidationResult" || name === "StandardSchema";
    const runtime = [...this.runtimeUsed].sort(compareStrings).map((name) => (isType(name) ? `type ${name}` : name));
    const lines = [`import { ${runtime.join(", ")} } from ${stringLiteral(importSpecifier(from, RUNTIME_MODULE, ext))};`];
    const targets = [...this.imports].map(([target, entry]) => ({ target, entry, path: this.ctx.paths.get(target) as string }));
    targets.sort((a, b) => compareStrings(a.path, b.path));
    for (const { target, entry, path } of targets) {
      const base = modelNames(this.ctx.identifiers.get(target) as string);
      const spec = (name: keyof ModelNames) => (base[name] === entry.names[name] ? base[name] : `${base[name]} as ${entry.names[name]}`);
      const specifier = stringLiteral(importSpecifier(from, path, ext));
      const values = [entry.check ? spec("check") : "", entry.collect ? spec("collect") : "", entry.fields ? spec("fields") : "", entry.valid ? spec("valid") : ""].filter(Boolean);
      if (values.length === 0) lines.push(`import type { ${spec("type")} } from ${specifier};`);
      else lines.push(`import { ${[entry.type ? `type ${spec("type")}` : "", ...values].filter(Boolean).join(", ")} } from ${specifier};`);
    }
    return lines;
  }
}

/** The view model of one model's module (see the README's "Templates"). */
function modelView(model: Model, ctx: EmitContext): object {
  const scope = new ModuleScope(model, ctx);
  const writer = new CheckWriter(scope, { unknownKeys: ctx.options.unknownKeys, ...(ctx.single ? { helperSuffix: `_${ctx.identifiers.get(model.id) as string}` } : {}) });
  const names = scope.own;
  for (const name of ["ValidationResult", "ValidationError", "$$Context", "StandardSchema", "$$standard"] as const) scope.runtime(name);
  const typeName = (target: string) => scope.typeName(target);

  let object: object | false = false;
  let enumView: object | false = false;
  let alias: string | false = false;
  /** `skip`: the check takes the tag a discriminated union has matched. */
  let check: { value: string; depth: string; body: string; skip?: boolean };
  let collect: { params: string; body: string };
  let fieldsBody: string | false = false;
  /** `validateX`'s check, where the model has one (see `CheckWriter.objectValidate`). */
  let validBody: string | undefined;
  const tags = ctx.tagged.get(model.id);

  switch (model.kind) {
    case "object":
      object = objectView(model, typeName);
      check = { value: "v", depth: "d", body: writer.objectCheck(model.fields, model.additionalProperties, tags), skip: tags !== undefined };
      // The walk of its keys is a function of its own where a discriminated union or `validateX`'s check calls it.
      if (writer.hasValidate(model.additionalProperties)) validBody = writer.objectValidate(model.fields, model.additionalProperties, names.fields, tags);
      collect = { params: "v: unknown, c: $$Context", body: writer.objectCollect(model.fields, model.additionalProperties, tags || validBody !== undefined ? names.fields : undefined) };
      if (tags || validBody !== undefined) fieldsBody = writer.objectFieldsCollect(model.fields, model.additionalProperties, tags).trimEnd();
      break;
    case "enum": {
      const view = enumParts(model, names, writer);
      enumView = view.enum;
      check = { value: model.values.length === 0 && !model.open ? "_v" : "v", depth: "_d", body: view.checkBody };
      collect = {
        params: "v: unknown, c: $$Context",
        // A one-value enum is a literal: a mismatch tells a union the value was meant for another member.
        body: `  if (!${names.check}(v, 0)) ${scope.runtime(!model.open && model.values.length === 1 ? "$$miss" : "$$issue")}(c, undefined, ${stringLiteral(view.expected)}, ${stringLiteral(`Expected ${view.expected}, received `)}, v);\n`,
      };
      break;
    }
    case "union": {
      const union: TypeRef = { kind: "union", members: model.members.map((m) => m.type) };
      alias = renderType(union, typeName, true);
      if (writer.acceptsUndefined(union)) {
        // A member accepts anything (`unknown`, a title-only doc): so does the union.
        check = { value: "_v", depth: "_d", body: "  return true;\n" };
        collect = { params: "_v: unknown, _c: $$Context", body: "" };
        break;
      }
      check = { value: "v", depth: writer.usesDepth(union) ? "d" : "_d", body: writer.typeCheck(union) };
      collect = { params: "v: unknown, c: $$Context", body: writer.typeCollect(union) };
      validBody = writer.unionValidate(union);
      break;
    }
    case "opaque":
      alias = "unknown";
      check = { value: "_v", depth: "_d", body: "  return true;\n" };
      collect = { params: "_v: unknown, _c: $$Context", body: "" };
      break;
    default:
      return assertNever(model, "model kind");
  }

  // Before the helpers are taken: a guard of named keys is one of them.
  const guard = writer.entryGuard(model);
  // `validateX` takes its own check where it has one, and `isX`'s check then the collect walk from the top where not, or where its own leaves the value to them.
  for (const name of validBody === undefined ? (["$$collect"] as const) : (["$$collect", "ValidationIssue"] as const)) scope.runtime(name);
  if (guard !== undefined) for (const name of ["$$check", "$$validate"] as const) scope.runtime(name);
  const helpers = writer.helperSource().trimEnd();
  return {
    header: moduleHeader(model.id),
    imports: ctx.single ? [] : scope.importLines(),
    typeDoc: jsdoc(modelDoc(model)),
    names,
    links: { type: `{@link ${names.type}}`, is: `{@link ${names.is}}`, validate: `{@link ${names.validate}}`, collect: `{@link ${names.collect}}` },
    modelNameLiteral: stringLiteral(model.name),
    object,
    enum: enumView,
    alias,
    guard: guard ?? false,
    checkParams: `${check.value}: unknown, ${check.depth}: number${check.skip ? ", skip?: string" : ""}`,
    checkValue: check.value,
    checkBody: check.body.trimEnd(),
    collectParams: collect.params,
    collectBody: collect.body.trimEnd(),
    fieldsParams: fieldsParams(fieldsBody === "", tags !== undefined),
    hasFields: fieldsBody !== false,
    fieldsBody,
    valid: validBody === undefined ? false : names.valid,
    validParams: `v: unknown${tags && model.kind === "object" ? ", skip?: string" : ""}`,
    validBody: validBody?.trimEnd() ?? "",
    helpers,
  };
}

/** The parameters of an object's walk of its keys: `(o, c)`, and `skip` for a member of a discriminated union; `_`-named where its body is empty. */
function fieldsParams(empty: boolean, tagged: boolean): string {
  const unused = empty ? "_" : "";
  return `${unused}o: Record<string, unknown>, ${unused}c: $$Context${tagged ? `, ${unused}skip?: string` : ""}`;
}

export function modelDoc(model: Model): DocComment {
  const tags: { tag: string; text?: string | undefined }[] = [];
  if (model.deprecated) tags.push({ tag: "deprecated", text: model.deprecated.message });
  for (const example of model.examples) {
    // Examples in another SDK language (Python, Go, …) would mislead in TypeScript.
    if (example.lang === "typescript" || example.lang === "ts") {
      const code = withoutImports(example.code);
      if (code !== "") tags.push({ tag: "example", text: `\`\`\`ts\n${code}\n\`\`\`` });
    }
  }
  return { description: model.description, tags };
}

/**
 * A TypeScript example without its `import` declarations, which name the
 * SDK's package (`import { Pet } from "@acme/sdk/models/components";`): the
 * reader of the generated types has not got it.
 */
export function withoutImports(code: string): string {
  return code.replace(/^[ \t]*import\s[^;]*?(?:\sfrom\s*)?["'][^"'\n]*["'][ \t]*;?[ \t]*(?:\r?\n|$)/gm, "").replace(/^\s*\n/, "").trimEnd();
}

/**
 * The formats a type's strings must have, as openapi-typescript writes them
 * in JSDoc (`Format: date-time`), with where they apply inside containers.
 */
export function formatNote(type: TypeRef): string | undefined {
  const formats = (t: TypeRef, where: string): string[] => {
    switch (t.kind) {
      case "string":
        return t.format === "date" || t.format === "date-time" ? [`${t.format}${where}`] : [];
      case "nullable":
        return formats(t.type, where);
      case "array":
        return formats(t.items, where || " (each item)");
      case "record":
        return formats(t.values, where || " (each value)");
      case "union":
        return t.members.flatMap((m) => formats(m, where));
      default:
        return [];
    }
  };
  const found = [...new Set(formats(type, ""))];
  return found.length > 0 ? `Format: ${found.join(" or ")}` : undefined;
}

/** The interface's properties (and index signature), as the template lays them out (the zod target's too). */
export function objectView(model: ObjectModel, typeName: (target: string) => string) {
  const properties = model.fields.map((field) => {
    const tags: { tag: string; text?: string | undefined }[] = [];
    if (field.deprecated) tags.push({ tag: "deprecated", text: field.deprecated.message });
    if (field.example !== undefined) tags.push({ tag: "example", text: field.example });
    const type = renderType(field.type, typeName);
    const format = formatNote(field.type);
    const sdkName = field.sdkName === undefined ? undefined : `The SDK names it \`${field.sdkName}\`.`;
    const description = [field.description, format, sdkName].filter(Boolean).join("\n\n") || undefined;
    return {
      doc: jsdoc({ description, tags }, "  "),
      key: propertyKey(field.name),
      optional: !field.required,
      // `| undefined` on optional keys: under exactOptionalPropertyTypes an explicit undefined is then allowed too.
      type: field.required ? type : `${type} | undefined`,
    };
  });
  let indexSignature: string | false = false;
  const extra = model.additionalProperties;
  if (extra) {
    // An index signature must admit every declared property's type as well.
    const parts = [renderType(extra, typeName), ...properties.map((p) => p.type)];
    indexSignature = parts.includes("unknown") ? "unknown" : [...new Set(parts.flatMap((p) => splitTopLevelUnion(p)))].join(" | ");
  }
  return { properties, indexSignature };
}

/** Splits a rendered union type at its top-level `|`. */
function splitTopLevelUnion(type: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let quote = "";
  for (let i = 0; i < type.length; i++) {
    const ch = type[i] as string;
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = "";
    } else if (ch === '"') quote = ch;
    else if (ch === "(" || ch === "<" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === ">" || ch === "]" || ch === "}") depth--;
    else if (ch === "|" && depth === 0) {
      parts.push(type.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(type.slice(start).trim());
  return parts;
}

function enumParts(model: EnumModel, names: ModelNames, writer: CheckWriter) {
  const keys = new Set<string>();
  const members = model.values.map((v) => {
    let key = v.name ?? String(v.value);
    for (let n = 2; keys.has(key); n++) key = `${v.name ?? String(v.value)}_${n}`;
    keys.add(key);
    return { key: literalKey(key), value: literalText(v.value) };
  });
  const base = model.base === "string" ? "string" : "number";
  let checkBody: string;
  if (model.open) {
    const baseType: TypeRef = { kind: model.base };
    checkBody = `  return ${writer.is(baseType, "v", "0")};\n`;
  } else if (model.values.length === 0) {
    checkBody = "  return false;\n";
  } else if (model.values.length <= 8) {
    checkBody = `  return ${model.values.map((v) => `v === ${literalText(v.value)}`).join(" || ")};\n`;
  } else {
    const strings = model.values.every((v) => typeof v.value === "string") ? [...new Set(model.values.map((v) => String(v.value)))] : [];
    const hash = findSlotHash(strings);
    if (hash) {
      const table = slotTableSource(hash, { values: names.type, slot: writer.local("$slot"), table: writer.local("$table"), probe: writer.local("$probe") });
      writer.declare(table.declarations);
      checkBody = table.checkBody;
    } else {
      const values = writer.local("$values");
      writer.declare(`const ${values}: ReadonlySet<unknown> = new Set<unknown>(Object.values(${names.type}));\n`);
      checkBody = `  return ${values}.has(v);\n`;
    }
  }
  const literals = model.values.map((v) => literalText(v.value));
  const expected = model.open
    ? model.base
    : literals.length === 0
      ? "never"
      : literals.length <= 10
        ? literals.join(" | ")
        : `${model.name} (one of ${literals.length} values)`;
  return { enum: { members, open: model.open, base }, checkBody, expected };
}
