/**
 * Property-based tests (fast-check) of the generated validators, driven by the
 * IR: values generated from a model's IR are accepted; a single mutation of
 * such a value — a wrong type, a missing required key, `null` where not
 * nullable, a value outside an enum, a malformed date — is rejected, with an
 * issue at the mutated path. At least 1,000 cases per model kind.
 */

import fc from "fast-check";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { render } from "../src/recipe.js";
import type { Model, TypeRef } from "../src/ir/ir.js";
import { resolveOptions } from "../src/ir/options.js";
import { ROOT } from "./helpers.js";

type Validators = {
  is: (v: unknown) => boolean;
  validate: (v: unknown) => { ok: boolean; issues?: { path: string; expected: string }[] };
  /** The issue-collecting walk, for the runtime's safe walk. */
  collect: (v: unknown, c: never) => void;
};

const input = join(ROOT, "fixtures", "python");
const { program } = await render(input, resolveOptions());
const byId = new Map(program.models.map((m) => [m.id, m]));
// SDK response wrappers (a required raw HTTP response) are not data; everything else is tested.
const models = program.models.filter((m) => !m.id.includes("invalid/") && !(m.kind === "object" && m.fields.some((f) => f.name === "raw_response")));

const modules = new Map<string, Validators>();
for (const model of models) {
  const url = pathToFileURL(join(ROOT, "generated", "python", model.id.replace(/\.md$/, ".ts"))).href;
  const exports = (await import(url)) as Record<string, (v: unknown) => never>;
  const name = Object.keys(exports).find((k) => k.startsWith("is") && !k.startsWith("is$")) as string;
  const base = name.slice(2);
  modules.set(model.id, {
    is: exports[`is${base}`] as Validators["is"],
    validate: exports[`validate${base}`] as Validators["validate"],
    collect: exports[`$check${base}`] as Validators["collect"],
  });
}
const runtime = (await import(pathToFileURL(join(ROOT, "generated", "python", "_runtime.ts")).href)) as {
  $$check: (collect: Validators["collect"], value: unknown) => boolean;
  /** The collect walk over the whole value, in a clean environment: what `validateX` reported before it had a check of its own. */
  $$collect: (collect: Validators["collect"], value: unknown) => { path: string; expected: string }[];
};

// ---------------------------------------------------------------------------- generating valid values

const DIGITS = (n: number) => fc.integer({ min: 0, max: 10 ** n - 1 }).map((x) => String(x).padStart(n, "0"));
const dateArb = fc.tuple(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
const dateTimeArb = fc
  .tuple(dateArb, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }), fc.option(DIGITS(3)), fc.constantFrom("Z", "+02:00", "-05:30", "z"))
  .map(([d, h, mi, s, frac, zone]) => `${d}T${String(h).padStart(2, "0")}:${String(mi).padStart(2, "0")}:${String(s).padStart(2, "0")}${frac === null ? "" : `.${frac}`}${zone}`);
const jsonArb = fc.jsonValue({ maxDepth: 2 });

/** A JSON value the type accepts; `depth` bounds recursion through models. */
function arbitrary(type: TypeRef, depth: number): fc.Arbitrary<unknown> {
  switch (type.kind) {
    case "string":
      return type.format === "date-time" ? dateTimeArb : type.format === "date" ? dateArb : fc.string({ maxLength: 8 });
    case "integer":
      return fc.integer({ min: -1e6, max: 1e6 });
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
    case "boolean":
      return fc.boolean();
    case "unknown":
      return jsonArb;
    case "literal":
      return fc.constant(type.value);
    case "array":
      return fc.array(arbitrary(type.items, depth), { maxLength: depth > 2 ? 0 : 3 });
    case "record":
      return fc.dictionary(fc.string({ maxLength: 5 }), arbitrary(type.values, depth), { maxKeys: depth > 2 ? 0 : 3 });
    case "nullable":
      return fc.option(arbitrary(type.type, depth), { nil: null, freq: 3 });
    case "union":
      return type.members.length === 0 ? fc.constant(undefined) : fc.oneof(...type.members.map((m) => arbitrary(m, depth)));
    case "ref":
      // Built lazily, at generation time: recursive models would otherwise be built forever.
      return fc.constant(null).chain(() => modelArbitrary(byId.get(type.target) as Model, depth + 1));
    case "named":
      throw new Error("unresolved");
  }
}

