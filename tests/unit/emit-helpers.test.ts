import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emit, formatNote, withoutImports, type OutputFile } from "../../src/emit/emit.js";
import { commentText, jsdoc, stringLiteral } from "../../src/emit/escape.js";
import { importSpecifier, modelIdentifier, modulePaths, propertyKey } from "../../src/emit/names.js";
import { negate } from "../../src/emit/render-check.js";
import { describeType, renderType } from "../../src/emit/render-type.js";
import type { Field, Model, TypeRef } from "../../src/ir/ir.js";
import { resolveOptions } from "../../src/ir/options.js";
import { render } from "../../src/recipe.js";
import { ROOT } from "../helpers.js";

describe("names", () => {
  it.each([
    ["AuditLogEntryResponse", "AuditLogEntryResponse"],
    ["Rate-Limit Info", "RateLimitInfo"],
    ["2FA settings", "_2FASettings"],
    ["Error", "Error_"],
    ["Object", "Object_"],
    ["string", "string_"],
    ["ValidationError", "ValidationError_"],
    ["***", "Model"],
    ["format_", "format_"],
  ])("model %j → %s", (name, identifier) => {
    expect(modelIdentifier(name)).toBe(identifier);
  });

  it("quotes property keys that are not identifiers", () => {
    expect(propertyKey("action_type")).toBe("action_type");
    expect(propertyKey("__proto__")).toBe("__proto__");
    expect(propertyKey("content-type")).toBe('"content-type"');
    expect(propertyKey("0")).toBe('"0"');
  });

  it("gives clashing output paths a suffix, in id order, case-insensitively; generator-owned paths always", () => {
    const { paths, renamed } = modulePaths(["b/Format.md", "index.md", "b/format.md", "_runtime.md", "c/Index.mdx"]);
    // An all-lower-case path keeps its own (as Speakeasy names docs): adding `b/Format.md` never moves `b/format.ts`.
    expect(Object.fromEntries(paths)).toEqual({ "_runtime.md": "_runtime_.ts", "b/Format.md": "b/Format_.ts", "b/format.md": "b/format.ts", "index.md": "index_.ts", "c/Index.mdx": "c/Index_.ts" });
    // Only a clash between docs is reported; `index` and `_runtime` are renamed by their own path.
    expect(renamed).toEqual(["b/Format.md"]);
  });

  it("gives a module whose path is another module's folder a suffix (`a.md` beside `a.ts/opt.md`), case-insensitively, and reports it", () => {
    const { paths, renamed } = modulePaths(["a.md", "a.ts/opt.md", "B.md", "b.TS/deep/x.md"]);
    expect(Object.fromEntries(paths)).toEqual({ "a.md": "a_.ts", "a.ts/opt.md": "a.ts/opt.ts", "B.md": "B_.ts", "b.TS/deep/x.md": "b.TS/deep/x.ts" });
    expect(renamed.sort()).toEqual(["B.md", "a.md"]);
  });

  it("gives a folder named like a file the target writes of its own (`index.ts/`, `_runtime.ts/` at the root) a suffix, and reports its models", () => {
    const ids = ["index.ts/a.md", "s/INDEX.TS/b.md", "_runtime.ts/c.md", "s/_runtime.ts/d.md", "index.ts_/e.md", "index.ts_/a.md"];
    const { paths, renamed } = modulePaths(ids);
    expect(Object.fromEntries(paths)).toEqual({
      "index.ts/a.md": "index.ts_/a_.ts",
      "s/INDEX.TS/b.md": "s/INDEX.TS_/b.ts",
      "_runtime.ts/c.md": "_runtime.ts_/c.ts",
      // The runtime is at the root alone.
      "s/_runtime.ts/d.md": "s/_runtime.ts/d.ts",
      "index.ts_/e.md": "index.ts_/e.ts",
      // The renamed folder meets one of that name: the doc already there keeps its path.
      "index.ts_/a.md": "index.ts_/a.ts",
    });
    expect(renamed).toEqual(["index.ts/a.md", "s/INDEX.TS/b.md", "_runtime.ts/c.md"]);
  });

  it("lays out a target's own extension, and renames folders only where the target writes files of its own", () => {
    const layout = { extension: ".schema.json", ownFiles: false };
    const { paths, renamed } = modulePaths(["a.md", "a.ts/x.md", "b.md", "b.schema.json/y.md", "index.ts/z.md", "index.md"], layout);
    expect(Object.fromEntries(paths)).toEqual({
      "a.md": "a.schema.json",
      "a.ts/x.md": "a.ts/x.schema.json",
      "b.md": "b_.schema.json",
      "b.schema.json/y.md": "b.schema.json/y.schema.json",
      "index.ts/z.md": "index.ts/z.schema.json",
      // A doc's own name is the same in every target.
      "index.md": "index_.schema.json",
    });
    expect(renamed).toEqual(["b.md"]);
  });

  it("a suffixed path never takes another doc's own: `a_.md` keeps `a_.ts` when `a.md` yields `a.ts` to a folder", () => {
    const { paths, renamed } = modulePaths(["a.md", "a_.md", "a.ts/x.md", "B.md", "b.md", "B_.md"]);
    expect(Object.fromEntries(paths)).toEqual({ "a.md": "a__.ts", "a_.md": "a_.ts", "a.ts/x.md": "a.ts/x.ts", "B.md": "B__.ts", "b.md": "b.ts", "B_.md": "B_.ts" });
    expect(renamed).toEqual(["a.md", "B.md"]);
  });

  it("a doc named as another's generator-owned rename keeps its path (`index_.md` beside `index.md`)", () => {
    const { paths } = modulePaths(["index.md", "index_.md", "s/Index.md", "s/Index_.md", "_runtime.md", "_runtime_.md"]);
    expect(Object.fromEntries(paths)).toEqual({ "index.md": "index__.ts", "index_.md": "index_.ts", "s/Index.md": "s/Index__.ts", "s/Index_.md": "s/Index_.ts", "_runtime.md": "_runtime__.ts", "_runtime_.md": "_runtime_.ts" });
    // An all-lower-case doc comes first all the same: `index.md` keeps `index_.ts` beside `Index_.md`.
    expect(Object.fromEntries(modulePaths(["index.md", "Index_.md"]).paths)).toEqual({ "index.md": "index_.ts", "Index_.md": "Index__.ts" });
  });

  it("folders whose paths differ in letter case alone get apart (`Models_/`): the all-lower-case one keeps its name, at any depth; json-schema keeps both", () => {
    const ids = ["models/x.md", "Models/y.md", "MODELS/z.md", "Models/Sub/a.md", "Models/sub/b.md", "b.md", "Models_/c.md"];
    const { paths, renamed } = modulePaths(ids);
    expect(Object.fromEntries(paths)).toEqual({
      "models/x.md": "models/x.ts",
      // `Models_/` is taken by a folder of that name.
      "MODELS/z.md": "MODELS__/z.ts",
      "Models/y.md": "Models___/y.ts",
      "Models/Sub/a.md": "Models___/Sub_/a.ts",
      "Models/sub/b.md": "Models___/sub/b.ts",
      "b.md": "b.ts",
      "Models_/c.md": "Models_/c.ts",
    });
    expect(renamed).toEqual(["Models/y.md", "MODELS/z.md", "Models/Sub/a.md", "Models/sub/b.md"]);
    expect(modulePaths(ids, { extension: ".schema.json", ownFiles: false }).renamed).toEqual([]);
  });

  it("a folder named as what tsc makes of a module (`a.js/`, `b.d.ts/`) takes its path; json-schema has no such build", () => {
    const ids = ["a.md", "a.js/x.md", "b.md", "b.d.ts/y.md", "c.md", "c.mjs/z.md"];
    expect(Object.fromEntries(modulePaths(ids).paths)).toEqual({ "a.md": "a_.ts", "a.js/x.md": "a.js/x.ts", "b.md": "b_.ts", "b.d.ts/y.md": "b.d.ts/y.ts", "c.md": "c.ts", "c.mjs/z.md": "c.mjs/z.ts" });
    expect(modulePaths(ids, { extension: ".schema.json", ownFiles: false }).paths.get("a.md")).toBe("a.schema.json");
  });

  it("writes relative import specifiers", () => {
    expect(importSpecifier("a/b/x.ts", "a/b/y.ts", ".js")).toBe("./y.js");
    expect(importSpecifier("a/b/x.ts", "_runtime.ts", ".js")).toBe("../../_runtime.js");
    expect(importSpecifier("a/x.ts", "c/d/y.ts", ".ts")).toBe("../c/d/y.ts");
    expect(importSpecifier("index.ts", "a/y.ts", ".js")).toBe("./a/y.js");
  });

  it("writes the import specifier of every pair of paths as splitting them into folders does", () => {
    // The reference: the paths split at `/`, the shared leading folders dropped, one `../` per folder left of `from`.
    const bySegments = (from: string, to: string, extension: ".js" | ".ts"): string => {
      const fromFolders = from.split("/").slice(0, -1);
      const toParts = to.split("/");
      let common = 0;
      while (common < fromFolders.length && common < toParts.length - 1 && fromFolders[common] === toParts[common]) common++;
      const up = fromFolders.length - common;
      return (up === 0 ? "./" : "../".repeat(up)) + toParts.slice(common).join("/").replace(/\.ts$/, extension);
    };
    const folders = ["", "a/", "ab/", "a/b/", "a/bc/", "ab/c/", "a/b/c/", "b/a/", "a/a/", "a/b/cd/"];
    const files = ["x.ts", "xy.ts", "a.ts", "index.ts", "_runtime.ts", "x.d.ts", "x.tsx", "x"];
    const paths = folders.flatMap((folder) => files.map((file) => folder + file));
    let pairs = 0;
    for (const from of paths) {
      for (const to of paths) {
        for (const extension of [".js", ".ts"] as const) {
          expect(importSpecifier(from, to, extension), `${from} → ${to} (${extension})`).toBe(bySegments(from, to, extension));
          pairs++;
        }
      }
    }
    expect(pairs).toBe(2 * paths.length ** 2);
  });
});

