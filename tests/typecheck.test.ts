/**
 * Every generated file compiles, in one program, under the strictest settings
 * (DESIGN.md, "Output contract"), with either import extension.
 */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { render } from "../src/recipe.js";
import { resolveOptions } from "../src/ir/options.js";
import { ROOT } from "./helpers.js";
import { typecheck } from "./typecheck.js";

describe("type-check of generated code", () => {
  it("generated/ passes tsc with every strict setting", () => {
    const result = typecheck(join(ROOT, "generated"));
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  it("output with `.ts` import specifiers passes tsc too (for Node's type stripping)", async () => {
    const options = resolveOptions({ importExtension: ".ts" });
    const { files } = await render(join(ROOT, "fixtures", "python"), options);
    const dir = mkdtempSync(join(tmpdir(), "mdtypes-ts-ext-"));
    try {
      writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
      for (const file of files) {
        mkdirSync(dirname(join(dir, file.path)), { recursive: true });
        writeFileSync(join(dir, file.path), file.content);
      }
      const result = typecheck(dir, { allowImportingTsExtensions: true });
      expect(result.output).toBe("");
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
