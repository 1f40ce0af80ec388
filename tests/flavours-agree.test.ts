/**
 * The same API documented in several SDK languages must give the same model
 * names, fields and type shapes, except where a flavour cannot say something
 * (the rules in shapes.ts, the table in the README).
 *
 * - fixtures/<flavour>/petstore: one API written in all seven flavours: they
 *   agree exactly, every pair;
 * - the dub SDKs of the shared corpus (TypeScript, Go, PHP, Ruby): generated
 *   from the API at different dates (SOURCES.tsv), so they also differ where
 *   the API changed in between; each such allowance is named below.
 */

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { render } from "../src/recipe.js";
import { resolveOptions } from "../src/ir/options.js";
import { HAS_CORPUS, ROOT, SPEAKEASY_CORPUS } from "./helpers.js";
import { describeProgram, differences, missingModels, type ModelShape } from "./shapes.js";

type Described = { flavour: string; models: Map<string, ModelShape> };

async function describeTree(flavour: string, dir: string): Promise<Described> {
  // As documented: what each flavour states is compared; what it cannot state is the rules of shapes.ts.
  const result = await render(dir, resolveOptions({ nullability: "as-documented" }));
  expect(result.options.flavour, dir).toBe(flavour);
  return { flavour, models: describeProgram(result.program) };
}

const FLAVOURS = ["python", "typescript", "go", "java", "csharp", "php", "ruby"];

describe("one API in seven flavours (fixtures/<flavour>/petstore)", async () => {
  const trees = await Promise.all(FLAVOURS.map((f) => describeTree(f, join(ROOT, "fixtures", f, "petstore"))));
  const pairs = trees.flatMap((a, i) => trees.slice(i + 1).map((b) => [`${a.flavour} / ${b.flavour}`, a, b] as const));

  it.each(pairs)("%s: same fields and type shapes", (_pair, a, b) => {
    expect(differences(a, b)).toEqual([]);
    expect(differences(b, a)).toEqual([]);
  });

  it.each(pairs)("%s: same models", (_pair, a, b) => {
    // TypeScript SDKs return the model itself: they have no `GetPetResponse` wrapper with the raw HTTP response.
    const wrapper = (names: string[], other: Described) => names.filter((n) => !(n === "GetPetResponse" && other.flavour === "typescript"));
    expect(wrapper(missingModels(a.models, b.models), b)).toEqual([]);
    expect(wrapper(missingModels(b.models, a.models), a)).toEqual([]);
  });

  it("the comparison is not vacuous: it sees the models and fields", () => {
    const pet = trees[0]?.models.get("Pet");
    expect(pet?.kind === "object" && pet.fields.size).toBe(19);
    expect(trees.every((t) => t.models.size >= 11)).toBe(true);
  });
});

const dub = {
  typescript: "dubinc__dub-ts/docs/models",
  go: "dubinc__dub-go/docs/models",
  php: "dubinc__dub-php/docs/Models",
  ruby: "dubinc__dub-ruby/docs/models",
};

/** An enum that gained values between two snapshots of the API: `values a,b vs a,b,c`. */
function gainedValues(difference: string): boolean {
  const match = /: values (\S*) vs (\S*)$/.exec(difference);
  if (!match) return false;
  const [older, newer] = [new Set((match[1] ?? "").split(",")), new Set((match[2] ?? "").split(","))];
  return [...older].every((v) => newer.has(v)) || [...newer].every((v) => older.has(v));
}

describe.skipIf(!HAS_CORPUS)("the dub API in four flavours (shared corpus)", async () => {
  const trees = HAS_CORPUS ? await Promise.all(Object.entries(dub).map(([f, dir]) => describeTree(f, join(SPEAKEASY_CORPUS, dir)))) : [];
  const [ts, go, php, ruby] = trees as [Described, Described, Described, Described];

  it.each<[string, () => [Described, Described]]>([
    ["typescript / go", () => [ts, go]],
    ["typescript / php", () => [ts, php]],
    ["go / php", () => [go, php]],
  ])("%s: same fields and shapes; enums differ only by values the API gained between the two generator runs", (_pair, get) => {
    const [a, b] = get();
    const all = [...differences(a, b), ...differences(b, a)];
    expect(all.filter((d) => !gainedValues(d))).toEqual([]);
    // The TypeScript SDK (2026-06-05) predates Go and PHP (2026-07-04) by the `tremendous` payout method.
    expect(all.length).toBeLessThanOrEqual(a.flavour === "typescript" ? 8 : 0);
  });

  it("typescript / go / php: the same model names", () => {
    expect(missingModels(ts.models, go.models)).toEqual([]);
    expect(missingModels(ts.models, php.models)).toEqual([]);
  });

  it("ruby (2026-02, four months older): where a model has the same fields, the same shapes, except where the API renamed a model or changed Required", () => {
    const sameFields = (m: ModelShape, other: ModelShape | undefined) =>
      m.kind === "object" && other?.kind === "object" && [...m.fields.keys()].sort().join() === [...other.fields.keys()].sort().join();
    const stable = (tree: Described, other: Described): Described => ({
      flavour: tree.flavour,
      models: new Map([...tree.models].filter(([name, m]) => sameFields(m, other.models.get(name)))),
    });
    const [a, b] = [stable(ts, ruby), stable(ruby, ts)];
    expect(a.models.size).toBeGreaterThan(200);
    const renamedModel = (d: string) => /: [A-Z]\w* vs [A-Z]\w*$/.test(d) || /: \(.*\)\[\] vs \(.*\)\[\]$/.test(d);
    const changedRequired = (d: string) => /: required (true|false) vs (true|false)$/.test(d);
    const rest = differences(a, b).filter((d) => !renamedModel(d) && !changedRequired(d));
    expect(rest).toEqual([]);
  });

  it("ruby: unions are title-only docs; their fields carry the members inline", () => {
    const tagIds = ruby.models.get("TagIds");
    expect(tagIds?.kind).toBe("opaque");
    expect(ts.models.get("TagIds")?.kind).toBe("union");
  });
});
