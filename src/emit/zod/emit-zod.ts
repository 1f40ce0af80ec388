/**
 * The `zod` target: {@link Program} → zod 4 schemas, one module per doc at
 * the ts target's module paths, with its barrels (`index.ts`) and export
 * names, so that a user switching targets keeps their imports. Or, with
 * {@link ZodLayout} `single`, every model in one module.
 *
 * Each model's module exports its TypeScript type exactly as the ts target
 * writes it (an interface, an enum's values object and type, an alias) and
 * `xSchema: z.ZodType<X>` (`petSchema`), which accepts what `validateX`
 * accepts (see `render-zod.ts`). The type is written out rather than inferred
 * (`z.output<typeof xSchema>`): inference cannot follow a schema that refers
 * to itself through another module (TS7022), a loose object's output would
 * gain a `[k: string]: unknown` index signature, and an open enum's would
 * collapse to `string`; the annotation also has tsc check that what the
 * schema outputs is an `X`.
 */

import { compareStrings, type Diagnostic } from "../../ir/diagnostics.js";
import { assertNever, type EnumModel, type Model, type Program, type TypeRef } from "../../ir/ir.js";
import type { EmitOptions, Emitted, OutputFile } from "../emit.js";
import { keptFile, modelDoc, objectView } from "../emit.js";
import { jsdoc, stringLiteral } from "../escape.js";
import { moduleHeader, RUNTIME_HEADER, SINGLE_MODULE_HEADER } from "../marker.js";
import { importSpecifier, literalKey, modelIdentifier, modulePaths, pathClashReports, RUNTIME_MODULE, schemaName, singleModuleNames, modelNames } from "../names.js";
import { emitBarrels, SINGLE_MODULE_RESERVED } from "../barrels.js";
import { modelsAcceptingAnything, taggedMembers } from "../render-check.js";
import { literalText, renderType } from "../render-type.js";
import { drain, type Steps } from "../steps.js";
import { templateSet, type TemplateSet } from "../templates.js";
import { readsOwnKeys, ZodWriter, type ZodRuntimeName, type ZodScope } from "./render-zod.js";

/**
 * How the models are laid out: `modules` (the default), one module per doc
 * beside the barrels and the runtime; `single`, every model in the one
 * module at `path`, named by its barrel export name, made unique across the
 * whole tree (`Pet`, then `Pet_2` for a second folder's `Pet`).
 */
export type ZodLayout = { readonly kind: "modules" } | { readonly kind: "single"; readonly path: string };

/** The names of the runtime helpers: fixed, like the ts target's `$$` names, which no doc's model takes. */
const RUNTIME_NAMES: readonly ZodRuntimeName[] = ["$$dateTime", "$$integer", "$$ownKeys"];

/** Renders every model as zod schemas. Output files are sorted by path. */
export function emitZod(program: Program, options: EmitOptions, layout: ZodLayout = { kind: "modules" }): Emitted {
  return drain(emitZodSteps(program, options, layout));
}

/** {@link emitZod} in steps, one a model (see `steps.ts`). */
export function* emitZodSteps(program: Program, options: EmitOptions, layout: ZodLayout = { kind: "modules" }): Steps<Emitted> {
  const byId = new Map(program.models.map((m) => [m.id, m]));
  const modelOf = (target: string): Model => {
    const model = byId.get(target);
    if (!model) throw new Error(`Internal error: reference to unknown model ${target}`);
    return model;
  };
  const context: ZodContext = {
    modelOf,
    options,
    tagged: taggedMembers(program.models, modelOf),
    accepting: modelsAcceptingAnything(program.models),
    templates: templateSet("zod", options.templateOverrides),
  };
  return layout.kind === "single" ? yield* emitSingle(program, context, layout.path) : yield* emitModules(program, context);
}

interface ZodContext {
  readonly modelOf: (target: string) => Model;
  readonly options: EmitOptions;
  /** Models that are members of a discriminated union (their schemas are typed discriminable). */
  readonly tagged: ReadonlyMap<string, ReadonlySet<string>>;
  /** Models that accept any value at all. */
  readonly accepting: ReadonlySet<string>;
  readonly templates: TemplateSet;
}

/** A model's two public names in a module: its type (and an enum's values object) and its schema. */
interface LocalNames {
  readonly type: string;
  readonly schema: string;
}

function localNames(identifier: string): LocalNames {
  return { type: identifier, schema: schemaName(identifier) };
}

