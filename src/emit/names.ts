/**
 * Identifiers and module paths of the generated code, made valid and
 * collision-free deterministically.
 */

import { compareStrings, DiagnosticSink, type Diagnostic } from "../ir/diagnostics.js";
import { DOC_FILE, docOfModel, type Model } from "../ir/ir.js";

/** An ECMAScript identifier (Unicode letters included: `Émoji` is one). */
const IDENTIFIER = /^[\p{ID_Start}_$][\p{ID_Continue}$\u200c\u200d]*$/u;

/** Words JavaScript or TypeScript reserve, which cannot name a type or a value. */
const KEYWORDS = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with yield let static " +
    "implements interface package private protected public await async as is of from get set type any unknown never string " +
    "number boolean symbol object bigint undefined keyof readonly declare module namespace global infer asserts satisfies " +
    "abstract accessor constructor out override require unique arguments eval"
  ).split(" "),
);

/** Globals and runtime names the generated code uses; a model may not shadow them. */
const USED_BY_GENERATED_CODE = new Set(
  (
    "Array Object Number String Boolean Error TypeError RangeError Set Map WeakSet WeakMap Symbol JSON Math Date RegExp Record " +
    "Partial Readonly Required Pick Omit Exclude Extract NonNullable ReturnType Function Promise Infinity NaN globalThis " +
    "ValidationError ValidationIssue ValidationResult StandardSchema StandardSchemaV1"
  ).split(" "),
);

/** Whether `name` can be written as a bare identifier (property name or binding). */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !KEYWORDS.has(name);
}

/**
 * The TypeScript identifier for a model named `name` (the H1 text): kept when
 * valid; otherwise its words joined in PascalCase, `_`-prefixed when it would
 * start with a digit; a reserved or shadowing name gets a `_` suffix.
 */
export function modelIdentifier(name: string): string {
  let id = name;
  if (!IDENTIFIER.test(id)) {
    const words = name.split(/[^\p{ID_Continue}$]+/u).filter(Boolean);
    id = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
    if (id === "") id = "Model";
    if (/^[0-9]/.test(id)) id = `_${id}`;
  }
  while (KEYWORDS.has(id) || USED_BY_GENERATED_CODE.has(id)) id += "_";
  return id;
}

/** A property key as written in an interface or object literal: bare if possible, else quoted. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/**
 * A key as written in an object literal: as {@link propertyKey}, but
 * `__proto__` computed (`["__proto__"]`), which in a literal would set the
 * object's prototype instead of adding a member.
 */
export function literalKey(name: string): string {
  return name === "__proto__" ? '["__proto__"]' : propertyKey(name);
}

/** The names one model's module declares, derived from its identifier. */
export interface ModelNames {
  /** The type (and, for enums, the values object). */
  readonly type: string;
  readonly is: string;
  readonly validate: string;
  readonly assert: string;
  /** The model as a Standard Schema (V1) object: see {@link schemaName}. */
  readonly schema: string;
  /** Internal: the boolean check with a depth argument. */
  readonly check: string;
  /** Internal: the issue-collecting walk. */
  readonly collect: string;
  /** Internal: the walk of an entered object's keys (for members of discriminated unions). */
  readonly fields: string;
  /** Internal: `validateX`'s check of an object (or a discriminated union of objects), which starts the walk of the object whose key fails. */
  readonly valid: string;
}

/** The names derived from a model identifier (or from a local alias of it). */
export function modelNames(identifier: string): ModelNames {
  return {
    type: identifier,
    is: `is${identifier}`,
    validate: `validate${identifier}`,
    assert: `assert${identifier}`,
    schema: schemaName(identifier),
    check: `$is${identifier}`,
    collect: `$check${identifier}`,
    fields: `$fields${identifier}`,
    valid: `$valid${identifier}`,
  };
}

/**
 * The name of a model's Standard Schema: its identifier in camelCase, a
 * reserved word's `_` dropped, and `Schema` (`Pet` → `petSchema`, `Error_`
 * → `errorSchema`), as zod code names schemas. Model names are PascalCase
 * in every generator's docs, so a model titled `PetSchema` (dub's
 * `LinkSchema`) neither takes it nor is renamed by it.
 */
