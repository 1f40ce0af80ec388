/**
 * Small modules the benches share: `bench/why-failed.mjs` (the one line a failed command ends the
 * codegen bench with) and `bench/median.mjs` (the figure every bench reports).
 */

import { describe, expect, it } from "vitest";
// @ts-expect-error: plain JavaScript modules of the bench, without declarations.
import { median } from "../bench/median.mjs";
// @ts-expect-error: as above.
import { whyFailed } from "../bench/why-failed.mjs";

describe("why a command the codegen bench ran failed", () => {
  it("gives mdtypes' JSON report's failed targets first (a full disk reads ENOSPC)", () => {
    const stdout = JSON.stringify({ ok: false, diagnostics: [], targets: [{ name: "discord", error: "Cannot write to ref/discord: ENOSPC: no space left on device, write" }] });
    expect(whyFailed({ stdout, stderr: "" })).toBe("discord: Cannot write to ref/discord: ENOSPC: no space left on device, write");
  });

  it("then its first three error diagnostics, at file:line:column, on one line", () => {
    const diagnostic = (n: number, severity: string) => ({ file: `models/m${n}.md`, line: n, column: 3, severity, message: `Unexpected thing ${n}\nover two lines`, ruleId: "x" });
    const stdout = JSON.stringify({ ok: false, diagnostics: [diagnostic(1, "warning"), diagnostic(2, "error"), diagnostic(3, "error"), diagnostic(4, "error"), diagnostic(5, "error")], targets: [{ name: "t" }] });
    expect(whyFailed({ stdout, stderr: "" })).toBe("models/m2.md:2:3 Unexpected thing 2 over two lines; models/m3.md:3:3 Unexpected thing 3 over two lines; models/m4.md:4:3 Unexpected thing 4 over two lines");
  });

  it("of a process that crashed, the error's line rather than the source line Node prints first", () => {
    const stderr = "node:fs:2380\n    return binding.writeFileUtf8(\n                   ^\n\nError: ENOSPC: no space left on device, write\n    at Object.writeFileSync (node:fs:2380:20)\n";
    expect(whyFailed({ stdout: "✨ openapi-typescript 7.13.0\n", stderr })).toBe("Error: ENOSPC: no space left on device, write");
    expect(whyFailed({ stdout: "", stderr: "file:///x.js:3\nTypeError: x is not a function\n" })).toBe("TypeError: x is not a function");
  });

  it("else the first line of stderr, else says there was none", () => {
    expect(whyFailed({ stdout: "{}", stderr: "\n  mdtypes: cannot read the config\nmore\n" })).toBe("mdtypes: cannot read the config");
    expect(whyFailed({ stdout: "", stderr: "" })).toBe("no message");
  });
});

describe("the benches' median", () => {
  it("is the middle value, or the mean of the two middle ones, leaving out NaN", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, Number.NaN, 1])).toBe(3);
    expect(median([Number.NaN])).toBeNaN();
    expect(median([])).toBeNaN();
  });
});
