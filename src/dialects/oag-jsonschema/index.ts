/**
 * The OpenAPI Generator (JSON-schema python docs) dialect (reference/other-dialects-grammar.md). Not built yet:
 * it recognizes no doc, so detection never picks it.
 */

import type { Dialect } from "../dialect.js";

export const oagJsonschema: Dialect<never> = {
  id: "oag-jsonschema",
  label: "OpenAPI Generator (JSON-schema python docs)",
  fingerprint: "(not built yet)",
  recognizes: () => false,
  prepare: (_docs, options) => ({ options, diagnostics: [] }),
  extract: () => undefined,
  buildIr: () => [],
};
