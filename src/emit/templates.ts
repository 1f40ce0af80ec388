/**
 * The handlebars templates of each target (`templates/<target>/` of the
 * package) and the user's overrides of them. A file `<name>.ts.hbs` is a
 * template (one per kind of output file), any other `<name>.hbs` a partial
 * (`{{> name}}`). A user's folder replaces built-in files by name; the view
 * model each template receives is {@link VIEW_MODEL_VERSION}, documented in
 * the README ("Templates"). Templates only lay out view models that the
 * emitters build: the helpers are handlebars' built-ins, no others.
 */

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { usageError } from "../ir/errors.js";

/**
 * The version of the view model handed to templates, also given to them as
 * `viewModel`. Within one version fields are only ever added; a field
 * renamed, removed or changed in meaning makes a new version, named in the
 * release notes.
 */
export const VIEW_MODEL_VERSION = 1;

/** The targets that render through templates (the JSON Schema target writes data). */
export const TEMPLATED_TARGETS = ["ts", "zod"] as const;
export type TemplatedTarget = (typeof TEMPLATED_TARGETS)[number];

/** A user's template folder as read: each `<name>.hbs` file's text by `<name>`. */
export interface TemplateOverrides {
  /** The folder, as the user named it: for messages. */
  readonly folder: string;
  readonly sources: ReadonlyMap<string, string>;
  /** The names of the folder's files that do not end in `.hbs` (a template named without its ending is an error). */
  readonly misnamed?: readonly string[];
}

/** The templates of a target: each renders a view model to a file's text. */
export interface TemplateSet {
  render(name: string, view: object): string;
}

/** `templates/` of the package: two levels up from this module, or one from the bundled CLI. */
const TEMPLATE_DIR = [new URL("../../templates/", import.meta.url), new URL("../templates/", import.meta.url)].find((dir) => existsSync(new URL("ts/model.ts.hbs", dir))) ?? new URL("../../templates/", import.meta.url);

/** The helpers a template may call: handlebars' built-ins but `log`. */
const KNOWN_HELPERS = { if: true, unless: true, each: true, with: true, lookup: true, log: false } as const;

/** How every template is compiled, at build time (`scripts/precompile-templates.mjs`) or at run time. */
export const COMPILE_OPTIONS = { strict: true, noEscape: true, knownHelpersOnly: true, knownHelpers: KNOWN_HELPERS } as const;

/** A built-in template compiled at build time, with the text it was compiled from. */
interface Precompiled {
  readonly source: string;
  readonly spec: TemplateSpecification;
}

/**
 * The built-in templates precompiled by the build (`dist/templates.precompiled.cjs`,
 * beside the code folder or the bundle's); none when running from the sources.
 */
const PRECOMPILED: Partial<Record<TemplatedTarget, Readonly<Record<string, Precompiled>>>> = (() => {
  const url = new URL("../templates.precompiled.cjs", import.meta.url);
  return existsSync(url) ? (createRequire(import.meta.url)(fileURLToPath(url)) as Partial<Record<TemplatedTarget, Readonly<Record<string, Precompiled>>>>) : {};
})();

/** A built-in target's files (`<name>` → text), read once. */
const builtIn = new Map<TemplatedTarget, ReadonlyMap<string, string>>();

function builtInSources(target: TemplatedTarget): ReadonlyMap<string, string> {
  let sources = builtIn.get(target);
  if (!sources) {
    const dir = new URL(`${target}/`, TEMPLATE_DIR);
    const names = readdirSync(dir).filter((file) => file.endsWith(".hbs")).sort();
    sources = new Map(names.map((file) => [file.slice(0, -".hbs".length), readFileSync(new URL(file, dir), "utf8")]));
    builtIn.set(target, sources);
  }
  return sources;
}

/** The compiled set of the built-ins alone, per target: every run without overrides shares it. */
const compiledBuiltIn = new Map<TemplatedTarget, TemplateSet>();

/**
 * The templates of `target`, the user's `overrides` (if any) replacing
 * built-in files of the same name. A user's file that names no built-in
 * file is a usage error (a typo would otherwise be ignored), as is one that
 * does not compile; a user's template that reads a field the view model
 * lacks fails at render with a usage error naming the template.
 */
