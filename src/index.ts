/**
 * mdtypes' programmatic API. The CLI is a thin layer over these functions.
 */

export { generate, render, readDoc, finish, type DocResult, type GenerateResult, type RenderResult } from "./generate.js";
export { emit, GENERATED_MARKER, type EmitOptions, type OutputFile } from "./emit.js";
export { resolve } from "./resolve.js";
export { parse } from "./parse.js";
export { DEFAULT_OPTIONS, loadConfig, parseConfig, resolveOptions, type Config, type Options } from "./options.js";
export { RULES, type Diagnostic, type RuleId, type RuleSettings, type Severity } from "./diagnostics.js";
export { ExpectedError } from "./errors.js";
export type * from "./ir.js";