describe("escape", () => {
  it("keeps comment text from closing the comment", () => {
    expect(commentText("a */ b")).toBe("a *\\/ b");
    expect(commentText("x\n@internal y")).toBe("x\n\\@internal y");
  });

  it("renders JSDoc blocks", () => {
    expect(jsdoc({})).toBe("");
    expect(jsdoc({ description: "One line." })).toBe("/** One line. */\n");
    expect(jsdoc({ description: "Two\n\nparagraphs */", tags: [{ tag: "deprecated" }, { tag: "example", text: "{\n  a: 1\n}" }] }, "  ")).toBe(
      "  /**\n   * Two\n   *\n   * paragraphs *\\/\n   * @deprecated\n   * @example\n   * {\n   *   a: 1\n   * }\n   */\n",
    );
  });

  it("writes string literals", () => {
    expect(stringLiteral('a"b\\c\n')).toBe('"a\\"b\\\\c\\n"');
    expect(stringLiteral("\u2028")).toBe('"\\u2028"');
  });
});

describe("render-type", () => {
  const name = (target: string) => target.replace(/\.md$/, "").toUpperCase();
  it.each<[TypeRef, string]>([
    [{ kind: "string", format: "date-time" }, "string"],
    [{ kind: "integer" }, "number"],
    [{ kind: "literal", value: "x" }, '"x"'],
    [{ kind: "literal", value: true }, "true"],
    [{ kind: "array", items: { kind: "nullable", type: { kind: "ref", target: "a.md" } } }, "(A | null)[]"],
    [{ kind: "record", values: { kind: "array", items: { kind: "string" } } }, "Record<string, string[]>"],
    [{ kind: "nullable", type: { kind: "unknown", reason: "any" } }, "unknown"],
    [{ kind: "union", members: [{ kind: "literal", value: "a" }, { kind: "string" }] }, '"a" | (string & {})'],
    [{ kind: "union", members: [] }, "never"],
  ])("%j → %s", (type, text) => {
    expect(renderType(type, name)).toBe(text);
  });

  it("writes records as index signatures inside type aliases", () => {
    expect(renderType({ kind: "record", values: { kind: "ref", target: "j.md" } }, name, true)).toBe("{ [key: string]: J }");
  });

  it("describes types for issue messages", () => {
    expect(describeType({ kind: "nullable", type: { kind: "string", format: "date" } }, name)).toBe("date string (YYYY-MM-DD) | null");
    expect(describeType({ kind: "array", items: { kind: "integer" } }, name)).toBe("integer[]");
  });
});

