/**
 * The reference cycles of a program: which models can reach themselves
 * through the models their types refer to (`Expr` → `AndExpr` → `Expr`),
 * and so take values nested without bound. A union that tries one member,
 * then another, on such values can retry the same nested value once per path
 * of choices: see `CheckWriter.backtracks`.
 */

import { assertNever, type Model, type TypeRef, walkType } from "../ir/ir.js";

/** The models a model's types refer to, in document order (repeats left in). */
function referencesOf(model: Model): string[] {
  const out: string[] = [];
  const visit = (type: TypeRef): void => {
    if (type.kind === "ref") out.push(type.target);
  };
  switch (model.kind) {
    case "object":
      for (const field of model.fields) walkType(field.type, visit);
      if (model.additionalProperties) walkType(model.additionalProperties, visit);
      break;
    case "union":
      for (const member of model.members) walkType(member.type, visit);
      break;
    case "enum":
    case "opaque":
      break;
    default:
      assertNever(model, "model kind");
  }
  return out;
}

/**
 * Each model on a reference cycle, mapped to the number of its strongly
 * connected component (models with the same number reach one another); a
 * model on no cycle is absent. Tarjan's algorithm, with an explicit stack: a
 * chain of thousands of models is a long walk, not a deep recursion.
 */
export function referenceCycles(models: readonly Model[]): Map<string, number> {
  const edges = new Map<string, string[]>();
  for (const model of models) edges.set(model.id, referencesOf(model));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles = new Map<string, number>();
  let next = 0;
  let components = 0;
  for (const root of edges.keys()) {
    if (index.has(root)) continue;
    // Each frame: a model and how many of its references have been followed.
    const frames: { id: string; at: number }[] = [{ id: root, at: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as { id: string; at: number };
      const targets = edges.get(frame.id) ?? [];
      if (frame.at < targets.length) {
        const target = targets[frame.at++] as string;
        if (!edges.has(target)) continue;
        if (!index.has(target)) {
          index.set(target, next);
          low.set(target, next++);
          stack.push(target);
          onStack.add(target);
          frames.push({ id: target, at: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(target) as number));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      // `frame.id` is the root of a component: its members are on the stack above it.
      const members: string[] = [];
      for (;;) {
        const id = stack.pop() as string;
        onStack.delete(id);
        members.push(id);
        if (id === frame.id) break;
      }
      if (members.length > 1 || targets.includes(frame.id)) {
        for (const id of members) cycles.set(id, components);
        components++;
      }
    }
  }
  return cycles;
}

/**
 * The models whose values can nest without bound: those on a reference cycle
 * and those that refer, through any chain, to one. Spread back from the
 * cycles along the references, each model once.
 */
export function modelsNestingWithoutBound(models: readonly Model[]): Set<string> {
  const referrers = new Map<string, string[]>();
  for (const model of models) {
    for (const target of referencesOf(model)) {
      const list = referrers.get(target);
      if (list) list.push(model.id);
      else referrers.set(target, [model.id]);
    }
  }
  const unbounded = new Set(referenceCycles(models).keys());
  const queue = [...unbounded];
  while (queue.length > 0) {
    for (const referrer of referrers.get(queue.pop() as string) ?? []) {
      if (unbounded.has(referrer)) continue;
      unbounded.add(referrer);
      queue.push(referrer);
    }
  }
  return unbounded;
}