export function schemaName(identifier: string): string {
  const base = identifier.replace(/_+$/, "");
  return `${base.charAt(0).toLowerCase()}${base.slice(1)}Schema`;
}

/** Output paths the generator itself owns: the runtime at the root, and an index (barrel) in every folder. */
export const RUNTIME_MODULE = "_runtime.ts";
export const INDEX_MODULE = "index.ts";

/**
 * How a target lays its files out: the ending of each model's file, and
 * whether it writes files of its own beside them (a barrel `index.ts` in every
 * folder, `_runtime.ts` at the root: the `ts` and `zod` targets; the
 * json-schema target writes neither).
 */
export interface ModuleLayout {
  readonly extension: string;
  readonly ownFiles: boolean;
  /** The endings of the files a build makes of each one (`tsc`: `.js`, `.d.ts`), which a folder must not take either. */
  readonly built?: readonly string[];
}

/** The `ts` and `zod` targets' layout: `.ts` modules, a barrel in every folder, the runtime at the root; `tsc` makes `.js` and `.d.ts` of each. */
export const TS_LAYOUT: ModuleLayout = { extension: ".ts", ownFiles: true, built: [".js", ".d.ts"] };

/**
 * Output module paths for doc ids (`a/b.md` → `a/b.ts`; the layout's
 * extension in place of `.ts`). A doc whose path is a generator-owned one
 * (`index.md` in any folder, `_runtime.md` at the root) gets a `_` suffix
 * (`index_.ts`) in every layout, so that its name is the same in each target;
 * a folder so named (`index.ts/`, `_runtime.ts/` at the root), where the
 * layout writes that file, gets one too (`index.ts_/`). Both depend on the
 * doc's own path alone. Paths that would still clash on a case-insensitive
 * file system (`user.md` and `USER.md`) get one more `_`: an all-lower-case
 * path (as Speakeasy names its docs) keeps its own, then the others in id
 * order, so a doc added beside a Speakeasy doc never moves it; among each,
 * a doc in a renamed folder or with an owned name yields; and every doc whose
 * own path is free keeps it (a suffixed path never takes another's). A path that is
 * a folder of another module (`a.md` beside a doc in a folder `a.ts/`, or
 * `a.js/`, where `tsc` would write `a.ts`'s `a.js`) is taken by the folder; folders whose paths differ in letter case alone get
 * apart (see {@link foldersApartInCase}). Returns the map and the ids whose
 * path a clash or a folder's name changed, each to be reported
 * (`output-path-clash`).
 */
export function modulePaths(ids: readonly string[], layout: ModuleLayout = TS_LAYOUT): { paths: Map<string, string>; renamed: string[] } {
  const { extension } = layout;
  const renamed = new Set<string>();
  const partsOf = new Map<string, string[]>();
  for (const id of ids) {
    const parts = stemOf(id).split("/");
    for (let i = 0; i < parts.length - 1; i++) {
      if (layout.ownFiles && isOwnedPath(parts.slice(0, i + 1).join("/"))) {
        parts[i] = `${parts[i]}_`;
        renamed.add(id);
      }
    }
    partsOf.set(id, parts);
  }
  if (layout.ownFiles) foldersApartInCase(partsOf, renamed);
  const stems = new Map<string, string>();
  const taken = new Set<string>();
  for (const [id, parts] of partsOf) {
    const stem = parts.join("/");
    stems.set(id, stem);
    const lower = stem.toLowerCase().split("/");
    for (let i = 1; i < lower.length; i++) taken.add(lower.slice(0, i).join("/"));
  }
  const paths = new Map<string, string>();
  // Who keeps a clashing path: an all-lower-case doc (as Speakeasy names them), then one whose folders and name are
  // its own (not `index.ts_/`, not `index.md` written as `index_.ts`), then id order: `index_.md` keeps `index_.ts`
  // beside `index.md`, and `index.md` keeps it beside `Index_.md`.
  const rank = (id: string) => (id === id.toLowerCase() ? 0 : 2) + (renamed.has(id) || isOwnedPath(`${stems.get(id) as string}.ts`) ? 1 : 0);
  // A path is free when neither it nor what a build makes of it is taken (a folder `a.js/` takes `a.ts`, whose `a.js` it would be).
  const free = (path: string) => !taken.has(`${path}${extension}`.toLowerCase()) && !(layout.built ?? []).some((ending) => taken.has(`${path}${ending}`.toLowerCase()));
  const clashing: { id: string; own: string }[] = [];
  for (const id of [...ids].sort((a, b) => rank(a) - rank(b) || compareStrings(a, b))) {
    const stem = stems.get(id) as string;
    const own = isOwnedPath(`${stem}.ts`) ? `${stem}_` : stem;
    if (!free(own)) clashing.push({ id, own });
    else {
      taken.add(`${own}${extension}`.toLowerCase());
      paths.set(id, `${own}${extension}`);
    }
  }
  // Then the clashing ones, each on the first free path: a doc whose own path is free keeps it, though
  // another's new name would be that path (`a_.md` keeps `a_.ts` when `a.md` yields `a.ts` to a folder).
  for (const { id, own } of clashing) {
    let path = `${own}_`;
    while (!free(path)) path = `${path}_`;
    renamed.add(id);
    taken.add(`${path}${extension}`.toLowerCase());
    paths.set(id, `${path}${extension}`);
  }
  return { paths, renamed: ids.filter((id) => renamed.has(id)) };
}

