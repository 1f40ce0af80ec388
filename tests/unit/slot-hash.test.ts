/**
 * The lookup table of a closed enum of many strings: the hash search, and the
 * emitted check end to end (docs → `mdtypes generate` → strict `tsc` → the
 * module loaded): every value accepted, every near miss rejected, on value
 * sets shaped like real enums and on sets made to defeat the hash.
 */

import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { findSlotHash, MAX_RUN, MAX_SLOT_VALUES, slotOf } from "../../src/emit/slot-hash.js";
import { ROOT } from "../helpers.js";

const BIN = join(ROOT, "bin", "mdtypes.js");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

/** The probes a lookup of each value takes in a table filled in the values' order (linear probing). */
function probes(values: readonly string[]): number[] {
  const hash = findSlotHash(values);
  if (!hash) throw new Error("no hash");
  const mask = (1 << hash.bits) - 1;
  const table: (string | undefined)[] = [];
  const counts: number[] = [];
  for (const value of values) {
    let slot = slotOf(hash, value);
    let count = 1;
    while (table[slot] !== undefined) {
      slot = (slot + 1) & mask;
      count++;
    }
    table[slot] = value;
    counts.push(count);
  }
  return counts;
}

/**
 * The longest run of occupied slots in the table `values` fill under their hash (a run at the end
 * going on at the start): what a lookup of a string that is not a value may have to compare.
 */
function longestRun(values: readonly string[]): number {
  const hash = findSlotHash(values);
  if (!hash) throw new Error("no hash");
  const size = 1 << hash.bits;
  const taken = new Array<boolean>(size).fill(false);
  for (const value of values) {
    let slot = slotOf(hash, value);
    while (taken[slot]) slot = (slot + 1) & (size - 1);
    taken[slot] = true;
  }
  let longest = 0;
  let run = 0;
  for (let i = 0; i < 2 * size; i++) {
    run = taken[i % size] ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** Value sets that cluster under a hash of a few code units: alike where it reads, or told apart by one unit only. */
const CLUSTERING: Record<string, readonly string[]> = {
  "alike but in the middle": Array.from({ length: 2000 }, (_, i) => `evt.acct.${String(i).padStart(4, "0")}.done`),
  "one unit apart, deep inside": Array.from({ length: 40 }, (_, i) => `aaaaaaaaaaaaaaa${String.fromCharCode(65 + i)}zzzzzzzzzz`),
  "prefixes of each other": Array.from({ length: 300 }, (_, i) => "a".repeat(i + 1)),
  "single emoji (two code units each)": Array.from({ length: 30 }, (_, i) => String.fromCodePoint(0x1f600 + i)),
};

const letters = (n: number, from = 65): string[] => Array.from({ length: n }, (_, i) => String.fromCharCode(from + i));
const countryLike = letters(26).flatMap((a) => letters(26).map((b) => a + b)).filter((_, i) => i % 3 === 0);

describe("findSlotHash", () => {
  it("gives dense codes (two or three letters) a slot each", () => {
    expect(Math.max(...probes(countryLike))).toBe(1);
    const currencies = letters(26).flatMap((a) => letters(5).map((b) => `${a}${b}X`));
    expect(Math.max(...probes(currencies))).toBe(1);
  });

  it("reads the end of values that share their start (regions, dotted event names)", () => {
    const regions = ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "sa-east-1"];
    const hash = findSlotHash(regions);
    expect(hash?.positions.some((p) => p < 0)).toBe(true);
    const events = ["created", "updated", "deleted", "expired", "paid", "refunded"].flatMap((verb) => ["checkout", "customer", "order", "subscription"].map((noun) => `${noun}.${verb}`));
    const counts = probes(events);
    expect(counts.reduce((a, b) => a + b, 0) / counts.length).toBeLessThan(1.3);
  });

  it("is deterministic and reads at most three code units", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 0, maxLength: 12 }), { minLength: 2, maxLength: 300 }), (values) => {
        const hash = findSlotHash(values);
        expect(hash).toEqual(findSlotHash(values));
        expect(hash?.positions.length).toBeLessThanOrEqual(3);
        // 2 to 8 slots a value: a probe always meets an empty slot.
        expect(2 ** (hash?.bits ?? 0)).toBeGreaterThanOrEqual(2 * values.length);
        expect(2 ** (hash?.bits ?? 0)).toBeLessThanOrEqual(16 * values.length);
      }),
      { numRuns: 200 },
    );
  });

  it.each(Object.keys(CLUSTERING))("leaves no run of more than MAX_RUN occupied slots, or gives no hash (a Set): %s", (name) => {
    const values = CLUSTERING[name] as readonly string[];
    if (findSlotHash(values) !== undefined) expect(longestRun(values)).toBeLessThanOrEqual(MAX_RUN);
  });

  it("gives values told apart only in the middle a table of short runs (876 log type names)", () => {
    // Upper-case names with underscores, as an enum of log types has them: alike in length and at both ends.
    const words = ["SECURITY", "NETWORKS", "CLOUD", "AUDIT", "FIREWALL", "ACCESS", "EVENT", "DNS", "PROXY", "ENDPOINT", "MAIL", "IDENTITY"];
    const names = Array.from({ length: 876 }, (_, i) => `${words[i % 12]}_${words[Math.floor(i / 12) % 12]}_${String.fromCharCode(65 + (Math.floor(i / 144) % 26))}${i % 7 === 0 ? "_V2" : ""}`);
    const values = [...new Set(names)];
    expect(findSlotHash(values)).toBeDefined();
    expect(longestRun(values)).toBeLessThanOrEqual(MAX_RUN);
  });

  it("never leaves a run longer than MAX_RUN on any values", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 0, maxLength: 20 }), { minLength: 2, maxLength: 400 }), (values) => {
        if (findSlotHash(values) !== undefined) expect(longestRun(values)).toBeLessThanOrEqual(MAX_RUN);
      }),
      { numRuns: 200 },
    );
  });

  it("has no hash for fewer than two values or more than the limit", () => {
    expect(findSlotHash([])).toBeUndefined();
    expect(findSlotHash(["a"])).toBeUndefined();
    expect(findSlotHash(Array.from({ length: MAX_SLOT_VALUES + 1 }, (_, i) => `v${i}`))).toBeUndefined();
  });

  it("stays within its budget on values alike wherever it reads", () => {
    // 4,000 values that differ only in the middle of a long string: every position read is shared.
    const alike = Array.from({ length: 4000 }, (_, i) => `prefix-prefix-${String(i).padStart(6, "0")}-suffix`);
    const started = performance.now();
    const hash = findSlotHash(alike);
    expect(performance.now() - started).toBeLessThan(2_000);
    // Three code units cannot tell 4,000 values apart: the table would cluster, and a Set is used.
    if (hash !== undefined) expect(longestRun(alike)).toBeLessThanOrEqual(MAX_RUN);
  });
});

