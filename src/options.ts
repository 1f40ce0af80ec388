/**
 * Options: their defaults, and the reading of `mdtypes.config.json`.
 * Everything a user can set is listed here once.
 */

import { readFile } from "node:fs/promises";
import { isRuleId, type RuleSettings, type Severity } from "./diagnostics.js";
import { usageError } from "./errors.js";

/** Options that change what the docs mean or how the output looks. */
export interface Options {
  /** Doc dialect. Only `speakeasy` for now. */
  readonly dialect: "speakeasy";
  /** The SDK language the Speakeasy docs were written for. */
  readonly flavour: "python";
  /** Severity overrides per rule id. */
  readonly rules: RuleSettings;
  /** Extension used in relative imports of the generated code. */
  readonly importExtension: ".js" | ".ts";
  /** Nesting depth beyond which validators reject a value. */
  readonly maxDepth: number;
  /** Globs (relative to the input folder) of docs to leave out. */
  readonly exclude: readonly string[];
}

export const DEFAULT_OPTIONS: Options = {
  dialect: "speakeasy",
  flavour: "python",
  rules: {},
  importExtension: ".js",
  maxDepth: 512,
  exclude: [],
};

/** What `mdtypes.config.json` holds. */
export interface Config extends Partial<Options> {
  readonly input?: string;
  readonly output?: string;
}

export const CONFIG_FILE = "mdtypes.config.json";

const SEVERITIES = new Set(["error", "warning", "info", "off"]);

/**
 * Reads `mdtypes.config.json` from `dir`; `undefined` when there is none.
 * Throws a usage error naming the key for anything invalid.
 */
export async function loadConfig(dir: string): Promise<Config | undefined> {
  const path = `${dir}/${CONFIG_FILE}`;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw usageError(`Cannot read ${CONFIG_FILE}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw usageError(`${CONFIG_FILE} is not valid JSON: ${(error as Error).message}`);
  }
  return parseConfig(data);
}

/** Validates config data (from the file or the API). */
export function parseConfig(data: unknown): Config {
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw usageError(`${CONFIG_FILE} must hold a JSON object`);
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === "$schema") continue;
    config[key] = parseOption(key, value);
  }
  return config as Config;
}

function parseOption(key: string, value: unknown): unknown {
  const fail = (expected: string): never => {
    throw usageError(`${CONFIG_FILE}: "${key}" must be ${expected}, got ${JSON.stringify(value)}`);
  };
  const oneOf = (choices: readonly string[]) => (typeof value === "string" && choices.includes(value) ? value : fail(choices.map((c) => JSON.stringify(c)).join(" or ")));
  switch (key) {
    case "input":
    case "output":
      return typeof value === "string" && value !== "" ? value : fail("a non-empty path");
    case "dialect":
      return oneOf(["speakeasy"]);
    case "flavour":
      return oneOf(["python"]);
    case "importExtension":
      return oneOf([".js", ".ts"]);
    case "maxDepth":
      return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 10000 ? value : fail("an integer from 1 to 10000");
    case "exclude":
      return Array.isArray(value) && value.every((v) => typeof v === "string") ? value : fail("an array of glob strings");
    case "rules":
      return parseRules(value, fail);
    default:
      throw usageError(`${CONFIG_FILE}: unknown key "${key}"`);
  }
}

function parseRules(value: unknown, fail: (expected: string) => never): RuleSettings {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return fail('an object of "rule-id": "error" | "warning" | "info" | "off"');
  const rules: Record<string, Severity | "off"> = {};
  for (const [id, severity] of Object.entries(value)) {
    if (!isRuleId(id)) throw usageError(`${CONFIG_FILE}: unknown rule "${id}" in "rules"`);
    if (typeof severity !== "string" || !SEVERITIES.has(severity)) throw usageError(`${CONFIG_FILE}: rule "${id}" must be "error", "warning", "info" or "off"`);
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

/** Options with defaults filled in from a config. */
export function resolveOptions(config: Config | undefined, overrides: Partial<Options> = {}): Options {
  const merged = { ...DEFAULT_OPTIONS, ...stripTargets(config), ...overrides };
  return { ...merged, rules: { ...DEFAULT_OPTIONS.rules, ...config?.rules, ...overrides.rules } };
}

function stripTargets(config: Config | undefined): Partial<Options> {
  if (!config) return {};
  const { input: _input, output: _output, ...options } = config;
  return options;
}