/**
 * Folders whose paths differ in letter case alone (`models/` and `Models/`)
 * are one folder on a case-insensitive file system, where their barrels
 * (`index.ts`) would be one file, and TypeScript refuses two files named
 * alike but for case: the all-lower-case spelling keeps its name (as
 * Speakeasy names its folders), else the first in code-point order, and each
 * other gets a `_` (`Models_/`), depth by depth. `partsOf`: each id's path
 * segments, changed in place; the ids moved are added to `renamed`.
 */
function foldersApartInCase(partsOf: Map<string, string[]>, renamed: Set<string>): void {
  let depth = 0;
  for (const parts of partsOf.values()) depth = Math.max(depth, parts.length - 1);
  for (let d = 0; d < depth; d++) {
    // Each folder at this depth, by its path in lower case: the spellings it has.
    const spellings = new Map<string, Set<string>>();
    for (const parts of partsOf.values()) {
      if (parts.length - 1 <= d) continue;
      const path = parts.slice(0, d + 1).join("/");
      const key = path.toLowerCase();
      const set = spellings.get(key) ?? new Set<string>();
      set.add(path);
      spellings.set(key, set);
    }
    const moved = new Map<string, string>();
    for (const set of spellings.values()) {
      if (set.size < 2) continue;
      const lowerFirst = (path: string) => {
        const name = path.slice(path.lastIndexOf("/") + 1);
        return name === name.toLowerCase() ? 0 : 1;
      };
      const sorted = [...set].sort((a, b) => lowerFirst(a) - lowerFirst(b) || compareStrings(a, b));
      for (const path of sorted.slice(1)) {
        let next = `${path}_`;
        while (spellings.has(next.toLowerCase()) || [...moved.values()].some((m) => m.toLowerCase() === next.toLowerCase())) next = `${next}_`;
        moved.set(path, next);
      }
    }
    if (moved.size === 0) continue;
    for (const [id, parts] of partsOf) {
      if (parts.length - 1 <= d) continue;
      const next = moved.get(parts.slice(0, d + 1).join("/"));
      if (next === undefined) continue;
      parts[d] = next.split("/")[d] as string;
      renamed.add(id);
    }
  }
}

/**
 * The `output-path-clash` warnings for the ids {@link modulePaths} renamed,
 * each at its model's title.
 */
export function pathClashReports(renamed: readonly string[], paths: ReadonlyMap<string, string>, modelOf: (id: string) => Model): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const id of renamed) {
    const sink = new DiagnosticSink(id);
    sink.report("output-path-clash", modelOf(id).place, `Unexpected output path clash for \`${id}\`, expected a unique module path; it is written to \`${paths.get(id)}\``);
    diagnostics.push(...sink.items);
  }
  return diagnostics;
}

