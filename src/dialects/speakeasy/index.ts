/**
 * The Speakeasy dialect: `docs/models/**.md` as the Speakeasy SDK generator
 * writes them (reference/speakeasy-grammar.md), in every SDK-language
 * flavour: Python, TypeScript, Go, Java, C#, PHP and Ruby.
 */

import { compareStrings, type Diagnostic } from "../../ir/diagnostics.js";
import { placeAt } from "../markdown.js";
import type { Options } from "../../ir/options.js";
import type { Dialect, SourceDoc } from "../dialect.js";
import { buildSpeakeasyModel } from "./build-ir.js";
import { csharp, unity } from "./csharp.js";
import { decideFlavour, evidenceOf, isUnityTree, TREE_PLACE } from "./detect.js";
import { extractSpeakeasy, type RawDoc } from "./extract.js";
import type { Flavour, FlavourId } from "./flavour.js";
import { go } from "./go.js";
import { java } from "./java.js";
import { php } from "./php.js";
import { python } from "./python.js";
import { ruby } from "./ruby.js";
import { typescript } from "./typescript.js";

const FLAVOURS: Readonly<Record<FlavourId, Flavour>> = { python, typescript, go, java, csharp, unity, php, ruby };

/** The tree's SDK language, told from its docs; `auto` when they show none (each doc that needs one then says so). */
function detectFlavour(docs: readonly SourceDoc[]): { flavour: Options["flavour"]; diagnostics: Diagnostic[] } {
  const verdict = decideFlavour(docs.map((d) => ({ id: d.id, evidence: evidenceOf(d.source) })));
  const diagnostics: Diagnostic[] = [];
  if (verdict.kind === "mixed") {
    const [main, other] = [FLAVOURS[verdict.flavour].label, FLAVOURS[verdict.other].label];
    diagnostics.push({
      file: verdict.example,
      ...TREE_PLACE,
      ruleId: "mixed-flavours",
      severity: "error",
      message: `Unexpected ${other} doc in a tree of ${main} docs (docs by the language they look: ${verdict.votes.map(([flavour, n]) => `${FLAVOURS[flavour].label} ${n}`).join(", ")}), expected docs of one SDK language; split them into targets or set "flavour"`,
    });
  }
  if (verdict.kind === "none") return { flavour: "auto", diagnostics };
  // Unity's C# docs are C# docs with a few marks of Unity's own, in some docs only: a tree-level refinement.
  return { flavour: verdict.flavour === "csharp" && isUnityTree(docs.map((d) => d.source)) ? "unity" : verdict.flavour, diagnostics };
}

/**
 * Whether Python docs write `Nullable[..]` or `OptionalNullable[..]`
 * anywhere: docs of 2024-10 on do, and then `Optional[..]` on an optional
 * field says it is never null; earlier docs have only `Optional[..]`, which
 * says nothing of null there (grammar §4.4, "Python old").
 */
function hasNullWrappers(docs: readonly SourceDoc[]): boolean {
  return docs.some((doc) => /\b(?:Optional)?Nullable\[/.test(doc.source));
}

/** Flavours whose docs name fields in PascalCase (`ActionType`): language identifiers, not wire names. */
const PASCAL_CASE_FLAVOURS: ReadonlySet<string> = new Set(["go", "csharp", "unity"]);

/**
 * One warning per tree when its docs name fields in PascalCase (Go, C#) and
 * no `propertyNames` policy was chosen: an API almost never sends such names.
 * Placed at the first such field.
 */
function propertyNameWarning(docs: readonly SourceDoc[], options: Options): Diagnostic[] {
  if (options.propertyNames !== "auto" || !PASCAL_CASE_FLAVOURS.has(options.flavour)) return [];
  // The first doc by path, whatever order the docs came in.
  for (const doc of [...docs].sort((a, b) => compareStrings(a.id, b.id))) {
    // Rows of the `## Fields` table only: an enum's `## Values` rows name its members, not fields.
    const fields = /^## Fields[ \t]*\r?$/m.exec(doc.source);
    if (!fields) continue;
    const end = doc.source.slice(fields.index + fields[0].length).search(/^#{1,2} /m);
    const section = doc.source.slice(0, end < 0 ? undefined : fields.index + fields[0].length + end);
    const row = /^\|\s*(?:~~)?`([A-Z][a-z0-9]+[A-Z]\w*|[A-Z][a-z0-9]+)`/gm;
    row.lastIndex = fields.index;
    const match = row.exec(section);
    if (!match) continue;
    const place = placeAt(doc.source, match.index + match[0].indexOf("`"));
    return [
      {
        file: doc.id,
        ...place,
        ruleId: "sdk-property-names",
        severity: "warning",
        message: `Unexpected field names in PascalCase (\`${match[1]}\`), the names of ${FLAVOURS[options.flavour as FlavourId].label} SDK types, expected the names the API sends; they are kept as documented: set "propertyNames" in mdtypes.config.json or pass --property-names (camelCase, snake_case, or as-documented to keep them)`,
      },
    ];
  }
  return [];
}

/** A Speakeasy section heading (grammar §G). */
const SECTION = /^## (?:Fields|Values|Supported Types)[ \t]*\r?$/m;
/** The marks of the dialects that share Speakeasy's headings: openapi-to-skills' `**Type:**` line, APIMatic's `## Structure`, `## Enumeration`, `## Class Name`. */
const LOOKALIKE = /^(?:\*\*Type:\*\* |## (?:Structure|Enumeration|Class Name)[ \t]*\r?$)/m;

export const speakeasy: Dialect<RawDoc> = {
  id: "speakeasy",
  label: "Speakeasy",
  fingerprint: "a `## Fields`, `## Values` or `## Supported Types` section",
  recognizes: (source) => SECTION.test(source) && !LOOKALIKE.test(source),
  prepare(docs, options) {
    const { flavour, diagnostics } = options.flavour === "auto" ? detectFlavour(docs) : { flavour: options.flavour, diagnostics: [] };
    const settled: Options = {
      ...options,
      flavour,
      ...(flavour === "auto" ? {} : { settled: { ...options.settled, language: flavour, ...(flavour === "python" && !hasNullWrappers(docs) ? { pythonOptional: "unstated" as const } : {}) } }),
    };
    return { options: settled, diagnostics: [...diagnostics, ...propertyNameWarning(docs, settled)] };
  },
  extract: (id, source, tree, _options, sink) => extractSpeakeasy(id, source, tree, sink),
  buildIr: (raw, options, sink) => [buildSpeakeasyModel(raw, FLAVOURS, options, sink)],
};
