import { describe, expect, it } from "vitest";
import { docOfModel, type Model, type TypeRef } from "../../src/ir/ir.js";
import { DiagnosticSink } from "../../src/ir/diagnostics.js";
import { resolve } from "../../src/stages/resolve.js";
import { ruleIds } from "../helpers.js";

const place = { line: 1, column: 1 };
const object = (id: string, name: string, types: TypeRef[]): Model => ({
  kind: "object",
  id,
  name,
  examples: [],
  place,
  fields: types.map((type, i) => ({ name: `f${i}`, type, required: true, place: { line: i + 2, column: 1 }, typePlace: { line: i + 2, column: 5 } })),
});
const union = (id: string, name: string, types: TypeRef[]): Model => ({
  kind: "union",
  id,
  name,
  examples: [],
  place,
  members: types.map((type, i) => ({ label: `m${i}`, type, place: { line: i + 2, column: 1 } })),
});
const fieldTypes = (model: Model | undefined) => (model?.kind === "object" ? model.fields.map((f) => f.type) : []);
const memberTypes = (model: Model | undefined) => (model?.kind === "union" ? model.members.map((m) => m.type) : []);

describe("resolve", () => {
  it("keeps links to existing docs and reports missing ones at the type cell", () => {
    const { program, diagnostics } = resolve([object("a.md", "A", [{ kind: "ref", target: "b.md" }, { kind: "ref", target: "c.md" }]), object("b.md", "B", [])], "/in");
    expect(fieldTypes(program.models[0])).toEqual([{ kind: "ref", target: "b.md" }, { kind: "unknown", reason: "unresolved", text: "c.md" }]);
    expect(ruleIds(diagnostics)).toEqual(["unresolved-link@3:5"]);
  });

  it("follows links that leave the input folder and come back (`../models/x.md` from docs/models)", () => {
    const { program, diagnostics } = resolve([object("a.md", "A", [{ kind: "ref", target: "../models/b.md" }]), object("b.md", "B", [])], "/repo/docs/models");
    expect(fieldTypes(program.models[0])).toEqual([{ kind: "ref", target: "b.md" }]);
    expect(diagnostics).toEqual([]);
  });

  it("finds union members by name, preferring the namespace's folder, then the same folder", () => {
    const models = [
      union("components/u.md", "U", [{ kind: "named", name: "T", namespace: "operations" }, { kind: "named", name: "T", namespace: "models" }, { kind: "named", name: "Only" }]),
      object("components/t.md", "T", []),
      object("operations/t.md", "T", []),
      object("shared/only.md", "Only", []),
    ];
    const { program, diagnostics } = resolve(models, "/in");
    expect(memberTypes(program.models.find((m) => m.id === "components/u.md"))).toEqual([
      { kind: "ref", target: "operations/t.md" },
      { kind: "ref", target: "components/t.md" },
      { kind: "ref", target: "shared/only.md" },
    ]);
    expect(diagnostics).toEqual([]);
  });

  it("reports unknown and ambiguous names", () => {
    const models = [union("x/u.md", "U", [{ kind: "named", name: "Nope" }, { kind: "named", name: "T" }]), object("a/t.md", "T", []), object("b/t.md", "T", [])];
    const { program, diagnostics } = resolve(models, "/in");
    expect(memberTypes(program.models.find((m) => m.id === "x/u.md"))).toEqual([{ kind: "unknown", reason: "unresolved", text: "Nope" }, { kind: "ref", target: "a/t.md" }]);
    expect(diagnostics.map((d) => d.ruleId)).toEqual(["unresolved-name", "ambiguous-name"]);
  });

  it("breaks cycles of unions that contain each other directly, but not through containers", () => {
    const models = [
      union("a.md", "A", [{ kind: "ref", target: "b.md" }, { kind: "string" }]),
      union("b.md", "B", [{ kind: "ref", target: "a.md" }, { kind: "integer" }]),
      union("json.md", "Json", [{ kind: "record", values: { kind: "ref", target: "json.md" } }, { kind: "array", items: { kind: "ref", target: "json.md" } }]),
    ];
    const { program, diagnostics } = resolve(models, "/in");
    expect(ruleIds(diagnostics)).toEqual(["circular-type@2:1"]);
    expect(memberTypes(program.models.find((m) => m.id === "b.md"))[0]).toMatchObject({ kind: "unknown" });
    expect(memberTypes(program.models.find((m) => m.id === "a.md"))[0]).toEqual({ kind: "ref", target: "b.md" });
    expect(memberTypes(program.models.find((m) => m.id === "json.md"))).toHaveLength(2);
  });

  it("follows a link into an input folder renamed since the docs were written", () => {
    // Written from docs/models/ (flat and namespaced); read from vendor/acme/.
    const models = [object("w.md", "W", [{ kind: "ref", target: "../models/g.md" }]), object("ns/v.md", "V", [{ kind: "ref", target: "../models/ns/g.md" }]), object("g.md", "G", []), object("ns/g.md", "G", [])];
    const { program, diagnostics } = resolve(models, "/repo/vendor/acme");
    expect(fieldTypes(program.models.find((m) => m.id === "w.md"))).toEqual([{ kind: "ref", target: "g.md" }]);
    expect(fieldTypes(program.models.find((m) => m.id === "ns/v.md"))).toEqual([{ kind: "ref", target: "ns/g.md" }]);
    expect(diagnostics).toEqual([]);
  });

  it("follows a link without the file's extension (Mintlify-style `.mdx` pages)", () => {
    const models = [object("w.mdx", "W", [{ kind: "ref", target: "../models/g" }, { kind: "ref", target: "h" }]), object("g.mdx", "G", []), object("h.md", "H", [])];
    const { program, diagnostics } = resolve(models, "/repo/docs/models");
    expect(fieldTypes(program.models.find((m) => m.id === "w.mdx"))).toEqual([{ kind: "ref", target: "g.mdx" }, { kind: "ref", target: "h.md" }]);
    expect(diagnostics).toEqual([]);
  });

  it("follows a link whose folder differs only in letter case when exactly one doc matches", () => {
    const models = [object("Payments/W.md", "W", [{ kind: "ref", target: "payments/G.md" }, { kind: "ref", target: "x/g.md" }]), object("Payments/G.md", "G", []), object("X/G.md", "G", []), object("x/G.md", "G", [])];
    const { program, diagnostics } = resolve(models, "/in");
    // The second link matches two docs without case (X/G.md, x/G.md): no guess; and its text names no one model.
    expect(fieldTypes(program.models.find((m) => m.id === "Payments/W.md"))).toEqual([{ kind: "ref", target: "Payments/G.md" }, { kind: "unknown", reason: "unresolved", text: "x/g.md" }]);
    expect(diagnostics.map((d) => `${d.ruleId}=${d.severity}`)).toEqual(["link-case-mismatch=info", "unresolved-link=error"]);
  });

  it("follows a broken link by the model its text names, when exactly one doc is it", () => {
    const models = [
      object("components/w.md", "W", [
        { kind: "ref", target: "shared/gadget.md", text: { name: "Gadget", namespace: "components" } },
        { kind: "ref", target: "shared/thing.md", text: { name: "Thing" } },
        { kind: "ref", target: "shared/nope.md", text: { name: "Nope" } },
      ]),
      object("components/gadget.md", "Gadget", []),
      object("operations/gadget.md", "Gadget", []),
      object("a/thing.md", "Thing", []),
      object("b/thing.md", "Thing", []),
    ];
    const { program, diagnostics } = resolve(models, "/in");
    expect(fieldTypes(program.models.find((m) => m.id === "components/w.md"))).toEqual([
      { kind: "ref", target: "components/gadget.md" },
      // Two docs are titled `Thing` and the namespace says nothing: no guess.
      { kind: "unknown", reason: "unresolved", text: "shared/thing.md" },
      { kind: "unknown", reason: "unresolved", text: "shared/nope.md" },
    ]);
    expect(diagnostics.map((d) => `${d.ruleId}=${d.severity}`)).toEqual(["link-resolved-by-name=warning", "unresolved-link=error", "unresolved-link=error"]);
  });

  it("finds a union member by the other names Speakeasy's rules give it", () => {
    const models = [union("u.md", "OneOfSameType", [{ kind: "named", name: "Two", also: ["OneOfSameTypeTwo", "OneOfSameType2"] }]), object("oneofsametype2.md", "OneOfSameType2", [])];
    const { program, diagnostics } = resolve(models, "/in");
    expect(memberTypes(program.models.find((m) => m.id === "u.md"))).toEqual([{ kind: "ref", target: "oneofsametype2.md" }]);
    expect(diagnostics).toEqual([]);
  });

  it("sorts models by id, whatever order they came in", () => {
    const a = object("a.md", "A", []);
    const b = object("b.md", "B", []);
    expect(resolve([b, a], "/in").program.models.map((m) => m.id)).toEqual(["a.md", "b.md"]);
  });
});

describe("docOfModel: a model's id to its doc", () => {
  it("splits a section's model off its doc, and leaves a `#` in a doc's own path alone", () => {
    expect(docOfModel("pets/Pet.md#Category")).toEqual({ doc: "pets/Pet.md", section: "Category" });
    expect(docOfModel("pets/Pet.md")).toEqual({ doc: "pets/Pet.md" });
    expect(docOfModel("C#/client.md")).toEqual({ doc: "C#/client.md" });
    expect(docOfModel("C#/client.md#Options")).toEqual({ doc: "C#/client.md", section: "Options" });
    expect(docOfModel("notes#1.mdx")).toEqual({ doc: "notes#1.mdx" });
  });

  it("a diagnostic of a section's model names its doc", () => {
    const sink = new DiagnosticSink("pets/Pet.md#Category");
    sink.report("unknown-type", { line: 3, column: 5 }, "x");
    expect(sink.items[0]?.file).toBe("pets/Pet.md");
  });
});