function modelArbitrary(model: Model, depth: number): fc.Arbitrary<unknown> {
  switch (model.kind) {
    case "object": {
      // Past a few levels, recursive models get their optional keys left out (so values stay finite).
      const fields = model.fields.filter((f) => f.required || depth <= 3);
      const shape = Object.fromEntries(fields.map((f) => [f.name, arbitrary(f.type, depth)]));
      return fc.record(shape, { requiredKeys: fields.filter((f) => f.required).map((f) => f.name) });
    }
    case "enum": {
      const values = model.values.map((v) => v.value);
      if (values.length === 0) return fc.constant(undefined);
      return model.open ? fc.oneof(fc.constantFrom(...values), model.base === "string" ? fc.string({ maxLength: 6 }) : fc.integer()) : fc.constantFrom(...values);
    }
    case "union":
      return arbitrary({ kind: "union", members: model.members.map((m) => m.type) }, depth);
    case "opaque":
      return jsonArb;
  }
}

/** Values arrive as JSON: generated values go through it (`__proto__` keys stay data, like in a payload). */
const asPayload = (v: unknown) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

/** Whether a model can have any value at all (an enum or union with no members cannot). */
function inhabited(model: Model): boolean {
  return !((model.kind === "enum" && model.values.length === 0) || (model.kind === "union" && model.members.length === 0));
}

// ---------------------------------------------------------------------------- mutations

interface Mutation {
  readonly path: string;
  readonly describe: string;
  apply(): void;
}

