/**
 * One IR, several outputs: the emitter of each {@link OutputTarget}. Every
 * target renders the same resolved {@link Program}, so generating a second
 * target from the same docs costs its own rendering only.
 */

import { usageError } from "../ir/errors.js";
import type { Diagnostic } from "../ir/diagnostics.js";
import type { Program } from "../ir/ir.js";
import type { OutputTarget } from "../ir/options.js";
import { emit, type EmitOptions, type OutputFile } from "./emit.js";
import { emitJsonSchema } from "./json-schema/emit-json-schema.js";
import { templateSet, type TemplateOverrides } from "./templates.js";
import { emitZod } from "./zod/emit-zod.js";

/** The options of {@link emitTarget}: the emit options and which target. */
export interface TargetEmitOptions extends EmitOptions {
  readonly target: OutputTarget;
}

/** Renders `program` as `options.target` asks: output files sorted by path, and emit diagnostics. */
export function emitTarget(program: Program, options: TargetEmitOptions): { files: OutputFile[]; diagnostics: Diagnostic[] } {
  switch (options.target) {
    case "ts":
      return emit(program, options);
    case "zod":
      return emitZod(program, options, options.singleFile === undefined ? { kind: "modules" } : { kind: "single", path: options.singleFile });
    case "json-schema":
      checkTemplates(options.target, options.templateOverrides);
      return emitJsonSchema(program, options);
  }
}

/**
 * Throws a usage error unless `overrides` (if any) suit `target`: the
 * json-schema target has no templates; the others' must each name a
 * template of theirs and compile (see `templateSet`).
 */
export function checkTemplates(target: OutputTarget, overrides: TemplateOverrides | undefined): void {
  if (!overrides) return;
  if (target === "json-schema") throw usageError(`Templates in ${overrides.folder} have nothing to override: the json-schema target writes its documents from data, not through templates`);
  templateSet(target, overrides);
}
