/**
 * The apix dialect (`apix-sh/cli`, "API docs for agents" vaults; grammar
 * §E): `<api>/<version>/_components/schemas/<Name>.md`, each schema a doc
 * with front matter `type: "<kind>"`, `# Name` and a `## Properties` table;
 * the vault's routes and metadata docs are skipped.
 */

import { compareStrings, type Diagnostic } from "../../ir/diagnostics.js";
import type { Options } from "../../ir/options.js";
import type { Dialect, SourceDoc } from "../dialect.js";
import { placeAt } from "../markdown.js";
import { buildApixModel } from "./build-ir.js";
import { extractApix, type ApixDoc } from "./extract.js";

/** The front matter block at the start of a doc, if any. */
const FRONT_MATTER = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
/** The Properties table header every schema doc has, empty or not. */
const PROPERTIES_HEADER = /^\| Property \| Required \| Type \| Description \|[ \t]*\r?$/m;

/**
 * Whether a doc is one of an apix vault's: a schema (front matter `type:`
 * and the Properties header), a route (front matter `method:` and `url:`),
 * the API's metadata (`base_url:` and `**Version:**`), or a parameter
 * (`# Parameter: x` with `- **Location**:`).
 */
function recognizes(source: string): boolean {
  const front = FRONT_MATTER.exec(source)?.[1];
  if (front !== undefined) {
    if (/^type:/m.test(front)) return PROPERTIES_HEADER.test(source);
    if (/^method:/m.test(front) && /^url:/m.test(front)) return true;
    if (/^base_url:/m.test(front)) return source.includes("**Version:**");
    return false;
  }
  return /^# Parameter: /m.test(source) && /^- \*\*Location\*\*: /m.test(source);
}

/** Once per tree, at the first schema doc: what apix docs cannot say, and the policy that covers it. */
function limits(docs: readonly SourceDoc[]): Diagnostic[] {
  const first = [...docs].sort((a, b) => compareStrings(a.id, b.id)).find((d) => /^type:/m.test(FRONT_MATTER.exec(d.source)?.[1] ?? ""));
  if (!first) return [];
  const at = first.source.indexOf("type:");
  return [
    {
      file: first.id,
      ...placeAt(first.source, at),
      ruleId: "dialect-limits",
      severity: "info",
      message:
        "apix docs drop `null` from every type (with the default nullability \"lenient\" every field may be null; \"as-documented\" allows it nowhere), drop formats, " +
        "and give oneOf/anyOf/allOf properties as a count only (`oneOf(2)`: `unknown`); a top-level oneOf/anyOf is the union of its `Variants:` links, an allOf the properties apix could inline " +
        "(a `(ref: Name)` row's properties are unknown and accepted as extra keys); enum values are kept for strings only (`Allowed values:`)",
    },
  ];
}

export const apix: Dialect<ApixDoc> = {
  id: "apix",
  label: "apix",
  fingerprint: "front matter `type: \"<kind>\"` and a `| Property | Required | Type | Description |` table, or route front matter `method:`/`url:`",
  recognizes,
  prepare(docs, options) {
    const settled: Options = { ...options, settled: { ...options.settled, language: "none" } };
    return { options: settled, diagnostics: limits(docs) };
  },
  extract: (id, source, tree, _options, sink) => extractApix(id, source, tree, sink),
  buildIr: (raw, options, sink) => [buildApixModel(raw, options, sink)],
};
