/**
 * The json-schema target against the ts target's validators: the same docs
 * rendered both ways, every document checked against the 2020-12
 * meta-schema and compiled by ajv (2020, ajv-formats, strict mode), and
 * every sample given to ajv and to `validateX` must get the same verdict.
 *
 * Trees: every ts target of mdtypes.config.json (each flavour's fixtures,
 * the strict tree, each other dialect's tree), and from ../shared/corpus
 * dub-ts's examples and six trees of built samples.
 *
 * Samples: each doc's TypeScript `## Example Usage` value (through JSON) and
 * its one-leaf mutations; a value built from each model's IR (every field,
 * one per union member) with its one-leaf mutations, an undocumented key
 * added and each key taken away; and hand-written values for the shapes
 * those miss (recursion, open enums, tagged unions, records, dates,
 * nullable, extra keys). Rendered with the default options, with
 * `unknownKeys: "reject"` and with `nullability: "as-documented"`.
 *
 * One thing JSON Schema cannot say is left out, explicitly: the nesting
 * limit (`maxDepth`). No sample reaches it (asserted), and a test shows the
 * one way the verdicts then part.
 */

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { afterAll, describe, expect, it } from "vitest";
import { DATE_PATTERN, DATE_TIME_PATTERN, SCHEMA_EXTENSION, SCHEMA_LAYOUT, uriPath } from "../../src/emit/json-schema/emit-json-schema.js";
import { jsonModuleComment, ownsFile } from "../../src/emit/marker.js";
import { modelIdentifier, modulePaths } from "../../src/emit/names.js";
import type { Model, TypeRef } from "../../src/ir/ir.js";
import { resolveOptions, type Options } from "../../src/ir/options.js";
import { loadConfig, resolveTargets } from "../../src/io/config.js";
import { render } from "../../src/recipe.js";
import { check, generate } from "../../src/run.js";
import { exampleValue, oneLeafMutations } from "../differential.js";
import { HAS_CORPUS, ROOT, SHARED, SPEAKEASY_CORPUS } from "../helpers.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** The base URI the test registers the documents under: each at its path, so relative `$ref`s resolve. */
const BASE = "https://mdtypes.invalid/schemas/";

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

type Validate = (v: unknown) => { ok: boolean };

/** One docs tree rendered by both targets: for each model, validateX and the compiled document. */
interface Pair {
  readonly models: readonly Model[];
  readonly ts: ReadonlyMap<string, Validate>;
  readonly ajv: ReadonlyMap<string, ValidateFunction>;
  readonly documents: number;
  readonly maxDepth: number;
}

function newAjv(): Ajv2020 {
  // `ownProperties`: else ajv reads inherited properties, and a key named `toString` or `constructor` is never missing.
  const ajv = new Ajv2020({ strict: true, ownProperties: true });
  addFormats(ajv);
  return ajv;
}

/** Renders `input` with `options` as both targets; imports the modules and compiles the documents. */
async function renderPair(input: string, options: Partial<Options> = {}): Promise<Pair> {
  const ts = await render(input, resolveOptions({ ...options, target: "ts" }));
  const js = await render(input, resolveOptions({ ...options, target: "json-schema" }));
  const out = mkdtempSync(join(tmpdir(), "mdtypes-json-schema-"));
  scratch.push(out);
  for (const file of ts.files) {
    mkdirSync(dirname(join(out, file.path)), { recursive: true });
    writeFileSync(join(out, file.path), file.content);
  }
  const paths = modulePaths(ts.program.models.map((m) => m.id)).paths;
  const documentPaths = modulePaths(ts.program.models.map((m) => m.id), SCHEMA_LAYOUT).paths;
  const ajv = newAjv();
  const invalid: string[] = [];
  for (const file of js.files) {
    const document = JSON.parse(file.content) as Record<string, unknown>;
    // The 2020-12 meta-schema, and the marker mdtypes recognises its files by.
    if (!ajv.validateSchema(document)) invalid.push(`${file.path}: ${ajv.errorsText()}`);
    if (!ownsFile(file.content, file.path)) invalid.push(`${file.path}: not recognised as generated`);
    ajv.addSchema(document, BASE + uriPath(file.path));
  }
  expect(invalid).toEqual([]);
  const tsValidators = new Map<string, Validate>();
  const compiled = new Map<string, ValidateFunction>();
  for (const model of ts.program.models) {
    const module = (await import(pathToFileURL(join(out, paths.get(model.id) as string)).href)) as Record<string, Validate>;
    tsValidators.set(model.id, module[`validate${modelIdentifier(model.name)}`] as Validate);
    const validate = ajv.getSchema(BASE + uriPath(documentPaths.get(model.id) as string));
    if (!validate) throw new Error(`no document for ${model.id}`);
    compiled.set(model.id, validate);
  }
  return { models: ts.program.models, ts: tsValidators, ajv: compiled, documents: js.files.length, maxDepth: resolveOptions(options).maxDepth };
}

