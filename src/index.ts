/**
 * mdtypes' programmatic API. The CLI is a thin layer over these functions.
 */

export { check, generate, type CheckResult, type GenerateResult, type RunStats, type RunSummary } from "./run.js";
export { render, readDoc, finish, type DocResult, type Progress, type RenderResult, type RunSettings } from "./generate.js";
export { Cache, DEFAULT_CACHE_DIR } from "./cache.js";
export { compare, inSync, type ChangedFile, type Drift } from "./check.js";
export { listOwned, write, type WriteReport } from "./write.js";
export { emit, GENERATED_MARKER, type EmitOptions, type OutputFile } from "./emit.js";
export { resolve } from "./resolve.js";
export { parse } from "./parse.js";
export { DEFAULT_OPTIONS, loadConfig, parseConfig, resolveOptions, resolveTargets, type Config, type Options, type Target, type TargetConfig } from "./options.js";
export { RULES, type Diagnostic, type RuleId, type RuleSettings, type Severity } from "./diagnostics.js";
export { ExpectedError } from "./errors.js";
export type * from "./ir.js";
