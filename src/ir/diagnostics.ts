/**
 * Diagnostics: every problem found in a user's docs is a value of this shape,
 * never an exception. Stages collect them; only the CLI decides what they mean
 * for the exit code.
 *
 * The rule catalogue lives here, in one place, so that the README, the config
 * and `--rule` all speak of the same ids.
 */

import { docOfModel, type Place } from "./ir.js";

export type Severity = "error" | "warning" | "info";

/** Something mdtypes has to say about a place in a doc. */
export interface Diagnostic {
  /** The doc's path (relative to the input root inside the pipeline; see `generate`). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly message: string;
  /** A related place, e.g. the first of two clashing definitions. */
  readonly cause?: { readonly file: string; readonly line: number; readonly column: number; readonly message: string };
}

/** Every rule mdtypes reports, with its default severity and what it means. */
export const RULES = {
  "no-models": {
    severity: "error",
    summary: "The input holds no model doc (no `.md` or `.mdx` file, or none that is a model): almost always a wrong folder or `exclude`.",
  },
  "not-a-model": {
    severity: "info",
    summary: "The file is not a model doc (e.g. `utils/retryconfig.md`, Go `option.md`); it is skipped.",
  },
  "unknown-flavour": {
    severity: "error",
    summary: "The docs show no SDK language's type syntax, so their types cannot be read; set `flavour`.",
  },
  "mixed-dialects": {
    severity: "error",
    summary: "The directories of one tree were written by different generators (grammar §0.8: a directory votes): an error; one doc of another generator in a directory: a warning (it is read as the directory's). Split them into targets, or set `dialect` or `exclude`.",
  },
  "dialect-limits": {
    severity: "info",
    summary: "What the tree's dialect and language cannot say (grammar §I: wire names, nullability, enum values, union members), once per tree, with the policy that covers it.",
  },
  "enum-values-lost": {
    severity: "warning",
    summary: "An enum whose doc lists no wire values (constant names only, or none at all): the type is its base type where the doc gives one (APIMatic: `string`), else `unknown` (an empty OpenAPI Generator table may as well be a free-form object's).",
  },
  "mixed-flavours": {
    severity: "error",
    summary: "The docs of one tree were written for different SDK languages; split them into targets or set `flavour`.",
  },
  "sdk-property-names": {
    severity: "warning",
    summary: "The docs name fields in PascalCase, as the SDK's language does (Go, C#), which an API almost never sends; set `propertyNames` (or `--property-names`) to say which names the wire has.",
  },
  "title-only": {
    severity: "warning",
    summary: "A doc with a title but no model section, in a flavour that always writes one (only Java and Ruby leave unions undocumented); the type is `unknown`.",
  },
  "missing-title": {
    severity: "error",
    summary: "The doc has no `# Title` heading, so it names no model.",
  },
  "unknown-section": {
    severity: "warning",
    summary: "An `##` section the dialect does not know; it is ignored.",
  },
  "conflicting-sections": {
    severity: "error",
    summary: "A doc has more than one body section (`## Fields`, `## Values`, `## Supported Types`).",
  },
  "malformed-table": {
    severity: "error",
    summary: "A Fields or Values table lacks a column it needs, or has an unexpected header.",
  },
  "malformed-row": {
    severity: "error",
    summary: "A table row whose name or Required cell cannot be read.",
  },
  "duplicate-field": {
    severity: "error",
    summary: "Two rows of one Fields table name the same field.",
  },
  "duplicate-enum-value": {
    severity: "warning",
    summary: "An enum lists the same value twice; the second is dropped.",
  },
  "empty-enum": {
    severity: "warning",
    summary: "A `## Values` section with no values; the type is `never`.",
  },
  "empty-union": {
    severity: "warning",
    summary: "A `## Supported Types` section with no members; the type is `never`.",
  },
  "unknown-type": {
    severity: "warning",
    summary: "A type expression mdtypes cannot read; it becomes `unknown`.",
  },
  "external-type": {
    severity: "info",
    summary: "An SDK-language type with no JSON meaning (`httpx.Response`, `*http.Response`, …); it becomes `unknown`.",
  },
  "inconsistent-presence": {
    severity: "warning",
    summary: "The Required column and the type's wrapper disagree (e.g. ✔ with `Optional[..]`); the Required column wins.",
  },
  "unresolved-link": {
    severity: "error",
    summary: "A link to a model doc that does not exist; the field becomes `unknown`.",
  },
  "link-case-mismatch": {
    severity: "info",
    summary: "A link's path matches a doc only without letter case (`payments/` for `Payments/`, fine on macOS and Windows); it is followed.",
  },
  "link-resolved-by-name": {
    severity: "warning",
    summary: "A link to a missing doc whose text names exactly one model of the tree; that model is used.",
  },
  "unresolved-name": {
    severity: "warning",
    summary: "A union member names a model no doc defines (by Speakeasy's naming rules); the member becomes `unknown`.",
  },
  "ambiguous-name": {
    severity: "warning",
    summary: "A union member heading names a model several docs define; the first by path is used.",
  },
  "circular-type": {
    severity: "error",
    summary: "A union that contains itself with no object in between; the cycle is broken with `unknown`.",
  },
  "export-name-clash": {
    severity: "warning",
    summary: "Two docs of one folder would be exported under the same name from its barrel (their files differ only in case); the later by path gets a numeric suffix.",
  },
  "output-path-clash": {
    severity: "warning",
    summary: "Two docs would write the same output file (or a reserved one); the later by path gets a suffix.",
  },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

/** A rule id: kebab-case, listed in {@link RULES}. */
export type RuleId = keyof typeof RULES;

/** Severity overrides per rule (`"off"` drops the rule's diagnostics). */
export type RuleSettings = Readonly<Partial<Record<RuleId, Severity | "off">>>;

/** Whether `id` names a rule. */
export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/**
 * Collects diagnostics for one doc. Stages call {@link DiagnosticSink.report}
 * with the rule id; the default severity comes from the catalogue.
 */
export class DiagnosticSink {
  readonly file: string;
  readonly items: Diagnostic[] = [];

  /** `file`: a doc's id, or a model's (a section's model reports at its doc: `pets/Pet.md#Category` at `pets/Pet.md`). */
  constructor(file: string) {
    this.file = docOfModel(file).doc;
  }

  /** Records a diagnostic of rule `ruleId` at `place`. */
  report(ruleId: RuleId, place: Place, message: string, cause?: Diagnostic["cause"]): void {
    this.items.push({
      file: this.file,
      line: place.line,
      column: place.column,
      ruleId,
      severity: RULES[ruleId].severity,
      message,
      ...(cause ? { cause } : {}),
    });
  }
}

/** Applies rule settings: changes severities and drops rules set to `"off"`. */
export function applyRuleSettings(diagnostics: readonly Diagnostic[], rules: RuleSettings): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const setting = rules[d.ruleId];
    if (setting === "off") continue;
    out.push(setting && setting !== d.severity ? { ...d, severity: setting } : d);
  }
  return out;
}

/** Orders diagnostics by file, line, column, then rule id: the order they are printed in. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message, b.message)
  );
}

/** Whether any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Code-unit string order, independent of locale: the one order used for determinism. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
