/**
 * Stage 4, resolve: checks every link between docs, finds the docs that
 * union member headings name, and breaks type cycles TypeScript cannot
 * express. Links are resolved by relative path, never by lower-cased name
 * (`format_.md` holds `# Format`; grammar §10.16).
 */

import path from "node:path";
import { compareStrings, DiagnosticSink, type Diagnostic } from "./diagnostics.js";
import { mapType, type Model, type NamedType, type Place, type Program, type TypeRef } from "./ir.js";

/**
 * Resolves references across all models; returns the program and what went
 * wrong. `inputRoot` is the input folder: a link that leaves it and comes back
 * (`../models/x.md` from `docs/models/`) is followed through the real path.
 */
export function resolve(models: readonly Model[], inputRoot: string): { program: Program; diagnostics: Diagnostic[] } {
  const root = path.resolve(inputRoot);
  const inTree = (target: string): string => {
    if (!target.startsWith("../")) return target;
    const relative = path.relative(root, path.resolve(root, target)).split(path.sep).join("/");
    return relative;
  };
  const sorted = [...models].sort((a, b) => compareStrings(a.id, b.id));
  const byId = new Map(sorted.map((m) => [m.id, m]));
  const byName = new Map<string, Model[]>();
  for (const m of sorted) {
    const list = byName.get(m.name);
    if (list) list.push(m);
    else byName.set(m.name, [m]);
  }

  const diagnostics: Diagnostic[] = [];
  const linked = sorted.map((model) => {
    const sink = new DiagnosticSink(model.id);
    const resolveAt = (type: TypeRef, place: Place): TypeRef =>
      mapType(type, (t) => {
        if (t.kind === "ref") {
          const target = inTree(t.target);
          if (byId.has(target)) return target === t.target ? t : { kind: "ref", target };
          sink.report("unresolved-link", place, `Unexpected link to missing doc \`${target}\`, expected a link to a model doc in the input; the type becomes \`unknown\``);
          return { kind: "unknown", reason: "unresolved", text: target };
        }
        if (t.kind === "named") return resolveName(t, model, byName, sink, place);
        return t;
      });
    const resolved = resolveModel(model, resolveAt);
    diagnostics.push(...sink.items);
    return resolved;
  });

  const acyclic = breakUnionCycles(linked, diagnostics);
  return { program: { models: acyclic }, diagnostics };
}

/** Applies `resolveAt` to every type of a model. */
function resolveModel(model: Model, resolveAt: (type: TypeRef, place: Place) => TypeRef): Model {
  switch (model.kind) {
    case "object":
      return {
        ...model,
        fields: model.fields.map((f) => ({ ...f, type: resolveAt(f.type, f.typePlace) })),
        ...(model.additionalProperties ? { additionalProperties: resolveAt(model.additionalProperties, model.place) } : {}),
      };
    case "union":
      return { ...model, members: model.members.map((m) => ({ ...m, type: resolveAt(m.type, m.place) })) };
    case "enum":
    case "opaque":
      return model;
  }
}

/**
 * Finds the doc a bare name refers to (a union member heading carries no
 * link; grammar §7): among the docs whose H1 is the name, those in a folder
 * named like the namespace (`components.X` → `…/components/`), then those in
 * the referring doc's folder; a unique one wins.
 */
function resolveName(t: NamedType, from: Model, byName: ReadonlyMap<string, Model[]>, sink: DiagnosticSink, place: Place): TypeRef {
  const written = t.namespace ? `${t.namespace}.${t.name}` : t.name;
  let candidates = byName.get(t.name) ?? [];
  if (candidates.length === 0) {
    sink.report("unresolved-name", place, `Unexpected \`${written}\`, expected the name of a model doc in the input; the type becomes \`unknown\``);
    return { kind: "unknown", reason: "unresolved", text: written };
  }
  const namespace = t.namespace?.toLowerCase();
  const narrow = (keep: (m: Model) => boolean) => {
    const kept = candidates.filter(keep);
    if (kept.length > 0) candidates = kept;
  };
  if (namespace && namespace !== "models") narrow((m) => folderOf(m.id).split("/").pop()?.toLowerCase() === namespace);
  narrow((m) => folderOf(m.id) === folderOf(from.id));
  const chosen = candidates[0] as Model;
  if (candidates.length > 1) {
    const list = candidates.map((c) => `\`${c.id}\``).join(", ");
    sink.report("ambiguous-name", place, `Unexpected ambiguous name \`${written}\` (${list}), expected one doc; \`${chosen.id}\` is used`);
  }
  return { kind: "ref", target: chosen.id };
}

function folderOf(id: string): string {
  return id.slice(0, Math.max(id.lastIndexOf("/"), 0));
}

/**
 * A union doc that contains itself with no object or container in between
 * (`A = B | string`, `B = A | number`) has no TypeScript type and would make
 * its check recurse forever. Each such back edge becomes `unknown`.
 */
function breakUnionCycles(models: readonly Model[], diagnostics: Diagnostic[]): Model[] {
  const byId = new Map(models.map((m) => [m.id, m]));
  /** Union docs a type contains directly (not inside an array, record or object). */
  const directUnions = (t: TypeRef, out: string[] = []): string[] => {
    if (t.kind === "ref" && byId.get(t.target)?.kind === "union") out.push(t.target);
    else if (t.kind === "nullable") directUnions(t.type, out);
    else if (t.kind === "union") for (const m of t.members) directUnions(m, out);
    return out;
  };
  const directRefs = (model: Model): string[] => (model.kind === "union" ? model.members.flatMap((m) => directUnions(m.type)) : []);

  const broken = new Map<string, Set<string>>(); // union id → member targets to cut
  const state = new Map<string, "active" | "done">();
  const dfs = (id: string): void => {
    state.set(id, "active");
    for (const target of directRefs(byId.get(id) as Model)) {
      const s = state.get(target);
      if (s === "active") {
        const cut = broken.get(id) ?? new Set<string>();
        cut.add(target);
        broken.set(id, cut);
      } else if (s === undefined) dfs(target);
    }
    state.set(id, "done");
  };
  for (const model of models) if (model.kind === "union" && !state.has(model.id)) dfs(model.id);

  return models.map((model) => {
    const cut = broken.get(model.id);
    if (!cut || model.kind !== "union") return model;
    const sink = new DiagnosticSink(model.id);
    const members = model.members.map((member) => {
      if (!directUnions(member.type).some((target) => cut.has(target))) return member;
      sink.report("circular-type", member.place, `Unexpected union member \`${member.label}\` that leads back to this union through unions only, expected an object or array in the cycle; it becomes \`unknown\``);
      return { ...member, type: { kind: "unknown", reason: "unresolved", text: member.label } as TypeRef };
    });
    diagnostics.push(...sink.items);
    return { ...model, members };
  });
}