describe("negate", () => {
  it.each([
    ['typeof x === "string"', 'typeof x !== "string"'],
    ["x === 1", "x !== 1"],
    ['x === "a b"', 'x !== "a b"'],
    ["(x === null || typeof x === \"string\")", "!(x === null || typeof x === \"string\")"],
    ["$h0(x, d + 1)", "!$h0(x, d + 1)"],
    ["Number.isInteger(x)", "!Number.isInteger(x)"],
    ['typeof x === "string" && $$isDate(x)', '!(typeof x === "string" && $$isDate(x))'],
    ["(a) || (b)", "!((a) || (b))"],
    ["true", "false"],
  ])("%s", (expression, negated) => {
    expect(negate(expression)).toBe(negated);
  });
});

describe("JSDoc a reader can use", () => {
  it("drops the SDK's import declarations from TypeScript examples, one-line and multi-line", () => {
    const code = 'import { Pet } from "@acme/sdk/models/components";\nimport {\n  Tag,\n  Size,\n} from "@acme/sdk/models/components/tag.js";\nimport "./side-effect";\n\nlet value: Pet = {\n  name: "import me",\n};';
    expect(withoutImports(code)).toBe('let value: Pet = {\n  name: "import me",\n};');
    expect(withoutImports('let value: Pet = { note: "from x" };')).toBe('let value: Pet = { note: "from x" };');
  });

  it("notes the format of date and date-time strings, in containers too", () => {
    expect(formatNote({ kind: "string", format: "date-time" })).toBe("Format: date-time");
    expect(formatNote({ kind: "nullable", type: { kind: "string", format: "date" } })).toBe("Format: date");
    expect(formatNote({ kind: "array", items: { kind: "string", format: "date" } })).toBe("Format: date (each item)");
    expect(formatNote({ kind: "record", values: { kind: "string", format: "date-time" } })).toBe("Format: date-time (each value)");
    expect(formatNote({ kind: "union", members: [{ kind: "string", format: "date-time" }, { kind: "string", format: "date" }] })).toBe("Format: date-time or date");
    expect(formatNote({ kind: "string" })).toBeUndefined();
  });
});

