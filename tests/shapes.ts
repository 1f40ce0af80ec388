/**
 * Flavour-neutral descriptions of a program's models, to compare the same API
 * documented in several SDK languages. Everything a flavour cannot say is
 * normalised away here, one rule per limitation (README, "What each flavour
 * cannot express"):
 *
 * - integer vs number: TypeScript writes `number` for both;
 * - nullability: compared apart, only where both flavours state it;
 * - a single-value enum doc is the same as a literal (only Python and
 *   TypeScript write literal types);
 * - a date and a date-time match PHP's `\DateTime`, which says not which;
 * - a title-only (opaque) doc matches any union (Java and Ruby do not document unions);
 * - open vs closed enums: only Python, TypeScript and C# can mark an enum open;
 * - SDK naming: field names compared lower-cased without `_`; model names
 *   without the suffixes languages add to reserved words (`ErrorT`, `OptionsObj`).
 */

import type { Model, Program, TypeRef } from "../src/ir/ir.js";

/** A type, flavour-neutral. */
export type Shape =
  | { readonly k: "scalar"; readonly name: "string" | "number" | "boolean" | "any" | "date" }
  | { readonly k: "literal"; readonly value: string }
  | { readonly k: "array"; readonly items: Shape }
  | { readonly k: "record"; readonly values: Shape }
  | { readonly k: "model"; readonly name: string }
  | { readonly k: "union"; readonly members: readonly Shape[] }
  | { readonly k: "opaque" };

export interface FieldShape {
  readonly name: string;
  readonly required: boolean;
  readonly nullable: boolean;
  readonly shape: Shape;
}

export type ModelShape =
  | { readonly kind: "object"; readonly fields: ReadonlyMap<string, FieldShape> }
  | { readonly kind: "enum"; readonly values: readonly string[]; readonly open: boolean }
  | { readonly kind: "union"; readonly members: readonly Shape[] }
  | { readonly kind: "opaque" };

/** A model name without the suffixes SDK languages add to dodge reserved words. */
export function modelKey(name: string): string {
  return name.replace(/^(Error|File|Function|Object|Date)T$/, "$1").replace(/^(\w+)Obj$/, "$1");
}

/** A field name as compared across languages: `action_type`, `actionType` and `ActionType` agree. */
export function fieldKey(name: string): string {
  return name.toLowerCase().replace(/_/g, "");
}

/** The models of a program, by {@link modelKey}. */
export function describeProgram(program: Program): Map<string, ModelShape> {
  const byId = new Map(program.models.map((m) => [m.id, m]));
  const shapeOf = (type: TypeRef, seen: ReadonlySet<string>): Shape => {
    switch (type.kind) {
      case "string":
        return { k: "scalar", name: type.format === "date" || type.format === "date-time" ? "date" : "string" };
      case "integer":
      case "number":
        return { k: "scalar", name: "number" };
      case "boolean":
        return { k: "scalar", name: "boolean" };
      case "unknown":
        return { k: "scalar", name: "any" };
      case "literal":
        return { k: "literal", value: String(type.value) };
      case "array":
        return { k: "array", items: shapeOf(type.items, seen) };
      case "record":
        return { k: "record", values: shapeOf(type.values, seen) };
      case "nullable":
        return shapeOf(type.type, seen);
      case "named":
        return { k: "model", name: modelKey(type.name) };
      case "union": {
        const members = type.members.map((m) => shapeOf(m, seen));
        // PHP's `\DateTime`: a date or a date-time.
        if (members.every((m) => m.k === "scalar" && m.name === "date")) return { k: "scalar", name: "date" };
        return { k: "union", members: sortShapes(members) };
      }
      case "ref": {
        const model = byId.get(type.target) as Model;
        if (model.kind === "enum" && model.values.length === 1) return { k: "literal", value: String(model.values[0]?.value) };
        if (model.kind === "opaque") return { k: "opaque" };
        if (model.kind === "union" && !seen.has(model.id)) {
          const inner = new Set(seen).add(model.id);
          return { k: "union", members: sortShapes(model.members.map((m) => shapeOf(m.type, inner))) };
        }
        return { k: "model", name: modelKey(model.name) };
      }
    }
  };
  const out = new Map<string, ModelShape>();
  for (const model of program.models) {
    const key = modelKey(model.name);
    switch (model.kind) {
      case "object":
        out.set(key, {
          kind: "object",
          fields: new Map(model.fields.map((f) => [fieldKey(f.name), { name: f.name, required: f.required, nullable: f.type.kind === "nullable", shape: shapeOf(f.type, new Set()) }])),
        });
        break;
      case "enum":
        out.set(key, { kind: "enum", values: model.values.map((v) => String(v.value)).sort(), open: model.open });
        break;
      case "union":
        out.set(key, { kind: "union", members: sortShapes(model.members.map((m) => shapeOf(m.type, new Set([model.id])))) });
        break;
      case "opaque":
        out.set(key, { kind: "opaque" });
        break;
    }
  }
  return out;
}

