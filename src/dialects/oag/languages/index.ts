/**
 * The registry of OAG client languages: language id (as `prepare` settles it
 * into `options.settled.language`, grammar §A.7) → its {@link OagLanguage}.
 * One line per language; a sniffed language with no reader here is read with
 * the generic reader (`../generic-language.ts`).
 */

import type { OagLanguage } from "../language.js";
import { csharp } from "./csharp.js";
import { dartDio } from "./dart-dio.js";
import { dart } from "./dart.js";
import { genesys } from "./genesys.js";
import { go } from "./go.js";
import { java } from "./java.js";
import { javascript } from "./javascript.js";
import { kotlin } from "./kotlin.js";
import { php } from "./php.js";
import { pythonLegacy } from "./python-legacy.js";
import { pythonPrior } from "./python-prior.js";
import { python } from "./python.js";
import { ruby } from "./ruby.js";
import { rust } from "./rust.js";
import { typescriptAxios } from "./typescript-axios.js";
import { typescriptFetch } from "./typescript-fetch.js";

/** Every OAG language with a type reader, by id. */
export const LANGUAGES: Readonly<Record<string, OagLanguage>> = {
  python,
  go,
  rust,
  "typescript-axios": typescriptAxios,
  java,
  kotlin,
  php,
  ruby,
  csharp,
  dart,
  "dart-dio": dartDio,
  javascript,
  "python-prior": pythonPrior,
  "python-legacy": pythonLegacy,
  "typescript-fetch": typescriptFetch,
  genesys,
};
