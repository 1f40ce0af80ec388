import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { barrelHeader, jsonModuleComment, moduleHeader, RUNTIME_HEADER } from "../../src/emit/marker.js";
import { listOwned } from "../../src/io/write.js";

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