describe("emit", () => {
  it("hands every model's module to onFile as it is rendered, and returns the same files with or without it", async () => {
    const { program, options } = await render(join(ROOT, "fixtures", "python", "petstore"), resolveOptions({}));
    const handed: OutputFile[] = [];
    // What the callback returns (here a number) is no file: ignored.
    const withHook = emit(program, { ...options, onFile: (file) => handed.push(file) });
    expect(withHook.files).toEqual(emit(program, options).files);
    // One module per model, each handed over once, as it is in the list; the runtime and the barrels come after.
    expect(handed).toHaveLength(program.models.length);
    expect(new Set(handed.map((file) => file.path)).size).toBe(handed.length);
    for (const file of handed) expect(withHook.files.find((f) => f.path === file.path)).toBe(file);
    expect(handed.some((file) => file.path === "_runtime.ts" || file.path.endsWith("index.ts"))).toBe(false);
  });

  it("keeps in the list, in each handed file's place, the file onFile gives back", async () => {
    const { program, options } = await render(join(ROOT, "fixtures", "python", "petstore"), resolveOptions({}));
    const given = new Map<string, OutputFile>();
    const withHook = emit(program, {
      ...options,
      onFile: (file) => {
        const instead = { path: file.path, content: file.content };
        given.set(file.path, instead);
        return instead;
      },
    });
    expect(withHook.files).toEqual(emit(program, options).files);
    expect(given.size).toBe(program.models.length);
    for (const [path, file] of given) expect(withHook.files.find((f) => f.path === path)).toBe(file);
    // Not a file of that path (a Map, another file's path): the rendered file stays.
    const stays = emit(program, { ...options, onFile: (file) => (file.path.length % 2 === 0 ? new Map([[file.path, file]]) : { path: `${file.path}x`, content: "" }) });
    expect(stays.files).toEqual(emit(program, options).files);
  });
});

