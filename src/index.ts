/**
 * mdtypes' programmatic API. The CLI is a thin layer over these functions.
 */

export { check, generate, type CheckResult, type GenerateResult, type RunStats, type RunSummary } from "./run.js";
export { render, readDoc, finish, type DocResult, type Progress, type RenderResult, type RunSettings } from "./recipe.js";
export { Cache, DEFAULT_CACHE_DIR } from "./io/cache.js";
export { compare, inSync, type ChangedFile, type Drift } from "./stages/compare.js";
export { listOwned, write, type WriteReport } from "./io/write.js";
export { emit, GENERATED_MARKER, type EmitOptions, type OutputFile } from "./emit/emit.js";
export { resolve } from "./stages/resolve.js";
export { parse } from "./stages/parse.js";
export { DEFAULT_OPTIONS, resolveOptions, type Config, type Options, type Target, type TargetConfig } from "./ir/options.js";
export { loadConfig, parseConfig, resolveTargets } from "./io/config.js";
export { RULES, type Diagnostic, type RuleId, type RuleSettings, type Severity } from "./ir/diagnostics.js";
export { ExpectedError } from "./ir/errors.js";
export type * from "./ir/ir.js";
