/**
 * The barrels every target with modules writes: one `index.ts` per folder,
 * re-exporting its models' public names (under {@link exportName}, which
 * depends on the doc alone) and its subfolders as namespaces (`export * as
 * components from "./components/index.js"`). Two docs of one folder that
 * would still share a name (files differing only in case) are reported, the
 * later by path getting a numeric suffix, counted over the ts target's
 * public names whatever the target, so that every target numbers alike.
 */

import { compareStrings, DiagnosticSink, type Diagnostic } from "../ir/diagnostics.js";
import type { Model } from "../ir/ir.js";
import { stringLiteral } from "./escape.js";
import { barrelHeader } from "./marker.js";
import { barrelPaths, exportName, importSpecifier, modelNames, namedAfter, namespaceName, type ModelNames } from "./names.js";

/** Names the root barrel exports besides the models' (the ts runtime's public names): no model takes them. */
export const ROOT_BARREL_NAMES = ["ValidationError", "ValidationIssue", "ValidationResult", "StandardSchema", "StandardSchemaV1"] as const;

/**
 * Names no model takes in a one-file output, whatever the target (so that
 * switching targets keeps every name): the root barrel's, and the zod
 * target's runtime helpers.
 */
export const SINGLE_MODULE_RESERVED = [...ROOT_BARREL_NAMES, "$$dateTime", "$$integer", "$$ownKeys"] as const;

/** What a target's barrels hold and how they are written. */
export interface BarrelSpec {
  /** Module paths by model id. */
  readonly paths: ReadonlyMap<string, string>;
  /** Each model's identifier in its own module. */
  readonly identifiers: ReadonlyMap<string, string>;
  readonly importExtension: ".js" | ".ts";
  /** The names a model's module exports, the type first (a value too for an enum). */
  readonly exported: readonly (keyof ModelNames)[];
  /** The barrel's text, from its marker line and export declarations. */
  readonly render: (view: { header: string; exports: string[]; folder: string; barrel: string }) => string;
}

/** Every barrel of the modules at `spec.paths`, and the `export-name-clash` reports. */
export function emitBarrels(models: readonly Model[], spec: BarrelSpec): { files: { path: string; content: string }[]; diagnostics: Diagnostic[] } {
  const folderOf = (path: string) => path.split("/").slice(0, -1).join("/");
  const pathOf = (model: Model) => spec.paths.get(model.id) as string;
  const barrels = barrelPaths(spec.paths.values());
  const byFolder = new Map<string, Model[]>();
  for (const model of models) {
    const folder = folderOf(pathOf(model));
    const list = byFolder.get(folder);
    if (list) list.push(model);
    else byFolder.set(folder, [model]);
  }
  const publicNames = (name: string) => {
    const n = modelNames(name);
    return [n.type, n.is, n.validate, n.assert, n.schema];
  };
  const diagnostics: Diagnostic[] = [];
  const files = barrels.map((barrel) => {
    const folder = folderOf(barrel);
    const taken = new Set<string>(folder === "" ? ROOT_BARREL_NAMES : []);
    // Docs named after their model first: a clash never takes such a doc's name (see `exportName`).
    const named = new Map((byFolder.get(folder) ?? []).map((m) => [m, namedAfter(m.id, m.name)]));
    const members = [...(byFolder.get(folder) ?? [])].sort((a, b) => named.get(a)! - named.get(b)! || compareStrings(pathOf(a), pathOf(b)));
    const exports = members.map((model) => {
      const wanted = exportName(model.id, model.name);
      let exported = wanted;
      for (let n = 2; publicNames(exported).some((name) => taken.has(name)); n++) exported = `${wanted}_${n}`;
      if (exported !== wanted) {
        const sink = new DiagnosticSink(model.id);
        sink.report("export-name-clash", model.place, `Unexpected second model exported as \`${wanted}\` from \`${barrel}\`, expected one name per model of a folder; it is exported as \`${exported}\``);
        diagnostics.push(...sink.items);
      }
      for (const name of publicNames(exported)) taken.add(name);
      const own = modelNames(spec.identifiers.get(model.id) as string);
      const as = modelNames(exported);
      const names = spec.exported.map((name) => (own[name] === as[name] ? own[name] : `${own[name]} as ${as[name]}`));
      if (model.kind !== "enum") names[0] = `type ${names[0] as string}`;
      return `export { ${names.join(", ")} } from ${stringLiteral(importSpecifier(barrel, pathOf(model), spec.importExtension))};`;
    });
    for (const sub of barrels.filter((b) => b !== barrel && folderOf(folderOf(b)) === folder && folderOf(b) !== folder)) {
      let namespace = namespaceName(folderOf(sub).split("/").pop() as string);
      while (taken.has(namespace)) namespace += "_";
      taken.add(namespace);
      exports.push(`export * as ${namespace} from ${stringLiteral(importSpecifier(barrel, sub, spec.importExtension))};`);
    }
    return { path: barrel, content: spec.render({ header: barrelHeader(folder), exports, folder, barrel }) };
  });
  return { files, diagnostics };
}