function* emitModules(program: Program, ctx: ZodContext): Steps<Emitted> {
  const diagnostics: Diagnostic[] = [];
  const { paths, renamed } = modulePaths(program.models.map((m) => m.id));
  diagnostics.push(...pathClashReports(renamed, paths, ctx.modelOf));
  const identifiers = new Map(program.models.map((m) => [m.id, modelIdentifier(m.name)]));
  const files: OutputFile[] = [];
  for (const model of program.models) {
    const path = paths.get(model.id) as string;
    const scope = new ModuleScope(ctx, new Map([[model.id, localNames(identifiers.get(model.id) as string)]]), { from: path, paths, identifiers });
    const view = modelView(model, scope, ctx);
    const file = { path, content: ctx.templates.render("model.ts", { header: moduleHeader(model.id), imports: scope.importLines(), runtime: false, models: [view] }) };
    files.push(keptFile(file, ctx.options.onFile?.(file)));
    yield;
  }
  files.push({ path: RUNTIME_MODULE, content: ctx.templates.render("runtime.ts", { header: RUNTIME_HEADER, ...runtimeView(new Set(RUNTIME_NAMES), true) }) });
  const barrels = emitBarrels(program.models, { paths, identifiers, importExtension: ctx.options.importExtension, exported: ["type", "schema"], render: ({ header, exports }) => ctx.templates.render("index.ts", { header, exports }) });
  files.push(...barrels.files);
  diagnostics.push(...barrels.diagnostics);
  files.sort((a, b) => compareStrings(a.path, b.path));
  return { files, diagnostics };
}

function* emitSingle(program: Program, ctx: ZodContext, path: string): Steps<Emitted> {
  const { paths } = modulePaths(program.models.map((m) => m.id));
  // The ts target's names (zod's import is `$z` when a model is named `z`): switching targets keeps every name.
  const { identifiers, diagnostics } = singleModuleNames(program.models, paths, SINGLE_MODULE_RESERVED, (identifier) => Object.values(modelNames(identifier)));
  const names = new Map([...identifiers].map(([id, identifier]) => [id, localNames(identifier)]));
  const scope = new ModuleScope(ctx, names, undefined);
  const views: ReturnType<typeof modelView>[] = [];
  for (const model of program.models) {
    views.push(modelView(model, scope, ctx));
    yield;
  }
  const runtime = ctx.templates.render("runtime.ts", { header: "", ...runtimeView(scope.runtimeUsed, false, scope.z) }).trimEnd();
  const content = ctx.templates.render("model.ts", { header: SINGLE_MODULE_HEADER, imports: scope.importLines(), runtime: runtime || false, models: views });
  return { files: [{ path, content }], diagnostics };
}

/** The runtime template's view: which helpers, exported or not. */
function runtimeView(used: ReadonlySet<ZodRuntimeName>, exported: boolean, z = "z") {
  return { z, exported: exported ? "export " : "", integer: used.has("$$integer"), dateTime: used.has("$$dateTime"), ownKeys: used.has("$$ownKeys") };
}

/** Where a module of the `modules` layout lies, for its imports. */
interface ModuleLocation {
  readonly from: string;
  readonly paths: ReadonlyMap<string, string>;
  readonly identifiers: ReadonlyMap<string, string>;
}

/** The local names of one module: its own models', and those it imports (aliased on a clash). */
class ModuleScope implements ZodScope {
  readonly z: string;
  private readonly ctx: ZodContext;
  private readonly own: ReadonlyMap<string, LocalNames>;
  private readonly location: ModuleLocation | undefined;
  private readonly taken: Set<string>;
  private readonly imports = new Map<string, { names: LocalNames; type: boolean; schema: boolean }>();
  readonly runtimeUsed = new Set<ZodRuntimeName>();

  constructor(ctx: ZodContext, own: ReadonlyMap<string, LocalNames>, location: ModuleLocation | undefined) {
    this.ctx = ctx;
    this.own = own;
    this.location = location;
    const ownNames = [...own.values()].flatMap((n) => [n.type, n.schema]);
    // zod's `z`, unless a model of the module is named so.
    this.z = ownNames.includes("z") ? "$z" : "z";
    this.taken = new Set([...ownNames, this.z, ...RUNTIME_NAMES]);
  }

  private imported(target: string) {
    let entry = this.imports.get(target);
    if (!entry) {
      const base = this.location?.identifiers.get(target);
      if (base === undefined) throw new Error(`Internal error: reference to unknown model ${target}`);
      let alias = base;
      for (let n = 2; [alias, schemaName(alias)].some((name) => this.taken.has(name)); n++) alias = `${base}_${n}`;
      const names = localNames(alias);
      this.taken.add(names.type);
      this.taken.add(names.schema);
      entry = { names, type: false, schema: false };
      this.imports.set(target, entry);
    }
    return entry;
  }

