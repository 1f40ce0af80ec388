/**
 * Hostile input (issue: validators safe against hostile input): keys named
 * like `Object.prototype`'s, inherited-only values, polluted prototypes,
 * null-prototype objects, getters, deep nesting, cycles and big arrays. Every
 * case ends in a verdict, never a throw or a stack overflow.
 */

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { emit } from "../src/emit/emit.js";
import type { Field, Model, TypeRef } from "../src/ir/ir.js";
import { isAuditLogEntryResponse, validateAuditLogEntryResponse } from "../generated/python/discord/models/auditlogentryresponse.js";
import { isPrototypeKeys, validatePrototypeKeys } from "../generated/python/oddities/models/prototypekeys.js";
import { isContainers, validateContainers } from "../generated/python/semantics/models/containers.js";
import { isJSONValue, validateJSONValue } from "../generated/python/semantics/models/jsonvalue.js";
import { assertTreeNode, isTreeNode, validateTreeNode } from "../generated/python/semantics/models/treenode.js";
import { isProfile, validateProfile } from "../generated/strict/models/profile.js";
import { isEvent, validateEvent } from "../generated/python/semantics/models/event.js";
import { isExtras, validateExtras } from "../generated/python/semantics/models/extras.js";
import { $checkClick, assertClick, isClick, validateClick } from "../generated/python/semantics/models/click.js";
import { $checkTreeNode } from "../generated/python/semantics/models/treenode.js";
import { $checkEvent } from "../generated/python/semantics/models/event.js";
import { isFilter, validateFilter } from "../generated/python/semantics/models/filter.js";
import { $$collect, ValidationError } from "../generated/python/_runtime.js";

const valid = { id: "1", action_type: 1 };
const paths = (result: { ok: boolean; issues?: { path: string }[] }) => (result.ok ? [] : (result.issues ?? []).map((i) => i.path));

/** Runs `body` with `key` added to `proto` (enumerable, as pollution through a merge adds it), then removes it. */
function polluted(proto: object, key: string, value: unknown, body: () => void): void {
  const length = Array.isArray(proto) ? proto.length : undefined;
  (proto as Record<string, unknown>)[key] = value;
  try {
    body();
  } finally {
    delete (proto as Record<string, unknown>)[key];
    // Array.prototype is an array: an index key grew its length, which a delete leaves as it is.
    if (length !== undefined) (proto as unknown[]).length = length;
  }
}

describe("keys named like Object.prototype's", () => {
  it("`__proto__`, `constructor`, `toString` are data when own, and missing when only inherited", () => {
    expect(isPrototypeKeys(JSON.parse('{"__proto__":"p","constructor":"c","toString":1}'))).toBe(true);
    expect(paths(validatePrototypeKeys({}))).toEqual(["/__proto__", "/constructor"]);
    // A JS literal's `__proto__:` sets the prototype; it is not an own key.
    expect(isPrototypeKeys({ __proto__: { __proto__: "p" }, constructor: "c" })).toBe(false);
    expect(isPrototypeKeys(JSON.parse('{"__proto__":"p","constructor":"c","toString":"not a number"}'))).toBe(false);
  });
});

