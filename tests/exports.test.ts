/**
 * Stable export names: a name exported from the barrels depends only on its
 * own doc's path and title, never on which other docs exist. Adding docs —
 * a same-named model in another folder, a new folder, a doc titled like one
 * of another folder — renames nothing and moves nothing.
 */

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, normalize } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportName, namespaceName } from "../src/emit/names.js";
import { ROOT } from "./helpers.js";

const BIN = join(ROOT, "bin", "mdtypes.js");
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/**
 * Every name the output's root barrel exports, following its namespaces
 * (`components.isPet`), with the module it comes from (relative to the output).
 */
function exportedNames(out: string): Map<string, string> {
  const names = new Map<string, string>();
  const visit = (barrel: string, prefix: string) => {
    const text = readFileSync(join(out, barrel), "utf8");
    for (const [, list, spec] of text.matchAll(/^export \{ (.*) \} from "(.*)";$/gm)) {
      const module = normalize(join(dirname(barrel), (spec as string).replace(/\.js$/, ".ts")));
      for (const item of (list as string).split(", ")) names.set(prefix + (item.split(" as ").pop() as string).replace(/^type /, ""), module);
    }
    for (const [, namespace, spec] of text.matchAll(/^export \* as (\w+) from "(.*)";$/gm)) visit(normalize(join(dirname(barrel), (spec as string).replace(/\.js$/, ".ts"))), `${prefix}${namespace}.`);
  };
  visit("index.ts", "");
  return names;
}

const DOC = (title: string, field = "id") => `# ${title}\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| \`${field}\` | *string* | :heavy_check_mark: | N/A |\n`;

describe("stable export names", () => {
  it("adding docs in other folders — a same-named model, a new folder — renames and moves no exported name", () => {
    const dir = mkdtempSync(join(tmpdir(), "mdtypes-exports-"));
    scratch.push(dir);
    cpSync(join(ROOT, "fixtures", "typescript", "petstore"), join(dir, "docs"), { recursive: true });
    writeFileSync(join(dir, "docs", "city.md"), DOC("City"));
    const run = (out: string) => spawnSync(process.execPath, [BIN, "generate", "docs", "--out", out, "--no-cache", "--flavour", "typescript"], { cwd: dir, encoding: "utf8" });
    expect(run("before").status).toBe(0);
    const before = exportedNames(join(dir, "before"));
    expect(before.get("isCity")).toBe("city.ts");
    expect(before.get("models.components.isPet")).toBe("models/components/pet.ts");

    // A model named like existing ones, in other folders (one of them new).
    mkdirSync(join(dir, "docs", "models", "operations"), { recursive: true });
    writeFileSync(join(dir, "docs", "models", "operations", "city.md"), DOC("City"));
    writeFileSync(join(dir, "docs", "models", "operations", "pet.md"), DOC("Pet"));
    mkdirSync(join(dir, "docs", "extra"));
    writeFileSync(join(dir, "docs", "extra", "pet.md"), DOC("Pet"));
    expect(run("after").status).toBe(0);
    const after = exportedNames(join(dir, "after"));
    expect(before.size).toBeGreaterThan(40);
    for (const [name, module] of before) expect(after.get(name), name).toBe(module);
    // The new ones are there too, under their own folders' namespaces.
    expect(after.get("models.operations.isCity")).toBe("models/operations/city.ts");
    expect(after.get("models.operations.Pet")).toBe("models/operations/pet.ts");
    expect(after.get("extra.isPet")).toBe("extra/pet.ts");
    expect(existsSync(join(dir, "after", "extra", "index.ts"))).toBe(true);
  });

  it("a doc added beside one — titled alike, its file differing in case or punctuation, or named like a folder — moves no name of those before it", () => {
    const dir = mkdtempSync(join(tmpdir(), "mdtypes-exports-"));
    scratch.push(dir);
    const docs: Record<string, string> = { "ratelimit.md": DOC("RateLimit"), "user.md": DOC("User"), "Pet/x.md": DOC("X"), "isUser/w.md": DOC("W"), "index.md": DOC("Index") };
    for (const [path, text] of Object.entries(docs)) {
      mkdirSync(dirname(join(dir, "docs", path)), { recursive: true });
      writeFileSync(join(dir, "docs", path), text);
    }
    const run = (out: string) => spawnSync(process.execPath, [BIN, "generate", "docs", "--out", out, "--no-cache", "--flavour", "python"], { cwd: dir, encoding: "utf8" });
    expect(run("before").status).toBe(0);
    const before = exportedNames(join(dir, "before"));
    expect(before.get("RateLimit")).toBe("ratelimit.ts");
    expect(before.get("pet.isX")).toBe("Pet/x.ts");
    for (const [path, text] of Object.entries({ "rate-limit.md": DOC("Rate-Limit"), "Ratelimit.md": DOC("RateLimit"), "USER.md": DOC("User"), "pet.md": DOC("Pet"), "Index_.md": DOC("Index") })) writeFileSync(join(dir, "docs", path), text);
    const after = run("after");
    expect(after.status).toBe(0);
    const names = exportedNames(join(dir, "after"));
    for (const [name, module] of before) expect(names.get(name), name).toBe(module);
    expect(names.get("Rate_limit")).toBe("rate-limit.ts");
    expect(names.get("USER")).toBe("USER_.ts");
    expect(names.get("isPet")).toBe("pet.ts");
  });

  it("a name comes from the doc's title and file name alone", () => {
    expect(exportName("models/components/pet.md", "Pet")).toBe("Pet");
    expect(exportName("models/components/format_.md", "Format")).toBe("Format");
    expect(exportName("Models/Components/Pet.md", "Pet")).toBe("Pet");
    expect(exportName("models/error.md", "Error")).toBe("Error_");
    expect(exportName("models/ratelimitinfo.md", "Rate-Limit Info")).toBe("RateLimitInfo");
    // Two docs titled alike in one folder: the one whose file is not named after the title takes its file's name.
    expect(exportName("models/pet2.md", "Pet")).toBe("Pet2");
    expect(exportName("models/rate-limit.md", "Rate-Limit")).toBe("Rate_limit");
    expect(exportName("models/USER.md", "User")).toBe("USER");
    // A section's model (one H1 of several): its doc's name and its own, unless its own already starts with the doc's.
    expect(exportName("docs/models/Order.md#summaries", "summaries")).toBe("OrderSummaries");
    expect(exportName("documentation/models/Match.md#MatchWinner", "MatchWinner")).toBe("MatchWinner");
    expect(exportName("documentation/models/Pet.md#Tag", "Tag")).toBe("PetTag");
    expect(exportName("docs/Pet.md#Pet", "Pet")).toBe("PetPet");
    expect(namespaceName("components")).toBe("components");
    expect(namespaceName("Components")).toBe("components");
    expect(namespaceName("isUser")).toBe("isUser_");
    expect(namespaceName("my-models")).toBe("myModels");
    expect(namespaceName("default")).toBe("default_");
    expect(namespaceName("2024")).toBe("_2024");
  });
});