/** Models written by hand, for the emit tests below. */
const at = { line: 1, column: 1 };
const field = (name: string, type: TypeRef, required = true): Field => ({ name, type, required, place: at, typePlace: at });
const object = (id: string, fields: Field[], extra?: TypeRef): Model => ({ kind: "object", id, name: id.replace(".md", ""), examples: [], place: at, fields, ...(extra ? { additionalProperties: extra } : {}) });
const ref = (target: string): TypeRef => ({ kind: "ref", target });
const str: TypeRef = { kind: "string" };
const status: Model = { kind: "enum", id: "Status.md", name: "Status", examples: [], place: at, base: "string", open: false, values: [{ value: "a", place: at }] };

describe("the entry guard against prototype pollution", () => {
  /** The line `isX` returns, for each model of the program. */
  function entries(models: Model[], unknownKeys: "accept" | "reject" = "accept"): Record<string, string> {
    const { files } = emit({ models }, { importExtension: ".js", maxDepth: 512, unknownKeys });
    const out: Record<string, string> = {};
    for (const model of models) {
      const text = files.find((f) => f.path === `${model.name}.ts`)?.content ?? "";
      const entry = /export function is\w+\(value: unknown\)[^{]*\{\n {2}(.*)\n/.exec(text)?.[1] ?? "";
      const guard = /\n {2}return (!\(.*);\n\}/.exec(text)?.[1] ?? "";
      out[model.name] = entry.replace(/\$clean\d+\(\)/, `[${guard}]`).replace(/\$proto\d+/g, "$proto");
    }
    return out;
  }

  it("tests each named key the check reads, through every model it reaches, once; none for keys read through hasOwnProperty", () => {
    const models = [
      object("Pet.md", [field("id", str), field("owner", ref("Owner.md"), false), field("status", ref("Status.md")), field("toString", str), field("any", { kind: "unknown", reason: "any" })]),
      object("Owner.md", [field("name", str), field("pet", ref("Pet.md"), false)]),
      status,
    ];
    const { Pet, Owner, Status } = entries(models);
    expect(Pet).toBe('return [!("id" in $proto) && !("owner" in $proto) && !("status" in $proto) && !("name" in $proto) && !("pet" in $proto)] ? $isPet(value, 0) : $$check($checkPet, value);');
    expect(Owner).toContain('[!("name" in $proto) && !("pet" in $proto) && !("id" in $proto) && !("owner" in $proto) && !("status" in $proto)]');
    // An enum reads no key: nothing on a prototype can change its verdict.
    expect(Status).toBe("return $isStatus(value, 0);");
  });

  it("takes the whole-prototype test where the check reads array items, every key of an object, or too many keys", () => {
    const many = object("Wide.md", Array.from({ length: 65 }, (_, i) => field(`k${i}`, str)));
    const { Tags, Map, Extra, Wide, Holder, Loose } = entries([
      object("Tags.md", [field("tags", { kind: "array", items: str })]),
      object("Map.md", [field("labels", { kind: "record", values: str })]),
      object("Extra.md", [field("a", str)], { kind: "integer" }),
      many,
      object("Holder.md", [field("wide", ref("Wide.md"), false)]),
      // Items and values of any type are not read: `Array.isArray` and an object test say it all.
      object("Loose.md", [field("list", { kind: "array", items: { kind: "unknown", reason: "any" } }), field("bag", { kind: "record", values: { kind: "unknown", reason: "any" } })]),
    ]);
    for (const entry of [Tags, Map, Extra, Wide, Holder]) expect(entry).toMatch(/^return \$\$clean\(\) \?/);
    expect(Loose).toBe('return [!("list" in $proto) && !("bag" in $proto)] ? $isLoose(value, 0) : $$check($checkLoose, value);');
    // A check that reaches more than 256 models (a chain of unions, each of the next and a literal) takes it too.
    const chain = (n: number): Model[] =>
      Array.from({ length: n }, (_, i): Model => ({ kind: "union", id: `U${i}.md`, name: `U${i}`, examples: [], place: at, members: [{ label: "x", type: i + 1 < n ? ref(`U${i + 1}.md`) : ref("Tip.md"), place: at }, { label: "y", type: { kind: "literal", value: i }, place: at }] }));
    const tip = object("Tip.md", [field("id", str)]);
    expect(entries([...chain(255), tip]).U0).toBe('return [!("id" in $proto)] ? $isU0(value, 0) : $$check($checkU0, value);');
    expect(entries([...chain(256), tip]).U0).toMatch(/^return \$\$clean\(\) \?/);
    // unknownKeys: reject walks every key of every object.
    expect(entries([object("Pet.md", [field("id", str)])], "reject").Pet).toMatch(/^return \$\$clean\(\) \?/);
  });
});

const literal = (value: string): TypeRef => ({ kind: "literal", value });
const union = (id: string, members: TypeRef[]): Model => ({ kind: "union", id, name: id.replace(".md", ""), examples: [], place: at, members: members.map((type, i) => ({ label: `member ${i}`, type, place: at })) });
/** Each model's module text. */
function modules(models: Model[], unknownKeys: "accept" | "reject" = "accept"): Record<string, string> {
  const { files } = emit({ models }, { importExtension: ".js", maxDepth: 512, unknownKeys });
  return Object.fromEntries(models.map((m) => [m.name, files.find((f) => f.path === `${m.name}.ts`)?.content ?? ""]));
}

describe("`validateX`'s check of its own", () => {
  /** The body of `validateX`. */
  const validate = (text: string) => /export function validate\w+\(value: unknown\)[^{]*\{\n([\s\S]*?)\n\}/.exec(text)?.[1] ?? "";

  it("objects whose undocumented keys go unchecked, and discriminated unions of them, have one; enums, records of extra keys, `unknownKeys: \"reject\"` and other unions take the two passes", () => {
    const { Pet, Extra, Status, Either, Event } = modules([
      object("Pet.md", [field("id", str), field("status", ref("Status.md"))]),
      object("Extra.md", [field("id", str)], { kind: "integer" }),
      status,
      union("Either.md", [str, ref("Pet.md")]),
      object("Click.md", [field("type", literal("click")), field("url", str)]),
      object("Lead.md", [field("type", literal("lead")), field("value", str)]),
      union("Event.md", [ref("Click.md"), ref("Lead.md")]),
    ]);
    expect(validate(Pet as string)).toContain("const issues = $validPet(value);");
    expect(validate(Event as string)).toContain("const issues = $validEvent(value);");
    // The union's check hands the matched tag to the member's, which does not read it again.
    expect(Event).toMatch(/case "click":\n\s+return \$validClick\(o, "type"\);/);
    // The tags are strings: the switch is guarded so that the engine compares strings; any other tag falls through to the miss.
    expect(Event).toContain('if (typeof tag === "string") switch (tag) {');
    expect(Event).toContain('  }\n  return $$tagMiss(o, "/type", ');
    for (const text of [Extra, Status, Either]) expect(validate(text as string)).toMatch(/return \$is\w+\(value, 0\) \? \{ ok: true, value \} : \{ ok: false, issues: \$\$collect\(\$check\w+, value\) \};/);
    const rejecting = modules([object("Click.md", [field("type", literal("click")), field("url", str)]), object("Lead.md", [field("type", literal("lead"))]), union("Event.md", [ref("Click.md"), ref("Lead.md")])], "reject");
    expect(validate(rejecting.Click as string)).toContain("$$collect(");
    expect(validate(rejecting.Event as string)).toContain("$$collect(");
    // Deciding so hoists nothing into the union's module (an unused table fails `noUnusedLocals`).
    expect(rejecting.Event).not.toContain("$keys");
  });

  it("is the check with the walk of the object's keys where one fails: stacked as the walk stacks it, the tag handed on, nothing to fail when nothing can", () => {
    const { Node, Click, Loose } = modules([
      object("Node.md", [field("name", str), field("children", { kind: "array", items: ref("Node.md") }, false)]),
      object("Click.md", [field("type", literal("click")), field("url", str)]),
      object("Lead.md", [field("type", literal("lead"))]),
      union("Event.md", [ref("Click.md"), ref("Lead.md")]),
      object("Loose.md", [field("any", { kind: "unknown", reason: "any" }, false)]),
    ]);
    const valid = (text: string) => /export function \$valid\w+\([^)]*\)[^{]*\{\n([\s\S]*?)\n\}/.exec(text)?.[1] ?? "";
    // A recursive model can close a cycle: its object is on the walk's stack while its keys are walked.
    expect(valid(Node as string)).toContain("  const c = $$open();\n  c.stack.push(o);\n  $fieldsNode(o, c);\n  c.stack.pop();\n  return $$close(c);");
    expect(valid(Node as string)).toMatch(/if \(!\$isNode\(x\d+, 2\)\) break check;/);
    // A leaf object is not stacked; a member of a discriminated union skips the matched tag.
    expect(valid(Click as string)).toContain('  if (skip !== "type") {\n      x = o["type"];\n      if (x !== "click") break check;\n    }');
    expect(valid(Click as string)).toContain("  const c = $$open();\n  $fieldsClick(o, c, skip);\n  return $$close(c);");
    // An object holding a checked array is stacked too: the array's depth is the stack's (the check's `d`).
    const { Tagged, Flat } = modules([object("Tagged.md", [field("tags", { kind: "array", items: str })]), object("Flat.md", [field("status", ref("Status.md")), field("any", { kind: "array", items: { kind: "unknown", reason: "any" } })]), status]);
    expect(valid(Tagged as string)).toContain("  c.stack.push(o);\n  $fieldsTagged(o, c);\n  c.stack.pop();");
    // One holding only enums, scalars and unchecked arrays is not: nothing below it is measured.
    expect(valid(Flat as string)).toContain("  const c = $$open();\n  $fieldsFlat(o, c);\n  return $$close(c);");
    // Every key optional and of a type that takes anything: the check has nothing to fail.
    expect(valid(Loose as string)).toBe('  if (typeof v !== "object" || v === null || Array.isArray(v)) return null;\n  const o = v as Record<string, unknown>;\n  return (o as $$Object).__proto__ === $$OP ? undefined : null;');
  });
});

describe("unions whose check backtracks through a cycle", () => {
  const array = (items: TypeRef): TypeRef => ({ kind: "array", items });
  const optional = (name: string, type: TypeRef): Field => field(name, { kind: "nullable", type }, false);
  /** The expression `$isX` returns, for a model that is one type. */
  const check = (text: string) => /export function \$is\w+\(v: unknown, d: number\)[^{]*\{\n {2}return (.*);\n\}/.exec(text)?.[1] ?? "";

  it("remember what they found where two members take the same kind of container and each nests without bound (`Expr = AndExpr | OrExpr`, both with a `left: Expr`)", () => {
    const { Expr } = modules([union("Expr.md", [ref("AndExpr.md"), ref("OrExpr.md")]), object("AndExpr.md", [optional("left", ref("Expr.md"))]), object("OrExpr.md", [optional("left", ref("Expr.md"))])]);
    expect(check(Expr as string)).toMatch(/^\$\$anyOf\(\$h\d+, v, d\)$/);
    // The members tried in turn; a member that fails counts the checks it made of nested values as wasted.
    expect(Expr).toMatch(/function \$h\d+\(v: unknown, d: number\): boolean \{\n {2}const mark = \$\$mark\(\);\n {2}if \(\$isAndExpr\(v, d\)\) return true;\n {2}\$\$missed\(mark\);\n {2}return \$isOrExpr\(v, d\);\n\}/);
    // Two arrays, each of the union, do too; so does a union written in a field, hoisted into its model's module.
    expect(check(modules([union("Nest.md", [array(ref("Nest.md")), array({ kind: "nullable", type: ref("Nest.md") }), str])]).Nest as string)).toContain("$$anyOf(");
    const { Node } = modules([object("Node.md", [optional("next", { kind: "union", members: [ref("Node.md"), ref("Other.md")] })]), object("Other.md", [field("next", ref("Node.md"))])]);
    expect(Node).toMatch(/x = o\["next"\];\n {2}if \(x !== undefined && !\(x === null \|\| \$\$anyOf\(\$h\d+, x, d \+ 1\)\)/);
    // A member need not lead back to its own union: a chain of unions `U0 = A0 | B0`, `A0 = { left: U0 }`,
    // `B0 = { left: U1 }`, … retries a value once per union below it (n^k through k unions).
    const chain = modules([
      union("U0.md", [ref("A0.md"), ref("B0.md")]),
      object("A0.md", [field("left", ref("U0.md"))]),
      object("B0.md", [field("left", ref("U1.md"))]),
      union("U1.md", [ref("A1.md"), ref("Leaf.md")]),
      object("A1.md", [field("left", ref("U1.md"))]),
      object("Leaf.md", [field("value", { kind: "integer" })]),
      // A model on no cycle holding a union of members that nest without bound.
      object("Holder.md", [field("expr", { kind: "union", members: [ref("A0.md"), ref("A1.md")] })]),
    ]);
    expect(check(chain.U0 as string)).toContain("$$anyOf(");
    expect(chain.Holder).toContain("$$anyOf(");
    // U1's second member is a leaf: one member at most goes deep.
    expect(chain.U1).not.toContain("$$anyOf");
  });

  it("keep the plain `||` where at most one member can go deep, or the docs bound the nesting", () => {
    const json = union("Json.md", [str, array(ref("Json.md")), { kind: "record", values: ref("Json.md") }]);
    const { Json, Shape, Half } = modules([
      // An array and an object: the value's kind picks the one member that descends.
      json,
      // Objects both, but on no cycle: the docs bound the nesting.
      union("Shape.md", [ref("Circle.md"), ref("Square.md")]),
      object("Circle.md", [field("radius", { kind: "number" })]),
      object("Square.md", [field("side", { kind: "number" })]),
      // One member nests without bound, the other does not.
      union("Half.md", [ref("HalfNode.md"), ref("Circle.md")]),
      object("HalfNode.md", [optional("next", ref("Half.md"))]),
    ]);
    for (const text of [Json, Shape, Half]) expect(text).not.toContain("$$anyOf");
    expect(check(Json as string)).toMatch(/^\(typeof v === "string" \|\| \$h\d+\(v, d\) \|\| \$h\d+\(v, d\)\)$/);
    // A discriminated union tries one member: its `switch` is left as it is.
    const tagged = modules([
      union("Tree.md", [ref("Leaf.md"), ref("Branch.md")]),
      object("Leaf.md", [field("kind", literal("leaf"))]),
      object("Branch.md", [field("kind", literal("branch")), field("children", array(ref("Tree.md")))]),
    ]);
    expect(tagged.Tree).toContain("switch (");
    expect(tagged.Tree).not.toContain("$$anyOf");
  });

  it("a discriminated union's switch is guarded by the one type its tags share, in the check, the walk and validateX's check; tags of several types keep a bare switch", () => {
    const tag = (value: string | number | boolean): TypeRef => ({ kind: "literal", value });
    const unionOf = (name: string, a: string | number | boolean, b: string | number | boolean) => [
      object(`${name}A.md`, [field("kind", tag(a))]),
      object(`${name}B.md`, [field("kind", tag(b))]),
      union(`${name}.md`, [ref(`${name}A.md`), ref(`${name}B.md`)]),
    ];
    const { Str, Num, Bool, Mixed } = modules([...unionOf("Str", "a", "b"), ...unionOf("Num", 1, 2), ...unionOf("Bool", true, false), ...unionOf("Mixed", "1", 1)]);
    for (const [text, kind] of [[Str, "string"], [Num, "number"], [Bool, "boolean"]] as const) {
      // $isX, $checkX and $validX: three switches, each guarded.
      expect(text?.split(`if (typeof tag === "${kind}") switch (tag) {`).length).toBe(4);
      expect(text).not.toMatch(/^\s*switch \(tag\)/m);
    }
    expect(Mixed).not.toContain("if (typeof tag ===");
    expect(Mixed?.match(/^\s*switch \(tag\) \{/gm)?.length).toBe(3);
  });
});
