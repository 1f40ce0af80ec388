/** The `zod` target: not written yet. */

import type { Diagnostic } from "../../ir/diagnostics.js";
import type { Program } from "../../ir/ir.js";
import type { EmitOptions, OutputFile } from "../emit.js";

export function emitZod(_program: Program, _options: EmitOptions): { files: OutputFile[]; diagnostics: Diagnostic[] } {
  throw new Error("Internal error: the zod target is not written yet");
}
