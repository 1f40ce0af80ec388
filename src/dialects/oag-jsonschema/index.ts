/**
 * The OpenAPI Generator JSON-schema python docs dialect (OAG 6.x `python`,
 * the former python-experimental, and openapi-json-schema-generator;
 * grammar §B): `docs/models/<Name>.md`, one `# pkg.model.module.Name`
 * section with `## Model Type Info` and one `# name` section per inline
 * schema; the API docs (`docs/apis/tags/*.md`) are skipped.
 */

import { compareStrings, type Diagnostic } from "../../ir/diagnostics.js";
import type { Options } from "../../ir/options.js";
import type { Dialect, SourceDoc } from "../dialect.js";
import { placeAt } from "../markdown.js";
import { buildJsonSchemaModels } from "./build-ir.js";
import { extractJsonSchema, type JsonSchemaDoc } from "./extract.js";

/** The section every schema has (model docs, and the inline schemas of API docs). */
const MODEL_TYPE_INFO = /^## Model Type Info[ \t]*\r?$/m;
/** The Model Type Info table's header: no other generator writes it. */
const INFO_HEADER = /^\|? ?Input Type \| Accessed Type \| Description \| Notes/m;
/** An API doc's responses section. */
const API_RESPONSES = /^### Return Types, Responses[ \t]*\r?$/m;

/** Once per tree, at the first schema doc: what the docs cannot say, and the policy that covers it. */
function limits(docs: readonly SourceDoc[]): Diagnostic[] {
  const first = [...docs].sort((a, b) => compareStrings(a.id, b.id)).find((d) => MODEL_TYPE_INFO.test(d.source) && !API_RESPONSES.test(d.source));
  if (!first) return [];
  return [
    {
      file: first.id,
      ...placeAt(first.source, first.source.search(MODEL_TYPE_INFO)),
      ruleId: "dialect-limits",
      severity: "info",
      message:
        "OpenAPI Generator JSON-schema python docs say presence, nullability (`None, `), enum values and union members; mdtypes does not check their defaults, " +
        "length, pattern and range notes, formats other than date and date-time, nor `not` schemas, and reads an allOf as the union of its members " +
        "(the IR has no intersection: the type is looser, never stricter)",
    },
  ];
}

export const oagJsonschema: Dialect<JsonSchemaDoc> = {
  id: "oag-jsonschema",
  label: "OpenAPI Generator (JSON-schema python docs)",
  fingerprint: "a `## Model Type Info` section with an `Input Type | Accessed Type | Description | Notes` table",
  recognizes: (source) => (MODEL_TYPE_INFO.test(source) && INFO_HEADER.test(source)) || API_RESPONSES.test(source),
  prepare(docs, options) {
    const settled: Options = { ...options, settled: { ...options.settled, language: "python" } };
    return { options: settled, diagnostics: limits(docs) };
  },
  extract: (id, source, tree, _options, sink) => extractJsonSchema(id, source, tree, sink),
  buildIr: (raw, options, sink) => buildJsonSchemaModels(raw, options, sink),
};
