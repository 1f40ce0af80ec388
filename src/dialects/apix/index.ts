/**
 * The apix dialect (reference/other-dialects-grammar.md). Not built yet:
 * it recognizes no doc, so detection never picks it.
 */

import type { Dialect } from "../dialect.js";

export const apix: Dialect<never> = {
  id: "apix",
  label: "apix",
  fingerprint: "(not built yet)",
  recognizes: () => false,
  prepare: (_docs, options) => ({ options, diagnostics: [] }),
  extract: () => undefined,
  buildIr: () => [],
};
