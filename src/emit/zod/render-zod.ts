/**
 * zod 4 schema expressions for IR types: what each {@link TypeRef} accepts,
 * exactly as the ts target's `validateX` decides it (`render-check.ts`,
 * DESIGN.md "Type semantics"), but for the nesting-depth limit, which zod has
 * no counterpart of.
 *
 * - `integer` is `Number.isInteger` (any magnitude: zod's `z.int()` also
 *   demands a safe integer), `number` a finite number (`z.number()`).
 * - `date` is `z.iso.date()` (RFC 3339 `full-date`, a real day of a real
 *   month: the same strings as the validators' check); `date-time` is a
 *   refinement by the validators' own RFC 3339 rule (`z.iso.datetime()`
 *   rejects a lower-case `t`/`z` and the leap second `23:59:60Z`, which RFC
 *   3339 §5.6 and §5.7 allow).
 * - A reference is `z.lazy(() => xSchema)`: the referenced module's schema is
 *   read when a value is parsed, never while modules load, so recursion and
 *   import cycles need nothing more.
 * - A union whose members are objects each fixing one field to a distinct
 *   literal (`findDiscriminator`) is a `z.discriminatedUnion`; the tag field of
 *   each member is then written as its literal, not as a reference to a
 *   one-value enum (zod finds a member's tag values in its literal fields).
 */

import { assertNever, type EnumModel, type Field, type Model, type TypeRef } from "../../ir/ir.js";
import { stringLiteral } from "../escape.js";
import { literalKey } from "../names.js";
import { acceptsAnything, findDiscriminator } from "../render-check.js";
import { literalText } from "../render-type.js";

/** The helpers of the zod target's runtime module that the schemas use. */
export type ZodRuntimeName = "$$integer" | "$$dateTime" | "$$ownKeys";

/**
 * Keys `Object.prototype` has. zod reads a key with `in` and a plain read,
 * which find the inherited member (`constructor`, `toString`) when the data
 * lacks the key, and it never reads a `__proto__` key (it strips it, so that
 * no output's prototype is replaced); the validators read own keys alone,
 * `__proto__` as data. An object model with such a field is parsed through a
 * copy of the value's own keys, its `__proto__` field checked there
 * (`$$ownKeys`).
 */
const PROTOTYPE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Whether an object model's schema must read the value's own keys alone: see {@link INHERITED_KEYS}. */
export function readsOwnKeys(model: Model): boolean {
  return model.kind === "object" && model.fields.some((f) => PROTOTYPE_KEYS.has(f.name));
}

/** What a module tells the schema writer about its surroundings. */
export interface ZodScope {
  /** The local name of zod's `z`. */
  readonly z: string;
  /** The local name of a referenced model's schema (marks it used). */
  schemaRef(target: string): string;
  /** A referenced model (to find discriminators and one-value enums). */
  model(target: string): Model;
  /** Whether a model accepts any value at all (see `modelsAcceptingAnything`). */
  acceptsAnything(target: string): boolean;
  /** Marks a runtime helper used and returns its local name. */
  runtime(name: ZodRuntimeName): string;
}

/** Options of the generated schemas. */
export interface ZodSchemaOptions {
  /** `reject`: an object with keys its model does not document is invalid (`z.strictObject`). */
  readonly unknownKeys: "accept" | "reject";
}

/** Writes zod schema expressions for one module. */
export class ZodWriter {
  private readonly scope: ZodScope;
  private readonly options: ZodSchemaOptions;

  constructor(scope: ZodScope, options: ZodSchemaOptions) {
    this.scope = scope;
    this.options = options;
  }

  /** The schema expression of `type`. */
  type(type: TypeRef): string {
    const z = this.scope.z;
    switch (type.kind) {
      case "string":
        if (type.format === "date-time") return this.scope.runtime("$$dateTime");
        if (type.format === "date") return `${z}.iso.date()`;
        // `byte` (base64) is any string to the validators too.
        return `${z}.string()`;
      case "integer":
        return this.scope.runtime("$$integer");
      case "number":
        return `${z}.number()`;
      case "boolean":
        return `${z}.boolean()`;
      case "unknown":
        return `${z}.unknown()`;
      case "literal":
        return type.value === null ? `${z}.null()` : `${z}.literal(${literalText(type.value)})`;
      case "array":
        return `${z}.array(${this.type(type.items)})`;
      case "record":
        return `${z}.record(${z}.string(), ${this.type(type.values)})`;
      case "ref":
        return `${z}.lazy(() => ${this.scope.schemaRef(type.target)})`;
      case "named":
        throw new Error(`Internal error: unresolved name ${type.name} reached emit`);
      case "nullable":
        return type.type.kind === "unknown" ? `${z}.unknown()` : `${this.type(type.type)}.nullable()`;
      case "union":
        return this.union(type);
      default:
        return assertNever(type, "type kind");
    }
  }