// ---------------------------------------------------------------------------- end to end

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** Value sets as enums have them, and sets that defeat a hash on a few positions. */
const SETS: Record<string, readonly string[]> = {
  Countries: countryLike,
  Regions: ["us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ca-central-1", "eu-west-1", "eu-west-2", "eu-central-1", "ap-south-1", "ap-east-1"],
  Lengths: Array.from({ length: 12 }, (_, i) => "x".repeat(i + 1)),
  Alike: Array.from({ length: 300 }, (_, i) => `prefix-prefix-${String(i).padStart(4, "0")}-suffix`),
  Short: ["", "a", "b", "ab", "ba", "aa", "bb", "abc", "cba", "c"],
  Unicode: ["é", "e\u0301", "中文", "日本語", "😀", "😀😀", "ß", "SS", "ı", "i", "İ"],
  Clustered: Array.from({ length: 40 }, (_, i) => `aaaaaaaaaaaaaaa${String.fromCharCode(0x3b1 + i)}zzzzzzzzzz`),
  Prefixes: Array.from({ length: 60 }, (_, i) => "a".repeat(i + 1)),
  Many: Array.from({ length: MAX_SLOT_VALUES + 10 }, (_, i) => `v${i.toString(36)}`),
};

/** A Speakeasy (Python) enum doc with `values`. */
function enumDoc(name: string, values: readonly string[]): string {
  return `# ${name}\n\n\n## Values\n\n${values.map((v) => `- \`${JSON.stringify(v)}\``).join("\n")}\n`;
}

interface Module {
  is: (value: unknown) => boolean;
  validate: (value: unknown) => { ok: boolean };
  source: string;
}

const modules = new Map<string, Module>();
async function generated(): Promise<Map<string, Module>> {
  if (modules.size > 0) return modules;
  const dir = mkdtempSync(join(tmpdir(), "mdtypes-slot-"));
  scratch.push(dir);
  mkdirSync(join(dir, "docs", "models"), { recursive: true });
  for (const [name, values] of Object.entries(SETS)) writeFileSync(join(dir, "docs", "models", `${name.toLowerCase()}.md`), enumDoc(name, values));
  const run = spawnSync(process.execPath, [BIN, "generate", join(dir, "docs"), "--out", join(dir, "out"), "--no-cache"], { encoding: "utf8" });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  const base = JSON.parse(readFileSync(join(ROOT, "tests", "tsconfig.generated.json"), "utf8")) as { compilerOptions: Record<string, unknown> };
  writeFileSync(join(dir, "out", "package.json"), '{ "type": "module" }\n');
  writeFileSync(join(dir, "out", "tsconfig.json"), JSON.stringify({ compilerOptions: { ...base.compilerOptions, noEmit: false, outDir: "js", rootDir: "." }, include: ["**/*.ts"], exclude: ["js"] }));
  const tsc = spawnSync(process.execPath, [TSC, "-p", join(dir, "out", "tsconfig.json")], { encoding: "utf8" });
  expect(`${tsc.stdout}${tsc.stderr}`).toBe("");
  for (const name of Object.keys(SETS)) {
    const file = `models/${name.toLowerCase()}`;
    const mod = (await import(pathToFileURL(join(dir, "out", "js", `${file}.js`)).href)) as Record<string, unknown>;
    modules.set(name, { is: mod[`is${name}`] as Module["is"], validate: mod[`validate${name}`] as Module["validate"], source: readFileSync(join(dir, "out", `${file}.ts`), "utf8") });
  }
  return modules;
}

/** Strings one edit away from `value`: each code unit changed, dropped or doubled, a unit added at either end, the case changed. */
function nearMisses(value: string): string[] {
  const out = [`${value} `, ` ${value}`, `${value}\u0000`, value.toUpperCase(), value.toLowerCase(), value + value];
  for (let i = 0; i < value.length; i++) {
    out.push(value.slice(0, i) + value.slice(i + 1));
    out.push(value.slice(0, i) + value[i] + value.slice(i));
    out.push(value.slice(0, i) + String.fromCharCode(value.charCodeAt(i) + 1) + value.slice(i + 1));
    out.push(value.slice(0, i) + String.fromCharCode(value.charCodeAt(i) ^ 0xd800) + value.slice(i + 1));
  }
  return out;
}

describe("the generated check of a closed string enum", () => {
  it("uses the table up to the limit, a Set past it", async () => {
    const all = await generated();
    for (const [name, mod] of all) {
      if (name === "Many" || name === "Clustered" || name === "Prefixes") {
        expect(mod.source).toContain(".has(v)");
        expect(mod.source).not.toContain("$slot");
      } else {
        expect(mod.source, name).toContain("$slot(v)");
      }
    }
  });

  it.each(Object.keys(SETS))("%s: accepts each value, built at run time too, and rejects every near miss", async (name) => {
    const mod = (await generated()).get(name) as Module;
    const values = SETS[name] as readonly string[];
    const members = new Set(values);
    for (const value of values) {
      expect(mod.is(value), JSON.stringify(value)).toBe(true);
      // A string that is not internalized (built by concatenation) is the same value.
      expect(mod.is([...value].join("")), JSON.stringify(value)).toBe(true);
      expect(mod.validate(value).ok).toBe(true);
      for (const miss of nearMisses(value)) expect(mod.is(miss), `${JSON.stringify(miss)} (near ${JSON.stringify(value)})`).toBe(members.has(miss));
    }
    for (const other of [undefined, null, 0, 1, true, {}, [], [values[0]], new String(values[0]), Symbol.iterator, 1n, "x".repeat(100_000)]) {
      expect(mod.is(other), String(typeof other)).toBe(false);
      expect(mod.validate(other).ok).toBe(false);
    }
  });

  it("agrees with membership on any string", async () => {
    const all = await generated();
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(SETS)), fc.oneof(fc.string({ maxLength: 4 }), fc.string({ unit: "grapheme", maxLength: 3 }), fc.string({ unit: "binary", maxLength: 3 })), (name, value) => {
        const members = new Set(SETS[name]);
        expect((all.get(name) as Module).is(value)).toBe(members.has(value));
      }),
      { numRuns: 5_000 },
    );
  });
});
