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
 * `propertyNames` is `auto`, placed at the first field whose name shows
 * that case (a one-word name is the same in all), in path order.
 */
function propertyNameWarning(docs: readonly SourceDoc[], language: string | undefined, options: Options): Diagnostic[] {
  const names = nameCaseOf(language);
  if (options.propertyNames !== "auto" || (names !== "camelCase" && names !== "PascalCase")) return [];
  // A name that shows the case: one word (`id`) is the same in every case, and says nothing.
  const row = names === "PascalCase" ? /^\|?[ \t]*\*\*([A-Z]\w*)\*\*[ \t]*\|/m : /^\|?[ \t]*\*\*([a-z][a-z0-9]*[A-Z]\w*)\*\*[ \t]*\|/m;
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
  if (language === undefined || LANGUAGES[language] === undefined) limits.push("the client language, which nothing in the docs tells (types are read with the spellings every client shares)");
  if (names && names !== "wire") limits.push(`the wire names: fields have the SDK's ${names} names (propertyNames: ${options.propertyNames})`);
  // Grammar §A.3: these languages strip a leading `_` (`_links` → `links`, `_accountId` → `accountId`, `AccountId`).
  if (language === "python" || names === "camelCase" || names === "PascalCase") limits.push("a wire name's leading `_`, which the SDK drops and no propertyNames policy restores");
  if (language === "python") limits.push("a wire name that is a Python reserved word, written with a `var_` prefix (`var_from`; kept as written)");
  if (language === "typescript-axios") limits.push("a wire name that is a reserved word, escaped with `_` (`_options`; undone for TypeScript's reserved words only)");
  const lenient = options.nullability === "lenient" ? "nullability lenient: such fields may be null" : "nullability as-documented: such fields are never null";
  if (language === "rust") limits.push(`null on optional fields (\`Option<…>\` there says presence only; ${lenient})`);
  else if (language === "go") limits.push(`null on optional fields that are no \`Nullable*\` (${lenient})`);
  else if (reader.nulls === "generics") limits.push(`null on fields (only inside containers: \`List[Optional[T]]\`, \`Array<T | null>\`; ${lenient})`);
  else if (reader.nulls === "lost") limits.push(`null (${lenient})`);
  if (language === "php" || language === "ruby" || language === "csharp" || language === "dart" || language === "dart-dio") limits.push("enum values (an enum doc is an empty table, as a free-form object's is: `unknown`)");
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
      message: `OpenAPI Generator ${language ?? "(language not told)"} docs cannot say: ${limitsOf(language, options).join("; ")} (grammar §I)`,
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
