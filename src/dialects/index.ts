/**
 * The registry of doc dialects: one line per dialect, in the order detection
 * tries them (grammar §0.8: speakeasy → openapi-to-skills → apix → apimatic →
 * liblab → oag-jsonschema → oag; a dialect whose fingerprint is a subset of
 * another's comes after it). A dialect is a folder of its own under
 * `src/dialects/` implementing {@link Dialect}; adding one touches that
 * folder and this list, nothing else.
 */

import type { Dialect } from "./dialect.js";
import { apimatic } from "./apimatic/index.js";
import { apix } from "./apix/index.js";
import { liblab } from "./liblab/index.js";
import { oag } from "./oag/index.js";
import { oagJsonschema } from "./oag-jsonschema/index.js";
import { openapiToSkills } from "./openapi-to-skills/index.js";
import { speakeasy } from "./speakeasy/index.js";

/** Every dialect, by the id `dialect` (config key and flag) names it with, in detection order. */
export const DIALECTS = {
  speakeasy,
  "openapi-to-skills": openapiToSkills,
  apix,
  apimatic,
  liblab,
  "oag-jsonschema": oagJsonschema,
  oag,
} as const satisfies Record<string, Dialect<any>>;
