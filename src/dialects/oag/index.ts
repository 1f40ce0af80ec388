/**
 * The OpenAPI Generator / swagger-codegen dialect (reference/other-dialects-grammar.md
 * §A): model docs with a `Name | Type | Description | Notes` table under
 * `## Properties`, enum docs with `## Enum` bullets or `## Enum Variants`, in
 * every client language. `prepare` settles the language (§A.7, by directory
 * vote) and says once per tree what it cannot express (§I) and whether its
 * field names are SDK renames (§A.3); the row reader is shared
 * (`extract.ts`, `rows.ts`, `build-ir.ts`), the type notation is each
 * language's (`languages/`).
 */

import { compareStrings, type Diagnostic } from "../../ir/diagnostics.js";
import type { Options } from "../../ir/options.js";
import type { Dialect, SourceDoc } from "../dialect.js";
import { placeAt } from "../markdown.js";
import { buildOagModels, languageOf } from "./build-ir.js";
import { extractOag, type RawOagDoc } from "./extract.js";
import type { NameCase } from "./language.js";
import { LANGUAGES } from "./languages/index.js";
import { apiDocMark, NAME_CASES, voteLanguage, type OagLanguageId } from "./sniff.js";

/** The `Name | Type | Description | Notes` header (grammar §A.1), pipes and padding optional. */
const HEADER = /^\|?[ \t]*Name[ \t]*\|[ \t]*Type[ \t]*\|[ \t]*Description[ \t]*\|[ \t]*Notes[ \t]*\|?[ \t]*\r?$/m;
/** Enum docs (§A.6) and typescript-fetch's two-column table (§A.1). */
const OTHER_FORMS = /^## Enum Variants[ \t]*\r?$|^[ \t]*[*-][ \t]+`[^`]*`[ \t]*\(value:[ \t]*`|^## Properties[ \t]*\r?\n+\|?[ \t]*Name[ \t]*\|[ \t]*Type[ \t]*\|?[ \t]*\r?$/m;
/** The tree-level place: the first line of a doc. */
const TOP = { line: 1, column: 1 } as const;

/** How the tree's language names properties (the registered reader's word, else the grammar's). */
function nameCaseOf(language: string | undefined): NameCase | undefined {
  if (language === undefined) return undefined;
  return LANGUAGES[language]?.names ?? NAME_CASES[language as OagLanguageId];
}

/**
 * One `sdk-property-names` warning per tree whose language renames
 * properties to camelCase or PascalCase (grammar §A.3) while
 * `propertyNames` is `auto`, placed at the first field row.
 */
function propertyNameWarning(docs: readonly SourceDoc[], language: string | undefined, options: Options): Diagnostic[] {
  const names = nameCaseOf(language);
  if (options.propertyNames !== "auto" || (names !== "camelCase" && names !== "PascalCase")) return [];
  const row = /^\|?[ \t]*\*\*([A-Za-z]\w*)\*\*[ \t]*\|/m;
  for (const doc of [...docs].sort((a, b) => compareStrings(a.id, b.id))) {
    const header = HEADER.exec(doc.source);
    if (!header) continue;
    const rest = doc.source.slice(header.index);
    const match = row.exec(rest);
    if (!match) continue;
    const offset = header.index + match.index + match[0].indexOf("**");
    return [
      {
        file: doc.id,
        ...placeAt(doc.source, offset),
        ruleId: "sdk-property-names",
        severity: "warning",
        message: `Unexpected field names in ${names} (\`${match[1]}\`), the ${language} SDK's property names, expected the names the API sends; they are kept as documented: set "propertyNames" in mdtypes.config.json or pass --property-names (camelCase, snake_case, or as-documented to keep them)`,
      },
    ];
  }
  return [];
}

/** What a language's docs cannot say (grammar §I), for the `dialect-limits` info. */
function limitsOf(language: string | undefined, options: Options): string[] {
  const reader = languageOf(language);
  const names = nameCaseOf(language);
  const limits: string[] = [];
  if (names && names !== "wire") limits.push(`field names are the SDK's ${names} names, not necessarily the wire names (propertyNames: ${options.propertyNames})`);
  if (language === "typescript-axios") limits.push("reserved words are escaped with `_` (`_options`), undone for TypeScript's reserved words only");
  if (language === "rust") limits.push("null only on required fields (`Option<…>` on an optional field says presence only)");
  else if (reader.nulls === "generics") limits.push("null only inside containers (`List[Optional[T]]`, `Array<T | null>`), not on fields");
  else if (reader.nulls === "lost") limits.push("null nowhere");
  if (language !== "go" && reader.nulls !== "shown") limits.push(`so ${options.nullability === "lenient" ? "every field it cannot rule out may be null (nullability: lenient)" : "fields are never null (nullability: as-documented)"}`);
  if (language === "php" || language === "ruby" || language === "csharp" || language === "dart" || language === "dart-dio") limits.push("enum values (an enum doc is an empty table)");
  if (language === "typescript-fetch") limits.push("presence (two-column tables: every field is optional)");
  if (language !== "rust") limits.push("union members (oneOf/anyOf are flattened into one table of every member's properties, required flags unreliable)");
  limits.push("defaults and read-only flags (read, not carried into types)");
  return limits;
}

function limitsInfo(docs: readonly SourceDoc[], language: string | undefined, options: Options): Diagnostic[] {
  const first = [...docs].sort((a, b) => compareStrings(a.id, b.id)).find((d) => HEADER.test(d.source) || OTHER_FORMS.test(d.source)) ?? docs[0];
  if (!first) return [];
  return [
    {
      file: first.id,
      ...TOP,
      ruleId: "dialect-limits",
      severity: "info",
      message: `Unexpected ${language ?? "unknown-language"} OpenAPI Generator docs that cannot say: ${limitsOf(language, options).join("; ")}, expected docs that say all (grammar §I)`,
    },
  ];
}

export const oag: Dialect<RawOagDoc> = {
  id: "oag",
  label: "OpenAPI Generator / swagger-codegen",
  fingerprint: "a `Name | Type | Description | Notes` table, an `## Enum` list of `` * `X` (value: `v`) `` or `## Enum Variants`",
  // API docs (and READMEs listing the endpoints) are recognized too, so that their directory votes for the dialect.
  recognizes: (source) => HEADER.test(source) || OTHER_FORMS.test(source) || apiDocMark(source) !== undefined,
  prepare(docs, options) {
    const verdict = voteLanguage(docs);
    const language = verdict.language;
    const diagnostics: Diagnostic[] = [];
    if (verdict.other) {
      diagnostics.push({
        file: verdict.other.example,
        ...TOP,
        ruleId: "mixed-flavours",
        severity: "error",
        message: `Unexpected ${verdict.other.language} doc in a tree of ${language} docs (docs behind each directory's vote: ${verdict.votes.map(([l, n]) => `${l} ${n}`).join(", ")}), expected docs of one SDK language; split them into targets`,
      });
    }
    const settled: Options = language ? { ...options, settled: { ...options.settled, language } } : options;
    return { options: settled, diagnostics: [...diagnostics, ...propertyNameWarning(docs, language, settled), ...limitsInfo(docs, language, settled)] };
  },
  extract: (id, source, tree, options, sink) => extractOag(id, source, tree, options.settled?.language, sink),
  buildIr: (raw, options, sink) => buildOagModels(raw, options, sink),
};
