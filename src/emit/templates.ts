/**
 * The handlebars templates in `templates/`, compiled once with a closed set
 * of helpers (none but the built-ins `if` and `each`): templates only lay out
 * view models that `emit` builds.
 */

import { existsSync, readFileSync } from "node:fs";
import Handlebars from "handlebars";

/** `templates/` of the package: two levels up from this module, or one from the bundled CLI. */
const TEMPLATE_DIR = [new URL("../../templates/", import.meta.url), new URL("../templates/", import.meta.url)].find((dir) => existsSync(new URL("model.ts.hbs", dir))) ?? new URL("../../templates/", import.meta.url);

type Template = (context: object) => string;

const cache = new Map<string, Template>();

/** The compiled template `templates/<name>.hbs`. */
export function template(name: "model.ts" | "runtime.ts" | "index.ts" | "zod/model.ts" | "zod/runtime.ts" | "zod/index.ts"): Template {
  let compiled = cache.get(name);
  if (!compiled) {
    const source = readFileSync(new URL(`${name}.hbs`, TEMPLATE_DIR), "utf8");
    const env = Handlebars.create();
    compiled = env.compile(source, { strict: true, noEscape: true, knownHelpersOnly: true, knownHelpers: { if: true, each: true } });
    cache.set(name, compiled);
  }
  return compiled;
}
