/**
 * The registry of doc dialects: one line per dialect. A dialect is a folder
 * of its own under `src/dialects/` implementing {@link Dialect}; adding one
 * touches that folder and this list, nothing else.
 */

import type { Dialect } from "./dialect.js";
import { speakeasy } from "./speakeasy/index.js";

/** Every dialect, by the id `dialect` (config key and flag) names it with. */
export const DIALECTS = {
  speakeasy,
} as const satisfies Record<string, Dialect<any>>;