const token = (k: string | number) => String(k).replace(/~/g, "~0").replace(/\//g, "~1");

/** Whether `value` is something `type` accepts (to pick replacements that are surely wrong). */
function accepts(type: TypeRef, value: unknown): boolean {
  switch (type.kind) {
    case "unknown":
      return true;
    case "nullable":
      return value === null || accepts(type.type, value);
    case "union":
      return type.members.some((m) => accepts(m, value));
    case "string":
      return typeof value === "string" && (type.format === undefined || type.format === "byte");
    case "integer":
      return Number.isInteger(value);
    case "number":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "literal":
      return value === type.value;
    case "array":
      return Array.isArray(value) && value.length === 0;
    case "record":
      return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
    case "ref": {
      const model = byId.get(type.target) as Model;
      if (model.kind === "enum") return model.open ? typeof value === (model.base === "string" ? "string" : "number") : model.values.some((v) => v.value === value);
      if (model.kind === "opaque") return true;
      if (model.kind === "union") return model.members.some((m) => accepts(m.type, value));
      return typeof value === "object" && value !== null && !Array.isArray(value);
    }
    default:
      return false;
  }
}

const WRONG: readonly unknown[] = [null, 12345, 1.5, "not-a-date", true, [], {}, "__no_such_value__"];

/** Every single mutation of `value` (of `type`) that must make it invalid, with the path of the issue it must give. */
function mutations(type: TypeRef, value: unknown, path: string, set: (v: unknown) => void, out: Mutation[]): void {
  // Every kind of wrong value the type refuses: null where not nullable, a wrong type, a bad date, a value outside an enum.
  for (const wrong of WRONG) {
    if (!accepts(type, wrong)) out.push({ path, describe: `${path || "(root)"} := ${JSON.stringify(wrong)}`, apply: () => set(structuredClone(wrong)) });
  }
  const inner = type.kind === "nullable" ? type.type : type;
  if (value === null) return;
  if (inner.kind === "array" && Array.isArray(value)) {
    value.forEach((item, i) => mutations(inner.items, item, `${path}/${i}`, (v) => (value[i] = v), out));
  } else if (inner.kind === "record" && value !== null && typeof value === "object") {
    for (const [k, item] of Object.entries(value)) mutations(inner.values, item, `${path}/${token(k)}`, (v) => ((value as Record<string, unknown>)[k] = v), out);
  } else if (inner.kind === "ref") {
    const model = byId.get(inner.target) as Model;
    if (model.kind === "object" && value !== null && typeof value === "object") objectMutations(model, value as Record<string, unknown>, path, out);
  }
  // Inside unions the closest member decides where issues go: only the union value itself is mutated.
}

function objectMutations(model: Model & { kind: "object" }, value: Record<string, unknown>, path: string, out: Mutation[]): void {
  for (const field of model.fields) {
    const fieldPath = `${path}/${token(field.name)}`;
    if (!Object.hasOwn(value, field.name)) continue;
    if (field.required) out.push({ path: fieldPath, describe: `delete ${fieldPath}`, apply: () => delete value[field.name] });
    mutations(field.type, value[field.name], fieldPath, (v) => (value[field.name] = v), out);
  }
}

// ---------------------------------------------------------------------------- the properties

const RUNS = 1000;
const kinds = ["object", "enum", "union"] as const;

describe.each(kinds)("%s models", (kind) => {
  const ofKind = models.filter((m) => m.kind === kind && inhabited(m));

  it("there are models of this kind to test", () => {
    expect(ofKind.length).toBeGreaterThan(kind === "object" ? 20 : 5);
  });

  it(`accept every value generated from their IR (${RUNS} runs)`, () => {
    const arb = fc.constantFrom(...ofKind).chain((model) => modelArbitrary(model, 0).map((value) => ({ model, value: asPayload(value) })));
    fc.assert(
      fc.property(arb, ({ model, value }) => {
        const v = modules.get(model.id) as Validators;
        const result = v.validate(value);
        if (!v.is(value) || !result.ok) throw new Error(`${model.id} rejected ${JSON.stringify(value)}: ${JSON.stringify(result.issues)}`);
      }),
      { numRuns: RUNS },
    );
  });

  it(`reject every single mutation, with an issue at the mutated path (${RUNS} runs)`, () => {
    const arb = fc
      .constantFrom(...ofKind)
      .chain((model) => modelArbitrary(model, 0).map((value) => ({ model, value: asPayload(value) })))
      .chain(({ model, value }) => {
        const count = modelMutationsOn(model, { value: structuredClone(value) }).length;
        return fc.record({ model: fc.constant(model), value: fc.constant(value), pick: fc.nat({ max: Math.max(count - 1, 0) }) });
      });
    let tested = 0;
    fc.assert(
      fc.property(arb, ({ model, value, pick }) => {
        const holder = { value: structuredClone(value) };
        const list = modelMutationsOn(model, holder);
        const mutation = list[pick];
        if (!mutation) return;
        mutation.apply();
        const v = modules.get(model.id) as Validators;
        const mutated = holder.value;
        const result = v.validate(mutated);
        if (v.is(mutated) || result.ok) throw new Error(`${model.id}: ${mutation.describe} was accepted: ${JSON.stringify(mutated)}`);
        if (!result.issues?.some((i) => i.path === mutation.path)) {
          throw new Error(`${model.id}: ${mutation.describe} gave issues at ${JSON.stringify(result.issues?.map((i) => i.path))}, not at ${JSON.stringify(mutation.path)}`);
        }
        tested++;
      }),
      { numRuns: RUNS },
    );
    expect(tested).toBeGreaterThan(RUNS / 2);
  });
});

describe("values whose objects are not plain", () => {
  const all = models.filter((m) => kinds.includes(m.kind as (typeof kinds)[number]) && inhabited(m));

  it(`\`isX\` agrees with the safe walk, and \`validateX\` finds the issues its check saw (${RUNS} runs)`, () => {
    // Valid values and mutated ones, each object then rebuilt (or not) on a prototype that holds
    // some of its keys instead of it, shadowed values and keys of its own.
    const arb = fc
      .constantFrom(...all)
      .chain((model) => modelArbitrary(model, 0).map((value) => ({ model, value: asPayload(value) })))
      .chain(({ model, value }) => {
        const count = modelMutationsOn(model, { value: structuredClone(value) }).length;
        return fc.record({ model: fc.constant(model), value: fc.constant(value), pick: fc.nat({ max: count }), seed: fc.nat() });
      });
    let nonPlain = 0;
    fc.assert(
      fc.property(arb, ({ model, value, pick, seed }) => {
        const holder = { value: structuredClone(value) };
        modelMutationsOn(model, holder)[pick]?.apply();
        let state = seed || 1;
        const next = () => ((state = (state * 48271) % 2147483647) / 2147483647);
        const built = unplain(holder.value, next, () => nonPlain++);
        const v = modules.get(model.id) as Validators;
        const verdict = v.is(built);
        if (verdict !== runtime.$$check(v.collect, built)) throw new Error(`${model.id}: isX says ${verdict}, the safe walk does not`);
        const result = v.validate(built);
        if (result.ok !== verdict) throw new Error(`${model.id}: validateX and isX disagree`);
        if (result.issues?.some((i) => i.expected === "a valid value")) throw new Error(`${model.id}: the walk found no issue where isX failed`);
        // `validateX`'s check starts the walk at the object whose key fails: the result is that of `isX`'s check and the walk from the top.
        const twoPasses = verdict ? { ok: true, value: built } : { ok: false, issues: runtime.$$collect(v.collect, built) };
        if (JSON.stringify(result) !== JSON.stringify(twoPasses)) throw new Error(`${model.id}: validateX gave ${JSON.stringify(result)}, the check and the walk from the top ${JSON.stringify(twoPasses)}`);
      }),
      { numRuns: RUNS },
    );
    expect(nonPlain).toBeGreaterThan(RUNS / 4);
  });
});

/** Defines an own, enumerable data property (even `__proto__`). */
function own(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * `value` with some of its objects rebuilt on a prototype: some keys moved to the prototype
 * (inherited only), some shadowing a prototype's value, an inherited extra key; now and then a
 * null prototype.
 */
function unplain(value: unknown, next: () => number, counted: () => void): unknown {
  if (Array.isArray(value)) return value.map((item) => unplain(item, next, counted));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value).map(([k, v]) => [k, unplain(v, next, counted)] as const);
  if (next() < 0.4) {
    const plain = {};
    for (const [k, v] of entries) own(plain, k, v);
    return plain;
  }
  counted();
  const proto: object = {};
  const ownPart: [string, unknown][] = [];
  for (const [k, v] of entries) {
    const r = next();
    if (r < 0.15) own(proto, k, v);
    else {
      ownPart.push([k, v]);
      if (r < 0.3) own(proto, k, 12345);
    }
  }
  if (next() < 0.5) own(proto, "zz_inherited", "x");
  const built = Object.create(next() < 0.1 ? null : proto) as object;
  for (const [k, v] of ownPart) own(built, k, v);
  return built;
}

/** The mutations of the value in `holder` (root replacements write `holder.value`). */
function modelMutationsOn(model: Model, holder: { value: unknown }): Mutation[] {
  const out: Mutation[] = [];
  if (model.kind === "object") {
    if (holder.value !== null && typeof holder.value === "object") objectMutations(model, holder.value as Record<string, unknown>, "", out);
    out.push({ path: "", describe: '(root) := "x"', apply: () => (holder.value = "x") });
  } else if (model.kind === "enum" && !model.open) {
    out.push({ path: "", describe: "(root) := a value outside the enum", apply: () => (holder.value = model.base === "string" ? "__no_such_value__" : 987654321) });
  } else if (model.kind === "union" && model.members.length > 0) {
    const union: TypeRef = { kind: "union", members: model.members.map((m) => m.type) };
    const wrong = WRONG.find((w) => !accepts(union, w));
    if (wrong !== undefined) out.push({ path: "", describe: `(root) := ${JSON.stringify(wrong)}`, apply: () => (holder.value = structuredClone(wrong)) });
  }
  return out;
}