/** How deep a value nests (a scalar is 0, `[]` is 1). */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

/** Tallies of one comparison. */
interface Tally {
  samples: number;
  /** Samples as deep as `maxDepth`, which JSON Schema cannot limit: left out (and expected to be none). */
  tooDeep: number;
  accepted: number;
  mismatches: string[];
}

function newTally(): Tally {
  return { samples: 0, tooDeep: 0, accepted: 0, mismatches: [] };
}

/** Gives every sample to both validators of `model`, recording what they disagree on. */
function compareOn(pair: Pair, model: Model, samples: Iterable<unknown>, tally: Tally): void {
  const ts = pair.ts.get(model.id) as Validate;
  const ajv = pair.ajv.get(model.id) as ValidateFunction;
  for (const sample of samples) {
    if (depthOf(sample) >= pair.maxDepth) {
      tally.tooDeep++;
      continue;
    }
    tally.samples++;
    const expected = ts(sample).ok;
    const actual = ajv(sample);
    if (expected) tally.accepted++;
    if (expected !== actual) tally.mismatches.push(`${model.id}: validateX ${expected ? "accepts" : "rejects"}, ajv ${actual ? "accepts" : "rejects"} ${JSON.stringify(sample).slice(0, 300)}`);
  }
}

/** The value, its one-leaf mutations, and (an object) with an undocumented key added and with each key taken away. */
function* variants(value: unknown): Generator<unknown> {
  yield value;
  yield* oneLeafMutations(value);
  if (value === null || typeof value !== "object" || Array.isArray(value)) return;
  yield { ...value, zz_undocumented: 1 };
  for (const key of Object.keys(value)) {
    const copy: Record<string, unknown> = { ...value };
    delete copy[key];
    yield copy;
  }
}

/** How deep the built samples go before they take the shortest way out (an empty array, null, a leaf member). */
const SAMPLE_DEPTH = 4;

/**
 * Values built from the IR: every field of an object (optional ones too, down
 * to {@link SAMPLE_DEPTH}), a value per union member at the top.
 */
function builtSamples(model: Model, modelOf: (id: string) => Model): unknown[] {
  const ofType = (type: TypeRef, depth: number): unknown => {
    switch (type.kind) {
      case "string":
        return type.format === "date-time" ? "2024-02-29T23:59:59.5+01:00" : type.format === "date" ? "2024-02-29" : type.format === "byte" ? "aGk=" : "text";
      case "integer":
        return 7;
      case "number":
        return 2.5;
      case "boolean":
        return true;
      case "unknown":
        return { any: [1, "thing"] };
      case "literal":
        return type.value;
      case "array":
        return depth > SAMPLE_DEPTH ? [] : [ofType(type.items, depth + 1)];
      case "record":
        return depth > SAMPLE_DEPTH ? {} : { key: ofType(type.values, depth + 1) };
      case "ref":
        return ofModel(modelOf(type.target), depth + 1);
      case "nullable":
        return depth > SAMPLE_DEPTH ? null : ofType(type.type, depth);
      case "union": {
        const leaf = depth > SAMPLE_DEPTH ? type.members.find((m) => m.kind !== "ref" && m.kind !== "array" && m.kind !== "record") : undefined;
        return type.members.length === 0 ? null : ofType(leaf ?? (type.members[0] as TypeRef), depth);
      }
      case "named":
        throw new Error(`unresolved name ${type.name}`);
    }
  };
  const ofModel = (m: Model, depth: number): unknown => {
    // A chain of required references with no way out: give up with a value that ends it.
    if (depth > 3 * SAMPLE_DEPTH) return null;
    switch (m.kind) {
      case "object": {
        const out: Record<string, unknown> = {};
        // Defined, not assigned: a field named `__proto__` is a key, as JSON.parse makes it.
        const set = (key: string, value: unknown) => Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
        for (const field of m.fields) if (field.required || depth <= SAMPLE_DEPTH) set(field.name, ofType(field.type, depth));
        if (m.additionalProperties) set("extra_key", ofType(m.additionalProperties, depth + 1));
        return out;
      }
      case "enum":
        return m.values[0]?.value ?? (m.base === "string" ? "anything" : 3);
      case "union":
        return m.members.length === 0 ? null : ofType((m.members[0] as { type: TypeRef }).type, depth);
      case "opaque":
        return { whatever: true };
    }
  };
  const samples = model.kind === "union" ? model.members.map((member) => ofType(member.type, 0)) : [ofModel(model, 0)];
  return samples.map((sample) => JSON.parse(JSON.stringify(sample)) as unknown);
}

