/**
 * The user's template folder (`templates` option, `--templates`): read
 * once per run, and fingerprinted for the cache, so that a run answered from
 * the cache and `check` both see a changed template.
 */

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { TemplateOverrides } from "../emit/templates.js";
import { ioError } from "../ir/errors.js";
import { sha256 } from "./cache.js";

/**
 * Every `<name>.hbs` file directly in `folder` (other files are left alone),
 * by `<name>`; undefined for no folder. A folder that is missing or a file is
 * an I/O error (exit 2), never a run with the built-in templates.
 */
export function readTemplateFolder(folder: string | undefined): TemplateOverrides | undefined {
  if (folder === undefined) return undefined;
  const near = relative(process.cwd(), folder) || ".";
  const shown = near.startsWith("..") ? folder : near;
  let info;
  try {
    info = statSync(folder);
  } catch {
    throw ioError(`Templates folder "${shown}" does not exist`);
  }
  if (!info.isDirectory()) throw ioError(`Templates folder "${shown}" is a file, not a folder`);
  // A symbolic link counts as what it leads to (a file read through it, as any reader would).
  const names = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() || (entry.isSymbolicLink() && leadsToFile(join(folder, entry.name), join(shown, entry.name))))
    .map((entry) => entry.name)
    .sort();
  const files = names.filter((name) => name.endsWith(".hbs"));
  const misnamed = names.filter((name) => !name.endsWith(".hbs"));
  return { folder: shown, sources: new Map(files.map((file) => [file.slice(0, -".hbs".length), readFileSync(join(folder, file), "utf8")])), misnamed };
}

/** Whether the link at `path` leads to a file (false: to a folder); an I/O error naming it (`shown`) when it leads nowhere. */
function leadsToFile(path: string, shown: string): boolean {
  try {
    return statSync(path).isFile();
  } catch (error) {
    throw ioError(`Template "${shown}" is a symbolic link that leads nowhere (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** What a run's cache key takes of the templates: every file's name and bytes ("" for none). */
export function templatesFingerprint(folder: string | undefined): string {
  if (folder === undefined) return "";
  try {
    return overridesFingerprint(readTemplateFolder(folder));
  } catch {
    return `unreadable:${folder}`;
  }
}

/** {@link templatesFingerprint} of a folder read already: a run renders and files its cache entry by the same bytes. */
export function overridesFingerprint(overrides: TemplateOverrides | undefined): string {
  return overrides === undefined ? "" : sha256([...overrides.sources].map(([name, text]) => `${name}\0${text}`).join("\0"));
}
