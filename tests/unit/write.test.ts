import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { barrelHeader, jsonModuleComment, moduleHeader, RUNTIME_HEADER } from "../../src/emit/marker.js";
import { discardStaging, listOwned, prepareFreshStaging, write } from "../../src/io/write.js";
import { turnCounter } from "../helpers.js";

const scratch = mkdtempSync(join(tmpdir(), "mdtypes-write-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tree(name: string, files: Record<string, string>): string {
  const root = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("listOwned: the files under an output folder whose marker names their own place", () => {
  it("finds modules, barrels, the runtime and JSON documents at any depth, sorted; leaves out what is not its own", async () => {
    const root = tree("mixed", {
      "models/pet.ts": `${moduleHeader("models/pet.md")}\nexport {};\n`,
      "models/deep/er/tag.ts": `${moduleHeader("models/deep/er/tag.md")}\n`,
      "models/index.ts": `${barrelHeader("models")}\n`,
      "index.ts": `${barrelHeader("")}\n`,
      "_runtime.ts": `${RUNTIME_HEADER}\n`,
      "schemas/pet.schema.json": `{\n  "$comment": ${JSON.stringify(jsonModuleComment("schemas/pet.md"))}\n}\n`,
      // Another place's marker, a hand-written file, a file of another kind.
      "models/moved.ts": `${moduleHeader("models/elsewhere.md")}\n`,
      "models/hand.ts": "export const x = 1;\n",
      "models/notes.md": `${moduleHeader("models/notes.md")}\n`,
    });
    expect(await listOwned(root)).toEqual(["_runtime.ts", "index.ts", "models/deep/er/tag.ts", "models/index.ts", "models/pet.ts", "schemas/pet.schema.json"]);
  });

  it("skips hidden files and folders (a staging folder), installed packages, and links; `except` is left out unread", async () => {
    const root = tree("skips", {
      "a.ts": `${moduleHeader("a.md")}\n`,
      ".mdtypes-staging-1-x/b.ts": `${moduleHeader(".mdtypes-staging-1-x/b.md")}\n`,
      ".c.ts": `${moduleHeader(".c.md")}\n`,
      "node_modules/d.ts": `${moduleHeader("node_modules/d.md")}\n`,
      "lib/node_modules/e/e.ts": `${moduleHeader("lib/node_modules/e/e.md")}\n`,
      "f.ts": `${moduleHeader("f.md")}\n`,
      "elsewhere/g.ts": `${moduleHeader("linked/g.md")}\n`,
    });
    symlinkSync(join(root, "f.ts"), join(root, "link.ts"));
    symlinkSync(join(root, "elsewhere"), join(root, "linked"));
    expect(await listOwned(root)).toEqual(["a.ts", "f.ts"]);
    expect(await listOwned(root, new Set(["a.ts"]))).toEqual(["f.ts"]);
  });

  it("a folder that does not exist owns nothing", async () => {
    expect(await listOwned(join(scratch, "absent"))).toEqual([]);
  });
});

describe("a new output folder, staged ahead: files handed over as they are rendered", () => {
  const module = (path: string, body: string) => ({ path, content: `${moduleHeader(path.replace(/\.ts$/, ".md"))}\n${body}\n` });

  it("holds every file with its final content, whether the staging thread wrote it, was handed another content, or never saw it", async () => {
    const out = join(scratch, "fresh", "out");
    const staging = prepareFreshStaging(out);
    if (!staging) throw new Error("no staging folder was made");
    const a = module("a.ts", "export const a = 1;");
    const b = module("deep/b.ts", "export const b = 2;");
    const changed = module("changed.ts", "export const c = 3;");
    staging.send(a);
    staging.send(b);
    // Handed over with one content, written with another: the final one must win.
    staging.send(module("changed.ts", "export const c = 0;"));
    // A file made where it goes, folder and all.
    staging.send(module("deep/index.ts", "export {};"));
    // Handed over, but not in the output in the end: it goes, with the folder made for it.
    staging.send(module("gone/dropped.ts", "export {};"));
    const files = [a, changed, b, module("deep/index.ts", "export {};"), module("unsent.ts", "export const u = 4;")];
    // What the thread wrote: every file handed over.
    const staged = await staging.finish();
    expect([...staged.written].sort()).toEqual(["a.ts", "changed.ts", "deep/b.ts", "deep/index.ts", "gone/dropped.ts"]);
    const report = await write(out, files, staging);
    expect(report.written).toEqual(files.map((f) => f.path));
    for (const file of files) expect(readFileSync(join(out, file.path), "utf8"), file.path).toBe(file.content);
    // Nothing else is left, and no staging folder.
    expect(existsSync(join(out, "gone"))).toBe(false);
    expect(readdirSync(out).sort()).toEqual(["a.ts", "changed.ts", "deep", "unsent.ts"]);
    expect(readdirSync(dirname(out))).toEqual(["out"]);
  });

  it("writes every file handed over byte for byte as UTF-8, across batches: text beyond ASCII, one file larger than a batch, an empty one", async () => {
    const out = join(scratch, "utf8", "out");
    const bodies: Record<string, string> = {
      "latin.ts": `export const s = "café — naïve …";`,
      "astral.ts": `export const s = "𝔘𝔫𝔦 😀 \\u2028 中文";`,
      "large.ts": `export const s = "${"é€".repeat(200_000)}";`,
      "empty.ts": "",
    };
    // Enough small files to fill several batches around the large one.
    for (let i = 0; i < 300; i++) bodies[`many/m${i}.ts`] = `export const m${i} = "${"x".repeat(1_000 + i)}é";`;
    const files = Object.entries(bodies).map(([path, body]) => module(path, body));
    const staging = prepareFreshStaging(out);
    if (!staging) throw new Error("no staging folder was made");
    for (const file of files) staging.send(file);
    const staged = await staging.finish();
    expect([...staged.written].sort()).toEqual(files.map((f) => f.path).sort());
    // Read before the commit, as the thread left them: each file alone holds its own bytes.
    for (const file of files) expect(readFileSync(join(staging.path, file.path), "utf8") === file.content, file.path).toBe(true);
    await write(out, files, staging);
    for (const file of files) expect(readFileSync(join(out, file.path)).equals(Buffer.from(file.content, "utf8")), file.path).toBe(true);
  });

  it("gives back, for each file handed over, one whose text is read back once the thread has ended, and writes nothing twice", async () => {
    const out = join(scratch, "given-back", "out");
    const staging = prepareFreshStaging(out);
    if (!staging) throw new Error("no staging folder was made");
    const originals = [module("a.ts", "export const a = \"café 😀\";"), module("deep/b.ts", "export const b = 2;")];
    const given = originals.map((file) => staging.send(file));
    expect(given.map((file) => file.path)).toEqual(originals.map((file) => file.path));
    // Not before the thread has ended: what it holds is still being written.
    expect(() => given[0]!.content).toThrow(/Internal error: the text of a\.ts asked for before the staging thread ended/);
    const staged = await staging.finish();
    for (const [i, file] of given.entries()) {
      expect(file.content).toBe(originals[i]!.content);
      expect(staged.has(file)).toBe(true);
      // The file as rendered is not the one given back: written again, to be sure of its content.
      expect(staged.has(originals[i]!)).toBe(false);
    }
    const report = await write(out, given, staging);
    expect(report.written).toEqual(["a.ts", "deep/b.ts"]);
    for (const file of originals) expect(readFileSync(join(out, file.path), "utf8")).toBe(file.content);
  });

  it("gives back the text of a file the thread could not write, from the bytes it returns", async () => {
    const out = join(scratch, "not-written", "out");
    const staging = prepareFreshStaging(out);
    if (!staging) throw new Error("no staging folder was made");
    staging.send(module("x.ts", "export {};"));
    // A folder cannot be made where a file is: the thread writes the first and not the second.
    const blocked = module("x.ts/y.ts", "export const y = \"ü\";");
    const given = staging.send(blocked);
    const staged = await staging.finish();
    expect([...staged.written]).toEqual(["x.ts"]);
    expect(staged.has(given)).toBe(false);
    expect(given.content).toBe(blocked.content);
    await discardStaging(staging);
  });

  it("writes the files handed over into an output folder made meanwhile by another run, their texts read back first", async () => {
    const out = join(scratch, "made-meanwhile", "out");
    const staging = prepareFreshStaging(out);
    if (!staging) throw new Error("no staging folder was made");
    const originals = [module("a.ts", "export const a = 1;"), module("deep/b.ts", "export const b = 2;")];
    const given = originals.map((file) => staging.send(file));
    // Another run's output, made before this one's is committed.
    mkdirSync(join(out, "deep"), { recursive: true });
    writeFileSync(join(out, "a.ts"), module("a.ts", "export const a = 0;").content);
    await write(out, [...given, module("c.ts", "export const c = 3;")], staging);
    for (const file of [...originals, module("c.ts", "export const c = 3;")]) expect(readFileSync(join(out, file.path), "utf8")).toBe(file.content);
    // No staging folder is left beside it.
    expect(readdirSync(dirname(out))).toEqual(["out"]);
  });

  it("fails in one line, leaving no staging folder, when the files written ahead are gone from it before they could be read back", async () => {
    const out = join(scratch, "gone-meanwhile", "out");
    const staging = prepareFreshStaging(out);
    if (!staging) throw new Error("no staging folder was made");
    const given = [module("a.ts", "export const a = 1;"), module("deep/b.ts", "export const b = 2;")].map((file) => staging.send(file));
    await staging.finish();
    // Another run made the output folder, and removed this run's staging folder's files (a run that took it for a dead run's).
    rmSync(join(staging.path, "deep"), { recursive: true });
    mkdirSync(out);
    await expect(write(out, given, staging)).rejects.toThrow(/^Cannot write to .*out: the files this run wrote ahead into its staging folder cannot be read back \(ENOENT.*\); nothing was written: run generate again$/);
    expect(readdirSync(dirname(out))).toEqual(["out"]);
    expect(readdirSync(out)).toEqual([]);
  });

  it("fails in one line, leaving nothing, when the thread ended without saying what it wrote: the texts handed to it are not in memory", async () => {
    const out = join(scratch, "thread-gone", "out");
    const staging = prepareFreshStaging(out);
    if (!staging) throw new Error("no staging folder was made");
    const given = [module("a.ts", "export const a = 1;")].map((file) => staging.send(file));
    // The thread ends before its last message (as a thread that died would).
    await staging.stop();
    await staging.finish();
    await expect(write(out, given, staging)).rejects.toThrow(/^Cannot write to .*out: the thread writing its files ahead stopped before it was done \(nothing was written\): run generate again$/);
    expect(existsSync(dirname(out))).toBe(false);
  });

  it("leaves no folder it made when abandoned: the output's parents made for it go too, those that were there stay", async () => {
    const there = join(scratch, "parents");
    mkdirSync(there);
    const staging = prepareFreshStaging(join(there, "p", "a", "out"));
    if (!staging) throw new Error("no staging folder was made");
    await discardStaging(staging);
    expect(existsSync(there)).toBe(true);
    expect(readdirSync(there)).toEqual([]);
  });

  it("is removed whole when the run is abandoned (errors in the docs) after files were handed over", async () => {
    const out = join(scratch, "abandoned", "out");
    const staging = prepareFreshStaging(out);
    if (!staging) throw new Error("no staging folder was made");
    staging.send(module("a.ts", "export const a = 1;"));
    await discardStaging(staging);
    // The output's parent was made for it: it goes too.
    expect(existsSync(dirname(out))).toBe(false);
  });
});

describe("write and the event loop", () => {
  /** How many turns the event loop made while `body` ran. */
  async function turnsDuring(body: () => Promise<unknown>): Promise<number> {
    const counter = turnCounter();
    await body();
    counter.stop();
    return counter.turns();
  }

  const files = Array.from({ length: 40 }, (_, i) => ({ path: `models/m${i}.ts`, content: `${moduleHeader(`models/m${i}.md`)}\nexport const n = ${i};\n` }));

  it("staging the files of an existing output folder lets the loop turn between files (a signal is taken then), and writes them all", async () => {
    const paced = tree("paced-existing", { "keep.txt": "not mdtypes'\n" });
    const turns = await turnsDuring(() => write(paced, files, undefined, { yieldEvery: 0 }));
    // A turn after each staged file, besides the few of the commit's gate.
    expect(turns).toBeGreaterThanOrEqual(files.length);
    for (const file of files) expect(readFileSync(join(paced, file.path), "utf8")).toBe(file.content);
    const once = tree("once-existing", { "keep.txt": "not mdtypes'\n" });
    expect(await turnsDuring(() => write(once, files, undefined, { yieldEvery: 60_000 }))).toBeLessThan(files.length / 2);
    for (const file of files) expect(readFileSync(join(once, file.path), "utf8")).toBe(file.content);
  });
});
