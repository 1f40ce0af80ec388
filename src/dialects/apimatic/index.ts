/**
 * The APIMatic dialect (reference/other-dialects-grammar.md). Not built yet:
 * it recognizes no doc, so detection never picks it.
 */

import type { Dialect } from "../dialect.js";

export const apimatic: Dialect<never> = {
  id: "apimatic",
  label: "APIMatic",
  fingerprint: "(not built yet)",
  recognizes: () => false,
  prepare: (_docs, options) => ({ options, diagnostics: [] }),
  extract: () => undefined,
  buildIr: () => [],
};
