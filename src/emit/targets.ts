/**
 * One IR, several outputs: the emitter of each {@link OutputTarget}. Every
 * target renders the same resolved {@link Program}, so generating a second
 * target from the same docs costs its own rendering only.
 */

import { usageError } from "../ir/errors.js";
import type { Program } from "../ir/ir.js";
import type { OutputTarget } from "../ir/options.js";
import { emitSteps, type EmitOptions, type Emitted } from "./emit.js";
import { emitJsonSchemaSteps } from "./json-schema/emit-json-schema.js";
import { drain, type Steps } from "./steps.js";
import { templateSet, type TemplateOverrides } from "./templates.js";
import { emitZodSteps } from "./zod/emit-zod.js";

/** The options of {@link emitTarget}: the emit options and which target. */
export interface TargetEmitOptions extends EmitOptions {
  readonly target: OutputTarget;
}

/** Renders `program` as `options.target` asks: output files sorted by path, and emit diagnostics. */
export function emitTarget(program: Program, options: TargetEmitOptions): Emitted {
  return drain(emitTargetSteps(program, options));
}

/** {@link emitTarget} in steps, one a model (see `steps.ts`). */
export function* emitTargetSteps(program: Program, options: TargetEmitOptions): Steps<Emitted> {
  switch (options.target) {
    case "ts":
      return yield* emitSteps(program, options);
    case "zod":
      return yield* emitZodSteps(program, options, options.singleFile === undefined ? { kind: "modules" } : { kind: "single", path: options.singleFile });
    case "json-schema":
      checkTemplates(options.target, options.templateOverrides);
      return yield* emitJsonSchemaSteps(program, options);
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
