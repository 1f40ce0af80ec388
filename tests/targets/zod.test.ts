/**
 * The zod target against the ts target's validators: for every model, the
 * same accept/reject verdict from `xSchema.safeParse(v).success` (zod) as
 * from `validateX(v).ok`, on
 *
 * - each doc's TypeScript `## Example Usage` value (through JSON);
 * - a value built from the model's IR (every field filled, bounded depth),
 *   so docs without a TypeScript example (other flavours, dialects) count too;
 * - every one-leaf mutation of those, every copy with one key dropped, and
 *   every copy with an undocumented key added;
 * - hand-written samples over a hand-built program that has every IR kind;
 *
 * rendered with default options, with `unknownKeys: "reject"`, and with
 * `nullability: "as-documented"`. The one rule zod cannot say is the
 * validators' nesting-depth limit (`maxDepth`, also how they end cycles):
 * it is shown, and excluded, explicitly below. The output also compiles
 * under the strictest settings, zod resolved.
 */

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { emit, type OutputFile } from "../../src/emit/emit.js";
import { modelIdentifier, modulePaths, schemaName } from "../../src/emit/names.js";
import { emitZod } from "../../src/emit/zod/emit-zod.js";
import type { Field, Model, Program, TypeRef } from "../../src/ir/ir.js";
import { resolveOptions, type Options } from "../../src/ir/options.js";
import { render } from "../../src/recipe.js";
import { exampleValue, oneLeafMutations } from "../differential.js";
import { HAS_CORPUS, ROOT, SPEAKEASY_CORPUS } from "../helpers.js";
import { typecheck } from "../typecheck.js";

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` into a new scratch folder (an ES module package with zod resolvable, for tsc). */
function writeOut(files: readonly OutputFile[]): string {
  const dir = mkdtempSync(join(tmpdir(), "mdtypes-zod-"));
  scratch.push(dir);
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(join(ROOT, "node_modules", "zod"), join(dir, "node_modules", "zod"), "dir");
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return dir;
}

type Validate = (v: unknown) => { ok: boolean };

/** The two verdicts of each model of a program, rendered both ways. */
interface Pair {
  readonly validate: (model: Model) => Promise<Validate>;
  readonly schema: (model: Model) => Promise<ZodType>;
  readonly zodDir: string;
}

async function loadPair(program: Program, tsFiles: readonly OutputFile[], zodFiles: readonly OutputFile[]): Promise<Pair> {
  const tsDir = writeOut(tsFiles);
  const zodDir = writeOut(zodFiles);
  const paths = modulePaths(program.models.map((m) => m.id)).paths;
  const load = async (dir: string, model: Model) => (await import(pathToFileURL(join(dir, paths.get(model.id) as string)).href)) as Record<string, unknown>;
  return {
    validate: async (model) => (await load(tsDir, model))[`validate${modelIdentifier(model.name)}`] as Validate,
    schema: async (model) => (await load(zodDir, model))[schemaName(modelIdentifier(model.name))] as ZodType,
    zodDir,
  };
}

/** A value of `type` built from the IR: every field filled, containers of one, bounded depth (deeper, `null`). */
function sampleOf(type: TypeRef, modelOf: (id: string) => Model, depth: number): unknown {
  switch (type.kind) {
    case "string":
      return type.format === "date-time" ? "2024-02-29T23:59:59.5+01:00" : type.format === "date" ? "2024-02-29" : "text";
    case "integer":
      return 7;
    case "number":
      return 1.5;
    case "boolean":
      return true;
    case "unknown":
      return { any: [1] };
    case "literal":
      return type.value;
    case "array":
      return depth > 5 ? [] : [sampleOf(type.items, modelOf, depth + 1)];
    case "record":
      return depth > 5 ? {} : { key: sampleOf(type.values, modelOf, depth + 1) };
    case "nullable":
      return sampleOf(type.type, modelOf, depth);
    case "union":
      return type.members.length === 0 ? null : sampleOf(type.members[depth % type.members.length] as TypeRef, modelOf, depth);
    case "ref":
      return depth > 6 ? null : modelSample(modelOf(type.target), modelOf, depth + 1);
    case "named":
      return null;
  }
}

function modelSample(model: Model, modelOf: (id: string) => Model, depth = 0): unknown {
  switch (model.kind) {
    case "object":
      return Object.fromEntries(model.fields.filter((f) => f.required || depth < 4).map((f) => [f.name, sampleOf(f.type, modelOf, depth)]));
    case "enum":
      return model.values[0]?.value ?? (model.base === "string" ? "other" : 3);
    case "union":
      return model.members.length === 0 ? null : sampleOf((model.members[depth % model.members.length] as { type: TypeRef }).type, modelOf, depth);
    case "opaque":
      return "opaque";
  }
}

/** Every copy of `value` with one object key dropped, and with an undocumented key added to one object. */
function keyMutations(value: unknown): unknown[] {
  const out: unknown[] = [];
  const walk = (node: unknown, replace: (n: unknown) => unknown): void => {
    if (node === null || typeof node !== "object") return;
    if (!Array.isArray(node)) {
      out.push(replace({ ...node, zzUndocumented: "x" }));
      for (const key of Object.keys(node)) {
        const copy: Record<string, unknown> = { ...node };
        delete copy[key];
        out.push(replace(copy));
      }
    }
    for (const [key, child] of Object.entries(node)) {
      walk(child, (n) => {
        const copy: Record<string, unknown> | unknown[] = Array.isArray(node) ? [...node] : { ...node };
        (copy as Record<string, unknown>)[key] = n;
        return replace(copy);
      });
    }
  };
  walk(value, (n) => n);
  return out;
}

/** The seed values of a model: its TypeScript example (through JSON), if any, and the IR-built value. */
function seeds(model: Model, modelOf: (id: string) => Model): { example: boolean; values: unknown[] } {
  const values: unknown[] = [];
  const example = model.examples.find((e) => e.lang === "typescript" || e.lang === "ts");
  let hasExample = false;
  if (example && !/No examples available/.test(example.code)) {
    try {
      values.push(JSON.parse(JSON.stringify(exampleValue(example.code))) as unknown);
      hasExample = true;
    } catch {
      // A union member's snippet (`const value: components.Cat = …`) is not the model's example: the IR value stands in.
    }
  }
  values.push(modelSample(model, modelOf));
  return { example: hasExample, values };
}

interface Tally {
  models: number;
  examples: number;
  samples: number;
  accepted: number;
  mismatches: string[];
}

/** Compares the two verdicts on every sample of every model. */
async function compare(program: Program, pair: Pair, extra: (model: Model) => unknown[] = () => []): Promise<Tally> {
  const byId = new Map(program.models.map((m) => [m.id, m]));
  const modelOf = (id: string) => byId.get(id) as Model;
  const tally: Tally = { models: 0, examples: 0, samples: 0, accepted: 0, mismatches: [] };
  for (const model of program.models) {
    const validate = await pair.validate(model);
    const schema = await pair.schema(model);
    const { example, values } = seeds(model, modelOf);
    tally.models++;
    if (example) tally.examples++;
    const samples = [...values.flatMap((v) => [v, ...oneLeafMutations(v), ...keyMutations(v)]), ...extra(model)];
    for (const sample of samples) {
      const expected = validate(sample).ok;
      const actual = schema.safeParse(sample).success;
      tally.samples++;
      if (expected) tally.accepted++;
      if (expected !== actual) tally.mismatches.push(`${model.id}: validateX ${expected ? "accepts" : "rejects"}, zod ${actual ? "accepts" : "rejects"} ${JSON.stringify(sample)?.slice(0, 300)}`);
    }
  }
  return tally;
}

/** The option sets every tree is rendered with. */
const VARIANTS: readonly [string, Partial<Options>][] = [
  ["default", {}],
  ["unknownKeys reject", { unknownKeys: "reject" }],
  ["nullability as-documented", { nullability: "as-documented" }],
];

/** Renders a doc tree with both targets and compares; with `compile`, also type-checks the zod output. */
async function compareTree(input: string, options: Partial<Options>, compile = false): Promise<Tally> {
  const ts = await render(input, resolveOptions(options, { target: "ts" }));
  const zod = await render(input, resolveOptions(options, { target: "zod" }));
  expect(zod.program).toEqual(ts.program);
  const pair = await loadPair(ts.program, ts.files, zod.files);
  if (compile) {
    // zod's declarations name the `URL` global (DOM or @types/node): not this strict project's business.
    const result = typecheck(pair.zodDir, { skipLibCheck: true });
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  }
  return compare(ts.program, pair);
}

/** The Speakeasy fixture trees (every flavour) and a few dialect trees, each with its figures per option set. */
const FIXTURES: Readonly<Record<string, { readonly models: number; readonly examples: number; readonly samples: readonly number[] }>> = {
  "typescript/petstore": { models: 11, examples: 9, samples: [164, 164, 164] },
  "typescript/shapes": { models: 9, examples: 5, samples: [96, 96, 96] },
  strict: { models: 2, examples: 0, samples: [24, 24, 24] },
  "python/petstore": { models: 12, examples: 0, samples: [182, 182, 182] },
  "python/semantics": { models: 34, examples: 0, samples: [469, 469, 469] },
  "python/oddities": { models: 14, examples: 0, samples: [110, 110, 110] },
  "go/shapes": { models: 5, examples: 0, samples: [96, 96, 96] },
  "java/shapes": { models: 2, examples: 0, samples: [40, 40, 40] },
  "csharp/shapes": { models: 5, examples: 0, samples: [46, 46, 46] },
  "php/shapes": { models: 9, examples: 0, samples: [52, 52, 52] },
  "ruby/shapes": { models: 7, examples: 0, samples: [42, 42, 42] },
  "dialects/liblab/typescript": { models: 9, examples: 0, samples: [122, 122, 122] },
  "dialects/oag-jsonschema": { models: 14, examples: 0, samples: [202, 202, 202] },
  "dialects/apimatic/python": { models: 3, examples: 0, samples: [50, 50, 50] },
};

describe("zod target: same verdicts as validateX on the fixture trees", () => {
  const trees = ["typescript/petstore", "typescript/shapes", "strict", "python/petstore", "python/semantics", "python/oddities", "go/shapes", "java/shapes", "csharp/shapes", "php/shapes", "ruby/shapes", "dialects/liblab/typescript", "dialects/oag-jsonschema", "dialects/apimatic/python"];
  it.each(trees)("%s", async (tree) => {
    const figures: number[] = [];
    let first: Tally | undefined;
    for (const [, options] of VARIANTS) {
      const tally = await compareTree(join(ROOT, "fixtures", tree), options, options === VARIANTS[0]?.[1]);
      expect(tally.mismatches).toEqual([]);
      expect(tally.samples).toBeGreaterThan(tally.models * 3);
      expect(tally.accepted).toBeGreaterThan(0);
      expect(tally.accepted).toBeLessThan(tally.samples);
      figures.push(tally.samples);
      first ??= tally;
    }
    expect({ models: first?.models, examples: first?.examples, samples: figures }).toEqual(FIXTURES[tree]);
  });
});

if (!HAS_CORPUS) {
  describe("zod target: corpus", () => {
    it.skip(`skipped: ../shared/corpus/speakeasy is not beside this checkout (looked in ${SPEAKEASY_CORPUS})`, () => {});
  });
} else {
  describe("zod target: same verdicts as validateX on dub-ts's examples", () => {
    it.each(VARIANTS)("%s", async (_label, options) => {
      const tally = await compareTree(join(SPEAKEASY_CORPUS, "dubinc__dub-ts", "docs", "models"), options, options === VARIANTS[0]?.[1]);
      expect(tally.mismatches).toEqual([]);
      expect({ models: tally.models, examples: tally.examples, samples: tally.samples }).toEqual({ models: 433, examples: 389, samples: 14882 });
      expect(tally.accepted).toBeGreaterThan(2000);
    });
  });

  describe("zod target: other corpus trees render and compile", () => {
    it.each([
      ["speakeasy/LukeHagar__plexcsharp/docs/Models", 872],
      ["speakeasy/polarsource__polar-python/docs/models", 1232],
      ["dialects/launchdarkly__api-client-java", 647],
    ] as const)("%s", async (tree, models) => {
      const rendered = await render(join(SPEAKEASY_CORPUS, "..", tree), resolveOptions({ target: "zod" }));
      expect(rendered.program.models).toHaveLength(models);
      const result = typecheck(writeOut(rendered.files), { skipLibCheck: true });
      expect(result.output).toBe("");
      expect(result.status).toBe(0);
    });
  });
}

// ---------------------------------------------------------------------------
// A hand-built program with every IR kind, and hand-written samples
// ---------------------------------------------------------------------------

const AT = { line: 1, column: 1 };
const field = (name: string, type: TypeRef, required = true): Field => ({ name, type, required, place: AT, typePlace: AT });
const ref = (target: string): TypeRef => ({ kind: "ref", target });
const base = (id: string, name: string) => ({ id, name, examples: [], place: AT });

/** Every IR kind: recursion, open and closed enums of each base, a discriminated union (a literal tag and a one-value enum's), records, dates, integers, nullable, extra keys, `unknown`, a title-only doc, keys `Object.prototype` has. */
const PROGRAM: Program = {
  models: [
    { ...base("anybag.md", "AnyBag"), kind: "object", fields: [field("id", { kind: "string" })], additionalProperties: { kind: "unknown", reason: "any" } },
    { ...base("bag.md", "Bag"), kind: "object", fields: [field("id", { kind: "string" }), field("n", { kind: "integer" }, false)], additionalProperties: { kind: "nullable", type: { kind: "integer" } } },
    { ...base("blob.md", "Blob"), kind: "opaque" },
    { ...base("cat.md", "Cat"), kind: "object", fields: [field("kind", ref("kindcat.md")), field("lives", { kind: "integer" })] },
    { ...base("code.md", "Code"), kind: "enum", base: "integer", values: [{ value: 200, place: AT }, { value: 404, place: AT }], open: true },
    { ...base("color.md", "Color"), kind: "enum", base: "string", values: [{ name: "Red", value: "red", place: AT }, { value: "green", place: AT }], open: true },
    {
      ...base("dog.md", "Dog"),
      kind: "object",
      fields: [field("kind", { kind: "literal", value: "dog" }), field("born", { kind: "string", format: "date" }, false), field("seen", { kind: "nullable", type: { kind: "string", format: "date-time" } })],
    },
    { ...base("empty.md", "Empty"), kind: "enum", base: "string", values: [], open: false },
    {
      ...base("holder.md", "Holder"),
      kind: "object",
      fields: [field("blob", ref("blob.md")), field("any", { kind: "unknown", reason: "any" }), field("loose", ref("loose.md"), false), field("color", ref("color.md"), false), field("code", ref("code.md"), false)],
    },
    { ...base("kindcat.md", "KindCat"), kind: "enum", base: "string", values: [{ value: "cat", place: AT }], open: false },
    { ...base("loose.md", "Loose"), kind: "union", members: [{ label: "string", type: { kind: "string" }, place: AT }, { label: "any", type: { kind: "unknown", reason: "any" }, place: AT }] },
    { ...base("mixed.md", "Mixed"), kind: "enum", base: "string", values: [{ value: "a", place: AT }, { value: 1, place: AT }], open: true },
    {
      ...base("node.md", "Node"),
      kind: "object",
      fields: [
        field("name", { kind: "string" }),
        field("children", { kind: "array", items: ref("node.md") }, false),
        field("parent", { kind: "nullable", type: ref("node.md") }, false),
        field("meta", { kind: "record", values: { kind: "record", values: { kind: "number" } } }, false),
      ],
    },
    { ...base("pet.md", "Pet"), kind: "union", members: [{ label: "Cat", type: ref("cat.md"), place: AT }, { label: "Dog", type: ref("dog.md"), place: AT }] },
    {
      ...base("proto.md", "Proto"),
      kind: "object",
      fields: [field("__proto__", { kind: "number" }), field("constructor", { kind: "string" }, false), field("toString", { kind: "unknown", reason: "any" }, false)],
    },
    { ...base("ratio.md", "Ratio"), kind: "enum", base: "number", values: [{ value: 0.5, place: AT }], open: true },
    {
      ...base("shape.md", "Shape"),
      kind: "union",
      members: [
        { label: "string", type: { kind: "string" }, place: AT },
        { label: "integer", type: { kind: "integer" }, place: AT },
        { label: "number[]", type: { kind: "array", items: { kind: "number" } }, place: AT },
        { label: "null", type: { kind: "literal", value: null }, place: AT },
        { label: "true", type: { kind: "literal", value: true }, place: AT },
        { label: "Pet", type: ref("pet.md"), place: AT },
      ],
    },
    { ...base("size.md", "Size"), kind: "enum", base: "integer", values: [{ value: 1, place: AT }, { value: 2, place: AT }], open: false },
  ],
};

const own = (entries: [string, unknown][]) => Object.fromEntries(entries);

/** Hand-written samples per model: the shapes the docs' examples do not reach. */
const SAMPLES: Readonly<Record<string, readonly unknown[]>> = {
  "anybag.md": [{ id: "a", x: 1, y: null }, { x: 1 }, []],
  "bag.md": [{ id: "a", x: 1, y: null }, { id: "a", x: 1.5 }, { id: "a", n: 2 ** 60 }, { id: "a", x: "1" }, { id: "a", n: Number.NaN }],
  "blob.md": [undefined, null, 1, "x", [], {}],
  "cat.md": [{ kind: "cat", lives: 9 }, { kind: "dog", lives: 9 }, { kind: "cat", lives: 9.5 }, { kind: "cat", lives: Number.POSITIVE_INFINITY }, { kind: "cat", lives: 2 ** 60 }, { kind: "cat", lives: -0 }, { lives: 9 }],
  "code.md": [200, 201, 2 ** 60, 200.5, "200", Number.NaN],
  "color.md": ["red", "blue", "", 1, null],
  "dog.md": [
    { kind: "dog", seen: null },
    { kind: "dog", seen: "2016-12-31T23:59:60Z" },
    { kind: "dog", seen: "2016-12-31T23:59:60+00:00" },
    { kind: "dog", seen: "2016-12-31T22:59:60-01:00" },
    { kind: "dog", seen: "2016-12-30T23:59:60Z" },
    { kind: "dog", seen: "2024-01-01t00:00:00z" },
    { kind: "dog", seen: "2024-01-01T00:00:00.123456789+05:30" },
    { kind: "dog", seen: "2024-01-01T00:00:00" },
    { kind: "dog", seen: "2024-01-01 00:00:00Z" },
    { kind: "dog", seen: "2024-02-30T00:00:00Z" },
    { kind: "dog", seen: "2024-01-01T24:00:00Z" },
    { kind: "dog", seen: "2024-01-01T00:00:00.Z" },
    { kind: "dog", seen: "2024-01-01T00:00:00+24:00" },
    { kind: "dog", seen: null, born: "2024-02-29" },
    { kind: "dog", seen: null, born: "2023-02-29" },
    { kind: "dog", seen: null, born: "2000-02-29" },
    { kind: "dog", seen: null, born: "1900-02-29" },
    { kind: "dog", seen: null, born: "0000-02-29" },
    { kind: "dog", seen: null, born: "2024-1-01" },
    { kind: "dog", seen: null, born: "2024-01-01T00:00:00Z" },
    { kind: "dog", seen: null, born: undefined },
    { kind: "dog" },
  ],
  "empty.md": ["", "x", null],
  "holder.md": [{ blob: 1, any: null }, { blob: undefined, any: undefined }, { any: 1 }, { blob: 1 }, { blob: 1, any: 1, loose: undefined }, { blob: 1, any: 1, color: "blue", code: 7 }, { blob: 1, any: 1, code: 7.5 }],
  "kindcat.md": ["cat", "Cat", 1],
  "loose.md": [undefined, 1, "x", {}],
  "mixed.md": ["a", "b", 1, 2],
  "node.md": [
    { name: "root", children: [{ name: "a", children: [{ name: "b", parent: null }] }] },
    { name: "root", children: [{ name: "a", children: [{ name: 1 }] }] },
    { name: "root", parent: { name: "p", parent: { name: "q", meta: { x: { y: 1 } } } } },
    { name: "root", meta: { x: { y: "1" } } },
    { name: "root", meta: { x: [] } },
    { name: "root", meta: [] },
    { name: "root", children: {} },
  ],
  "pet.md": [{ kind: "cat", lives: 1 }, { kind: "dog", seen: null }, { kind: "cow" }, { kind: "cat", seen: null }, [], null, "cat"],
  "proto.md": [
    own([["__proto__", 1]]),
    own([["__proto__", "1"]]),
    {},
    own([["__proto__", 1], ["constructor", "c"]]),
    own([["__proto__", 1], ["constructor", 1]]),
    own([["__proto__", 1], ["toString", undefined]]),
  ],
  "ratio.md": [0.5, 0.25, 7, Number.POSITIVE_INFINITY, "0.5"],
  "shape.md": ["x", 1, 1.5, [1.5, 2], [1, "2"], null, true, false, { kind: "cat", lives: 1 }, { kind: "cat" }],
  "size.md": [1, 2, 3, "1"],
};

describe("zod target: every IR kind, hand-written samples", () => {
  const modelOf = (id: string) => PROGRAM.models.find((m) => m.id === id) as Model;

  it.each([["accept"], ["reject"]] as const)("unknownKeys %s: same verdicts as validateX, and the output compiles", async (unknownKeys) => {
    const options = { importExtension: ".js", maxDepth: 512, unknownKeys } as const;
    const ts = emit(PROGRAM, options);
    const zod = emitZod(PROGRAM, options);
    expect(zod.diagnostics).toEqual([]);
    const pair = await loadPair(PROGRAM, ts.files, zod.files);
    const result = typecheck(pair.zodDir, { skipLibCheck: true });
    expect(result.output).toBe("");
    const tally = await compare(PROGRAM, pair, (model) => [...(SAMPLES[model.id] ?? []), ...(SAMPLES[model.id] ?? []).flatMap((v) => [...oneLeafMutations(v), ...keyMutations(v)])]);
    expect(tally.mismatches).toEqual([]);
    expect(Object.keys(SAMPLES).sort()).toEqual(PROGRAM.models.map((m) => m.id));
    expect(tally.models).toBe(18);
    expect(tally.samples).toBeGreaterThan(500);
    expect(tally.accepted).toBeGreaterThan(100);
  });

  it("says what validateX says where zod's own built-ins would not", async () => {
    const options = { importExtension: ".js", maxDepth: 512, unknownKeys: "accept" } as const;
    const pair = await loadPair(PROGRAM, emit(PROGRAM, options).files, emitZod(PROGRAM, options).files);
    const parse = async (id: string, value: unknown) => (await pair.schema(modelOf(id))).safeParse(value).success;
    // RFC 3339 §5.6 allows `t` and `z` in lower case and §5.7 a leap second at 23:59 UTC: z.iso.datetime() takes neither.
    expect(await parse("dog.md", { kind: "dog", seen: "2024-01-01t00:00:00z" })).toBe(true);
    expect(await parse("dog.md", { kind: "dog", seen: "2016-12-31T22:59:60-01:00" })).toBe(true);
    expect(await parse("dog.md", { kind: "dog", seen: "2016-12-31T12:00:60Z" })).toBe(false);
    // Integers of any magnitude, as JSON: z.int() takes safe integers only.
    expect(await parse("cat.md", { kind: "cat", lives: 2 ** 60 })).toBe(true);
    expect(await parse("cat.md", { kind: "cat", lives: Number.POSITIVE_INFINITY })).toBe(false);
    // An absent key is absent, though Object.prototype has it; a required key must be own.
    expect(await parse("proto.md", own([["__proto__", 1]]))).toBe(true);
    expect(await parse("proto.md", {})).toBe(false);
    // A required key of a type that takes anything must still be present.
    expect(await parse("holder.md", { blob: 1 })).toBe(false);
  });

  it("z.iso.date() takes exactly the strings the validators' date check takes", async () => {
    const runtime = (await import(pathToFileURL(join(writeOut(emit(PROGRAM, { importExtension: ".js", maxDepth: 512, unknownKeys: "accept" }).files), "_runtime.ts")).href)) as { $$isDate: (s: string) => boolean };
    const { z } = await import("zod");
    const date = z.iso.date();
    const strings: string[] = [];
    for (let year = 0; year <= 2400; year += year < 10 ? 1 : 97) for (let month = 0; month <= 13; month++) for (let day = 0; day <= 32; day++) strings.push(`${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
    strings.push("2024-02-29 ", " 2024-02-29", "2024-02-2a", "２０２４-01-01", "2024/01/01", "2024-01-1", "20240101", "", "1900-02-29", "2000-02-29");
    const differ = strings.filter((s) => runtime.$$isDate(s) !== date.safeParse(s).success);
    expect(differ).toEqual([]);
    expect(strings.filter((s) => runtime.$$isDate(s)).length).toBeGreaterThan(5000);
  });

  it("what zod cannot say: the nesting-depth limit, and a record's or extra key named __proto__ (left out of the comparison above)", async () => {
    const options = { importExtension: ".js", maxDepth: 8, unknownKeys: "accept" } as const;
    const pair = await loadPair(PROGRAM, emit(PROGRAM, options).files, emitZod(PROGRAM, options).files);
    const node = modelOf("node.md");
    let deep: unknown = { name: "leaf" };
    for (let i = 0; i < 10; i++) deep = { name: `n${i}`, children: [deep] };
    // The validators reject a value nested deeper than `maxDepth` (and end cycles there); zod has no such limit.
    expect((await pair.validate(node))(deep).ok).toBe(false);
    expect((await pair.schema(node)).safeParse(deep).success).toBe(true);
    // zod strips a `__proto__` key of a record (or extra keys) unread, where the validators judge its value.
    const bad = { name: "root", meta: own([["__proto__", { y: "not a number" }]]) };
    expect((await pair.validate(node))(bad).ok).toBe(false);
    expect((await pair.schema(node)).safeParse(bad).success).toBe(true);
  });

  it("renders every model into one module, names unique across the tree (a folder's name before a name another folder took), and it compiles", async () => {
    const twin: Program = { models: [...PROGRAM.models, { ...base("other/node.md", "Node"), kind: "object", fields: [field("next", ref("node.md"))] }] };
    const { files } = emitZod(twin, { importExtension: ".js", maxDepth: 512, unknownKeys: "accept" }, { kind: "single", path: "models.ts" });
    expect(files.map((f) => f.path)).toEqual(["models.ts"]);
    const content = files[0]?.content ?? "";
    expect(content).toContain("export interface OtherNode {\n  next: Node;\n}");
    expect(content).toContain("export const otherNodeSchema: z.ZodType<OtherNode> = z.looseObject({\n  next: z.lazy(() => nodeSchema),\n});");
    const dir = writeOut(files);
    const result = typecheck(dir, { skipLibCheck: true });
    expect(result.output).toBe("");
    const module = (await import(pathToFileURL(join(dir, "models.ts")).href)) as Record<string, ZodType>;
    expect(module["otherNodeSchema"]?.safeParse({ next: { name: "x", children: [] } }).success).toBe(true);
    expect(module["otherNodeSchema"]?.safeParse({ next: { name: 1 } }).success).toBe(false);
    expect(module["petSchema"]?.safeParse({ kind: "dog", seen: "2016-12-31T23:59:60Z" }).success).toBe(true);
  });
});
