/**
 * The generated validators, run: valid and invalid samples per semantics
 * row (DESIGN.md, "Type semantics"), JSON Pointer paths, and hostile input.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as all from "../generated/python/index.js";
import { isAuditLogEntryResponse, validateAuditLogEntryResponse, assertAuditLogEntryResponse } from "../generated/python/discord/models/auditlogentryresponse.js";
import { isPresence, validatePresence } from "../generated/python/semantics/models/presence.js";
import { isScalars, validateScalars } from "../generated/python/semantics/models/scalars.js";
import { isDates, validateDates } from "../generated/python/semantics/models/dates.js";
import { isLiterals, validateLiterals } from "../generated/python/semantics/models/literals.js";
import { isContainers, validateContainers } from "../generated/python/semantics/models/containers.js";
import { Status, isStatus, validateStatus } from "../generated/python/semantics/models/status.js";
import { CurrencyCode, isCurrencyCode, validateCurrencyCode } from "../generated/python/semantics/models/currencycode.js";
import { isPriority } from "../generated/python/semantics/models/priority.js";
import { isTaskState } from "../generated/python/semantics/models/taskstate.js";
import { isHTTPCode } from "../generated/python/semantics/models/httpcode.js";
import { isShape, validateShape } from "../generated/python/semantics/models/shape.js";
import { isExtras, validateExtras } from "../generated/python/semantics/models/extras.js";
import { isEvent, validateEvent } from "../generated/python/semantics/models/event.js";
import { isTouchpoint, validateTouchpoint } from "../generated/python/semantics/models/touchpoint.js";
import { isClick, validateClick } from "../generated/python/semantics/models/click.js";
import { isGrant, validateGrant } from "../generated/python/semantics/models/grant.js";
import { isLooseOrPinned, validateLooseOrPinned } from "../generated/python/semantics/models/looseorpinned.js";
import { isUpload } from "../generated/python/semantics/models/upload.js";
import { isTreeNode, validateTreeNode, assertTreeNode, type TreeNode } from "../generated/python/semantics/models/treenode.js";
import { isJSONValue, validateJSONValue } from "../generated/python/semantics/models/jsonvalue.js";
import { isPrototypeKeys, validatePrototypeKeys } from "../generated/python/oddities/models/prototypekeys.js";
import { isOrder, validateOrder } from "../generated/python/polar2025/models/order.js";
import { isWebhookPayload, validateWebhookPayload } from "../generated/python/polar2025/models/webhookpayload.js";
import { isError_ } from "../generated/python/oddities/models/error.js";
import { $$MAX_DEPTH, ValidationError } from "../generated/python/_runtime.js";
import { isDateTimeString, isDateString } from "./runtime-probe.js";

const paths = (result: { ok: boolean; issues?: { path: string }[] }) => (result.ok ? [] : (result.issues ?? []).map((i) => i.path));

describe("AuditLogEntryResponse (the DESIGN.md example)", () => {
  const valid = {
    id: "1",
    action_type: 1,
    user_id: null,
    target_id: "2",
    changes: [{ key: "name", old_value: "a", new_value: "b" }, { key: null }],
    options: { channel_id: "3" },
    reason: "spam",
  };

  it("accepts valid payloads, minimal and full", () => {
    expect(isAuditLogEntryResponse({ id: "1", action_type: 1 })).toBe(true);
    // `changes` and `options` are nullable in the Discord spec; Python docs never say so of lists and dicts.
    const nulls = { id: "2", action_type: 1, changes: null, options: null };
    expect(isAuditLogEntryResponse(nulls)).toBe(true);
    expect(validateAuditLogEntryResponse(JSON.parse(JSON.stringify(nulls)))).toEqual({ ok: true, value: nulls });
    expect(isAuditLogEntryResponse(valid)).toBe(true);
    expect(validateAuditLogEntryResponse(valid)).toEqual({ ok: true, value: valid });
    expect(isAuditLogEntryResponse(JSON.parse(JSON.stringify(valid)))).toBe(true);
  });

  it("rejects each broken field, naming the JSON Pointer of the first problem", () => {
    const cases: [unknown, string][] = [
      [{ ...valid, id: null }, "/id"],
      [{ ...valid, id: undefined }, "/id"],
      [{ action_type: 1 }, "/id"],
      [{ ...valid, action_type: 2 }, "/action_type"],
      [{ ...valid, user_id: 5 }, "/user_id"],
      [{ ...valid, changes: [{ key: "a" }, { key: 7 }] }, "/changes/1/key"],
      [{ ...valid, changes: {} }, "/changes"],
      [{ ...valid, options: { a: 1 } }, "/options/a"],
      [{ ...valid, options: { "a/b~c": 1 } }, "/options/a~1b~0c"],
      [{ ...valid, reason: false }, "/reason"],
      ["not an object", ""],
      [[valid], ""],
      [null, ""],
    ];
    for (const [value, path] of cases) {
      expect(isAuditLogEntryResponse(value), JSON.stringify(value)).toBe(false);
      const result = validateAuditLogEntryResponse(value);
      expect(result.ok).toBe(false);
      expect(paths(result)[0], JSON.stringify(value)).toBe(path);
    }
  });

  it("collects every issue with expected, received and message", () => {
    const result = validateAuditLogEntryResponse({ id: 5, action_type: 1, changes: [{ key: 1 }, { key: 2 }] });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: "/id", expected: "string", received: "integer", message: "Expected string, received integer" },
        { path: "/changes/0/key", expected: "string | null", received: "integer", message: "Expected string | null, received integer" },
        { path: "/changes/1/key", expected: "string | null", received: "integer", message: "Expected string | null, received integer" },
      ],
    });
    expect(paths(validateAuditLogEntryResponse({}))).toEqual(["/id", "/action_type"]);
  });

  it("accepts an explicit undefined for an optional key (typed `| undefined`)", () => {
    expect(isAuditLogEntryResponse({ id: "1", action_type: 1, reason: undefined })).toBe(true);
  });

  it("judges own properties only: inherited values do not count, `__proto__` in JSON is data", () => {
    expect(isAuditLogEntryResponse(Object.create({ id: "1", action_type: 1 }))).toBe(false);
    expect(paths(validateAuditLogEntryResponse(Object.create({ id: "1", action_type: 1 })))).toEqual(["/id", "/action_type"]);
    expect(isAuditLogEntryResponse(JSON.parse('{"id":"1","action_type":1,"__proto__":{"id":5}}'))).toBe(true);
    const bare = Object.assign(Object.create(null) as object, { id: "1", action_type: 1 });
    expect(isAuditLogEntryResponse(bare)).toBe(true);
    const polluted = Object.create({ reason: 42 }) as Record<string, unknown>;
    Object.assign(polluted, { id: "1", action_type: 1 });
    expect(isAuditLogEntryResponse(polluted)).toBe(true);
    const inheritedOptions = { id: "1", action_type: 1, options: Object.create({ leaked: 1 }) as object };
    expect(isAuditLogEntryResponse(inheritedOptions)).toBe(true);
  });

  it("assert throws a ValidationError carrying the issues", () => {
    expect(() => assertAuditLogEntryResponse(valid)).not.toThrow();
    let error: unknown;
    try {
      assertAuditLogEntryResponse({ id: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual(["/id", "/action_type"]);
    expect((error as Error).message).toBe('Invalid AuditLogEntryResponse: /id: Expected string, received integer; /action_type: Missing required property "action_type"');
  });
});

describe("presence and nullability: four states", () => {
  const base = { required: "a", required_nullable: null, required_model: null };
  it.each<[string, unknown, boolean]>([
    ["minimal", base, true],
    ["required null", { ...base, required: null }, false],
    ["required absent", { required_nullable: null, required_model: null }, false],
    ["required_nullable absent", { required: "a", required_model: null }, false],
    ["required_nullable string", { ...base, required_nullable: "x" }, true],
    ["optional absent", base, true],
    ["optional null", { ...base, optional: null }, false],
    ["optional string", { ...base, optional: "x" }, true],
    ["optional_nullable null", { ...base, optional_nullable: null }, true],
    ["optional_nullable number", { ...base, optional_nullable: 1 }, false],
    ["plain_model null", { ...base, plain_model: null }, false],
    ["optional_model null", { ...base, optional_model: null }, true],
    // A Python list is never written `Nullable[..]`: its nullability goes unsaid, and the default admits null.
    ["optional_list null", { ...base, optional_list: null }, true],
  ])("%s", (_name, value, ok) => {
    expect(isPresence(value)).toBe(ok);
    expect(validatePresence(value).ok).toBe(ok);
  });
});

describe("scalars", () => {
  const valid = { text: "", count: -3, ratio: 0.5, enabled: false, payload: null, blob: "AAE=" };
  it("accepts each scalar type and requires even an Any key", () => {
    expect(isScalars(valid)).toBe(true);
    expect(isScalars({ ...valid, payload: undefined })).toBe(true);
    const { payload: _payload, ...withoutPayload } = valid;
    expect(paths(validateScalars(withoutPayload))).toEqual(["/payload"]);
  });
  it.each<[string, unknown]>([
    ["count", 1.5],
    ["count", Number.NaN],
    ["count", "1"],
    ["ratio", Number.POSITIVE_INFINITY],
    ["ratio", Number.NaN],
    ["ratio", "0.5"],
    ["enabled", 0],
    ["text", 1],
    ["blob", []],
  ])("rejects %s = %s", (key, bad) => {
    expect(paths(validateScalars({ ...valid, [key]: bad }))).toEqual([`/${key}`]);
  });
});

describe("dates: RFC 3339, with the Python link swap", () => {
  const valid = { created_at: "2024-02-29T23:59:60Z", birthday: "2000-02-29" };
  it("accepts a date-time for `date` and a full-date for `datetime`", () => {
    expect(isDates(valid)).toBe(true);
    expect(isDates({ created_at: "2024-01-01", birthday: "2000-01-01" })).toBe(false);
    expect(isDates({ created_at: "2024-01-01T00:00:00Z", birthday: "2000-01-01T00:00:00Z" })).toBe(false);
  });
  it.each([
    ["2024-01-01T00:00:00Z", true],
    ["2024-01-01t00:00:00z", true],
    ["2024-01-01T00:00:00.123456+05:30", true],
    ["2024-01-01T00:00:00-00:00", true],
    ["2024-12-31T23:59:60Z", true],
    ["2024-12-31T22:59:60-01:00", true],
    ["2024-06-30T12:00:60Z", false],
    ["2023-02-29T00:00:00Z", false],
    ["1900-02-29T00:00:00Z", false],
    ["2000-02-29T00:00:00Z", true],
    ["2024-04-31T00:00:00Z", false],
    ["2024-13-01T00:00:00Z", false],
    ["2024-01-01T24:00:00Z", false],
    ["2024-01-01T00:60:00Z", false],
    ["2024-01-01T00:00:00", false],
    ["2024-01-01T00:00:00.Z", false],
    ["2024-01-01T00:00:00+0530", false],
    ["2024-01-01T00:00:00+24:00", false],
    ["2024-01-01 00:00:00Z", false],
    [" 2024-01-01T00:00:00Z", false],
  ])("date-time %j → %s", (text, ok) => {
    expect(isDateTimeString(text)).toBe(ok);
  });
  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2024-00-10", false],
    ["2024-1-10", false],
    ["2024-01-10Z", false],
    ["99999-01-01", false],
  ])("full-date %j → %s", (text, ok) => {
    expect(isDateString(text)).toBe(ok);
  });
  it("reports the date field's path", () => {
    expect(validateDates({ ...valid, deleted_at: "yesterday" })).toMatchObject({
      ok: false,
      issues: [{ path: "/deleted_at", expected: "date-time string (RFC 3339) | null", received: '"yesterday"' }],
    });
  });
});

describe("literals", () => {
  const valid = { kind: "scalar", version: 2, strict: true, role: "anything" };
  it("accepts exact values, and any string for an open literal", () => {
    expect(isLiterals(valid)).toBe(true);
    expect(isLiterals({ ...valid, role: "function", draft: false, level: null })).toBe(true);
    expect(isLiterals({ ...valid, level: 0 })).toBe(true);
  });
  it("rejects other values", () => {
    for (const [key, bad] of [["kind", "Scalar"], ["version", "2"], ["strict", false], ["draft", true], ["level", 1], ["role", 1]] as const) {
      expect(paths(validateLiterals({ ...valid, [key]: bad }))).toEqual([`/${key}`]);
    }
  });
});

describe("containers", () => {
  const valid = { tags: ["a"], matrix: [[1, 2], []], labels: { a: "b" } };
  it("accepts nested arrays and records, checking every item", () => {
    expect(isContainers(valid)).toBe(true);
    expect(isContainers({ ...valid, groups: { g: ["x"] }, anything: { a: [1, { b: null }] }, maybe_items: [null], maybe_by_name: { a: null } })).toBe(true);
    expect(paths(validateContainers({ ...valid, matrix: [[1], [2, 2.5]] }))).toEqual(["/matrix/1/1"]);
    expect(paths(validateContainers({ ...valid, groups: { g: ["x", 1] } }))).toEqual(["/groups/g/1"]);
    expect(paths(validateContainers({ ...valid, labels: [] }))).toEqual(["/labels"]);
    expect(paths(validateContainers({ ...valid, items: [null] }))).toEqual(["/items/0"]);
  });
  it("treats holes in sparse arrays as undefined items", () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(paths(validateContainers({ ...valid, tags: ["a", , "b"] }))).toEqual(["/tags/1"]);
  });
  it("checks a million-item array quickly", () => {
    const big = { ...valid, tags: Array.from({ length: 1_000_000 }, (_, i) => `t${i}`) };
    const started = performance.now();
    expect(isContainers(big)).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("enums", () => {
  it("closed string enum, with its values object", () => {
    expect(Object.values(Status)).toEqual(["active", "paused", "archived"]);
    expect(isStatus("paused")).toBe(true);
    expect(isStatus("PAUSED")).toBe(false);
    expect(validateStatus("x")).toMatchObject({ ok: false, issues: [{ path: "", expected: '"active" | "paused" | "archived"', received: '"x"' }] });
  });
  it("a closed enum of more than eight strings, looked up in a table", () => {
    for (const code of Object.values(CurrencyCode)) expect(isCurrencyCode(code), code).toBe(true);
    for (const other of ["eur", "EURO", "EU", "", "EUR ", "XXX", "€", 978, null, ["EUR"], new String("EUR")]) expect(isCurrencyCode(other), String(other)).toBe(false);
    expect(validateCurrencyCode("usd")).toMatchObject({ ok: false, issues: [{ path: "", expected: "CurrencyCode (one of 15 values)", received: '"usd"' }] });
  });
  it("integer enums take numbers, not numeric strings", () => {
    expect(isPriority(2)).toBe(true);
    expect(isPriority("2")).toBe(false);
    expect(isHTTPCode(404)).toBe(true);
    expect(isHTTPCode(403)).toBe(false);
  });
  it("an open enum accepts any value of its base type", () => {
    expect(isTaskState("QUEUED")).toBe(true);
    expect(isTaskState("SOMETHING_NEW")).toBe(true);
    expect(isTaskState(1)).toBe(false);
  });
});

describe("unions", () => {
  it("accepts a value any member accepts", () => {
    for (const value of [{ kind: "circle", radius: 1 }, { kind: "square", side: 2 }, "text", ["a", "b"], "2024-01-01T00:00:00Z"]) {
      expect(isShape(value), JSON.stringify(value)).toBe(true);
    }
  });
  it("reports the closest member's issues, or one issue naming every member", () => {
    expect(validateShape({ kind: "circle", radius: "big" })).toMatchObject({ ok: false, issues: [{ path: "/radius", expected: "number" }] });
    expect(validateShape(["a", 1])).toMatchObject({ ok: false, issues: [{ path: "/1", expected: "string" }] });
    expect(validateShape(42)).toMatchObject({
      ok: false,
      issues: [{ path: "", expected: "Circle | Square | string | string[] | date-time string (RFC 3339)", received: "integer" }],
    });
  });
  it("tells discriminated members apart (polar webhooks)", () => {
    const order = {
      id: "o",
      created_at: "2025-01-01T00:00:00Z",
      modified_at: "2025-01-01T00:00:00Z",
      status: "paid",
      amount: 1000,
      currency: "usd",
      customer: null,
      items: [],
      metadata: { a: 1, b: "x", c: true },
      product_price_id: null,
    };
    expect(isOrder(order)).toBe(true);
    expect(isWebhookPayload({ type: "order.paid", timestamp: "2025-01-01T00:00:00Z", data: order })).toBe(true);
    expect(paths(validateOrder({ ...order, custom_field_data: { f: null, g: [] } }))).toEqual(["/custom_field_data/g"]);
    expect(paths(validateWebhookPayload({ type: "order.paid", timestamp: "2025-01-01T00:00:00Z", data: { ...order, amount: "1" } }))).toEqual(["/data/amount"]);
  });
});

describe("discriminated unions", () => {
  const click = { id: "1", type: "click", channel: "web" };
  const sale = { type: "sale", amount: 9.5 };
  const visit = { type: "click", channel: "app", screen: "home" };

  it("switch on the tag: the member it names judges the value", () => {
    expect([isEvent(click), isEvent(sale), isEvent({ ...click, country: "DE" })]).toEqual([true, true, true]);
    expect([isEvent(visit), isEvent({ ...sale, amount: "9" }), isEvent({ type: "view" }), isEvent([click]), isEvent(null)]).toEqual([false, false, false, false, false]);
    expect(validateEvent({ ...sale, amount: "9", note: 1 })).toMatchObject({
      ok: false,
      issues: [
        { path: "/amount", expected: "number", received: '"9"', message: 'Expected number, received "9"' },
        { path: "/note", expected: "string", received: "integer" },
      ],
    });
  });

  it("show a string received as JSON shows it: quoted, escaped where JSON.stringify escapes (quotes, backslashes, control characters, lone surrogates), its first 40 code units (39 where a pair would be split) then `…`", () => {
    const cut = (s: string) => s.slice(0, /^[\ud800-\udbff][\udc00-\udfff]/.test(s.slice(39, 41)) ? 39 : 40);
    const shown = (s: string) => (s.length > 40 ? `${JSON.stringify(cut(s))}…` : JSON.stringify(s));
    const check = (s: string) => {
      const result = validateEvent({ ...sale, amount: s });
      expect(result).toEqual({ ok: false, issues: [{ path: "/amount", expected: "number", received: shown(s), message: `Expected number, received ${shown(s)}` }] });
      // Well-formed, as JSON.stringify's output is since ES2019: a lone surrogate (`\p{Cs}` in a `u` expression) is escaped, never shown raw.
      expect(/\p{Cs}/u.test(result.ok ? "" : (result.issues[0]?.received ?? ""))).toBe(false);
    };
    for (const s of ["x\ud800y", "\udc00", "😀", "\u2028", "a\"b\\c", "\u0000\u001f", "😀".repeat(25), `${"x".repeat(39)}😀`, `${"x".repeat(39)}\ud800x`]) check(s);
    // A pair the cut would split is left out whole: never half a character, escaped.
    expect(validateEvent({ ...sale, amount: `${"x".repeat(39)}😀` })).toMatchObject({ issues: [{ received: `"${"x".repeat(39)}"…` }] });
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => check(s)));
  });

  it("report an unknown tag, a missing tag and a value that is no object as one issue each", () => {
    expect(validateEvent({ type: "view", id: 1 })).toEqual({
      ok: false,
      issues: [{ path: "/type", expected: '"click" | "sale"', received: '"view"', message: 'Expected "click" | "sale", received "view"' }],
    });
    expect(validateEvent({ id: "1" })).toMatchObject({ ok: false, issues: [{ path: "/type", received: "undefined" }] });
    expect(validateEvent([click])).toMatchObject({ ok: false, issues: [{ path: "", expected: "Click | Sale", received: "array" }] });
    expect(validateEvent("click")).toMatchObject({ ok: false, issues: [{ path: "", expected: "Click | Sale", received: '"click"' }] });
  });

  it("report a tag of another type by its kind, in a list of its own each call, inside another walk too", () => {
    expect(validateEvent({ type: 7 })).toEqual({ ok: false, issues: [{ path: "/type", expected: '"click" | "sale"', received: "integer", message: 'Expected "click" | "sale", received integer' }] });
    expect(validateEvent({ type: null })).toMatchObject({ ok: false, issues: [{ path: "/type", received: "null" }] });
    const first = validateEvent({ type: "view" });
    const second = validateEvent({ type: "view" });
    expect(first.ok ? undefined : first.issues).not.toBe(second.ok ? undefined : second.issues);
    // A getter that validates while a walk is under way gets the same issue, and the outer walk its own.
    let inner: unknown;
    const outer = validateClick({
      type: "click",
      channel: "web",
      get id() {
        inner = validateEvent({ type: "view" });
        return 5;
      },
    });
    expect(inner).toEqual({ ok: false, issues: [{ path: "/type", expected: '"click" | "sale"', received: '"view"', message: 'Expected "click" | "sale", received "view"' }] });
    expect(paths(outer)).toEqual(["/id"]);
  });

  it("a member's other keys are checked in document order, the matched tag is not reported again", () => {
    expect(paths(validateEvent({ type: "click", channel: 5, country: 7 }))).toEqual(["/id", "/channel", "/country"]);
    // The member alone checks its tag, in its place among the keys.
    expect(paths(validateClick({ type: "sale", channel: 5, country: 7 }))).toEqual(["/id", "/type", "/channel", "/country"]);
  });

  it("a model in two unions with different tags is judged on the tag each union did not match", () => {
    expect([isTouchpoint(click), isTouchpoint(visit)]).toEqual([true, true]);
    // `channel` picks Click; Click still requires its `type`.
    expect(isTouchpoint({ ...click, type: "sale" })).toBe(false);
    expect(validateTouchpoint({ ...click, type: "sale" })).toMatchObject({ ok: false, issues: [{ path: "/type", expected: '"click"', received: '"sale"' }] });
    // `type` picks Click in Event; there `channel` is checked.
    expect(validateEvent({ ...click, channel: "app" })).toMatchObject({ ok: false, issues: [{ path: "/channel", expected: '"web"', received: '"app"' }] });
    expect(paths(validateTouchpoint({ channel: "app" }))).toEqual(["/type", "/screen"]);
    expect(isClick({ ...click, type: "sale" })).toBe(false);
  });
});

describe("extra keys (__pydantic_extra__)", () => {
  it("accepts extra keys of the documented type and rejects others", () => {
    expect(isExtras({ name: "a", size: 1, weight: 3 })).toBe(true);
    expect(paths(validateExtras({ name: "a", weight: "heavy" }))).toEqual(["/weight"]);
    expect(paths(validateExtras({ name: "a", size: "big" }))).toEqual(["/size"]);
  });
});

describe("external SDK types", () => {
  it("accept anything", () => {
    expect(isUpload({ content_type: "a", status_code: 200, raw_response: new Map(), content: new Uint8Array(2) })).toBe(true);
  });
});

describe("recursion, cycles and depth", () => {
  it("validates recursive models", () => {
    const tree: TreeNode = { label: "root", children: [{ label: "a", children: [{ label: "b" }] }], parent: null };
    expect(isTreeNode(tree)).toBe(true);
    expect(paths(validateTreeNode({ label: "root", children: [{ label: "a", children: [{ label: 5 }] }] }))).toEqual(["/children/0/children/0/label"]);
  });

  it("gives a verdict on a cyclic value without throwing", () => {
    const node: Record<string, unknown> = { label: "loop" };
    node.children = [node];
    expect(isTreeNode(node)).toBe(false);
    const result = validateTreeNode(node);
    expect(result).toMatchObject({ ok: false, issues: [{ path: "/children/0", message: "Unexpected cyclic reference" }] });
    expect(() => assertTreeNode(node)).toThrow(ValidationError);
  });

  it("gives a verdict on 100,000-deep nesting without a stack overflow", () => {
    let deep: Record<string, unknown> = { label: "leaf" };
    for (let i = 0; i < 100_000; i++) deep = { label: "n", parent: deep };
    expect(isTreeNode(deep)).toBe(false);
    const result = validateTreeNode(deep);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => i.received)).toEqual(["deeper nesting"]);
  });

  it("accepts nesting up to the limit", () => {
    let deep: Record<string, unknown> = { label: "leaf" };
    for (let i = 1; i < $$MAX_DEPTH; i++) deep = { label: "n", parent: deep };
    expect(isTreeNode(deep)).toBe(true);
    expect(isTreeNode({ label: "n", parent: deep })).toBe(false);
  });

  it("recursive unions (a union inside its own dict and list)", () => {
    expect(isJSONValue({ a: [1, "x", { b: true }] })).toBe(true);
    expect(paths(validateJSONValue({ a: [1, null] }))).toEqual(["/a/1"]);
  });
});

describe("prototype-named fields", () => {
  it("reads `__proto__`, `constructor`, `toString` as data", () => {
    const data = JSON.parse('{"__proto__": "p", "constructor": "c", "toString": 1}') as unknown;
    expect(isPrototypeKeys(data)).toBe(true);
    expect(paths(validatePrototypeKeys({ constructor: "c" }))).toEqual(["/__proto__"]);
    expect(isPrototypeKeys(JSON.parse('{"__proto__": "p", "constructor": "c", "hasOwnProperty": "yes"}'))).toBe(false);
    expect(isPrototypeKeys(JSON.parse('{"__proto__": "p", "constructor": "c", "hasOwnProperty": true}'))).toBe(true);
  });
});

describe("index.ts", () => {
  it("re-exports every model's functions, one namespace per folder: names never clash across folders", () => {
    expect(all.discord.models.isAuditLogEntryResponse).toBe(isAuditLogEntryResponse);
    expect(all.oddities.models.isError_).toBe(isError_);
    expect(typeof all.cribl2023.models.operations.isType).toBe("function");
    expect(typeof all.cribl2023.models.shared.isType).toBe("function");
    expect(all.cribl2023.models.operations.isType).not.toBe(all.cribl2023.models.shared.isType);
    expect(all.ValidationError).toBe(ValidationError);
  });
});

describe("unions told apart one level down (no switch): the issues of the member the value was meant for", () => {
  const keys = { id: "g", benefit: { type: "license_keys", limit: 3 } };
  const flags = { id: "g", benefit: { type: "feature_flag", flags: ["beta"] } };

  it("accepts each member", () => {
    expect([isGrant(keys), isGrant(flags)]).toEqual([true, true]);
  });

  it("a value whose nested literal says which member reports that member's issues, naming it and the union", () => {
    // Member A fails at the tag alone (one issue); member B, whose tag the value has, fails at `limit`: B is meant.
    const badKeys = validateGrant({ id: "g", benefit: { type: "license_keys", limit: "many" } });
    expect(badKeys).toMatchObject({ ok: false, issues: [{ path: "/benefit/limit", expected: "integer", received: '"many"' }] });
    expect(badKeys.ok ? "" : badKeys.issues[0]?.message).toBe('Expected integer, received "many" (as GrantOfKeys: the value is no GrantOfKeys | GrantOfFlags)');
    expect(validateGrant({ id: "g", benefit: { type: "feature_flag", flags: "beta" } })).toMatchObject({ ok: false, issues: [{ path: "/benefit/flags" }] });
    expect(validateGrant({ id: "g", benefit: { type: "feature_flag" } })).toMatchObject({ ok: false, issues: [{ path: "/benefit/flags", message: expect.stringMatching(/^Missing required property "flags" \(as GrantOfFlags/) }] });
  });

  it("a member whose literal the value has beats a member with no literal at all, listed first", () => {
    expect([isLooseOrPinned({ y: "s" }), isLooseOrPinned({ kind: "a", x: 1 })]).toEqual([true, true]);
    for (const value of [{ kind: "a" }, { kind: "a", y: 3 }]) {
      expect(validateLooseOrPinned(value)).toMatchObject({ ok: false, issues: [{ path: "/x", message: expect.stringMatching(/\(as Pinned: /) }] });
    }
    // Without the literal, the closest member: Loose, whose one issue is deeper than Pinned's missing tag.
    expect(validateLooseOrPinned({ y: 3 })).toMatchObject({ ok: false, issues: [{ path: "/y", message: expect.stringMatching(/\(as Loose: /) }] });
  });

  it("a value nested past the depth limit inside a union is that, not a kind no member takes", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < $$MAX_DEPTH + 5; i++) deep = [deep];
    const result = validateJSONValue(deep);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([`Unexpected nesting deeper than ${$$MAX_DEPTH} levels`]);
  });

  it("a value that matches no member's literals gets the deepest match's issues; a wrong kind, one issue naming every member", () => {
    expect(validateGrant({ id: 5, benefit: { type: "license_keys", limit: 1 } })).toMatchObject({ ok: false, issues: [{ path: "/id" }] });
    expect(validateGrant("grant")).toMatchObject({ ok: false, issues: [{ path: "", expected: "GrantOfKeys | GrantOfFlags" }] });
  });
});