  private union(type: TypeRef & { kind: "union" }): string {
    const z = this.scope.z;
    const discriminator = findDiscriminator(type, (target) => this.scope.model(target));
    // zod finds a member's tag values through its object schema, which a copy of the own keys hides.
    if (discriminator && !discriminator.cases.some((c) => c.member.kind === "ref" && readsOwnKeys(this.scope.model(c.member.target)))) {
      const members = discriminator.cases.map((c) => this.type(c.member));
      return `${z}.discriminatedUnion(${stringLiteral(discriminator.field)}, [${members.join(", ")}])`;
    }
    // A member that is a union itself joins the others, as in the TypeScript type.
    const members = type.members.flatMap((m) => (m.kind === "union" && m.members.length > 0 ? m.members : [m]));
    const schemas = [...new Set(members.map((m) => this.type(m)))];
    if (schemas.length === 0) return `${z}.never()`;
    if (schemas.length === 1) return schemas[0] as string;
    return `${z}.union([${schemas.join(", ")}])`;
  }

  /**
   * An object model's schema: `z.looseObject` (undocumented keys accepted),
   * `z.strictObject` (`unknownKeys: "reject"`), or `z.object(…).catchall(…)`
   * for documented extra keys. A required key must be present even when its
   * type takes `undefined` (`unknown`): zod 4 asks for it, as `validateX` does.
   * `tags`: the fields a discriminated union tells this model apart by.
   */
  object(fields: readonly Field[], extra: TypeRef | undefined, tags: ReadonlySet<string> = new Set()): string {
    const z = this.scope.z;
    const lines = fields.map((field) => {
      let schema = tags.has(field.name) ? this.tag(field.type) : this.type(field.type);
      if (!field.required) schema += ".optional()";
      return `  ${literalKey(field.name)}: ${schema},\n`;
    });
    const shape = lines.length === 0 ? "{}" : `{\n${lines.join("")}}`;
    // Typed extra keys that take anything check nothing, whatever `unknownKeys` says.
    const schema =
      extra && !this.acceptsAnything(extra)
        ? `${z}.object(${shape}).catchall(${this.type(extra)})`
        : `${z}.${extra || this.options.unknownKeys === "accept" ? "looseObject" : "strictObject"}(${shape})`;
    if (!fields.some((f) => PROTOTYPE_KEYS.has(f.name))) return schema;
    const proto = fields.find((f) => f.name === "__proto__");
    const protoArgs = proto ? `, ${this.type(proto.type)}${proto.required ? "" : ".optional()"}, ${proto.required}` : "";
    return `${this.scope.runtime("$$ownKeys")}(${schema}${protoArgs})`;
  }

  /** A tag field's schema: its literal, also when the doc names a one-value enum for it. */
  private tag(type: TypeRef): string {
    if (type.kind === "ref") {
      const target = this.scope.model(type.target);
      const only = target.kind === "enum" && !target.open && target.values.length === 1 ? target.values[0] : undefined;
      if (only) return `${this.scope.z}.literal(${literalText(only.value)})`;
    }
    return this.type(type);
  }

  /**
   * An enum model's schema. Closed: `z.enum([…])` of its strings, or
   * `z.literal([…])` of values that are not all strings. Open: any value of
   * the base type (the validators take any string for a `string` enum, any
   * integer for an `integer` one, any finite number for a `number` one),
   * written as the union of the known values and the base, so the values
   * stay visible.
   */
  enum(model: EnumModel): string {
    const z = this.scope.z;
    const closed = (values: readonly (string | number)[]): string | undefined => {
      if (values.length === 0) return undefined;
      if (values.every((v) => typeof v === "string")) return `${z}.enum([${values.map((v) => literalText(v)).join(", ")}])`;
      if (values.length === 1) return `${z}.literal(${literalText(values[0] as string | number)})`;
      return `${z}.literal([${values.map((v) => literalText(v)).join(", ")}])`;
    };
    const values = model.values.map((v) => v.value);
    if (!model.open) return closed(values) ?? `${z}.never()`;
    const base = this.type({ kind: model.base });
    const ofBase = values.filter((v) => (model.base === "string" ? typeof v === "string" : model.base === "integer" ? Number.isInteger(v) : typeof v === "number"));
    const known = closed(ofBase);
    return known ? `${z}.union([${known}, ${base}])` : base;
  }

  /** Whether `type` accepts any value at all, `undefined` included. */
  acceptsAnything(type: TypeRef): boolean {
    return acceptsAnything(type, (target) => this.scope.acceptsAnything(target));
  }
}
