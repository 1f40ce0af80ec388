import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/ir/diagnostics.js";
import { DEFAULT_OPTIONS, resolveOptions } from "../../src/ir/options.js";
import { parseConfig, resolveTargets } from "../../src/io/config.js";
import { ROOT } from "../helpers.js";
import { DIALECT_LABELS } from "../../src/dialects/choices.js";
import { DIALECTS } from "../../src/dialects/index.js";
import { DIALECT_CHOICES } from "../../src/dialects/detect.js";

const schema = JSON.parse(readFileSync(join(ROOT, "schema", "mdtypes.config.schema.json"), "utf8")) as {
  properties: Record<string, { properties?: Record<string, unknown>; items?: { properties: Record<string, unknown> } }> & { rules: { propertyNames: { enum: string[] } } };
};
const validate = new Ajv({ allErrors: true }).compile(schema);

const valid: unknown[] = [
  JSON.parse(readFileSync(join(ROOT, "mdtypes.config.json"), "utf8")),
  { input: "docs/models", output: "src/generated", rules: { "unresolved-link": "warning" }, maxDepth: 64 },
  { flavour: "python", targets: [{ input: "a", output: "b" }, { name: "second", input: "c", output: "d", importExtension: ".ts", rules: { "unknown-type": "off" } }] },
];
const invalid: [unknown, RegExp][] = [
  [{ input: "a", output: "b", outptu: "c" }, /unknown key "outptu"/],
  [{ input: "a" }, /"output" is missing/],
  [{ input: "a", output: "b", targets: [{ input: "c", output: "d" }] }, /either "input" and "output" \(or "outFile"\) or "targets"/],
  [{ targets: [{ input: "c" }] }, /"targets\[0\]" needs "output"/],
  [{ targets: [{ input: "c", output: "d", extra: 1 }] }, /unknown key "targets\[0\]\.extra"/],
  [{ targets: [] }, /"targets" must be a non-empty array/],
  [{ input: "a", output: "b", rules: { "no-such-rule": "off" } }, /unknown rule "no-such-rule"/],
  [{ input: "a", output: "b", rules: { "unresolved-link": "loud" } }, /"rules\.unresolved-link" must be/],
  [{ input: "a", output: "b", maxDepth: 0 }, /"maxDepth" must be an integer/],
  [{ input: "a", output: "b", importExtension: ".mjs" }, /"importExtension" must be/],
  [[], /must be a JSON object/],
];

describe("mdtypes.config.json", () => {
  it.each(valid.map((c) => [JSON.stringify(c), c]))("accepts %s (parser and JSON Schema agree)", (_text, config) => {
    expect(() => parseConfig(config)).not.toThrow();
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(invalid.map(([c, m]) => [JSON.stringify(c), c, m] as const))("rejects %s, naming the key (parser and JSON Schema agree)", (_text, config, message) => {
    expect(() => parseConfig(config)).toThrow(message);
    expect(validate(config)).toBe(false);
  });

  it("the schema lists every option and every rule id", () => {
    // `singleFile` is set from `outFile`, never on its own.
    const optionKeys = Object.keys(DEFAULT_OPTIONS).filter((k) => k !== "singleFile").sort();
    expect(Object.keys(schema.properties).filter((k) => !["$schema", "input", "output", "outFile", "targets"].includes(k)).sort()).toEqual(optionKeys);
    expect(Object.keys(schema.properties.targets?.items?.properties ?? {}).filter((k) => !["name", "input", "output", "outFile"].includes(k)).sort()).toEqual(optionKeys);
    expect([...schema.properties.rules.propertyNames.enum].sort()).toEqual(Object.keys(RULES).sort());
  });

  it("the dialects' ids and labels the CLI and the config know without loading them are the registry's", () => {
    expect(Object.keys(DIALECT_LABELS)).toEqual(Object.keys(DIALECTS));
    for (const [id, dialect] of Object.entries(DIALECTS)) expect(DIALECT_LABELS[id as keyof typeof DIALECT_LABELS], id).toBe(dialect.label);
  });

  it("the schema's dialects are the registry's, in detection order, after auto", () => {
    expect((schema.properties as unknown as Record<string, { enum: string[] }>).dialect?.enum).toEqual(["auto", ...Object.keys(DIALECTS)]);
    expect(DIALECT_CHOICES).toEqual(["auto", ...Object.keys(DIALECTS)]);
  });
});

describe("targets and option layers", () => {
  it("merges defaults, top-level options, the target's, then flags (rules merge key by key)", () => {
    const config = parseConfig({ maxDepth: 10, rules: { "unknown-type": "error" }, targets: [{ input: "a", output: "b", maxDepth: 20, rules: { "unresolved-link": "warning" } }, { input: "c", output: "d" }] });
    const [first, second] = resolveTargets(config, {}, { rules: { "external-type": "off" } });
    expect(first?.options).toMatchObject({ maxDepth: 20, rules: { "unknown-type": "error", "unresolved-link": "warning", "external-type": "off" } });
    expect(second?.options).toMatchObject({ maxDepth: 10, rules: { "unknown-type": "error", "external-type": "off" } });
    expect(second?.name).toBe("d");
  });

  it("an input and --out from the command line make one target", () => {
    const config = parseConfig({ input: "a", output: "b", maxDepth: 7 });
    expect(resolveTargets(config, { input: "x" })).toEqual([{ name: "b", input: "x", output: "b", options: resolveOptions({ maxDepth: 7 }) }]);
    const several = parseConfig({ targets: [{ input: "a", output: "b" }, { input: "c", output: "d" }] });
    expect(() => resolveTargets(several, { input: "x" })).toThrow(/several targets/);
    expect(() => resolveTargets(undefined, {})).toThrow(/Nothing to do/);
  });
});
