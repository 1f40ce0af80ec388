/**
 * Stage 4, resolve: checks every link between docs, finds the docs that
 * union member headings name, and breaks type cycles TypeScript cannot
 * express. Links are resolved by relative path, never by lower-cased name
 * (`format_.md` holds `# Format`; grammar §10.16) — as real trees have them:
 *
 * 1. the path as written, or through the real folders when it leaves the
 *    input and comes back (`../models/x.md` from `docs/models/`), with the
 *    extension added when the link has none (`../models/x` for `x.mdx`);
 * 2. as if the input folder were the one the docs were written in, whatever
 *    it is called now (`../models/x.md` in docs copied to `vendor/acme/`);
 * 3. without letter case, when exactly one doc matches (a folder written
 *    `payments/` for `Payments/`, as on macOS and Windows checkouts):
 *    `link-case-mismatch`;
 * 4. by the model the link's text names, when exactly one doc is it
 *    (`[Models::Components::Gadget](../shared/gadget.md)` into a folder that
 *    does not exist): `link-resolved-by-name`.
 *
 * Only a link none of these finds is an `unresolved-link`.
 */

import path from "node:path";
import { compareStrings, DiagnosticSink, type Diagnostic } from "../ir/diagnostics.js";
import { DOC_FILE, mapType, type Model, type NamedType, type Place, type Program, type RefType, type TypeRef } from "../ir/ir.js";

/**
 * Resolves references across all models; returns the program and what went
 * wrong. `inputRoot` is the input folder: a link that leaves it and comes back
 * (`../models/x.md` from `docs/models/`) is followed through the real path.
 */