/** Compares every built sample (and its variants) of every model of `pair`. */
function compareBuilt(pair: Pair, tally: Tally = newTally()): Tally {
  const byId = new Map(pair.models.map((m) => [m.id, m]));
  const modelOf = (id: string) => byId.get(id) as Model;
  for (const model of pair.models) for (const sample of builtSamples(model, modelOf)) compareOn(pair, model, variants(sample), tally);
  return tally;
}

/** Compares each doc's TypeScript example (through JSON) and its variants; returns the count of examples too. */
function compareExamples(pair: Pair, tally: Tally = newTally()): Tally & { examples: number; unreadable: number } {
  let examples = 0;
  let unreadable = 0;
  for (const model of pair.models) {
    const example = model.examples.find((e) => e.lang === "typescript" || e.lang === "ts");
    if (!example || /No examples available/.test(example.code)) continue;
    let value: unknown;
    try {
      value = JSON.parse(JSON.stringify(exampleValue(example.code)));
    } catch {
      // An example naming the SDK's own values (`Visibility.Public`): it cannot be evaluated here.
      unreadable++;
      continue;
    }
    examples++;
    compareOn(pair, model, variants(value), tally);
  }
  return { ...tally, examples, unreadable };
}

/** The three option sets of every comparison. */
const OPTION_SETS: readonly [string, Partial<Options>][] = [
  ["default options", {}],
  ['unknownKeys: "reject"', { unknownKeys: "reject" }],
  ['nullability: "as-documented"', { nullability: "as-documented" }],
];

/** Every ts target of mdtypes.config.json with built-in templates, a module per doc (each flavour's fixtures, the strict tree, every other dialect's tree), with its options. */
const FIXTURE_TREES = resolveTargets(await loadConfig(ROOT), {})
  .filter((t) => t.options.target === "ts" && t.options.templates === undefined && t.options.singleFile === undefined)
  .map((t) => ({ input: join(ROOT, t.input), options: t.options }));

/**
 * Per option set: models, TypeScript examples compared (and those naming the
 * SDK's own values, which cannot be evaluated), samples compared, of them
 * accepted by both. Every figure asserted, so nothing passes vacuously.
 */
const FIXTURE_FIGURES: Readonly<Record<string, { models: number; examples: number; unreadable: number; samples: number; accepted: number }>> = {
  "default options": { models: 322, examples: 14, unreadable: 1, samples: 3801, accepted: 1784 },
  'unknownKeys: "reject"': { models: 322, examples: 14, unreadable: 1, samples: 3801, accepted: 1558 },
  'nullability: "as-documented"': { models: 322, examples: 14, unreadable: 1, samples: 3793, accepted: 1776 },
};

describe("json-schema: the fixtures' samples get validateX's verdict from ajv", () => {
  it.each(OPTION_SETS)("%s", async (label, options) => {
    const total = { models: 0, examples: 0, unreadable: 0, ...newTally() };
    for (const tree of FIXTURE_TREES) {
      const pair = await renderPair(tree.input, { ...tree.options, ...options });
      expect(pair.documents).toBe(pair.models.length);
      total.models += pair.models.length;
      const examples = compareExamples(pair, total);
      total.examples += examples.examples;
      total.unreadable += examples.unreadable;
      compareBuilt(pair, total);
    }
    expect(total.mismatches).toEqual([]);
    expect(total.tooDeep).toBe(0);
    expect({ models: total.models, examples: total.examples, unreadable: total.unreadable, samples: total.samples, accepted: total.accepted }).toEqual(FIXTURE_FIGURES[label]);
  });
});