export function templateSet(target: TemplatedTarget, overrides?: TemplateOverrides): TemplateSet {
  if (!overrides || overrides.sources.size === 0) {
    let set = compiledBuiltIn.get(target);
    if (!set) {
      set = compile(target, builtInSources(target), undefined);
      compiledBuiltIn.set(target, set);
    }
    return set;
  }
  const sources = new Map(builtInSources(target));
  for (const name of overrides.misnamed ?? []) {
    if (sources.has(name)) throw usageError(`File "${name}" in ${overrides.folder} is named like the ${target} target's template "${name}.hbs" but lacks the .hbs ending: rename it "${name}.hbs"`);
  }
  for (const name of overrides.sources.keys()) {
    if (!sources.has(name)) {
      const known = [...sources.keys()].map((n) => `${n}.hbs`).join(", ");
      throw usageError(`Template "${name}.hbs" in ${overrides.folder} overrides nothing: the ${target} target's templates and partials are ${known}`);
    }
  }
  for (const [name, source] of overrides.sources) sources.set(name, source);
  return compile(target, sources, overrides);
}

function compile(target: TemplatedTarget, sources: ReadonlyMap<string, string>, overrides: TemplateOverrides | undefined): TemplateSet {
  const env = Handlebars.create();
  // `log` would write to stdout, where the JSON report and the IR go: not one of a template's helpers.
  env.unregisterHelper("log");
  const whose = (name: string) => (overrides?.sources.has(name) ? `"${name}.hbs" in ${overrides.folder}` : `built-in template "${target}/${name}.hbs"`);
  const templates = new Map<string, HandlebarsTemplateDelegate>();
  for (const [name, source] of sources) {
    let compiled: HandlebarsTemplateDelegate;
    const ready = Object.hasOwn(PRECOMPILED[target] ?? {}, name) ? PRECOMPILED[target]![name] : undefined;
    try {
      if (ready?.source === source) compiled = env.template(ready.spec);
      else {
        // Compiled now, not at first use (handlebars compiles lazily): a syntax error, in a user's
        // template or in a built-in edited since the build, is reported before anything is rendered.
        compiled = env.compile(source, COMPILE_OPTIONS);
        env.precompile(source, COMPILE_OPTIONS);
      }
    } catch (error) {
      throw usageError(`Template ${whose(name)} does not compile: ${oneLine(error)}`);
    }
    if (name.endsWith(".ts")) templates.set(name, compiled);
    else env.registerPartial(name, compiled);
  }
  return {
    render(name, view) {
      const compiled = templates.get(name);
      if (!compiled) throw new Error(`Internal error: no template ${target}/${name}.hbs`);
      let text: string;
      try {
        text = compiled({ ...view, viewModel: VIEW_MODEL_VERSION });
      } catch (error) {
        if (!overrides) throw error;
        const yours = [...overrides.sources.keys()].map((n) => `${n}.hbs`).join(", ");
        const why = oneLine(error).replace(" in [object Object]", "");
        throw usageError(`Templates in ${overrides.folder} (${yours}) failed rendering ${target}/${name}.hbs with view model ${VIEW_MODEL_VERSION}: ${why} (the README's "Templates" lists each template's fields)`);
      }
      // The marker line is how `generate` and `check` know their own files: a template may not drop it.
      const header = (view as { header?: unknown }).header;
      if (overrides && typeof header === "string" && header !== "" && !text.startsWith(`${header}\n`)) {
        throw usageError(`Templates in ${overrides.folder} render ${target}/${name}.hbs without {{header}} as its first line: every file mdtypes writes starts with it, so that \`generate\` and \`check\` know their own files`);
      }
      flatten(text);
      return text;
    },
  };
}

/** An error's message on one line (handlebars' parse errors span three), at most 300 characters. */
function oneLine(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\s*\n[\s-]*\^?\s*/g, " ").trim();
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/**
 * Makes V8 store `text` as one flat string now. A rendered module is a tree of
 * thousands of concatenated pieces (a rope); kept as one until it is written
 * or compared, every young-generation collection in between copies all of
 * them. Reading a character flattens a rope (V8 flattens before indexing).
 * Measured on a 10,731-doc tree (`node --trace-gc`): a cold `generate` spends
 * about a quarter less time collecting garbage (0.63 s down to 0.47 s).
 * The character is stored, so that no optimizing compiler drops the read.
 */
function flatten(text: string): void {
  if (text.length > 0) FLATTENED.last = text.charCodeAt(0);
}

/** Where {@link flatten} puts the character it reads. */
const FLATTENED = { last: 0 };
