/**
 * The APIMatic dialect (reference/other-dialects-grammar.md §C, §I): the
 * `doc/models/*.md` docs of APIMatic SDKs (PayPal, Square, Verizon, Mist,
 * Adyen, Xero), in TypeScript, Python, Java and Go. A model doc names its SDK
 * class under `## Structure`, `## Enumeration` or `## Class Name`.
 */

import { compareStrings, type Diagnostic } from "../../ir/diagnostics.js";
import type { Options } from "../../ir/options.js";
import type { Dialect, SourceDoc } from "../dialect.js";
import { placeAt } from "../markdown.js";
import { buildApimaticModel, languageOf } from "./build-ir.js";
import { extractApimatic, type RawApimaticDoc } from "./extract.js";
import { LABELS, type ApimaticLanguage } from "./languages.js";

/** `## Structure` (or `## Enumeration`, `## Class Name`), a blank line, and the SDK class name in a code span. */
const CLASS_LINE = /^## (?:Structure|Enumeration|Class Name)[ \t]*\r?\n(?:[ \t]*\r?\n)*`[A-Za-z_$][\w$]*`[ \t]*\r?$/m;

/** The marks each language's Type cells and code fences leave; the tree goes with the most. */
const MARKS: Readonly<Record<ApimaticLanguage, readonly RegExp[]>> = {
  typescript: [/\\\| undefined`/g, /`(?:number|boolean|unknown|bigint)(?:\[\])?(?: \\\| (?:null|undefined))*`/g, /`Record<string, /g, /```(?:ts|typescript)\b/g],
  python: [/`(?:str|float|Any)`/g, /`(?:List|Dict)\[/g, /```python\b/g],
  java: [/\| Getter \| Setter \|/g, /`(?:String|Integer|Long|Double|Boolean|Object)`/g, /`(?:List|Map)</g, /```java\b/g],
  go: [/`\*(?:models\.)?\w/g, /`(?:models\.Optional\[|\[\]|map\[string\])/g, /`(?:int64|float64|interface\{\})`/g, /```go\b/g],
};

/** The tree's SDK language, by the marks of its model docs (a README's code samples may be in any language); TypeScript when they show none. */
function detectLanguage(docs: readonly SourceDoc[]): ApimaticLanguage {
  const votes = new Map<ApimaticLanguage, number>();
  for (const doc of docs) {
    if (!CLASS_LINE.test(doc.source)) continue;
    for (const [language, marks] of Object.entries(MARKS) as [ApimaticLanguage, readonly RegExp[]][]) {
      const count = marks.reduce((n, mark) => n + (doc.source.match(mark)?.length ?? 0), 0);
      votes.set(language, (votes.get(language) ?? 0) + count);
    }
  }
  const [best] = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : "typescript";
}

/** What each language's docs cannot say, for the once-per-tree `dialect-limits` info. */
const LIMITS: Readonly<Record<ApimaticLanguage, string>> = {
  typescript: "field names are SDK property names (camelCase), not necessarily the wire names; enums list constant names only, so each enum is `string`; `| null` marks nullable fields",
  python: "field names are SDK property names (snake_case), not necessarily the wire names; enums list constant names only, so each enum is `string`; null is never shown, so under `lenient` every field also accepts null",
  java: "field names are SDK property names (PascalCase), not the wire names; enums list constant names only, so each enum is `string`; null is never shown, so under `lenient` every field also accepts null",
  go: "field names are SDK property names (PascalCase), not the wire names; enums list wire values; `models.Optional[T]` marks nullable fields",
};

/** Whether a doc is a model doc: a class section with its body (a controller's `## Class Name` has `## Methods` instead of `## Cases`). */
function isModelDoc(source: string): boolean {
  return CLASS_LINE.test(source) && /^## (?:Fields|Cases)[ \t]*\r?$/m.test(source);
}

/** The first model doc by path: tree-level diagnostics point at its H1. */
function firstModelDoc(docs: readonly SourceDoc[]): SourceDoc | undefined {
  return [...docs].sort((a, b) => compareStrings(a.id, b.id)).find((d) => isModelDoc(d.source));
}

function limitsInfo(docs: readonly SourceDoc[], language: ApimaticLanguage): Diagnostic[] {
  const doc = firstModelDoc(docs);
  if (!doc) return [];
  const h1 = /^# /m.exec(doc.source);
  return [
    {
      file: doc.id,
      ...placeAt(doc.source, h1?.index ?? 0),
      ruleId: "dialect-limits",
      severity: "info",
      message: `APIMatic ${LABELS[language]} docs: ${LIMITS[language]}; defaults and constraints stay in the descriptions`,
    },
  ];
}

/** A row of a Fields table: `` | `name` | ``. */
const FIELD_ROW = /^\| `([^`]+)` \| /gm;

/** A field row of the tree and, when the doc's JSON example spells that field otherwise (`currency_code` for `currencyCode`), that spelling. */
interface NamedRow {
  readonly doc: SourceDoc;
  readonly index: number;
  readonly name: string;
  readonly wire?: string;
}

/**
 * The first field row whose doc's JSON example spells it otherwise, else the
 * first whose name shows the SDK's case (`unitAmount`, `UnitAmount`, `unit_amount`: a
 * one-word name such as `sku` is the same in every case and says nothing),
 * docs by path; undefined when no row shows anything.
 */
function telltaleRow(docs: readonly SourceDoc[]): NamedRow | undefined {
  let first: NamedRow | undefined;
  const squash = (s: string) => s.replace(/_/g, "").toLowerCase();
  for (const doc of [...docs].sort((a, b) => compareStrings(a.id, b.id))) {
    if (!/^## Structure[ \t]*\r?$/m.test(doc.source)) continue;
    const keys = [...doc.source.matchAll(/^\s*"([^"\n]+)":/gm)].map((m) => m[1] as string);
    for (const row of doc.source.matchAll(FIELD_ROW)) {
      const name = row[1] as string;
      const wire = keys.find((key) => key !== name && squash(key) === squash(name));
      if (wire) return { doc, index: row.index + 2, name, wire };
      if (/^[a-z][a-z0-9]*[A-Z]|^[A-Z]|[a-z0-9]_[a-z0-9]/.test(name)) first ??= { doc, index: row.index + 2, name };
    }
  }
  return first;
}

/**
 * One warning per tree under `propertyNames: auto`: APIMatic names fields as
 * the SDK's language does, which need not be the wire names. It points at a
 * field the docs' JSON examples spell otherwise when there is one.
 */
function propertyNameWarning(docs: readonly SourceDoc[], options: Options, language: ApimaticLanguage): Diagnostic[] {
  if (options.propertyNames !== "auto") return [];
  const row = telltaleRow(docs);
  if (!row) return [];
  const suggestion = row.wire ? (row.wire.includes("_") ? "snake_case" : "camelCase") : undefined;
  return [
    {
      file: row.doc.id,
      ...placeAt(row.doc.source, row.index),
      ruleId: "sdk-property-names",
      severity: "warning",
      message: `Unexpected field names as ${LABELS[language]} SDK properties (\`${row.name}\`${row.wire ? `, which the doc's JSON example writes \`${row.wire}\`` : ""}), expected the names the API sends; they are kept as documented: set "propertyNames" in mdtypes.config.json or pass --property-names (${suggestion ? `${suggestion} here; ` : ""}camelCase, snake_case, or as-documented to keep them)`,
    },
  ];
}

export const apimatic: Dialect<RawApimaticDoc> = {
  id: "apimatic",
  label: "APIMatic",
  fingerprint: "`## Structure`, `## Enumeration` or `## Class Name` followed by the SDK class name in a code span",
  recognizes: (source) => CLASS_LINE.test(source),
  prepare(docs, options) {
    const language = detectLanguage(docs);
    const settled: Options = { ...options, settled: { ...options.settled, language } };
    return { options: settled, diagnostics: [...limitsInfo(docs, languageOf(settled)), ...propertyNameWarning(docs, settled, language)] };
  },
  extract: (id, source, tree, _options, sink) => extractApimatic(id, source, tree, sink),
  buildIr: (raw, options, sink) => [buildApimaticModel(raw, options, sink)],
};
