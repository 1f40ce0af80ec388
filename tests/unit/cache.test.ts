/**
 * The cache store on its own: values that JSON cannot carry survive a round
 * trip, and pruning removes what is stale and keeps what is in use.
 */

import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { Cache, sha256, stableJson } from "../../src/io/cache.js";
import { normalize } from "../../src/stages/compare.js";

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "mdtypes-cache-unit-"));
  scratch.push(dir);
  return dir;
}

describe("Cache", () => {
  it("keeps the numbers JSON cannot write (a literal 1e999 in a doc), and everything else as it was", () => {
    const cache = new Cache(folder());
    const value = { inf: Infinity, neg: -Infinity, nan: Number.NaN, zero: -0, list: [1.5, "x", null, true], nested: { a: { b: 2 } } };
    cache.save("entry.json", value);
    const back = cache.load<typeof value>("entry.json")!;
    expect(back.inf).toBe(Infinity);
    expect(back.neg).toBe(-Infinity);
    expect(back.nan).toBeNaN();
    expect(Object.is(back.zero, -0)).toBe(true);
    expect(back.list).toEqual(value.list);
    expect(back.nested).toEqual(value.nested);
  });

  it("an absent entry is undefined; nothing is created until something is saved", () => {
    const dir = join(folder(), "cache");
    const cache = new Cache(dir);
    expect(cache.load("missing.json")).toBeUndefined();
    expect(existsSync(dir)).toBe(false);
  });

  it("removes entries unused for a month and temporary files of runs that died, and keeps the rest", () => {
    const dir = folder();
    mkdirSync(dir, { recursive: true });
    const old = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    const hourAgo = new Date(Date.now() - 3600 * 1000);
    for (const [name, time] of [["docs-old.json", old], ["docs-recent.json", hourAgo], [".docs-x.json.1.ab.tmp", hourAgo], ["notes.txt", old]] as const) {
      writeFileSync(join(dir, name), "x");
      utimesSync(join(dir, name), time, time);
    }
    new Cache(dir).save("run-new.json", { a: 1 });
    expect(existsSync(join(dir, "docs-old.json"))).toBe(false);
    expect(existsSync(join(dir, ".docs-x.json.1.ab.tmp"))).toBe(false);
    expect(existsSync(join(dir, "docs-recent.json"))).toBe(true);
    expect(existsSync(join(dir, "notes.txt"))).toBe(true); // not the cache's file
    expect(existsSync(join(dir, "run-new.json"))).toBe(true);
  });

  it("a loaded entry is marked as used, so that pruning spares it", () => {
    const dir = folder();
    const cache = new Cache(dir);
    cache.save("docs-used.json", { a: 1 });
    const old = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    utimesSync(join(dir, "docs-used.json"), old, old);
    expect(cache.load("docs-used.json")).toEqual({ a: 1 });
    new Cache(dir).save("other.json", {});
    expect(existsSync(join(dir, "docs-used.json"))).toBe(true);
  });

  it("stableJson does not depend on key order", () => {
    expect(stableJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: 2 } })).toBe(stableJson({ a: { c: 2, d: [1, { y: 2, z: 1 }] }, b: 1 }));
  });
});

describe("the hashes and the text compared", () => {
  it("sha256 is SHA-256, of a text as of its UTF-8 bytes", () => {
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256("é\u{1F600}")).toBe(createHash("sha256").update(Buffer.from("é\u{1F600}", "utf8")).digest("hex"));
    expect(sha256(Buffer.from("abc"))).toBe(sha256("abc"));
  });

  it("normalize: LF line ends, no BOM, no final newlines — the quick way for plain text gives what the rule says", () => {
    const rule = (text: string) => text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").replace(/\n+$/, "");
    const pieces = ["", "a", "\n", "\r", "\r\n", "\uFEFF", " ", "\n\n"];
    const walk = (prefix: string, depth: number): void => {
      expect(normalize(prefix), JSON.stringify(prefix)).toBe(rule(prefix));
      if (depth < 5) for (const piece of pieces) walk(prefix + piece, depth + 1);
    };
    walk("", 0);
  });
});
