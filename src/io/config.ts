/**
 * The config file, `mdtypes.config.json`: found, read and checked, key by
 * key, and the targets of a run made from it and the command line.
 */

import { readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { isRuleId, type RuleSettings, type Severity } from "../ir/diagnostics.js";
import { ExpectedError, usageError } from "../ir/errors.js";
import { FLAVOUR_CHOICES, resolveOptions, TARGET_CHOICES, type Config, type Options, type RemarkPluginSetting, type Target, type TargetConfig } from "../ir/options.js";
import { PROPERTY_NAME_POLICIES } from "../ir/property-names.js";
import { DIALECT_CHOICES } from "../dialects/choices.js";
import { resolveRemarkPlugins } from "./plugin-settings.js";
import { CONFIG_FILE, configFolders } from "./places.js";

export { CONFIG_FILE };

const SEVERITIES = new Set(["error", "warning", "info", "off"]);

/**
 * Reads `mdtypes.config.json` from `dir`; `undefined` when there is none.
 * Throws a usage error naming the key for anything invalid.
 */
export async function loadConfig(dir: string): Promise<Config | undefined> {
  const path = `${dir}/${CONFIG_FILE}`;
  const config = await readConfigFile(path);
  return config && withResolvedPlugins(config, dirname(path));
}

/** A config file found for a working directory. */
export interface FoundConfig {
  /** The config file's path (absolute). */
  readonly path: string;
  /** Its folder: the paths in the config are relative to it. */
  readonly dir: string;
  readonly config: Config;
}

/**
 * The config that applies in `cwd`, found as tsc, ESLint and Prettier find
 * theirs: `mdtypes.config.json` in `cwd`, else in each parent folder up to
 * the repository root (the first folder holding `.git`) or the file system's
 * root. `file` (the `--config` flag, relative to `cwd`) names one instead,
 * which must exist. Undefined when there is none. Throws a usage error for a
 * config that cannot be read or is invalid, naming the file and the key.
 */
export async function findConfig(cwd: string, file?: string): Promise<FoundConfig | undefined> {
  if (file !== undefined) {
    const path = resolve(cwd, file);
    const config = await readConfigFile(path, relative(cwd, path) || path);
    if (!config) throw usageError(`Config file ${file} does not exist`);
    return { path, dir: dirname(path), config: withResolvedPlugins(config, dirname(path)) };
  }
  for (const dir of configFolders(cwd)) {
    const path = join(dir, CONFIG_FILE);
    const config = await readConfigFile(path, relative(cwd, path) || CONFIG_FILE);
    if (config) return { path, dir, config: withResolvedPlugins(config, dir) };
  }
  return undefined;
}

/** The config with its remark plugins and template folders resolved from `dir`, the config file's folder. */
function withResolvedPlugins(config: Config, dir: string): Config {
  const resolvePlugins = <T extends Partial<Options>>(layer: T): T => {
    const plugins = layer.remarkPlugins ? { ...layer, remarkPlugins: resolveRemarkPlugins(layer.remarkPlugins, dir) } : layer;
    return typeof plugins.templates === "string" ? { ...plugins, templates: resolve(dir, plugins.templates) } : plugins;
  };
  const top = resolvePlugins(config);
  return top.targets ? { ...top, targets: top.targets.map(resolvePlugins) } : top;
}

async function readConfigFile(path: string, shown = CONFIG_FILE): Promise<Config | undefined> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    if (code === "EISDIR") throw usageError(`Config "${shown}" is a folder, not a file`);
    throw usageError(`Cannot read ${shown}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw usageError(`${shown} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return parseConfig(data);
  } catch (error) {
    // Messages name the file as the user knows it (`../mdtypes.config.json`, `ci/mdtypes.json`).
    if (error instanceof ExpectedError && shown !== CONFIG_FILE && error.message.startsWith(CONFIG_FILE)) throw usageError(`${shown}${error.message.slice(CONFIG_FILE.length)}`);
    throw error;
  }
}

type Fail = (expected: string) => never;

/** What `outFile` and `--out-file` take: a file name ending in `.ts` or `.json` (checked against the target when the target is known). */
const OUT_FILE = /^(?!.*\.d\.ts$).*[^/\\]\.(?:ts|json)$/;