/** A model id's module path without `.ts`: the doc's path without its extension; a section's model beside it (`a/Pet.md#Category` → `a/Pet.Category`). */
function stemOf(id: string): string {
  const { doc, section } = docOfModel(id);
  const stem = doc.replace(DOC_FILE, "");
  return section === undefined ? stem : `${stem}.${section}`;
}

/** The file name a model id's names derive from: the doc's (`Pet.md`), or for a section's model the section's (`Category.md`). */
function fileOf(id: string): string {
  const { doc, section } = docOfModel(id);
  return section === undefined ? (doc.split("/").pop() ?? doc) : `${section}.md`;
}

/** Whether an output path is one the generator writes for itself (a barrel, the runtime). */
function isOwnedPath(path: string): boolean {
  const lower = path.toLowerCase();
  // `_runtime.ts` at the root, `index.ts` in any folder.
  return lower === RUNTIME_MODULE || lower === INDEX_MODULE || lower.endsWith(`/${INDEX_MODULE}`);
}

/** The barrel (`index.ts`) of every folder that holds a module, at any depth, the root's included; sorted. */
export function barrelPaths(modules: Iterable<string>): string[] {
  const folders = new Set([""]);
  for (const path of modules) {
    const parts = path.split("/").slice(0, -1);
    for (let i = 1; i <= parts.length; i++) folders.add(parts.slice(0, i).join("/"));
  }
  return [...folders].map((folder) => (folder === "" ? INDEX_MODULE : `${folder}/${INDEX_MODULE}`)).sort(compareStrings);
}

/**
 * The name a model is exported under from its folder's barrel. It depends on
 * the doc alone — its title and its file name — never on which other docs
 * exist: the model's identifier when the file is named after it as SDK
 * generators name them (the identifier in lower case, `accesslevel.md`, or
 * as it is, `AccessLevel.md`; with Speakeasy's `_` after a reserved word:
 * `format_.md` holds `# Format`), else the file name's own identifier, its
 * other characters `_` (`rate-limit.md` → `Rate_limit`, `USER.md` →
 * `USER`): two docs titled alike in one folder are told apart by their files.
 * A section's model: see {@link sectionExportName}.
 */
export function exportName(id: string, title: string): string {
  const { doc, section } = docOfModel(id);
  if (section !== undefined) return sectionExportName(doc, title);
  return namedAfter(id, title) < 2 ? modelIdentifier(title) : stemIdentifier(id);
}

/**
 * The export name of a model documented in a section of doc `doc`: its own
 * identifier when that starts with the doc's (`MatchWinner` in `Match.md`,
 * as liblab names sub-models), else the doc's and its own
 * (`summaries` in `Order.md` → `OrderSummaries`): like a doc's, it depends
 * on its doc alone, so a section of the same name in another doc renames
 * nothing.
 */
function sectionExportName(doc: string, title: string): string {
  const parent = stemIdentifier(doc).replace(/_+$/, "");
  const own = modelIdentifier(title).replace(/_+$/, "");
  if (own.startsWith(parent) && own !== parent) return modelIdentifier(title);
  return modelIdentifier(`${parent}${own.charAt(0).toUpperCase()}${own.slice(1)}`);
}

/**
 * How a doc's file is named after its model (see {@link exportName}): 0 in
 * lower case (Speakeasy's name), 1 as the identifier is, 2 not after it. Of
 * two docs of a folder exported under one name (files differing in case
 * alone), the lower rank keeps it.
 */
export function namedAfter(id: string, title: string): 0 | 1 | 2 {
  const identifier = modelIdentifier(title).replace(/_+$/, "");
  const stem = fileOf(id).replace(DOC_FILE, "").replace(/_+$/, "");
  return stem === identifier.toLowerCase() ? 0 : stem === identifier ? 1 : 2;
}

/** A file name's own identifier: its first letter upper-cased, any character an identifier cannot hold `_`. */
function stemIdentifier(id: string): string {
  const stem = fileOf(id).replace(DOC_FILE, "");
  let name = (stem.charAt(0).toUpperCase() + stem.slice(1)).replace(/[^\p{ID_Continue}$]/gu, "_");
  if (!/^[\p{ID_Start}_$]/u.test(name)) name = `_${name}`;
  while (KEYWORDS.has(name) || USED_BY_GENERATED_CODE.has(name)) name += "_";
  return name;
}