export function resolve(models: readonly Model[], inputRoot: string): { program: Program; diagnostics: Diagnostic[] } {
  const root = path.resolve(inputRoot);
  const sorted = [...models].sort((a, b) => compareStrings(a.id, b.id));
  const byId = new Map(sorted.map((m) => [m.id, m]));
  const byName = new Map<string, Model[]>();
  const byLowerId = new Map<string, string[]>();
  for (const m of sorted) {
    const list = byName.get(m.name);
    if (list) list.push(m);
    else byName.set(m.name, [m]);
    const lower = m.id.toLowerCase();
    byLowerId.set(lower, [...(byLowerId.get(lower) ?? []), m.id]);
  }
  const tree: Tree = { root, byId, byName, byLowerId };

  const diagnostics: Diagnostic[] = [];
  const linked = sorted.map((model) => {
    const sink = new DiagnosticSink(model.id);
    const resolveAt = (type: TypeRef, place: Place): TypeRef =>
      mapType(type, (t) => {
        if (t.kind === "ref") return resolveLink(t, model, tree, sink, place);
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

/** The docs of the tree, looked up the ways links need. */
interface Tree {
  /** The input folder, absolute. */
  readonly root: string;
  readonly byId: ReadonlyMap<string, Model>;
  readonly byName: ReadonlyMap<string, Model[]>;
  /** Doc ids by their lower-cased form. */
  readonly byLowerId: ReadonlyMap<string, string[]>;
}

/** The doc a link leads to, by the rules above; `unknown` (and `unresolved-link`) when none. A hint (`RefType.hint`) that leads nowhere is resolved by its name. */
function resolveLink(ref: RefType, from: Model, tree: Tree, sink: DiagnosticSink, place: Place): TypeRef {
  const written = ref.target;
  const paths = [written];
  if (written.startsWith("../")) {
    // Through the real folders: a link that leaves the input and comes back into it.
    paths.push(path.relative(tree.root, path.resolve(tree.root, written)).split(path.sep).join("/"));
    // As if the input were the folder the docs were written in: `k` levels up, then `k` folders down.
    const parts = written.split("/");
    const up = parts.findIndex((p) => p !== "..");
    if (up > 0 && parts.length > 2 * up) paths.push(parts.slice(2 * up).join("/"));
  }
  // A link without the file's extension (Mintlify-style `.mdx` pages link `../models/x`).
  const tries = DOC_FILE.test(written) ? paths : [...paths, ...paths.flatMap((p) => [`${p}.mdx`, `${p}.md`])];
  for (const target of tries) if (tree.byId.has(target)) return { kind: "ref", target };
  for (const target of tries) {
    const matches = tree.byLowerId.get(target.toLowerCase());
    if (matches?.length === 1) {
      const found = matches[0] as string;
      sink.report("link-case-mismatch", place, `Unexpected link to \`${written}\`, expected \`${found}\` as the folders are written; followed without letter case`);
      return { kind: "ref", target: found };
    }
  }
  // A link that is only a hint: the name decides, as for a bare name.
  if (ref.hint && ref.text) return resolveName({ kind: "named", ...ref.text }, from, tree.byName, sink, place);
  const named = ref.text ? modelNamed(ref.text, written, tree.byName) : undefined;
  if (named) {
    sink.report("link-resolved-by-name", place, `Unexpected link to missing doc \`${written}\`, expected a link to a model doc in the input; its text names \`${named.name}\`, so \`${named.id}\` is used`);
    return { kind: "ref", target: named.id };
  }
  sink.report("unresolved-link", place, `Unexpected link to missing doc \`${tries[tries.length - 1]}\`, expected a link to a model doc in the input; the type becomes \`unknown\``);
  return { kind: "unknown", reason: "unresolved", text: written };
}

/**
 * The one doc a broken link's text names: among the docs titled so, those in
 * a folder named like the namespace, then those whose file name is the
 * link's (without case); undefined unless exactly one is left.
 */
function modelNamed(text: NonNullable<RefType["text"]>, target: string, byName: ReadonlyMap<string, Model[]>): Model | undefined {
  let candidates = byName.get(text.name) ?? [];
  const narrow = (keep: (m: Model) => boolean) => {
    const kept = candidates.filter(keep);
    if (kept.length > 0) candidates = kept;
  };
  const namespace = text.namespace;
  if (namespace && namespace !== "models") narrow((m) => folderOf(m.id).split("/").pop()?.toLowerCase() === namespace);
  const file = target.split("/").pop()?.toLowerCase();
  narrow((m) => m.id.split("/").pop()?.toLowerCase() === file);
  return candidates.length === 1 ? candidates[0] : undefined;
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
  const full = t.namespace ? `${t.namespace}.${t.name}` : t.name;
  // Quoted in messages: at most 60 characters (a hostile cell may hold megabytes).
  const written = full.length > 60 ? `${full.slice(0, 60)}…` : full;
  // The name as written, then the other names Speakeasy's naming rules give the same model.
  let candidates = [t.name, ...(t.also ?? [])].map((name) => byName.get(name) ?? []).find((list) => list.length > 0) ?? [];
  if (candidates.length === 0) {
    sink.report("unresolved-name", place, `Unexpected \`${written}\`, expected the name of a model doc in the input; the type becomes \`unknown\``);
    return { kind: "unknown", reason: "unresolved", text: full };
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
  // A depth-first search with a stack of its own: a chain of thousands of unions must not overflow the call stack.
  const dfs = (start: string): void => {
    const stack: { id: string; targets: string[]; next: number }[] = [{ id: start, targets: directRefs(byId.get(start) as Model), next: 0 }];
    state.set(start, "active");
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as (typeof stack)[number];
      if (frame.next === frame.targets.length) {
        state.set(frame.id, "done");
        stack.pop();
        continue;
      }
      const target = frame.targets[frame.next++] as string;
      const s = state.get(target);
      if (s === "active") {
        const cut = broken.get(frame.id) ?? new Set<string>();
        cut.add(target);
        broken.set(frame.id, cut);
      } else if (s === undefined) {
        state.set(target, "active");
        stack.push({ id: target, targets: directRefs(byId.get(target) as Model), next: 0 });
      }
    }
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