/** Validates config data (from the file or the API). */
export function parseConfig(data: unknown): Config {
  const config = parseObject(data, "", true) as Config;
  if (config.targets && (config.input !== undefined || config.output !== undefined || config.outFile !== undefined)) {
    throw usageError(`${CONFIG_FILE}: use either "input" and "output" (or "outFile") or "targets", not both`);
  }
  if (config.output !== undefined && config.outFile !== undefined) throw usageError(`${CONFIG_FILE}: use either "output" (a folder) or "outFile" (one module), not both`);
  const out = config.output ?? config.outFile;
  if ((config.input === undefined) !== (out === undefined)) {
    throw usageError(`${CONFIG_FILE}: "input" and "output" go together; "${config.input === undefined ? "input" : "output"}" is missing`);
  }
  return config;
}

function parseObject(data: unknown, at: string, topLevel: boolean): Record<string, unknown> {
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw usageError(`${CONFIG_FILE}: ${at || "the file"} must be a JSON object`);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === "$schema" && topLevel) continue;
    out[key] = parseOption(key, value, `${at}${at ? "." : ""}${key}`, topLevel);
  }
  return out;
}

function parseOption(key: string, value: unknown, at: string, topLevel: boolean): unknown {
  const fail: Fail = (expected) => {
    throw usageError(`${CONFIG_FILE}: "${at}" must be ${expected}, got ${typeof value === "number" ? String(value) : JSON.stringify(value)}`);
  };
  const oneOf = (choices: readonly string[]) => (typeof value === "string" && choices.includes(value) ? value : fail(choices.map((c) => JSON.stringify(c)).join(" or ")));
  switch (key) {
    case "input":
    case "output":
      return typeof value === "string" && value !== "" ? value : fail("a non-empty path");
    case "outFile":
      return typeof value === "string" && OUT_FILE.test(value) ? value : fail("a path to a .ts file, not a .d.ts (or, for the json-schema target, a .json file)");
    case "name":
      if (topLevel) break;
      return typeof value === "string" && value !== "" ? value : fail("a non-empty string");
    case "targets":
      if (!topLevel) break;
      return parseTargets(value, fail);
    case "dialect":
      return oneOf(DIALECT_CHOICES);
    case "flavour":
      return oneOf(FLAVOUR_CHOICES);
    case "nullability":
      return oneOf(["as-documented", "lenient"]);
    case "propertyNames":
      return oneOf(PROPERTY_NAME_POLICIES);
    case "importExtension":
      return oneOf([".js", ".ts"]);
    case "unknownKeys":
      return oneOf(["accept", "reject"]);
    case "target":
      return oneOf(TARGET_CHOICES);
    case "templates":
      return typeof value === "string" && value !== "" ? value : fail("a non-empty path to a folder of .hbs templates");
    case "maxDepth":
      return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 10000 ? value : fail("an integer from 1 to 10000");
    case "exclude":
      return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : fail("an array of glob strings");
    case "rules":
      return parseRules(value, at, fail);
    case "remarkPlugins":
      return Array.isArray(value) && value.every(isPluginSetting) ? value : fail('an array of module names, or of [module name, options] pairs');
  }
  throw usageError(`${CONFIG_FILE}: unknown key "${at}"`);
}

function isPluginSetting(value: unknown): value is RemarkPluginSetting {
  return (typeof value === "string" && value !== "") || (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && value[0] !== "");
}

function parseTargets(value: unknown, fail: Fail): TargetConfig[] {
  if (!Array.isArray(value) || value.length === 0) return fail("a non-empty array of targets");
  return value.map((item, i) => {
    const target = parseObject(item, `targets[${i}]`, false);
    if (target.input === undefined) throw usageError(`${CONFIG_FILE}: "targets[${i}]" needs "input"`);
    if (target.output !== undefined && target.outFile !== undefined) throw usageError(`${CONFIG_FILE}: "targets[${i}]" has both "output" (a folder) and "outFile" (one module); keep one`);
    if (target.output === undefined && target.outFile === undefined) throw usageError(`${CONFIG_FILE}: "targets[${i}]" needs "output" (or "outFile")`);
    return target as unknown as TargetConfig;
  });
}

function parseRules(value: unknown, at: string, fail: Fail): RuleSettings {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return fail('an object of "rule-id": "error" | "warning" | "info" | "off"');
  const rules: Record<string, Severity | "off"> = {};
  for (const [id, severity] of Object.entries(value)) {
    if (!isRuleId(id)) throw usageError(`${CONFIG_FILE}: unknown rule "${id}" in "${at}"`);
    if (typeof severity !== "string" || !SEVERITIES.has(severity)) throw usageError(`${CONFIG_FILE}: "${at}.${id}" must be "error", "warning", "info" or "off"`);
    rules[id] = severity as Severity | "off";
  }
  return rules;
}