/** Strings at the edges of RFC 3339 `date-time` (§5.6, leap seconds per §5.7). */
const DATE_TIMES = [
  "2024-01-02T03:04:05Z",
  "2024-01-02t03:04:05z",
  "2024-01-02T03:04:05.123456789Z",
  "2024-01-02T03:04:05.Z",
  "2024-01-02T03:04:05+01:00",
  "2024-01-02T03:04:05-23:59",
  "2024-01-02T03:04:05+24:00",
  "2024-01-02T03:04:05+01",
  "2024-01-02T03:04:05+0100",
  "2024-01-02T03:04:05",
  "2024-01-02 03:04:05Z",
  "2024-01-02\t03:04:05Z",
  "2024-01-02T3:04:05Z",
  "2024-01-02T24:00:00Z",
  "2024-01-02T23:60:00Z",
  "2024-02-29T12:00:00Z",
  "2023-02-29T12:00:00Z",
  "1900-02-29T12:00:00Z",
  "2000-02-29T12:00:00Z",
  "2016-12-31T23:59:60Z",
  "2016-12-31T23:59:60.999Z",
  "2016-12-31T22:59:60Z",
  "2017-01-01T00:29:60+00:30",
  "2016-12-31T18:59:60-05:00",
  "2016-12-31T23:59:60+01:00",
  "2016-12-31T24:00:60+00:01",
  "2016-12-31T23:60:60+00:01",
  "2016-12-31T23:59:61Z",
  "0000-01-01T00:00:00Z",
  "2024-13-01T00:00:00Z",
  "2024-04-31T00:00:00Z",
  "２０２４-01-02T03:04:05Z",
  " 2024-01-02T03:04:05Z",
  "2024-01-02T03:04:05Z ",
  "2024-01-02T03:04:05Z\n",
];