function sortShapes(shapes: readonly Shape[]): Shape[] {
  const unique = new Map(shapes.map((s) => [JSON.stringify(s), s]));
  return [...unique.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, s]) => s);
}

/** Whether two shapes say the same, an opaque doc matching any union. */
export function sameShape(a: Shape, b: Shape): boolean {
  if (a.k === "opaque" || b.k === "opaque") return a.k === b.k || a.k === "union" || b.k === "union";
  if (a.k !== b.k) return false;
  switch (a.k) {
    case "scalar":
      return a.name === (b as typeof a).name;
    case "literal":
      return a.value === (b as typeof a).value;
    case "model":
      return a.name === (b as typeof a).name;
    case "array":
      return sameShape(a.items, (b as typeof a).items);
    case "record":
      return sameShape(a.values, (b as typeof a).values);
    case "union": {
      const other = b as typeof a;
      return a.members.length === other.members.length && a.members.every((m, i) => sameShape(m, other.members[i] as Shape));
    }
  }
}

/** A shape as text, for messages. */
export function showShape(s: Shape): string {
  switch (s.k) {
    case "scalar":
      return s.name;
    case "literal":
      return JSON.stringify(s.value);
    case "model":
      return s.name;
    case "array":
      return `${showShape(s.items)}[]`;
    case "record":
      return `Record<${showShape(s.values)}>`;
    case "union":
      return `(${s.members.map(showShape).join(" | ")})`;
    case "opaque":
      return "opaque";
  }
}

/** Whether a flavour can state a field's nullability (README, "What each flavour cannot express"). */
export function statesNullability(flavour: string, field: FieldShape): boolean {
  switch (flavour) {
    case "python":
      return field.shape.k !== "array" && field.shape.k !== "record" && !(field.shape.k === "scalar" && field.shape.name === "date");
    case "typescript":
    case "csharp":
      return false;
    // Go pointers and Java `Optional<T>` mean "nullable" on required fields, "optional" on the others.
    case "go":
    case "java":
      return field.required || field.nullable;
    // PHP's `?T` and Ruby's `T.nilable(T)` merge "optional" and "nullable": they state nullability on
    // required fields only (Ruby), or not at all (PHP, which leaves nullable required fields unmarked).
    case "ruby":
      return field.required;
    case "php":
      return false;
    default:
      return false;
  }
}

/** Flavours that can mark an enum open. */
export const MARKS_OPEN_ENUMS = new Set(["python", "typescript", "csharp"]);

/** The differences between two flavours' descriptions of one API, over the models and fields both have. */
export function differences(a: { flavour: string; models: Map<string, ModelShape> }, b: { flavour: string; models: Map<string, ModelShape> }): string[] {
  const out: string[] = [];
  for (const [name, ma] of a.models) {
    const mb = b.models.get(name);
    if (!mb) continue;
    const where = `${name} (${a.flavour} vs ${b.flavour})`;
    if (ma.kind !== mb.kind) {
      // Java and Ruby document unions as a title only.
      if ((ma.kind === "opaque" && mb.kind === "union") || (ma.kind === "union" && mb.kind === "opaque")) continue;
      out.push(`${where}: ${ma.kind} vs ${mb.kind}`);
      continue;
    }
    if (ma.kind === "object" && mb.kind === "object") {
      for (const [key, fa] of ma.fields) {
        const fb = mb.fields.get(key);
        if (!fb) continue;
        if (fa.required !== fb.required) out.push(`${where} .${fa.name}: required ${fa.required} vs ${fb.required}`);
        if (!sameShape(fa.shape, fb.shape)) out.push(`${where} .${fa.name}: ${showShape(fa.shape)} vs ${showShape(fb.shape)}`);
        if (statesNullability(a.flavour, fa) && statesNullability(b.flavour, fb) && fa.nullable !== fb.nullable) {
          out.push(`${where} .${fa.name}: nullable ${fa.nullable} vs ${fb.nullable}`);
        }
      }
    } else if (ma.kind === "enum" && mb.kind === "enum") {
      if (ma.values.join("|") !== mb.values.join("|")) out.push(`${where}: values ${ma.values.join(",")} vs ${mb.values.join(",")}`);
      if (ma.open !== mb.open && MARKS_OPEN_ENUMS.has(a.flavour) && MARKS_OPEN_ENUMS.has(b.flavour)) out.push(`${where}: open ${ma.open} vs ${mb.open}`);
    } else if (ma.kind === "union" && mb.kind === "union") {
      const [ua, ub] = [{ k: "union", members: ma.members } as Shape, { k: "union", members: mb.members } as Shape];
      if (!sameShape(ua, ub)) out.push(`${where}: ${showShape(ua)} vs ${showShape(ub)}`);
    }
  }
  return out;
}

/** Model names only one side has (ignoring single-value enums, which only some flavours write as docs). */
export function missingModels(a: Map<string, ModelShape>, b: Map<string, ModelShape>): string[] {
  const isLiteralEnum = (m: ModelShape) => m.kind === "enum" && m.values.length === 1;
  return [...a.entries()].filter(([name, m]) => !b.has(name) && !isLiteralEnum(m)).map(([name]) => name);
}
