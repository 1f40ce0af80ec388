/** The `json-schema` target: not written yet. */

import type { Diagnostic } from "../../ir/diagnostics.js";
import type { Program } from "../../ir/ir.js";
import type { EmitOptions, OutputFile } from "../emit.js";

export function emitJsonSchema(_program: Program, _options: EmitOptions): { files: OutputFile[]; diagnostics: Diagnostic[] } {
  throw new Error("Internal error: the json-schema target is not written yet");
}
