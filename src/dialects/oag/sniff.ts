/**
 * Which OAG client language wrote a doc (grammar §A.7, first match wins),
 * and a tree's language by vote (§0.8: each directory votes for the language
 * most of its docs show; the tree is the language with most docs behind the
 * votes). Raw text only, every pattern compiled once.
 */

import type { SourceDoc } from "../dialect.js";
import type { NameCase } from "./language.js";
import { voteByDirectory } from "../vote.js";

/** The languages sniffing tells apart, by the generator's own names. */
export const OAG_LANGUAGES = [
  "genesys",
  "go",
  "rust",
  "php",
  "kotlin",
  "dart",
  "dart-dio",
  "ruby",
  "typescript-axios",
  "typescript-fetch",
  "python",
  "python-prior",
  "python-legacy",
  "csharp",
  "javascript",
  "java",
] as const;
export type OagLanguageId = (typeof OAG_LANGUAGES)[number];

const GENESYS = /^---\r?\ntitle:|_PureCloudPlatformClientV2/;
const GO = / \| Pointer to |^### New\w+WithDefaults\b/m;
const RUST = /\| Option<|^## Enum Variants\b/m;
const PHP = /^# # /m;
const KOTLIN = /\bkotlin\.|\[\*\*inline\*\*\]\(#/;
const DART = /^## Load the model package/m;
const DART_CODE = /^```dart\b/m;
const DART_DIO = /\bBuilt(?:List|Set|Map)\b|\bJsonObject\b/;
const RUBY = /^# \w+(?:::\w+)+[ \t]*\r?$/m;
const TS_AXIOS = /^```typescript\b|\[default to undefined\]|\*\*(?:Array|Set)&lt;(?:string|number|boolean|any)\b/m;
const TS_FETCH = /^\|?[ \t]*Name[ \t]*\|[ \t]*Type[ \t]*\|?[ \t]*\r?\n\|?[ \t]*:?-+/m;
const PYTHON = /^```python\b|\*\*(?:List|Dict)\[/m;
const PYTHON_PRIOR = /\bnone_type\b|\*\*\[str\]\*\*|\*\*any string name\*\*/;
const PYTHON_LEGACY = /\*\*(?:list\[|dict\()/;
const CSHARP = /^# \w+(?:\.\w+)*\.Model\.\w+[ \t]*\r?$/m;
const JAVASCRIPT = /^# \w+\.\w+[ \t]*\r?$/m;
const JAVA = /^\|\*\*\w+\*\* \||\*\*(?:List|Map|Set)&lt;/m;

const API_TABLE = /^\|?[ \t]*Method[ \t]*\|[ \t]*HTTP request[ \t]*\|[ \t]*Description/m;

/**
 * What marks an API doc (and a README that lists the endpoints): no model;
 * its code samples may be in another language's notation. Plain substring
 * tests first: the table regex runs only on docs that name an HTTP request.
 */
export function apiDocMark(source: string): string | undefined {
  if (source.includes("All URIs are relative to")) return "All URIs are relative to";
  return source.includes("HTTP request") && API_TABLE.test(source) ? "Method | HTTP request | Description" : undefined;
}
/** READMEs, by file name. */
export const README = /(?:^|\/)readme\.mdx?$/i;

/** The language one doc's text shows (grammar §A.7, in its order), if any. */
export function sniffLanguage(source: string): OagLanguageId | undefined {
  if (GENESYS.test(source)) return "genesys";
  if (GO.test(source)) return "go";
  if (RUST.test(source)) return "rust";
  if (PHP.test(source)) return "php";
  if (KOTLIN.test(source)) return "kotlin";
  if (DART.test(source) && DART_CODE.test(source)) return DART_DIO.test(source) ? "dart-dio" : "dart";
  if (RUBY.test(source)) return "ruby";
  if (TS_AXIOS.test(source)) return "typescript-axios";
  if (TS_FETCH.test(source)) return "typescript-fetch";
  if (PYTHON.test(source)) return "python";
  if (PYTHON_PRIOR.test(source)) return "python-prior";
  if (PYTHON_LEGACY.test(source)) return "python-legacy";
  if (CSHARP.test(source)) return "csharp";
  if (JAVASCRIPT.test(source)) return "javascript";
  if (JAVA.test(source)) return "java";
  return undefined;
}

/** A tree's language vote: the winner, the runner-up (when directories disagree) and an example doc of it. */
export interface LanguageVerdict {
  readonly language: OagLanguageId | undefined;
  readonly other?: { readonly language: OagLanguageId; readonly example: string };
  readonly votes: ReadonlyArray<readonly [OagLanguageId, number]>;
}

/**
 * The tree's language (grammar §0.8): per directory, the language most of
 * its model docs show (dart docs whose enum docs look plain dart count for
 * dart-dio when any doc of the directory is dart-dio); then the language
 * with most docs behind the directories' votes.
 */
export function voteLanguage(docs: readonly SourceDoc[]): LanguageVerdict {
  // Only model docs vote: READMEs and API docs quote code in whatever notation.
  const ballots = docs.flatMap((doc) => {
    const choice = README.test(doc.id) || apiDocMark(doc.source) ? undefined : sniffLanguage(doc.source);
    return choice ? [{ id: doc.id, choice }] : [];
  });
  const { ranked } = voteByDirectory(ballots, (a, b) => OAG_LANGUAGES.indexOf(a) - OAG_LANGUAGES.indexOf(b), (tally) => {
    // dart-dio enum docs carry no `Built*` type: they are dart-dio docs all the same.
    const dart = tally.get("dart");
    const dio = tally.get("dart-dio");
    if (dart && dio) {
      tally.set("dart-dio", { count: dio.count + dart.count, example: dio.example });
      tally.delete("dart");
    }
  });
  const [first, second] = ranked;
  return {
    language: first?.[0],
    ...(second ? { other: { language: second[0], example: second[1].example } } : {}),
    votes: ranked.map(([language, v]) => [language, v.count] as const),
  };
}

/**
 * How each language names properties (grammar §A.3), for languages whose
 * reader is not registered: the registry's `names` wins when there is one.
 */
export const NAME_CASES: Readonly<Record<OagLanguageId, NameCase | undefined>> = {
  genesys: undefined,
  go: "PascalCase",
  rust: "snake_case",
  php: "snake_case",
  kotlin: "camelCase",
  dart: "camelCase",
  "dart-dio": "camelCase",
  ruby: "snake_case",
  "typescript-axios": "wire",
  "typescript-fetch": "camelCase",
  python: "snake_case",
  "python-prior": "snake_case",
  "python-legacy": "snake_case",
  csharp: "PascalCase",
  javascript: "camelCase",
  java: "camelCase",
};