/** Strings at the edges of RFC 3339 `full-date`. */
const DATES = ["2024-01-02", "2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "2024-04-31", "2024-00-10", "2024-1-02", "24-01-02", "2024-01-02T00:00:00Z", "2024-01-02\n", "0000-01-01", "2024/01/02", ""];

/**
 * Where ajv-formats' `date-time` alone parts from validateX (RFC 3339):
 * white space for the `T`, offsets without minutes or colon, and second 60
 * at hour 24 or minute 60 brought to 23:59 UTC by the offset. The emitted
 * `pattern` takes these out.
 */
const FORMAT_ALONE_DIFFERS = ["2024-01-02T03:04:05+01", "2024-01-02T03:04:05+0100", "2024-01-02 03:04:05Z", "2024-01-02\t03:04:05Z", "2016-12-31T24:00:60+00:01", "2016-12-31T23:60:60+00:01"];

describe("json-schema: dates", () => {
  it("ajv-formats' date-time and date against validateX, alone and with the emitted pattern", async () => {
    const pair = await renderPair(join(ROOT, "fixtures", "python", "semantics"));
    const dates = pair.models.find((m) => m.name === "Dates") as Model;
    const tally = newTally();
    compareOn(pair, dates, DATE_TIMES.map((s) => ({ created_at: s, birthday: "2024-01-02" })), tally);
    compareOn(pair, dates, DATES.map((s) => ({ created_at: "2024-01-02T03:04:05Z", birthday: s })), tally);
    compareOn(pair, dates, DATE_TIMES.map((s) => ({ created_at: null, birthday: null, deleted_at: s })), tally);
    expect(tally.mismatches).toEqual([]);
    expect(tally.samples).toBe(2 * DATE_TIMES.length + DATES.length);
    // Twelve date-times (three of them leap seconds at 23:59 UTC) and four dates are RFC 3339's.
    expect(tally.accepted).toBe(2 * 12 + 4);

    // The format alone: exactly the documented differences.
    const ajv = newAjv();
    const formatAlone = ajv.compile({ type: "string", format: "date-time" });
    const dateAlone = ajv.compile({ type: "string", format: "date" });
    const isDateTime = (s: string) => (pair.ts.get(dates.id) as Validate)({ created_at: s, birthday: null }).ok;
    const isDate = (s: string) => (pair.ts.get(dates.id) as Validate)({ created_at: null, birthday: s }).ok;
    expect(DATE_TIMES.filter((s) => formatAlone(s) !== isDateTime(s))).toEqual(FORMAT_ALONE_DIFFERS);
    expect(DATES.filter((s) => dateAlone(s) !== isDate(s))).toEqual([]);
    // The patterns alone say the syntax (a validator that treats `format` as an annotation still checks it).
    const pattern = new RegExp(DATE_TIME_PATTERN, "u");
    expect(DATE_TIMES.filter((s) => isDateTime(s) && !pattern.test(s))).toEqual([]);
    expect(DATES.filter((s) => isDate(s) && !new RegExp(DATE_PATTERN, "u").test(s))).toEqual([]);
  });
});

/** Hand-written values for python/semantics, by model name: the shapes the built samples touch only at one point. */
const HAND_WRITTEN: Readonly<Record<string, readonly unknown[]>> = {
  TreeNode: [
    { label: "a", children: [{ label: "b", children: [{ label: "c", parent: null }] }] },
    { label: "a", children: [{ label: "b", children: [{ label: 3 }] }] },
    { label: "a", parent: { label: "b", parent: { label: "c", parent: { children: [] } } } },
    { label: "a", children: null, parent: null },
    { label: "a", children: [null] },
  ],
  Status: ["active", "paused", "archived", "deleted", "", 1, null],
  TaskState: ["QUEUED", "SOMETHING_NEW", "", 0, null, true],
  HTTPCode: [200, 404, 500, 201, "200", 200.5],
  Priority: [1, 2, 3, 4, 1.5, "1"],
  Event: [
    { type: "click", id: "x", channel: "web" },
    { type: "sale", amount: 3 },
    { type: "sale", id: "x", channel: "web" },
    { type: "click", amount: 3 },
    { type: "refund", amount: 3 },
    { amount: 3 },
    [],
    "click",
  ],
  Touchpoint: [
    { type: "click", id: "x", channel: "web" },
    { type: "click", channel: "app", screen: "home" },
    { type: "click", channel: "app", id: "x" },
    { type: "click", channel: "tv", id: "x" },
    { type: "click", id: "x" },
  ],
  Grant: [
    { id: "g", benefit: { type: "license_keys", limit: 3 } },
    { id: "g", benefit: { type: "feature_flag", flags: null } },
    { id: "g", benefit: { type: "feature_flag", limit: 3 } },
    { id: "g", benefit: { type: "license_keys", flags: ["a"] } },
    { id: "g" },
  ],
  Shape: [{ kind: "circle", radius: 1 }, { kind: "square", side: 2 }, { kind: "square", radius: 1 }, "text", ["a", "b"], ["a", 1], "2024-01-02T03:04:05Z", 3, null],
  LooseOrPinned: [{ y: "a" }, { kind: "a", x: 1 }, { kind: "b", x: 1 }, { kind: "a", x: "1", y: "a" }, {}],
  JSONValue: [{ a: [1, "b", true, { c: {} }] }, [[[["deep"]]]], "s", 1, false, null, { a: null }, [null]],
  Extras: [{ name: "n", size: 1, other: 2 }, { name: "n", other: "2" }, { name: "n", other: 2.5 }, { name: "n", size: "1" }, { name: "n", other: null }],
  Containers: [
    { tags: null, matrix: null, labels: null },
    { tags: [], matrix: [[1, 2], []], labels: { a: "b" }, groups: { g: ["x"] }, anything: { a: [null] }, maybe_items: [null], maybe_by_name: { a: null } },
    { tags: ["a"], matrix: [[1.5]], labels: {} },
    { tags: ["a"], matrix: [], labels: [] },
    { tags: ["a"], matrix: [], labels: { a: 1 } },
    { tags: ["a"], matrix: [], labels: {}, maybe_by_name: { a: {} } },
  ],
  Literals: [
    { kind: "scalar", version: 2, strict: true, role: "function" },
    { kind: "scalar", version: 2, strict: true, role: "anything", draft: false, level: null },
    { kind: "scalar", version: 2, strict: true, role: "x", level: 0 },
    { kind: "scalar", version: 2.0, strict: true, role: "x", level: 1 },
    { kind: "scalar", version: 3, strict: true, role: "x" },
    { kind: "scalar", version: 2, strict: true, role: "x", draft: true },
  ],
  Presence: [
    { required: "a", required_nullable: null, required_model: null },
    { required: "a", required_model: null },
    { required: "a", required_nullable: "b", required_model: null, optional: null },
    { required: "a", required_nullable: "b", required_model: null, plain_model: null },
    { required: "a", required_nullable: "b", required_model: null, optional_nullable: null, optional_model: null, optional_list: null },
  ],
  Scalars: [
    { text: "", count: 0, ratio: 0, enabled: false, payload: null, blob: "" },
    { text: "", count: 2 ** 53, ratio: 1e308, enabled: false, payload: [], blob: "not base64 at all" },
    { text: "", count: 1e300, ratio: -0.5, enabled: false, payload: 0, blob: "x" },
    { text: "", count: 1.5, ratio: 0, enabled: false, payload: 0, blob: "x" },
    { text: "", count: 0, ratio: 0, enabled: false, blob: "x" },
    { text: "", count: 0, ratio: 0, enabled: 0, payload: 0, blob: "x" },
  ],
  Upload: [{ content_type: "a", status_code: 200, raw_response: null }, { content_type: "a", status_code: 200 }, { content_type: "a", status_code: 200, raw_response: {}, content: [1] }],
};

describe("json-schema: hand-written samples of every shape", () => {
  it.each(OPTION_SETS)("%s", async (_label, options) => {
    const pair = await renderPair(join(ROOT, "fixtures", "python", "semantics"), options);
    const tally = newTally();
    const kinds = new Set<string>();
    for (const model of pair.models) {
      const samples = HAND_WRITTEN[model.name];
      if (!samples) continue;
      kinds.add(model.kind);
      compareOn(pair, model, samples, tally);
    }
    expect(tally.mismatches).toEqual([]);
    expect([...kinds].sort()).toEqual(["enum", "object", "union"]);
    expect(tally.samples).toBe(Object.values(HAND_WRITTEN).reduce((n, s) => n + s.length, 0));
    expect(tally.accepted).toBeGreaterThan(20);
    expect(tally.samples - tally.accepted).toBeGreaterThan(30);
  });

  it("a title-only doc (opaque) and a model accepting anything: every value", async () => {
    const pair = await renderPair(join(ROOT, "fixtures", "java", "shapes"));
    const accepting = pair.models.filter((m) => m.kind === "opaque");
    expect(accepting.length).toBeGreaterThan(0);
    const tally = newTally();
    for (const model of accepting) compareOn(pair, model, [null, 0, "x", [], {}, { a: [1] }], tally);
    expect(tally.mismatches).toEqual([]);
    expect(tally.accepted).toBe(tally.samples);
  });
});

describe("json-schema: what it cannot say", () => {
  it("the nesting limit: a value as deep as maxDepth is rejected by validateX, accepted by ajv (left out of every comparison)", async () => {
    const pair = await renderPair(join(ROOT, "fixtures", "python", "semantics"), { maxDepth: 3 });
    const tree = pair.models.find((m) => m.name === "TreeNode") as Model;
    const deep = { label: "a", children: [{ label: "b", children: [{ label: "c" }] }] };
    expect(depthOf(deep)).toBeGreaterThanOrEqual(3);
    expect((pair.ts.get(tree.id) as Validate)(deep).ok).toBe(false);
    expect((pair.ajv.get(tree.id) as ValidateFunction)(deep)).toBe(true);
    const tally = newTally();
    compareOn(pair, tree, [deep, { label: "a" }], tally);
    expect(tally).toEqual({ samples: 1, tooDeep: 1, accepted: 1, mismatches: [] });
  });
});

describe("json-schema: the bundle", () => {
  it("one document with every model in $defs gives the documents' verdicts", async () => {
    const input = join(ROOT, "fixtures", "python", "semantics");
    const { emitJsonSchema } = await import("../../src/emit/json-schema/emit-json-schema.js");
    const single = await render(input, resolveOptions({ target: "json-schema" }));
    const bundled = emitJsonSchema(single.program, { ...resolveOptions({}), singleFile: "api.schema.json" });
    expect(bundled.files.map((f) => f.path)).toEqual(["api.schema.json"]);
    const text = (bundled.files[0] as { content: string }).content;
    // A bundle is a one-file output's own file: never a folder's (nor its orphan).
    expect(ownsFile(text, "api.schema.json", "single")).toBe(true);
    expect(ownsFile(text, "api.schema.json")).toBe(false);
    const document = JSON.parse(text) as { $defs: Record<string, unknown> };
    expect(Object.keys(document.$defs)).toHaveLength(single.files.length);
    const ajv = newAjv();
    expect(ajv.validateSchema(document)).toBe(true);
    ajv.addSchema(document, `${BASE}api.schema.json`);
    const pair = await renderPair(input);
    const paths = modulePaths(pair.models.map((m) => m.id), SCHEMA_LAYOUT).paths;
    const tally = newTally();
    for (const model of pair.models) {
      const key = (paths.get(model.id) as string).slice(0, -SCHEMA_EXTENSION.length);
      const validate = ajv.getSchema(`${BASE}api.schema.json#/$defs/${uriPath(key.replace(/~/g, "~0").replace(/\//g, "~1"))}`) as ValidateFunction;
      const bundlePair: Pair = { ...pair, ajv: new Map([[model.id, validate]]) };
      for (const sample of builtSamples(model, (id) => pair.models.find((m) => m.id === id) as Model)) compareOn(bundlePair, model, variants(sample), tally);
      compareOn(bundlePair, model, HAND_WRITTEN[model.name] ?? [], tally);
    }
    expect(tally.mismatches).toEqual([]);
    expect(tally.samples).toBeGreaterThan(300);
  });
});

describe("json-schema: mdtypes knows its documents", () => {
  it("a document is its output folder's own only at the place its $comment names", () => {
    const text = (docId: string) => `{\n  "$comment": ${JSON.stringify(jsonModuleComment(docId))},\n  "type": "object"\n}\n`;
    expect(ownsFile(text("a/pet.md"), "a/pet.schema.json")).toBe(true);
    expect(ownsFile(text("a/pet.md"), "a/pet_.schema.json")).toBe(true);
    expect(ownsFile(text("a/pet.md#Tag"), "a/pet.Tag.schema.json")).toBe(true);
    expect(ownsFile(text('a/"odd"\n.md'), 'a/"odd"\n.schema.json')).toBe(true);
    expect(ownsFile(text("a/pet.md"), "b/pet.schema.json")).toBe(false);
    expect(ownsFile(text("a/pet.md"), "a/pet.ts")).toBe(false);
    expect(ownsFile(text("a/pet.md"), "a/pet.json")).toBe(false);
    expect(ownsFile(text("a/pet.md").replace("{\n", "{\n  \"x\": 1,\n"), "a/pet.schema.json")).toBe(false);
    expect(ownsFile('{\n  "$comment": "Generated by hand"\n}\n', "a/pet.schema.json")).toBe(false);
    expect(ownsFile("// Generated by mdtypes from `a/pet.md`. Do not edit: change the doc and run `mdtypes generate`.\n", "a/pet.schema.json")).toBe(false);
  });

  it("generate removes an orphaned document and keeps a foreign JSON file; check reports drift and orphans", async () => {
    const input = mkdtempSync(join(tmpdir(), "mdtypes-json-schema-docs-"));
    const out = mkdtempSync(join(tmpdir(), "mdtypes-json-schema-out-"));
    scratch.push(input, out);
    const models = join(ROOT, "fixtures", "python", "petstore", "models");
    for (const name of ["photo.md", "category.md", "errorcode.md"]) writeFileSync(join(input, name), readFileSync(join(models, name)));
    const options = resolveOptions({ target: "json-schema" });
    const first = await generate(input, out, options);
    expect(first.written?.written).toEqual(["category.schema.json", "errorcode.schema.json", "photo.schema.json"]);
    writeFileSync(join(out, "package.json"), '{\n  "$comment": "Generated by hand",\n  "name": "x"\n}\n');
    writeFileSync(join(out, "notes.json"), "{}\n");
    rmSync(join(input, "errorcode.md"));
    const photo = readFileSync(join(out, "photo.schema.json"), "utf8");
    writeFileSync(join(out, "photo.schema.json"), photo.replace('"title": "Photo"', '"title": "Photograph"'));
    const drift = await check(input, out, options);
    expect(drift.drift?.changed.map((c) => [c.path, c.owned])).toEqual([["photo.schema.json", true]]);
    expect(drift.drift?.orphaned).toEqual(["errorcode.schema.json"]);
    const second = await generate(input, out, options);
    expect(second.written).toEqual({ written: ["photo.schema.json"], unchanged: ["category.schema.json"], deleted: ["errorcode.schema.json"] });
    expect(readdirSync(out).sort()).toEqual(["category.schema.json", "notes.json", "package.json", "photo.schema.json"]);
  });
});

/** The corpus: dub-ts's examples, and built samples over a handful of trees of every kind. */
const CORPUS_TREES = HAS_CORPUS
  ? [
      `${SPEAKEASY_CORPUS}/dubinc__dub-ts/docs/models`,
      `${SPEAKEASY_CORPUS}/dubinc__dub-go/docs/models`,
      `${SPEAKEASY_CORPUS}/ryan-blunden__discord-python-sdk/docs/models`,
      `${SHARED}corpus/dialects/manyoo__experian-prequal`,
      `${SHARED}corpus/dialects/paypal__PayPal-TypeScript-Server-SDK`,
      `${SHARED}corpus/dialects/companybetatel__esim-sdk-kotlin`,
    ]
  : [];

/** dub-ts's figures per option set: TypeScript examples, those that cannot be evaluated, samples compared, of them accepted by both. */
const DUB_TS: Readonly<Record<string, { examples: number; unreadable: number; samples: number; accepted: number }>> = {
  "default options": { examples: 389, unreadable: 0, samples: 4166, accepted: 688 },
  'unknownKeys: "reject"': { examples: 389, unreadable: 0, samples: 4166, accepted: 417 },
  'nullability: "as-documented"': { examples: 389, unreadable: 0, samples: 4166, accepted: 610 },
};

/** Per corpus tree (unknownKeys "reject"): models, built samples compared, of them accepted by both. */
const BUILT: Readonly<Record<string, { models: number; samples: number; accepted: number }>> = {
  "corpus/speakeasy/dubinc__dub-ts/docs/models": { models: 433, samples: 8776, accepted: 1659 },
  "corpus/speakeasy/dubinc__dub-go/docs/models": { models: 456, samples: 8858, accepted: 1684 },
  "corpus/speakeasy/ryan-blunden__discord-python-sdk/docs/models": { models: 707, samples: 20931, accepted: 4123 },
  "corpus/dialects/manyoo__experian-prequal": { models: 47, samples: 718, accepted: 473 },
  "corpus/dialects/paypal__PayPal-TypeScript-Server-SDK": { models: 370, samples: 8743, accepted: 1625 },
  "corpus/dialects/companybetatel__esim-sdk-kotlin": { models: 35, samples: 552, accepted: 96 },
};

if (!HAS_CORPUS) {
  describe("json-schema: the corpus", () => {
    it.skip(`skipped: ../shared/corpus is not beside this checkout (looked in ${SPEAKEASY_CORPUS})`, () => {});
  });
} else {
  describe("json-schema: the corpus", () => {
    it.each(OPTION_SETS)("dub-ts's examples and their mutations, %s", async (label, options) => {
      const pair = await renderPair(join(SPEAKEASY_CORPUS, "dubinc__dub-ts", "docs", "models"), options);
      const tally = compareExamples(pair);
      expect(tally.mismatches).toEqual([]);
      expect(tally.tooDeep).toBe(0);
      expect({ examples: tally.examples, unreadable: tally.unreadable, samples: tally.samples, accepted: tally.accepted }).toEqual(DUB_TS[label]);
    });

    it.each(CORPUS_TREES.map((tree) => [tree.slice(SHARED.length)] as const))("built samples: %s", async (tree) => {
      const pair = await renderPair(join(SHARED, tree), { unknownKeys: "reject" });
      expect(pair.documents).toBe(pair.models.length);
      const tally = compareBuilt(pair);
      expect(tally.mismatches).toEqual([]);
      expect(tally.tooDeep).toBe(0);
      expect({ models: pair.models.length, samples: tally.samples, accepted: tally.accepted }).toEqual(BUILT[tree]);
    });
  });
}