/**
 * The namespace a folder is re-exported as from its parent's barrel
 * (`export * as components from "./components/index.js"`): its name as an
 * identifier in camelCase, starting lower-case (`Components` → `components`,
 * `my-models` → `myModels`), where models (PascalCase) do not start. A name
 * that reads as a model's function (`isUser`, `validateX`, `assertX`), or
 * that is reserved, gets a `_`. So a model added beside a folder never
 * renames its namespace.
 */
export function namespaceName(folder: string): string {
  const words = folder.split(/[^A-Za-z0-9_$]+/).filter(Boolean);
  let name = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join("") || "folder";
  if (/^[0-9]/.test(name)) name = `_${name}`;
  if (/^(?:is|validate|assert)[A-Z0-9_$]/.test(name)) name += "_";
  while (KEYWORDS.has(name) || USED_BY_GENERATED_CODE.has(name)) name += "_";
  return name;
}

/** The import specifier for module `to` from module `from` (both output-relative). */
export function importSpecifier(from: string, to: string, extension: ".js" | ".ts"): string {
  // Scanned in place (this runs for every import of every module): `common` ends the folders both
  // paths share, `/` included; `up` counts the folders of `from` past them.
  const fromFolders = from.lastIndexOf("/") + 1;
  const shared = Math.min(fromFolders, to.lastIndexOf("/") + 1);
  let common = 0;
  for (let i = 0; i < shared; i++) {
    const code = from.charCodeAt(i);
    if (code !== to.charCodeAt(i)) break;
    if (code === 47) common = i + 1;
  }
  let up = 0;
  for (let i = common; i < fromFolders; i++) if (from.charCodeAt(i) === 47) up++;
  const rest = to.endsWith(".ts") ? to.slice(common, -3) + extension : to.slice(common);
  return (up === 0 ? "./" : "../".repeat(up)) + rest;
}

/**
 * The names of every model in one module (`--out-file`): each model's
 * barrel export name; a name another folder's model took already goes with
 * the folder's name before it (`operations/type.md` after
 * `components/type.md`: `OperationsType`), and one still taken gets a
 * numeric suffix (an `export-name-clash` warning). Docs are taken in path
 * order, those named after their model first, so names do not depend on
 * file-system order. `reserved`: names the module declares besides the
 * models'; `derived`: every name a model's identifier gives it there.
 */
export function singleModuleNames(models: readonly Model[], paths: ReadonlyMap<string, string>, reserved: Iterable<string>, derived: (identifier: string) => readonly string[]): { identifiers: Map<string, string>; diagnostics: Diagnostic[] } {
  const taken = new Set(reserved);
  const free = (name: string) => !derived(name).some((n) => taken.has(n));
  const named = (m: Model) => namedAfter(m.id, m.name);
  const order = [...models].sort((a, b) => named(a) - named(b) || compareStrings(paths.get(a.id) as string, paths.get(b.id) as string));
  const identifiers = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const model of order) {
    const wanted = exportName(model.id, model.name);
    const folder = (paths.get(model.id) as string).split("/").slice(0, -1).pop();
    const prefixed = folder === undefined ? wanted : modelIdentifier(`${namespaceName(folder).replace(/^./, (c) => c.toUpperCase()).replace(/_+$/, "")}${wanted}`);
    let name = free(wanted) ? wanted : prefixed;
    for (let n = 2; !free(name); n++) name = `${prefixed}_${n}`;
    if (name !== wanted && name !== prefixed) {
      const sink = new DiagnosticSink(model.id);
      sink.report("export-name-clash", model.place, `Unexpected second model exported as \`${prefixed}\` from the one module, expected one name per model; it is exported as \`${name}\``);
      diagnostics.push(...sink.items);
    }
    for (const n of derived(name)) taken.add(n);
    identifiers.set(model.id, name);
  }
  return { identifiers, diagnostics };
}