  /** The local type name of a model. */
  typeName(target: string): string {
    const own = this.own.get(target);
    if (own) return own.type;
    const entry = this.imported(target);
    entry.type = true;
    return entry.names.type;
  }

  schemaRef(target: string): string {
    const own = this.own.get(target);
    if (own) return own.schema;
    const entry = this.imported(target);
    entry.schema = true;
    return entry.names.schema;
  }

  names(target: string): LocalNames {
    return this.own.get(target) as LocalNames;
  }

  model(target: string): Model {
    return this.ctx.modelOf(target);
  }

  acceptsAnything(target: string): boolean {
    return this.ctx.accepting.has(target);
  }

  runtime(name: ZodRuntimeName): string {
    this.runtimeUsed.add(name);
    return name;
  }

  /** The import declarations: zod, the runtime's helpers, then models by path. */
  importLines(): string[] {
    const lines = [`import { ${this.z === "z" ? "z" : `z as ${this.z}`} } from "zod";`];
    const location = this.location;
    if (!location) return lines;
    const ext = this.ctx.options.importExtension;
    const runtime = [...this.runtimeUsed].sort(compareStrings);
    if (runtime.length > 0) lines.push(`import { ${runtime.join(", ")} } from ${stringLiteral(importSpecifier(location.from, RUNTIME_MODULE, ext))};`);
    const pathOf = (target: string) => location.paths.get(target) as string;
    for (const target of [...this.imports.keys()].sort((a, b) => compareStrings(pathOf(a), pathOf(b)))) {
      const entry = this.imports.get(target);
      if (!entry || (!entry.type && !entry.schema)) continue;
      const base = localNames(location.identifiers.get(target) as string);
      const spec = (name: keyof LocalNames) => (base[name] === entry.names[name] ? base[name] : `${base[name]} as ${entry.names[name]}`);
      const specifier = stringLiteral(importSpecifier(location.from, pathOf(target), ext));
      if (!entry.schema) lines.push(`import type { ${spec("type")} } from ${specifier};`);
      else lines.push(`import { ${[entry.type ? `type ${spec("type")}` : "", spec("schema")].filter(Boolean).join(", ")} } from ${specifier};`);
    }
    return lines;
  }
}

/** The template's view of one model: its type (as the ts target writes it) and its schema. */
function modelView(model: Model, scope: ModuleScope, ctx: ZodContext) {
  const writer = new ZodWriter(scope, { unknownKeys: ctx.options.unknownKeys });
  const names = scope.names(model.id);
  const typeName = (target: string) => scope.typeName(target);
  const z = scope.z;
  let object: object | false = false;
  let enumView: object | false = false;
  let alias: string | false = false;
  let schema: string;
  switch (model.kind) {
    case "object":
      object = objectView(model, typeName);
      schema = writer.object(model.fields, model.additionalProperties, ctx.tagged.get(model.id));
      break;
    case "enum":
      enumView = enumMembers(model);
      schema = writer.enum(model);
      break;
    case "union": {
      const union: TypeRef = { kind: "union", members: model.members.map((m) => m.type) };
      alias = renderType(union, typeName, true);
      schema = writer.type(union);
      break;
    }
    case "opaque":
      alias = "unknown";
      schema = `${z}.unknown()`;
      break;
    default:
      return assertNever(model, "model kind");
  }
  // A member of a discriminated union is typed as one, so the union can take it (zod reads its tag's values).
  const schemaType = ctx.tagged.has(model.id) && !readsOwnKeys(model) ? `${z}.ZodType<${names.type}> & ${z}.core.$ZodTypeDiscriminable` : `${z}.ZodType<${names.type}>`;
  return {
    typeDoc: jsdoc(modelDoc(model)),
    names,
    link: `{@link ${names.type}}`,
    object,
    enum: enumView,
    alias,
    schemaType,
    schema,
  };
}

/** An enum's values object (as the ts target writes it: members by name, a clash numbered) and its type's base. */
function enumMembers(model: EnumModel) {
  const keys = new Set<string>();
  const members = model.values.map((v) => {
    let key = v.name ?? String(v.value);
    for (let n = 2; keys.has(key); n++) key = `${v.name ?? String(v.value)}_${n}`;
    keys.add(key);
    return { key: literalKey(key), value: literalText(v.value) };
  });
  return { members, open: model.open, base: model.base === "string" ? "string" : "number" };
}

