import { describe, expect, it } from "vitest";
import { modelsNestingWithoutBound, referenceCycles } from "../../src/emit/cycles.js";
import type { Field, Model, TypeRef } from "../../src/ir/ir.js";

const at = { line: 1, column: 1 };
const ref = (target: string): TypeRef => ({ kind: "ref", target });
const field = (name: string, type: TypeRef): Field => ({ name, type, required: false, place: at, typePlace: at });
const object = (id: string, ...types: TypeRef[]): Model => ({ kind: "object", id, name: id, examples: [], place: at, fields: types.map((type, i) => field(`f${i}`, type)) });
const union = (id: string, ...types: TypeRef[]): Model => ({ kind: "union", id, name: id, examples: [], place: at, members: types.map((type, i) => ({ label: `m${i}`, type, place: at })) });

describe("referenceCycles", () => {
  it("numbers each strongly connected component with a cycle; models on none are absent", () => {
    const cycles = referenceCycles([
      union("Expr", ref("And"), ref("Or")),
      object("And", ref("Expr")),
      object("Or", { kind: "array", items: ref("Expr") }, ref("Leaf")),
      object("Leaf", { kind: "string" }),
      object("Tree", { kind: "record", values: { kind: "nullable", type: ref("Tree") } }),
      object("Holder", ref("Expr"), ref("Tree")),
    ]);
    expect([...cycles.keys()].sort()).toEqual(["And", "Expr", "Or", "Tree"]);
    expect(cycles.get("And")).toBe(cycles.get("Expr"));
    expect(cycles.get("Or")).toBe(cycles.get("Expr"));
    expect(cycles.get("Tree")).not.toBe(cycles.get("Expr"));
  });

  it("finds a self-reference through an inline union, and none in a chain or through an additional-properties type that ends", () => {
    const self = union("Json", { kind: "string" }, { kind: "union", members: [ref("Json"), { kind: "integer" }] });
    const extra: Model = { kind: "object", id: "Bag", name: "Bag", examples: [], place: at, fields: [], additionalProperties: ref("Bag") };
    const cycles = referenceCycles([self, extra, object("A", ref("B")), object("B", ref("C")), object("C"), object("D", ref("Unknown"))]);
    expect([...cycles.keys()].sort()).toEqual(["Bag", "Json"]);
  });

  it("walks a cycle through 20,000 models without deep recursion", () => {
    const n = 20_000;
    const models = Array.from({ length: n }, (_, i) => object(`M${i}`, ref(`M${(i + 1) % n}`)));
    const cycles = referenceCycles(models);
    expect(cycles.size).toBe(n);
    expect(new Set(cycles.values()).size).toBe(1);
  });

  it("spreads nesting without bound back from the cycles to every model that refers to one, through any chain", () => {
    const unbounded = modelsNestingWithoutBound([
      object("Tree", { kind: "array", items: ref("Tree") }),
      object("Holder", ref("Wrapper")),
      union("Wrapper", ref("Tree"), { kind: "string" }),
      object("Flat", { kind: "string" }),
      object("Uses", ref("Flat")),
    ]);
    expect([...unbounded].sort()).toEqual(["Holder", "Tree", "Wrapper"]);
  });
});
