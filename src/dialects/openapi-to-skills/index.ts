/**
 * The openapi-to-skills dialect (neutree-ai/openapi-to-skills, Agent-Skills
 * packs; grammar §F): `references/schemas/<Group>/<Name>.md`, each `# Name`,
 * a `**Type:**` line and `## Fields` (or `## Values`, `## Composition`); the
 * pack's `_index.md` group tables, `SKILL.md`, operation and resource docs
 * are skipped.
 */

import { compareStrings, type Diagnostic } from "../../ir/diagnostics.js";
import type { Options } from "../../ir/options.js";
import type { Dialect, SourceDoc } from "../dialect.js";
import { placeAt } from "../markdown.js";
import { buildSkillsModels } from "./build-ir.js";
import { extractSkills, type SkillsDoc } from "./extract.js";

/** The schema doc's type line. */
const TYPE_LINE = /^\*\*Type:\*\* (?:object|enum|allOf|oneOf|anyOf|array|primitive)[ \t]*\r?$/m;
/** The pack's other docs: a group index, an operation, a resource index, the skill. */
const OTHER_DOCS = [
  /^\| Schema \| Type \| Description \|[ \t]*\r?$/m,
  /^\*\*Operation ID:\*\* `/m,
  /^\| Method \| Path \| Summary \| Details \|[ \t]*\r?$/m,
  /^## How to Use This Skill[ \t]*\r?$/m,
];

/** A Type cell that shows `null` (`string,null`, `integer,null (int32)`): the spec is OpenAPI 3.1's. */
const NULL_SHOWN = /^\| `[^`]*` \| [^|]*,null\b/m;

/**
 * What the tree says of `null`: an OpenAPI 3.1 spec writes it in type
 * arrays (`string,null`), which the docs show; a 3.0 spec's `nullable:
 * true` they drop. So when any doc shows a `,null`, nullability is
 * documented, and the `lenient` policy has nothing to add: the docs are read
 * as documented. When none does, `lenient` allows `null` on every field.
 */
function settleNullability(docs: readonly SourceDoc[], options: Options): Options["nullability"] {
  return options.nullability === "lenient" && docs.some((d) => NULL_SHOWN.test(d.source)) ? "as-documented" : options.nullability;
}

/** Once per tree, at the first schema doc: what the docs cannot say, and the policy that covers it. */
function limits(docs: readonly SourceDoc[], nullShown: boolean): Diagnostic[] {
  const first = [...docs].sort((a, b) => compareStrings(a.id, b.id)).find((d) => TYPE_LINE.test(d.source));
  if (!first) return [];
  const nullability = nullShown
    ? "the docs show `null` (OpenAPI 3.1 type arrays such as `string,null`), so fields are nullable as documented"
    : "no doc shows `null` (an OpenAPI 3.0 spec, whose `nullable: true` the docs drop), so with the default nullability \"lenient\" every field may be null (\"as-documented\": none)";
  return [
    {
      file: first.id,
      ...placeAt(first.source, first.source.search(TYPE_LINE)),
      ruleId: "dialect-limits",
      severity: "info",
      message:
        `openapi-to-skills docs list the first three values of an enum only (\`enum: a, b, c...\`: a truncated enum accepts any value of its base type), ` +
        `give no type for \`any\` fields (oneOf properties) nor for \`primitive\` schemas (\`unknown\`), and name inline composition members \`(inline schema)\` only; ` +
        `an allOf is read as the union of its linked members (the IR has no intersection: the type is looser, never stricter); ${nullability}`,
    },
  ];
}

export const openapiToSkills: Dialect<SkillsDoc> = {
  id: "openapi-to-skills",
  label: "openapi-to-skills",
  fingerprint: "a `**Type:** object|enum|allOf|oneOf|anyOf|array|primitive` line",
  recognizes: (source) => TYPE_LINE.test(source) || OTHER_DOCS.some((mark) => mark.test(source)),
  prepare(docs, options) {
    const nullability = settleNullability(docs, options);
    const nullShown = docs.some((d) => NULL_SHOWN.test(d.source));
    const settled: Options = { ...options, nullability, settled: { ...options.settled, language: "none" } };
    return { options: settled, diagnostics: limits(docs, nullShown) };
  },
  extract: (id, source, tree, _options, sink) => extractSkills(id, source, tree, sink),
  buildIr: (raw, options, sink) => buildSkillsModels(raw, options, sink),
};
