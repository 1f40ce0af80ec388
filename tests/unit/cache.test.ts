/**
 * The cache store on its own: values that JSON cannot carry survive a round
 * trip, and pruning removes what is stale and keeps what is in use.
 */

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { basisSteady, Cache, fingerprintBasis, fingerprintOf, sha256, stableJson } from "../../src/io/cache.js";
import { readTemplateFolder } from "../../src/io/templates.js";
import { contentHashes, readSources } from "../../src/io/sources.js";
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

describe.concurrent("the tool's fingerprint", () => {
  /** A stand-in for the tool: code in nested folders, templates, a manifest. */
  function tool(): { folders: string[]; manifest: string; code: string } {
    const root = folder();
    const code = join(root, "dist");
    mkdirSync(join(code, "io"), { recursive: true });
    writeFileSync(join(code, "cli.js"), "export const a = 1;\n");
    writeFileSync(join(code, "io", "cache.js"), "export const b = 2;\n");
    // A whole second, which setting it back gives to the nanosecond.
    utimesSync(join(code, "io", "cache.js"), 1_600_000_000, 1_600_000_000);
    writeFileSync(join(code, "io", "cache.d.ts"), "export declare const b: number;\n");
    mkdirSync(join(root, "templates"));
    writeFileSync(join(root, "templates", "model.hbs"), "{{name}}\n");
    writeFileSync(join(root, "package.json"), '{ "version": "1.0.0" }\n');
    return { folders: [code, join(root, "templates")], manifest: join(root, "package.json"), code };
  }
  /** Rewrites the memo with another fingerprint, its header made to match: a run that uses the memo answers with it. */
  function forge(memo: string, fingerprint: string): void {
    const body = JSON.stringify({ ...JSON.parse(readFileSync(memo, "utf8").split("\n")[1] as string), fingerprint });
    writeFileSync(memo, `mdtypes-cache 1 ${sha256(body)}\n${body}`);
  }
  const settle = () => new Promise((done) => setTimeout(done, 2100));

  it("is the same with and without a memo; files changed in the last two seconds are never memoized", async () => {
    const { folders, manifest } = tool();
    const memo = join(folder(), "tool.json");
    const plain = fingerprintOf(folders, manifest, undefined);
    expect(plain).toMatch(/^[0-9a-f]{64}$/);
    // Just written: racy, so no memo.
    expect(fingerprintOf(folders, manifest, memo)).toBe(plain);
    expect(existsSync(memo)).toBe(false);
    await settle();
    expect(fingerprintOf(folders, manifest, memo)).toBe(plain);
    expect(existsSync(memo)).toBe(true);
    // The memo answers while every file and folder is as it saw them…
    forge(memo, "f".repeat(64));
    expect(fingerprintOf(folders, manifest, memo)).toBe("f".repeat(64));
    // …and a damaged memo is computed again.
    writeFileSync(memo, readFileSync(memo, "utf8").replace(/"fingerprint"/, '"fingerprinT"'));
    expect(fingerprintOf(folders, manifest, memo)).toBe(plain);
  });

  it("a changed file is hashed again, even one of the same size with its mtime set back; so is an added or removed file", async () => {
    const forged = "e".repeat(64);
    const changes: [string, (t: ReturnType<typeof tool>) => void][] = [
      ["same size, mtime restored", ({ code }) => {
        const file = join(code, "io", "cache.js");
        writeFileSync(file, "export const b = 3;\n");
        utimesSync(file, 1_600_000_000, 1_600_000_000);
        expect(statSync(file, { bigint: true }).mtimeNs).toBe(1_600_000_000_000_000_000n);
      }],
      ["a file added", ({ code }) => writeFileSync(join(code, "io", "extra.js"), "export {};\n")],
      ["a file removed", ({ code }) => rmSync(join(code, "cli.js"))],
      ["a template changed", ({ folders }) => writeFileSync(join(folders[1] as string, "model.hbs"), "{{Name}}\n")],
      ["the manifest changed", ({ manifest }) => writeFileSync(manifest, '{ "version": "1.0.1" }\n')],
    ];
    // One tool each, memoized once they are old enough, the memo forged so that using it would show.
    const tools = changes.map(() => ({ ...tool(), memo: join(folder(), "tool.json") }));
    await settle();
    const before = tools.map(({ folders, manifest, memo }) => fingerprintOf(folders, manifest, memo));
    for (const [i, [label, change]] of changes.entries()) {
      const t = tools[i] as (typeof tools)[number];
      forge(t.memo, forged);
      expect(fingerprintOf(t.folders, t.manifest, t.memo), label).toBe(forged);
      change(t);
      const now = fingerprintOf(t.folders, t.manifest, t.memo);
      expect(now, label).toBe(fingerprintOf(t.folders, t.manifest, undefined));
      expect(now, label).not.toBe(before[i]);
    }
  });

  it("follows symbolic links, as reading does: a linked file or folder changed elsewhere changes it", async () => {
    const { folders, manifest } = tool();
    const elsewhere = folder();
    writeFileSync(join(elsewhere, "partial.hbs"), "{{a}}\n");
    mkdirSync(join(elsewhere, "zod"));
    writeFileSync(join(elsewhere, "zod", "model.hbs"), "{{b}}\n");
    symlinkSync(join(elsewhere, "partial.hbs"), join(folders[1] as string, "partial.hbs"));
    symlinkSync(join(elsewhere, "zod"), join(folders[1] as string, "zod"));
    // A link back up (a cycle) is entered once; a broken link is nothing that could be loaded.
    symlinkSync(folders[1] as string, join(elsewhere, "zod", "loop"));
    symlinkSync(join(elsewhere, "gone.hbs"), join(folders[1] as string, "gone.hbs"));
    const memo = join(folder(), "tool.json");
    await settle();
    const before = fingerprintOf(folders, manifest, memo);
    expect(existsSync(memo)).toBe(true);
    writeFileSync(join(elsewhere, "partial.hbs"), "{{A}}\n");
    const afterFile = fingerprintOf(folders, manifest, memo);
    expect(afterFile).not.toBe(before);
    writeFileSync(join(elsewhere, "zod", "model.hbs"), "{{B}}\n");
    expect(fingerprintOf(folders, manifest, memo)).not.toBe(afterFile);
  });

  it("takes in the manifests of the packages the code depends on, as Node finds them (a version updated changes it)", async () => {
    const { folders, manifest } = tool();
    const root = join(manifest, "..");
    writeFileSync(manifest, JSON.stringify({ version: "1.0.0", dependencies: { parser: "^1.0.0", absent: "^1.0.0" } }));
    mkdirSync(join(root, "node_modules", "parser", "node_modules", "inner"), { recursive: true });
    mkdirSync(join(root, "node_modules", "shared"), { recursive: true });
    const parser = join(root, "node_modules", "parser", "package.json");
    const inner = join(root, "node_modules", "parser", "node_modules", "inner", "package.json");
    const shared = join(root, "node_modules", "shared", "package.json");
    writeFileSync(parser, JSON.stringify({ version: "1.0.0", dependencies: { inner: "^2.0.0", shared: "^3.0.0" } }));
    writeFileSync(inner, JSON.stringify({ version: "2.0.0" }));
    writeFileSync(shared, JSON.stringify({ version: "3.0.0" }));
    const memo = join(folder(), "tool.json");
    await settle();
    const first = fingerprintBasis(folders, manifest, memo);
    // Found where Node would: the nested one beside its dependent, the hoisted one above it; an absent one is left out.
    expect(first.paths).toEqual(expect.arrayContaining([parser, inner, shared]));
    let last = first.fingerprint;
    for (const path of [shared, inner, parser]) {
      writeFileSync(path, readFileSync(path, "utf8").replace(/"version":"(\d)/, (_all, major: string) => `"version":"${Number(major) + 1}`));
      const now = fingerprintOf(folders, manifest, memo);
      expect(now, path).not.toBe(last);
      last = now;
    }
    // A copy put later where Node looks first (nested beside its dependent, as npm does for a conflict) counts.
    await settle();
    expect(fingerprintOf(folders, manifest, memo)).toBe(last);
    mkdirSync(join(root, "node_modules", "parser", "node_modules", "shared"));
    writeFileSync(join(root, "node_modules", "parser", "node_modules", "shared", "package.json"), JSON.stringify({ version: "7.0.0" }));
    const nested = fingerprintOf(folders, manifest, memo);
    expect(nested).not.toBe(last);
    expect(nested).toBe(fingerprintOf(folders, manifest, undefined));
  });

  it("is steady while nothing it was taken from changed, and none changed after the process started", async () => {
    const { folders, manifest, code } = tool();
    await settle();
    const basis = fingerprintBasis(folders, manifest, undefined);
    expect(basisSteady(basis, Date.now())).toBe(true);
    // A process that started before the files last changed ran code that may have been the older.
    expect(basisSteady(basis, Date.now() - 60_000)).toBe(false);
    writeFileSync(join(code, "cli.js"), "export const a = 2;\n");
    expect(basisSteady(basis, Date.now())).toBe(false);
  });

  it("a memo that is no regular file (a FIFO, which would block a read) is ignored", async () => {
    const { folders, manifest } = tool();
    const memo = join(folder(), "tool.json");
    if (spawnSync("mkfifo", [memo]).status !== 0) return;
    await settle();
    expect(fingerprintOf(folders, manifest, memo)).toBe(fingerprintOf(folders, manifest, undefined));
    const cache = new Cache(join(memo, ".."));
    expect(spawnSync("mkfifo", [join(memo, "..", "entry.json")]).status).toBe(0);
    expect(cache.load("entry.json")).toBeUndefined();
  });

  it("leaves out type declarations and source maps, which are no code that runs", () => {
    const { folders, manifest, code } = tool();
    const before = fingerprintOf(folders, manifest, undefined);
    writeFileSync(join(code, "io", "cache.d.ts"), "export declare const b: 2;\n");
    writeFileSync(join(code, "io", "cache.js.map"), "{}\n");
    expect(fingerprintOf(folders, manifest, undefined)).toBe(before);
  });
});

describe("a user's template folder", () => {
  it("reads a template through a symbolic link; a link that leads nowhere is an I/O error naming it", () => {
    const dir = folder();
    const shared = folder();
    writeFileSync(join(shared, "model.ts.hbs"), "// CUSTOM\n{{header}}\n");
    symlinkSync(join(shared, "model.ts.hbs"), join(dir, "model.ts.hbs"));
    expect(readTemplateFolder(dir)?.sources.get("model.ts")).toBe("// CUSTOM\n{{header}}\n");
    symlinkSync(join(shared, "gone.hbs"), join(dir, "index.ts.hbs"));
    expect(() => readTemplateFolder(dir)).toThrow(/Template ".*index\.ts\.hbs" is a symbolic link that leads nowhere \(ENOENT\)/);
  });
});

describe("the docs' content hashes", () => {
  it("taken from the bytes as they are read, are the texts' own: UTF-8 with and without a BOM, invalid UTF-8, UTF-16, empty", async () => {
    const dir = folder();
    const docs: [string, Buffer][] = [
      ["plain.md", Buffer.from("# Plain\n\n| Field | Type |\n| --- | --- |\n| `é` | *str* |\n")],
      ["bom.md", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("# Bom\n")])],
      ["invalid.md", Buffer.from([0x23, 0x20, 0xff, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x0a])],
      ["utf16le.md", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("# Le ✓\n", "utf16le")])],
      ["utf16be.md", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("# Be ✓\n", "utf16le").swap16()])],
      ["empty.md", Buffer.alloc(0)],
      ["large.md", Buffer.from(`# Large\n\n${"| `a` | *str* | ✓ |\n".repeat(20_000)}`)],
    ];
    for (const [name, bytes] of docs) writeFileSync(join(dir, name), bytes);
    const hashed = await readSources(dir, [], { hash: true });
    const plain = await readSources(dir, [], {});
    expect(hashed.map((d) => d.source)).toEqual(plain.map((d) => d.source));
    expect(hashed.map((d) => d.id).sort()).toEqual(docs.map(([name]) => name).sort());
    expect(contentHashes(hashed)).toEqual(plain.map((d) => sha256(d.source)));
    expect(contentHashes(plain)).toEqual(plain.map((d) => sha256(d.source)));
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
