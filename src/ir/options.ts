/**
 * Options: what a user can set, each listed here once, with its default.
 * Pure data: reading them from a config file is `io/config.ts`'s job.
 */

import type { RuleSettings } from "./diagnostics.js";
import type { PropertyNamePolicy } from "./property-names.js";

/** A remark plugin as the config names it: a module specifier, or a specifier and the plugin's options. */
export type RemarkPluginSetting = string | readonly [string, unknown];

/** The SDK languages Speakeasy docs come in (`auto`: told from the docs). */
export const FLAVOUR_CHOICES = ["auto", "python", "typescript", "go", "java", "csharp", "unity", "php", "ruby"] as const;

/**
 * What a target generates from the one IR: `ts` (the default) TypeScript
 * types with zero-dependency validators; `zod` zod 4 schemas; `json-schema`
 * JSON Schema 2020-12 documents.
 */
export const TARGET_CHOICES = ["ts", "zod", "json-schema"] as const;

export type OutputTarget = (typeof TARGET_CHOICES)[number];

/** Options that change what the docs mean or how the output looks. */
export interface Options {
  /**
   * The generator that wrote the docs: a dialect id (`speakeasy`, `oag`, …,
   * the keys of the dialect registry), or `auto` (the default) to tell it
   * from the docs, per directory, in the order of the grammar's §0.8.
   */
  readonly dialect: string;
  /** The SDK language the Speakeasy docs were written for; `auto` tells it from the docs. */
  readonly flavour: (typeof FLAVOUR_CHOICES)[number];
  /**
   * `lenient` (the default): `null` where the docs say so and wherever the
   * flavour cannot say it (TypeScript and C# fields, Go and Java optional
   * fields, PHP required fields, Python lists, dicts and dates, …): a
   * validator must never reject what the docs cannot rule out.
   * `as-documented`: `null` only where the docs say so.
   */
  readonly nullability: "as-documented" | "lenient";
  /** Which names properties have on the wire: see {@link PropertyNamePolicy}. */
  readonly propertyNames: PropertyNamePolicy;
  /** Severity overrides per rule id. */
  readonly rules: RuleSettings;
  /** Extension used in relative imports of the generated code. */
  readonly importExtension: ".js" | ".ts";
  /** Nesting depth beyond which validators reject a value. */
  readonly maxDepth: number;
  /** `accept` (the default): keys a model does not document are allowed; `reject`: they make a value invalid. */
  readonly unknownKeys: "accept" | "reject";
  /** What to generate: see {@link TARGET_CHOICES}. */
  readonly target: OutputTarget;
  /**
   * A folder of the user's handlebars templates (`<name>.hbs`) overriding
   * the built-in templates and partials of the target by name; undefined for
   * none. `loadConfig` resolves it from the config file's folder.
   */
  readonly templates: string | undefined;
  /**
   * The file name of the one module every model goes into (`api.ts`), in
   * the output folder; undefined (the default): a module per doc. Set from
   * a target's `outFile` (`--out-file`), never on its own.
   */
  readonly singleFile: string | undefined;
  /** Globs (relative to the input folder) of docs to leave out. */
  readonly exclude: readonly string[];
  /**
   * A user's remark plugins, each a module (package name or path) or a
   * module and its options, added to the parser in order. `loadConfig`
   * resolves them from the config file's folder to absolute paths.
   */
  readonly remarkPlugins: readonly RemarkPluginSetting[];
  /**
   * What the tree-level pre-pass (`prepare`) settled about the docs beyond
   * the flavour; never set by users. `pythonOptional: "unstated"`: Python
   * docs from before `OptionalNullable[..]` existed (2023–24), whose
   * `Optional[..]` on an optional field says nothing of null. `language`:
   * the SDK language the docs were written for, as the dialect names it
   * (Speakeasy's is also `flavour`). `unrecognized`: `dialect` was `auto`
   * and no doc carried any dialect's fingerprint (the tree is read as
   * Speakeasy's).
   */
  readonly settled?: { readonly pythonOptional?: "unstated"; readonly language?: string; readonly unrecognized?: true };
}

export const DEFAULT_OPTIONS: Options = {
  dialect: "auto",
  flavour: "auto",
  nullability: "lenient",
  propertyNames: "auto",
  rules: {},
  importExtension: ".js",
  maxDepth: 512,
  unknownKeys: "accept",
  target: "ts",
  templates: undefined,
  singleFile: undefined,
  exclude: [],
  remarkPlugins: [],
};

/** The options only the emit stage reads: docs read with options that differ in these alone give one IR. */
const EMIT_ONLY = new Set<string>(["target", "templates", "singleFile", "importExtension", "maxDepth", "unknownKeys"]);

/**
 * `options` without the emit-only ones: what reading a doc depends on (the
 * key of its cached result, so a second target over the same docs reads
 * none of them again).
 */
export function readingOptions(options: Options): Partial<Options> {
  return Object.fromEntries(Object.entries(options).filter(([key]) => !EMIT_ONLY.has(key))) as Partial<Options>;
}

/** One input folder and the output folder generated from it, with option overrides. */
export interface TargetConfig extends Partial<Options> {
  /** A label for messages; defaults to the output folder. */
  readonly name?: string;
  readonly input: string;
  /** The output folder; or, instead, {@link outFile}. */
  readonly output?: string;
  /** The one module (`src/api.ts`) every model goes into, instead of an output folder. */
  readonly outFile?: string;
}

/**
 * What `mdtypes.config.json` holds: one target (`input`, `output`) or
 * several (`targets`), with shared options at the top level.
 */
export interface Config extends Partial<Options> {
  readonly input?: string;
  readonly output?: string;
  readonly outFile?: string;
  readonly targets?: readonly TargetConfig[];
}

/** A target with every option settled: what one `generate` or `check` run works on. */
export interface Target {
  readonly name: string;
  readonly input: string;
  readonly output: string;
  readonly options: Options;
}

/** Options with defaults filled in: defaults, then each layer in order (later wins; rules merge). */
export function resolveOptions(...layers: readonly (Partial<Options> | undefined)[]): Options {
  let options: Options = DEFAULT_OPTIONS;
  for (const layer of layers) {
    if (!layer) continue;
    const picked = Object.fromEntries(Object.entries(layer).filter(([key, value]) => key in DEFAULT_OPTIONS && value !== undefined)) as Partial<Options>;
    options = { ...options, ...picked, rules: { ...options.rules, ...layer.rules } };
  }
  return options;
}
