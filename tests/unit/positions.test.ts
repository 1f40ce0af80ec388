/**
 * Bytes and positions: a byte-order mark is not text, lines end where the
 * parser ends them (CRLF, CR, LF), cells are read from the right slices, and
 * a code frame never throws, whatever the place it is asked for.
 */

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { placeAt } from "../../src/dialects/markdown.js";
import { withoutBom } from "../../src/stages/read.js";
import { codeFrame, colors } from "../../src/cli/report.js";
import { readOne, ruleIds } from "../helpers.js";

const DOC = "# Widget\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | *str* | :heavy_check_mark: | Its id. |\n| `n` | List[*int*] | :heavy_minus_sign: | Counts. |\n";

describe("byte-order marks and line ends", () => {
  it("a doc with one or two leading BOMs, CRLF or CR line ends reads like the plain one, at the same places", () => {
    const plain = readOne(DOC);
    expect(plain.diagnostics).toEqual([]);
    for (const variant of [`\ufeff${DOC}`, `\ufeff\ufeff${DOC}`, DOC.replace(/\n/g, "\r\n"), `\ufeff${DOC.replace(/\n/g, "\r\n")}`, DOC.replace(/\n/g, "\r")]) {
      const read = readOne(variant);
      expect(read.diagnostics, JSON.stringify(variant.slice(0, 12))).toEqual([]);
      expect(read.model, JSON.stringify(variant.slice(0, 12))).toEqual(plain.model);
    }
  });

  it("a row cut off after a BOM is a malformed row at its own line, column 1", () => {
    const cut = `\ufeff${DOC.slice(0, DOC.indexOf("| `n`") + 4)}`;
    expect(ruleIds(readOne(cut).diagnostics)).toEqual(["malformed-row@8:1"]);
  });

  it("withoutBom drops every leading BOM and nothing else", () => {
    expect(withoutBom("\ufeff\ufeffa\ufeff")).toBe("a\ufeff");
    expect(withoutBom("a")).toBe("a");
  });

  it("placeAt counts lines as micromark does", () => {
    expect(placeAt("a\r\nb\rc\nd", 0)).toEqual({ line: 1, column: 1 });
    expect(placeAt("a\r\nb\rc\nd", 3)).toEqual({ line: 2, column: 1 });
    expect(placeAt("a\r\nb\rc\nd", 5)).toEqual({ line: 3, column: 1 });
    expect(placeAt("a\r\nb\rc\nd", 7)).toEqual({ line: 4, column: 1 });
    expect(placeAt("ab", 99)).toEqual({ line: 1, column: 3 });
  });
});

describe("codeFrame", () => {
  const dir = mkdtempSync(join(tmpdir(), "mdtypes-frame-"));
  const file = join(dir, "doc.md");
  writeFileSync(file, `\ufeff# A\r\nline two\rline three\n${"x".repeat(500)}\n`);
  const paint = colors(false);

  it("shows the line and a caret under the column, lines counted as the parser counts them", () => {
    expect(codeFrame(file, 3, 6, paint)).toBe("  2 | line two\n> 3 | line three\n    |      ^");
    expect(codeFrame(file, 1, 1, paint)).toBe("> 1 | # A\n    | ^");
  });

  it("never throws: a place outside the file has no frame, a column outside the line is clamped", () => {
    for (const [line, column] of [[0, 0], [-1, 5], [99, 1], [1, 0], [1, -7], [1, 1e9], [4, 1e9], [2.5, 1], [Number.NaN, Number.NaN]] as const) {
      expect(() => codeFrame(file, line, column, paint), `${line}:${column}`).not.toThrow();
    }
    expect(codeFrame(file, 99, 1, paint)).toBeUndefined();
    expect(codeFrame(join(dir, "missing.md"), 1, 1, paint)).toBeUndefined();
    expect(codeFrame(file, 1, 0, paint)).toBe("> 1 | # A\n    | ^");
  });

  it("cuts long lines to a window around the column", () => {
    const frame = codeFrame(file, 4, 400, paint) as string;
    expect(frame.split("\n")[1]).toMatch(/^> 4 \| …x+…$/);
    rmSync(dir, { recursive: true, force: true });
  });
});
