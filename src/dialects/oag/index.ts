/**
 * The OpenAPI Generator / swagger-codegen dialect (reference/other-dialects-grammar.md). Not built yet:
 * it recognizes no doc, so detection never picks it.
 */

import type { Dialect } from "../dialect.js";

export const oag: Dialect<never> = {
  id: "oag",
  label: "OpenAPI Generator / swagger-codegen",
  fingerprint: "(not built yet)",
  recognizes: () => false,
  prepare: (_docs, options) => ({ options, diagnostics: [] }),
  extract: () => undefined,
  buildIr: () => [],
};