/** Parses a `--rule <rule-id>=<severity>` flag value. */
export function parseRuleFlag(flag: string): [string, Severity | "off"] {
  const match = /^([a-z0-9-]+)=(error|warning|info|off)$/.exec(flag);
  if (!match) throw usageError(`--rule expects <rule-id>=<error|warning|info|off>, got "${flag}"`);
  const [, id, severity] = match as unknown as [string, string, Severity | "off"];
  if (!isRuleId(id)) throw usageError(`--rule: unknown rule "${id}"`);
  return [id, severity];
}

/**
 * The targets of a run. `input` and `out` from the command line make one
 * target (the config supplying whichever is missing, when it has exactly
 * one); otherwise every target of the config. `overrides` (flags) win over
 * the config.
 */
export function resolveTargets(config: Config | undefined, args: { input?: string | undefined; out?: string | undefined; outFile?: string | undefined }, overrides: Partial<Options> = {}, base = ""): Target[] {
  // Paths in the config are relative to its folder (`base`); paths from arguments stay as given.
  const fromConfig = (path: string): string => (base === "" || isAbsolute(path) ? path : join(base, path));
  const placeOf = (t: { output?: string | undefined; outFile?: string | undefined }): Place => (t.output !== undefined ? { output: fromConfig(t.output) } : t.outFile !== undefined ? { outFile: fromConfig(t.outFile) } : {});
  const top = config?.input !== undefined ? { input: config.input, ...(config.output !== undefined ? { output: config.output } : {}), ...(config.outFile !== undefined ? { outFile: config.outFile } : {}) } : undefined;
  const configured: TargetConfig[] = config?.targets ? [...config.targets] : top && (top.output ?? top.outFile) !== undefined ? [top] : [];
  if (args.out !== undefined && args.outFile !== undefined) throw usageError("Pass either --out <dir> or --out-file <file>, not both");
  if (args.outFile !== undefined && !OUT_FILE.test(args.outFile)) throw usageError(`--out-file expects a path to a .ts file, not a .d.ts (or, for the json-schema target, a .json file), got "${args.outFile}"`);
  if (args.input !== undefined || args.out !== undefined || args.outFile !== undefined) {
    const only = configured.length === 1 ? configured[0] : undefined;
    const input = args.input ?? (only ? fromConfig(only.input) : undefined);
    const place: Place = args.out !== undefined ? { output: args.out } : args.outFile !== undefined ? { outFile: args.outFile } : only ? placeOf(only) : {};
    if (input === undefined) throw usageError(`No input folder: pass one, or set "input" in ${CONFIG_FILE}${configured.length > 1 ? " (it has several targets: pass both the input and --out)" : ""}`);
    if (place.output === undefined && place.outFile === undefined) throw usageError(`No output folder: pass --out <dir> (or --out-file <file>), or set "output" in ${CONFIG_FILE}${configured.length > 1 ? " (it has several targets: pass both the input and --out)" : ""}`);
    return [settle(undefined, input, place, resolveOptions(config, only, overrides), config?.targets !== undefined && only?.templates === undefined && overrides.templates === undefined)];
  }
  if (configured.length === 0) throw usageError(`Nothing to do: pass an input folder and --out, or create ${CONFIG_FILE} with "input" and "output"`);
  return configured.map((target) => settle(target.name, fromConfig(target.input), placeOf(target), resolveOptions(config, target, overrides), config?.targets !== undefined && target.templates === undefined && overrides.templates === undefined));
}

/** Where a target writes: a folder, or one module. */
type Place = { readonly output?: string; readonly outFile?: string };

/**
 * A target from its place: an `outFile` becomes its folder as `output` and
 * its name as the `singleFile` option; its extension must suit the target
 * (`.json` for json-schema, else `.ts`).
 */
function settle(name: string | undefined, input: string, place: Place, settled: Options, inheritedTemplates = false): Target {
  // A templates folder shared at the top level is the templated targets' (ts, zod): the json-schema target has none to override.
  const options: Options = inheritedTemplates && settled.target === "json-schema" ? { ...settled, templates: undefined } : settled;
  if (place.outFile === undefined) return { name: name ?? (place.output as string), input, output: place.output as string, options };
  const extension = options.target === "json-schema" ? ".json" : ".ts";
  if (!place.outFile.endsWith(extension)) throw usageError(`The one module of the ${options.target} target must be a ${extension} file, got "${place.outFile}"`);
  return { name: name ?? place.outFile, input, output: dirname(place.outFile), options: { ...options, singleFile: basename(place.outFile) } };
}