describe("inherited-only values", () => {
  it("are rejected at the root and when nested", () => {
    expect(isAuditLogEntryResponse(Object.create(valid))).toBe(false);
    expect(isAuditLogEntryResponse({ ...valid, changes: [Object.create({ key: 5 })] })).toBe(true);
    expect(isAuditLogEntryResponse({ ...valid, changes: [Object.create({ key: "k" }, { key: { value: 5, enumerable: true } })] })).toBe(false);
    expect(paths(validateAuditLogEntryResponse({ ...valid, options: Object.create({ inherited: 5 }) }))).toEqual([]);
  });

  it("a class instance is judged by its own properties, not its getters", () => {
    class Entry {
      get id() {
        return "from a getter";
      }
      action_type = 1;
    }
    expect(isAuditLogEntryResponse(new Entry())).toBe(false);
    expect(paths(validateAuditLogEntryResponse(new Entry()))).toEqual(["/id"]);
  });

  it("a null-prototype object is judged like any other", () => {
    expect(isAuditLogEntryResponse(Object.assign(Object.create(null) as object, valid))).toBe(true);
    expect(isAuditLogEntryResponse(Object.assign(Object.create(null) as object, { id: 1, action_type: 1 }))).toBe(false);
  });

  it("an inherited tag picks no member of a discriminated union", () => {
    const withInheritedTag = Object.assign(Object.create({ type: "click" }) as object, { id: "1", channel: "web" });
    expect(isEvent(withInheritedTag)).toBe(false);
    expect(validateEvent(withInheritedTag)).toMatchObject({ ok: false, issues: [{ path: "/type", received: "undefined" }] });
    expect(isEvent(Object.create({ id: "1", type: "click", channel: "web" }))).toBe(false);
    expect(isEvent(Object.assign(Object.create(null) as object, { id: "1", type: "click", channel: "web" }))).toBe(true);
  });

  it("an inherited value under an optional key does not count, valid or not", () => {
    // Read directly, `country` is 7 and fails; the object's own keys pass.
    const own = { id: "1", type: "click", channel: "web" };
    expect(isClick(Object.assign(Object.create({ country: 7 }) as object, own))).toBe(true);
    expect(isEvent(Object.assign(Object.create({ country: 7 }) as object, own))).toBe(true);
    expect(validateEvent(Object.assign(Object.create({ country: 7 }) as object, own)).ok).toBe(true);
    // Own and invalid still fails, on a plain object and on any other.
    expect(isClick(Object.assign(Object.create({ country: "DE" }) as object, { ...own, country: 7 }))).toBe(false);
    expect(paths(validateClick(Object.assign(Object.create({}) as object, { ...own, country: 7 })))).toEqual(["/country"]);
    class Visit {
      id = "1";
      type = "click";
      channel = "web";
      get country() {
        return 7;
      }
    }
    expect(isClick(new Visit())).toBe(true);
    expect(isEvent(new Visit())).toBe(true);
  });

  it("inherited values under optional list keys and extra keys do not count; own ones do", () => {
    const containers = { tags: [], matrix: [], labels: {} };
    // `items` is an optional list of Scalars: read directly it fails inside the loop.
    expect(isContainers(Object.assign(Object.create({ items: [5] }) as object, containers))).toBe(true);
    expect(isContainers(Object.assign(Object.create({ items: 5 }) as object, containers))).toBe(true);
    expect(isContainers(Object.assign(Object.create({}) as object, { ...containers, items: [5] }))).toBe(false);
    expect(paths(validateContainers(Object.assign(Object.create({ items: [5] }) as object, containers)))).toEqual([]);
    // Typed extra keys: an inherited enumerable key is not one of the object's.
    expect(isExtras(Object.assign(Object.create({ weight: "heavy" }) as object, { name: "a" }))).toBe(true);
    expect(isExtras(Object.assign(Object.create({}) as object, { name: "a", weight: "heavy" }))).toBe(false);
    expect(paths(validateExtras(Object.assign(Object.create({ weight: "heavy" }) as object, { name: "a", size: "big" })))).toEqual(["/size"]);
    // unknownKeys: reject: an inherited key is not an unknown key of the object.
    expect(isProfile(Object.assign(Object.create({ nickname: "x" }) as object, { userName: "a" }))).toBe(true);
    expect(isProfile(Object.assign(Object.create({}) as object, { userName: "a", nickname: "x" }))).toBe(false);
  });

  it("a required key that is own but not enumerable is not in the own view of a non-plain object", () => {
    const own = { type: "click", channel: "web" };
    const hidden = Object.defineProperty(Object.assign(Object.create({}) as object, own), "id", { value: "1", enumerable: false });
    expect(isClick(hidden)).toBe(false);
    expect(paths(validateClick(hidden))).toEqual(["/id"]);
    expect(isClick(Object.assign(Object.create({}) as object, own, { id: "1" }))).toBe(true);
  });

  it("nested objects that are not plain are each judged once: time grows with the size, not exponentially", () => {
    // 200 levels (400 nested objects and arrays, under the depth limit). Each level passes read
    // directly, holds an inherited invalid optional value, and is settled by its own keys:
    // judging a level again from scratch would double the work at every level.
    type Node = { label: string; children?: Node[] };
    let node: Node = { label: "leaf" };
    for (let i = 0; i < 200; i++) node = Object.assign(Object.create({ parent: 5 }) as Node, { label: `n${i}`, children: [node] });
    expect(isTreeNode(node)).toBe(true);
    expect(validateTreeNode(node).ok).toBe(true);
    let bad: Node = { label: "leaf", children: 5 as unknown as Node[] };
    for (let i = 0; i < 200; i++) bad = Object.assign(Object.create({ parent: 5 }) as Node, { label: `n${i}`, children: [bad] });
    expect(isTreeNode(bad)).toBe(false);
    expect(paths(validateTreeNode(bad))).toEqual([`${"/children/0".repeat(200)}/children`]);
  });

  it("an own `__proto__` key is data, and the object is still judged as plain", () => {
    const value = JSON.parse('{"__proto__": 5, "id": "1", "type": "click", "channel": "web"}') as object;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(isClick(value)).toBe(true);
    expect(isEvent(value)).toBe(true);
  });

  it("a polluted Object.prototype does not supply missing keys", () => {
    polluted(Object.prototype, "id", "from the prototype", () => {
      expect(isAuditLogEntryResponse({ action_type: 1 })).toBe(false);
      expect(paths(validateAuditLogEntryResponse({ action_type: 1 }))).toEqual(["/id"]);
      expect(isAuditLogEntryResponse(valid)).toBe(true);
      expect(validateAuditLogEntryResponse(valid).ok).toBe(true);
    });
    polluted(Object.prototype, "reason", 42, () => {
      expect(isAuditLogEntryResponse(valid)).toBe(true);
    });
  });

  it("a check of named keys only: a key it reads on Object.prototype, in any form, sends the entry to the safe walk", () => {
    // Event and Click read named keys only: their entries test those keys on Object.prototype one by one.
    const click = { id: "1", type: "click", channel: "web" };
    const added: [string, PropertyDescriptor][] = [
      ["country", { value: 5, enumerable: true, configurable: true, writable: true }],
      // Not enumerable: a for…in over Object.prototype would not see it, yet a direct read finds it.
      ["country", { value: 5, enumerable: false, configurable: true, writable: true }],
      ["id", { value: "from the prototype", enumerable: false, configurable: true, writable: true }],
    ];
    for (const [key, descriptor] of added) {
      Object.defineProperty(Object.prototype, key, descriptor);
      try {
        // An inherited optional key does not count against the value, nor does an inherited required one for it.
        expect(isClick(click)).toBe(true);
        expect(validateClick(click).ok).toBe(true);
        expect(isEvent(click)).toBe(true);
        expect(validateEvent(click).ok).toBe(true);
        const { id: _id, ...noId } = click;
        expect(isClick(noId)).toBe(false);
        expect(paths(validateClick(noId))).toEqual(["/id"]);
        expect(isEvent(noId)).toBe(false);
        expect(paths(validateEvent(noId))).toEqual(["/id"]);
      } finally {
        delete (Object.prototype as Record<string, unknown>)[key];
      }
    }
    // An accessor there is never called by the guard (it asks whether the key is there, not its value),
    // and the safe walk reads own keys only.
    let calls = 0;
    Object.defineProperty(Object.prototype, "country", { get: () => ++calls, enumerable: false, configurable: true });
    try {
      expect(isClick(click)).toBe(true);
      expect(paths(validateEvent({ ...click, country: 5 }))).toEqual(["/country"]);
      expect(calls).toBe(0);
    } finally {
      delete (Object.prototype as Record<string, unknown>)["country"];
    }
    // A key no check reads changes nothing, whatever is added.
    polluted(Object.prototype, "unrelated", 1, () => {
      expect(isClick(click)).toBe(true);
      expect(paths(validateClick({ ...click, id: 1 }))).toEqual(["/id"]);
    });
  });

  it("a polluted Array.prototype does not fill holes", () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparse = ["a", , "b"];
    polluted(Array.prototype, "1", "filled", () => {
      expect(isContainers({ tags: sparse, matrix: [], labels: {} })).toBe(false);
      expect(paths(validateContainers({ tags: sparse, matrix: [], labels: {} }))).toEqual(["/tags/1"]);
    });
    // Nor does an index key that is not enumerable (it shows in Array.prototype's length all the same).
    Object.defineProperty(Array.prototype, "1", { value: "filled", enumerable: false, configurable: true, writable: true });
    try {
      expect(isContainers({ tags: sparse, matrix: [], labels: {} })).toBe(false);
      expect(paths(validateContainers({ tags: sparse, matrix: [], labels: {} }))).toEqual(["/tags/1"]);
    } finally {
      delete (Array.prototype as unknown as Record<string, unknown>)["1"];
      Array.prototype.length = 0;
    }
    // A key that is no index is never read by the checks: values are judged as in a clean environment.
    polluted(Array.prototype, "tags", ["x"], () => {
      expect(isContainers({ tags: ["a"], matrix: [], labels: {} })).toBe(true);
      expect(isContainers({ tags: sparse, matrix: [], labels: {} })).toBe(false);
      expect(paths(validateContainers({ tags: [1], matrix: [], labels: {} }))).toEqual(["/tags/0"]);
    });
  });
});

