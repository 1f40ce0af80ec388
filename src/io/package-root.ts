/**
 * Where this build of mdtypes lies: the package's root (the folder holding
 * its `package.json`) and the code folder this module runs from (`dist`, or
 * `src` under the tests). Found by walking up from the running module, so it
 * holds whether the code runs as modules or bundled into one file.
 */

import { existsSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));

/** The package's root folder. */
export const PACKAGE_ROOT = (() => {
  for (let dir = HERE; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return dirname(HERE);
  }
})();

/** The folder of the running code (`<root>/dist` or `<root>/src`). */
export const CODE_ROOT = join(PACKAGE_ROOT, relative(PACKAGE_ROOT, HERE).split(sep)[0] ?? "");