describe("depth, cycles and size", () => {
  it("100,000-deep nesting gives a verdict, without a stack overflow, from every entry point", () => {
    let deep: Record<string, unknown> = { label: "leaf" };
    for (let i = 0; i < 100_000; i++) deep = { label: "n", children: [deep] };
    expect(isTreeNode(deep)).toBe(false);
    expect(validateTreeNode(deep)).toMatchObject({ ok: false, issues: [{ received: "deeper nesting" }] });
    expect(() => assertTreeNode(deep)).toThrow(ValidationError);
    let list: unknown = "leaf";
    for (let i = 0; i < 100_000; i++) list = [list];
    expect(isJSONValue(list)).toBe(false);
    expect(validateJSONValue(list).ok).toBe(false);
  });

  it("a cyclic value gives a verdict, and the issue says it is a cycle", () => {
    const a: Record<string, unknown> = { label: "a" };
    a.children = [a, a];
    a.parent = a;
    expect(isTreeNode(a)).toBe(false);
    const result = validateTreeNode(a);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toContain("Unexpected cyclic reference");
    const json: Record<string, unknown> = {};
    json.self = json;
    expect(validateJSONValue(json)).toMatchObject({ ok: false, issues: [{ path: "/self", message: "Unexpected cyclic reference" }] });
  });

  it("a union whose members all take the same nested value judges each object once at a depth: reads grow with the nesting, not 2^n", () => {
    // `{ any_of: [], field: "f", not_: … }` is an AnyOfFilter and a FieldFilter at once: both
    // members walk `not_`, so trying one after the other at every level would read the innermost
    // value 2^n times. Each `not_` is read through a getter that counts, and throws past a budget.
    const levels = 60;
    let reads = 0;
    const nest = (inner: unknown): object => {
      const o = { any_of: [], field: "f" };
      return Object.defineProperty(o, "not_", {
        enumerable: true,
        get() {
          if (++reads > 40 * levels) throw new Error(`read not_ ${reads} times for ${levels} levels`);
          return inner;
        },
      });
    };
    let value: unknown = 5;
    for (let i = 0; i < levels; i++) value = nest(value);
    const run = <T>(body: () => T): [T, number] => {
      reads = 0;
      return [body(), reads];
    };
    const [is, isReads] = run(() => isFilter(value));
    expect(is).toBe(false);
    expect(isReads).toBeLessThanOrEqual(10 * levels);
    const [result, validateReads] = run(() => validateFilter(value));
    expect(validateReads).toBeLessThanOrEqual(40 * levels);
    const issues = result.ok ? [] : result.issues;
    expect(issues).toHaveLength(1);
    // The innermost object is none of the members: its first issue ties with the others', and the first member's wins.
    expect(issues[0]?.path).toBe(`${"/not_".repeat(levels - 1)}/all_of`);
    // The union nearest the issue names its choice; the 59 around it leave the message be.
    expect(issues[0]?.message).toBe('Missing required property "all_of" (as AllOfFilter: the value is no AllOfFilter | AnyOfFilter | FieldFilter)');
    // The safe walk (a polluted prototype) weighs the members' walks alone: as linear.
    polluted(Object.prototype, "polluted", 1, () => {
      const [safe, safeReads] = run(() => validateFilter(value));
      expect(safe).toEqual(result);
      expect(safeReads).toBeLessThanOrEqual(40 * levels);
    });
    // Nothing is remembered past a call: the same objects, made valid, are valid.
    let inner: unknown = { field: "g" };
    for (let i = 0; i < 3; i++) inner = { any_of: [inner], field: "f", not_: inner };
    const fixed = { any_of: [], field: "f", not_: inner };
    expect(isFilter(fixed)).toBe(true);
    expect(validateFilter(fixed).ok).toBe(true);
  });

  it("such a union remembers what it accepted too: a member that fails after checking the nested value (on a key of its own) leaves it checked once", () => {
    // Each level is a FieldFilter built on a prototype holding `any_of`: AnyOfFilter checks `not_`
    // in full, then fails (its required `any_of` is not the object's own), and FieldFilter, which
    // takes the value, checks `not_` again. Valid, and 2^n checks without a memory of acceptances.
    const levels = 60;
    let reads = 0;
    let value: unknown = { field: "leaf" };
    for (let i = 0; i < levels; i++) {
      const inner = value;
      value = Object.defineProperties(Object.create({ any_of: [] }) as object, {
        field: { value: "f", enumerable: true },
        not_: {
          enumerable: true,
          get() {
            if (++reads > 40 * levels) throw new Error(`read not_ ${reads} times for ${levels} levels`);
            return inner;
          },
        },
      });
    }
    expect(isFilter(value)).toBe(true);
    expect(reads).toBeLessThanOrEqual(20 * levels);
    reads = 0;
    expect(validateFilter(value).ok).toBe(true);
    expect(reads).toBeLessThanOrEqual(20 * levels);
  });

  it("what the issue walk remembers of a union is kept by place: an object met again on another path closes the cycles of that path", () => {
    // S is under A and under B, at the same depth; from S, FieldFilter's walk reaches A. Under A that
    // closes a cycle at once, an issue no deeper than the other members' (a missing `all_of`), and the
    // first member's stands. Under B it goes on through A, its first issue lies deeper, and it is
    // chosen. A memory by depth alone would give B's path A's result (`/all_of/1/not_/all_of`).
    const a: Record<string, unknown> = { field: "a" };
    const b: Record<string, unknown> = { field: "b" };
    const s: Record<string, unknown> = { field: "s", not_: a };
    a.not_ = s;
    b.not_ = s;
    expect(paths(validateFilter({ all_of: [a, b] }))).toEqual(["/all_of/0/not_/all_of", "/all_of/1/not_/not_/all_of"]);
  });

  it("a million-item array takes well under a few seconds, valid or not", () => {
    const tags = Array.from({ length: 1_000_000 }, (_, i) => `t${i}`);
    const value = { tags, matrix: [], labels: {} };
    let started = performance.now();
    expect(isContainers(value)).toBe(true);
    expect(validateContainers(value).ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(3_000);
    tags[999_999] = 5 as unknown as string;
    started = performance.now();
    expect(paths(validateContainers(value))).toEqual(["/tags/999999"]);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe("unknownKeys: reject (the strict target)", () => {
  it("rejects keys the model does not document, at any depth, naming them", () => {
    expect(isProfile({ userName: "a", settings: { theme: "dark" } })).toBe(true);
    expect(isProfile({ userName: "a", nickname: "x" })).toBe(false);
    expect(validateProfile({ userName: "a", "odd/key": 1, settings: { theme: "dark", colour: "red" } })).toMatchObject({
      ok: false,
      issues: [
        { path: "/settings/colour", expected: "no such key", message: "Unexpected key: the model does not document it" },
        { path: "/odd~1key", expected: "no such key", received: "integer" },
      ],
    });
  });

  it("with nullability: as-documented, null is rejected where TypeScript docs do not say it", () => {
    expect(isProfile({ userName: "a", tags: ["t"], settings: { theme: "dark" } })).toBe(true);
    expect(isProfile({ userName: null })).toBe(false);
    expect(isProfile({ userName: "a", tags: null })).toBe(false);
    expect(isProfile({ userName: "a", settings: null })).toBe(false);
  });
});

/** `validateX` as it was before it had a check of its own: `isX`'s check, then the collect walk of the whole value. */
function twoPasses(is: (v: unknown) => boolean, collect: Parameters<typeof $$collect>[0], value: unknown): unknown {
  return is(value) ? { ok: true, value } : { ok: false, issues: $$collect(collect, value) };
}

/** Hand-written models for {@link generated}: a place, a (required) field, an object model. */
const at = { line: 1, column: 1 };
const field = (name: string, type: TypeRef, required = true): Field => ({ name, type, required, place: at, typePlace: at });
const object = (name: string, fields: Field[]): Model => ({ kind: "object", id: `${name}.md`, name, examples: [], place: at, fields });

/** The modules of hand-written models, generated into a scratch folder and imported (`maxDepth` as given). */
async function generated(models: Model[], maxDepth: number): Promise<Record<string, Record<string, unknown>>> {
  const dir = mkdtempSync(join(tmpdir(), "mdtypes-hostile-"));
  try {
    for (const file of emit({ models }, { importExtension: ".js", maxDepth, unknownKeys: "accept" }).files) writeFileSync(join(dir, file.path), file.content);
    const out: Record<string, Record<string, unknown>> = {};
    for (const model of models) out[model.name] = (await import(pathToFileURL(join(dir, `${model.name}.ts`)).href)) as Record<string, unknown>;
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("`validateX`'s check, and the walk it starts where a key fails", () => {
  it("gives what `isX`'s check and the collect walk from the top give: cycles, depth, tags, objects that are not plain", () => {
    const cyclic: Record<string, unknown> = { label: "a" };
    cyclic.children = [cyclic, { label: 5 }];
    let deep: Record<string, unknown> = { label: "leaf" };
    for (let i = 0; i < 600; i++) deep = { label: "n", children: [deep] };
    for (const value of [cyclic, deep, { label: 1, children: [{ label: "b", children: [{}] }] }, Object.create({ label: "inherited" }), []]) {
      expect(validateTreeNode(value)).toEqual(twoPasses(isTreeNode, $checkTreeNode, value));
    }
    for (const value of [{ type: "nope", id: "1" }, { type: "click", id: 1, channel: "web" }, { type: "click" }, [], Object.assign(Object.create({ type: "click" }), { id: "1", channel: "web" })]) {
      expect(validateEvent(value)).toEqual(twoPasses(isEvent, $checkEvent, value));
    }
  });

  it("an object holding a checked array is measured against the depth limit as the check measures it", async () => {
    const { Node } = await generated(
      [object("Node", [field("id", { kind: "string" }), field("child", { kind: "ref", target: "Node.md" }, false), field("meta", { kind: "ref", target: "Tagged.md" }, false)]), object("Tagged", [field("name", { kind: "string" }), field("tags", { kind: "array", items: { kind: "string" } })])],
      3,
    );
    const isNode = Node?.["isNode"] as (v: unknown) => boolean;
    const validateNode = Node?.["validateNode"] as (v: unknown) => unknown;
    // Node, Node, Tagged, then its array: the fourth level, past a limit of 3.
    const value = { id: "a", child: { id: "b", meta: { name: "m", tags: ["t"] } } };
    expect(isNode(value)).toBe(false);
    expect(validateNode(value)).toMatchObject({ ok: false, issues: [{ path: "/child/meta/tags", received: "deeper nesting" }] });
    expect(isNode({ id: "a", meta: { name: "m", tags: ["t"] } })).toBe(true);
    expect(validateNode({ id: "a", meta: { name: "m", tags: ["t"] } })).toMatchObject({ ok: true });
  });

  it("a discriminated union's tags of one type (strings, numbers, booleans) or of several: a tag of another type, or none, picks no member, in the check, validateX and the walk", async () => {
    const ref = (name: string): TypeRef => ({ kind: "ref", target: `${name}.md` });
    const union = (name: string, members: string[]): Model => ({ kind: "union", id: `${name}.md`, name, examples: [], place: at, members: members.map((m, i) => ({ label: `member ${i}`, type: ref(m), place: at })) });
    const tagged = (name: string, tag: string | number | boolean): Model => object(name, [field("kind", { kind: "literal", value: tag }), field(`${name.toLowerCase()}_id`, { kind: "string" })]);
    const mods = await generated(
      [
        tagged("S1", "one"), tagged("S2", "two"), union("Strings", ["S1", "S2"]),
        tagged("N1", 1), tagged("N2", 2), union("Numbers", ["N1", "N2"]),
        tagged("B1", true), tagged("B2", false), union("Booleans", ["B1", "B2"]),
        tagged("M1", "1"), tagged("M2", 1), union("Mixed", ["M1", "M2"]),
        // Each union inside an object: the walk from the top reaches its switch through the holder's walk.
        object("Holder", [field("s", ref("Strings")), field("n", ref("Numbers")), field("b", ref("Booleans")), field("m", ref("Mixed"))]),
      ],
      512,
    );
    const fn = (model: string, name: string) => mods[model]?.[`${name}${model}`] as (v: unknown, c?: unknown) => unknown;
    const cases: [string, unknown, string, unknown[]][] = [
      ["Strings", "one", "s1_id", [1, true, null, "three", "1"]],
      ["Numbers", 1, "n1_id", ["1", true, null, 3, 1.5]],
      ["Booleans", true, "b1_id", ["true", 1, null, 0]],
      ["Mixed", 1, "m2_id", ["2", 2, true, null]],
    ];
    for (const [model, tag, key, others] of cases) {
      const is = fn(model, "is") as (v: unknown) => boolean;
      const validate = fn(model, "validate");
      expect(is({ kind: tag, [key]: "x" })).toBe(true);
      expect(validate({ kind: tag, [key]: "x" })).toEqual({ ok: true, value: { kind: tag, [key]: "x" } });
      expect(validate({ kind: tag, [key]: 5 })).toMatchObject({ ok: false, issues: [{ path: `/${key}`, received: "integer" }] });
      for (const other of [...others, undefined]) {
        const value = { kind: other, [key]: "x" };
        expect(is(value)).toBe(false);
        const result = validate(value) as { ok: boolean; issues: { path: string }[] };
        expect(result).toEqual(twoPasses(is, fn(model, "$check") as Parameters<typeof $$collect>[0], value));
        expect(result.issues.map((issue) => issue.path)).toEqual(["/kind"]);
      }
    }
    // The same tags met by the walk of an object that holds the unions.
    const holder = { s: { kind: 1, s1_id: "x" }, n: { kind: "1", n1_id: "x" }, b: { kind: null, b1_id: "x" }, m: { kind: "2", m1_id: "x" } };
    expect(fn("Holder", "is")(holder)).toBe(false);
    expect(paths(fn("Holder", "validate")(holder) as { ok: boolean; issues?: { path: string }[] })).toEqual(["/s/kind", "/n/kind", "/b/kind", "/m/kind"]);
    expect(fn("Holder", "validate")({ s: { kind: "two", s2_id: "x" }, n: { kind: 2, n2_id: "x" }, b: { kind: false, b2_id: "x" }, m: { kind: "1", m1_id: "x" } })).toMatchObject({ ok: true });
  });

  it("a discriminated union's absent tag is a missing required property, as an object's is: at the top, in a holder's walk, on an object that is not plain, in a polluted environment", async () => {
    const missing = { path: "/type", expected: '"click" | "sale"', received: "undefined", message: 'Missing required property "type"' };
    expect(validateEvent({ id: "1" })).toEqual({ ok: false, issues: [missing] });
    expect(validateEvent({ type: undefined, id: "1" })).toEqual({ ok: false, issues: [missing] });
    expect(validateEvent(Object.assign(Object.create({ inherited: true }), { id: "1" }))).toEqual({ ok: false, issues: [missing] });
    polluted(Object.prototype, "type", "click", () => expect(validateEvent({ id: "1" })).toEqual({ ok: false, issues: [missing] }));
    // A tag that is there but names no member keeps its own message.
    expect(validateEvent({ type: "refund", id: "1" })).toEqual({ ok: false, issues: [{ ...missing, received: '"refund"', message: 'Expected "click" | "sale", received "refund"' }] });

    const ref = (name: string): TypeRef => ({ kind: "ref", target: `${name}.md` });
    const mods = await generated(
      [
        object("A", [field("type", { kind: "literal", value: "a" }), field("a_id", { kind: "string" })]),
        object("B", [field("type", { kind: "literal", value: "b" }), field("b_id", { kind: "string" })]),
        { kind: "union", id: "AB.md", name: "AB", examples: [], place: at, members: [{ label: "a", type: ref("A"), place: at }, { label: "b", type: ref("B"), place: at }] },
        object("Holder", [field("items", { kind: "array", items: ref("AB") })]),
      ],
      512,
    );
    const validateHolder = mods["Holder"]?.["validateHolder"] as (v: unknown) => unknown;
    expect(validateHolder({ items: [{ type: "a", a_id: "x" }, { b_id: "y" }] })).toEqual({
      ok: false,
      issues: [{ path: "/items/1/type", expected: '"a" | "b"', received: "undefined", message: 'Missing required property "type"' }],
    });
  });

  it("a getter that gives the walk another value than it gave the check never makes a failure look like success", () => {
    const changing = () => {
      let reads = 0;
      return {
        type: "click",
        channel: "web",
        get id() {
          return reads++ === 0 ? 42 : "ok";
        },
      };
    };
    expect(isClick(changing())).toBe(false);
    expect(validateClick(changing())).toMatchObject({ ok: false, issues: [{ path: "", message: "Invalid value" }] });
    expect(() => assertClick(changing())).toThrow(ValidationError);
  });
  it("a validation inside a getter, while a walk is under way, gets a context of its own", () => {
    const inner = { type: "click", id: 2, channel: "web" };
    let seen: unknown;
    const outer = {
      type: "click",
      channel: "web",
      get id() {
        seen = validateClick(inner);
        return 1;
      },
    };
    const result = validateClick(outer);
    expect(paths(result)).toEqual(["/id"]);
    expect(seen).toEqual(twoPasses(isClick, $checkClick, inner));
    expect(paths(seen as { ok: boolean; issues?: { path: string }[] })).toEqual(["/id"]);
  });

  it("a getter that throws in the middle of the walk leaves later validations right", () => {
    let reads = 0;
    const value = {
      type: "click",
      channel: "web",
      country: 5,
      get id() {
        // The check reads it, then the walk: the second read throws.
        if (++reads === 2) throw new Error("boom");
        return "1";
      },
    };
    expect(() => validateClick(value)).toThrow("boom");
    expect(validateClick({ type: "click", id: "1", channel: "web" })).toMatchObject({ ok: true });
    expect(paths(validateClick({ type: "click", id: 1, channel: "web", country: 2 }))).toEqual(["/id", "/country"]);
    expect(paths(validateEvent({ type: "click", id: 1, channel: "web" }))).toEqual(["/id"]);
  });

  it("each failure gets an issue list of its own: changing one changes no later result (the walk starts from a shared empty list)", () => {
    const bad = { type: "click", id: 1, channel: "web" };
    const first = validateClick(bad);
    expect(paths(first)).toEqual(["/id"]);
    if (first.ok) return;
    first.issues.push({ path: "/junk", expected: "x", received: "y", message: "z" });
    const second = validateClick(bad);
    expect(paths(second)).toEqual(["/id"]);
    expect(second.ok ? undefined : second.issues).not.toBe(first.issues);
    if (!second.ok) second.issues.length = 0;
    // A tag that names no member takes the union's own walk; a valid value after it is still valid.
    const miss = validateEvent({ type: "nope", id: "1" });
    expect(paths(miss)).toEqual(["/type"]);
    expect(validateEvent({ type: "click", id: "1", channel: "web" })).toMatchObject({ ok: true });
    expect(paths(validateClick(bad))).toEqual(["/id"]);
  });
});
