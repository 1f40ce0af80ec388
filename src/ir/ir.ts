/**
 * The intermediate representation: what a model doc means, independent of the
 * dialect it was written in and of the TypeScript it becomes.
 *
 * Plain, readonly, JSON-serialisable data discriminated on `kind`; no classes.
 * Every node that comes from a doc carries its {@link Place}. `mdtypes ir`
 * prints exactly these shapes.
 */

/**
 * The file names of model docs: `.md`, and `.mdx` (Speakeasy's 2026 pages,
 * titled in YAML frontmatter). A doc's id is its path under the input folder.
 */
export const DOC_FILE = /\.mdx?$/i;

/** A 1-based line and column in a doc, as mdast reports them. */
export interface Place {
  readonly line: number;
  readonly column: number;
}

// ---------------------------------------------------------------------------
// Type references
// ---------------------------------------------------------------------------

/** `string`, optionally with a format the validator checks. */
export interface StringType {
  readonly kind: "string";
  /** `date-time` is RFC 3339 `date-time`, `date` is RFC 3339 `full-date`. */
  readonly format?: "date-time" | "date" | "byte";
}
/** A number that must be an integer (`Number.isInteger`). */
export interface IntegerType {
  readonly kind: "integer";
}
/** A finite number. */
export interface NumberType {
  readonly kind: "number";
}
export interface BooleanType {
  readonly kind: "boolean";
}
/** Anything at all. `reason` says why the doc gave no more. */
export interface UnknownType {
  readonly kind: "unknown";
  /**
   * `any`: the doc says "any"; `external`: an SDK-language type such as
   * `httpx.Response`; `unparsed`: a type expression mdtypes could not read;
   * `unresolved`: a reference whose target could not be found.
   */
  readonly reason: "any" | "external" | "unparsed" | "unresolved";
  /** The documented type text, for `external`, `unparsed` and `unresolved`. */
  readonly text?: string;
}
/** Exactly one JSON value (`null` for Python's `Literal[None]`). */
export interface LiteralType {
  readonly kind: "literal";
  readonly value: string | number | boolean | null;
}
export interface ArrayType {
  readonly kind: "array";
  readonly items: TypeRef;
}
/** A plain object used as a dictionary: every own value is `values`. */
export interface RecordType {
  readonly kind: "record";
  readonly values: TypeRef;
}
/**
 * A reference to another model doc, by the doc's id (its path relative to the
 * input root, `/`-separated, e.g. `components/format_.md`).
 */
export interface RefType {
  readonly kind: "ref";
  readonly target: string;
  /**
   * The model the link's text names (`Models::Components::Gadget`), kept
   * until resolve: when the target is missing, the name may still find the
   * doc. Resolved references do not carry it.
   */
  readonly text?: { readonly name: string; readonly namespace?: string };
  /**
   * The link is a hint and `text` names the model (grammar §A.3: OpenAPI
   * Generator links element types, empty files, built-ins; docs copied in
   * part): when the link leads to no doc, the name is looked up as a
   * {@link NamedType} is, and a name that finds none is an `unresolved-name`
   * warning, not an `unresolved-link` error.
   */
  readonly hint?: true;
}
/**
 * A reference by name only (a union member heading such as `models.Button`,
 * which carries no link). The resolve stage turns it into a {@link RefType}.
 */
export interface NamedType {
  readonly kind: "named";
  readonly name: string;
  /** The SDK namespace written before the name (`models`, `components`, …), if any. */
  readonly namespace?: string;
  /**
   * Other names the same model may have, tried in order when no doc is
   * titled `name` (C# union members are named after their type with the
   * union's own name cut off: `Two` for `OneOfSameType2`).
   */
  readonly also?: readonly string[];
}
/** A value that at least one member accepts. */
export interface UnionType {
  readonly kind: "union";
  readonly members: readonly TypeRef[];
}
/** `type` or `null`. */
export interface NullableType {
  readonly kind: "nullable";
  readonly type: TypeRef;
}

/** A type expression, as read from a Type cell, a member heading or an item. */
export type TypeRef =
  | StringType
  | IntegerType
  | NumberType
  | BooleanType
  | UnknownType
  | LiteralType
  | ArrayType
  | RecordType
  | RefType
  | NamedType
  | UnionType
  | NullableType;

// ---------------------------------------------------------------------------
// Models
// ---------------------------------------------------------------------------

/** A deprecation marker; `message` is the documented reason, if any. */
export interface Deprecation {
  readonly message?: string;
}

/** An `## Example Usage` code block. */
export interface CodeExample {
  /** The fence's info string (`typescript`, `python`, …), empty when none. */
  readonly lang: string;
  readonly code: string;
}

interface ModelBase {
  /**
   * The doc's path relative to the input root, `/`-separated; for a model
   * documented in a section of another's doc, {@link subModelId}. Unique.
   */
  readonly id: string;
  /** The model name as written in the H1 (without `~~`). */
  readonly name: string;
  /** Markdown text of the description, if any. */
  readonly description?: string;
  readonly deprecated?: Deprecation;
  readonly examples: readonly CodeExample[];
  /** Where the H1 is. */
  readonly place: Place;
}

/** One row of a Fields table. */
export interface Field {
  /** The property's name on the wire: the documented one, or what the `propertyNames` policy made of it. */
  readonly name: string;
  /** The documented (SDK-language) name, when the policy changed it. */
  readonly sdkName?: string;
  /** The value type, without presence: nullability is a {@link NullableType}. */
  readonly type: TypeRef;
  /** Whether the key must be present. */
  readonly required: boolean;
  readonly description?: string;
  /** The Example cell, as written (examples are untyped text in the docs). */
  readonly example?: string;
  readonly deprecated?: Deprecation;
  /** Where the row starts. */
  readonly place: Place;
  /** Where the Type cell starts: type diagnostics point here. */
  readonly typePlace: Place;
}

/** A model documented with `## Fields`. */
export interface ObjectModel extends ModelBase {
  readonly kind: "object";
  /** Fields in document order. */
  readonly fields: readonly Field[];
  /** The type of extra keys (`__pydantic_extra__` / `additionalProperties`), if documented. */
  readonly additionalProperties?: TypeRef;
}

/** One enum member. */
export interface EnumValue {
  /** The SDK member name, when the doc gives one. */
  readonly name?: string;
  readonly value: string | number;
  readonly place: Place;
}

/** A model documented with `## Values`. */
export interface EnumModel extends ModelBase {
  readonly kind: "enum";
  /**
   * The type of the values: `string` unless every value is a number. An open
   * enum accepts any value of this type.
   */
  readonly base: "string" | "integer" | "number";
  readonly values: readonly EnumValue[];
  /** An open enum also accepts any other value of `base`. */
  readonly open: boolean;
}

/** One `### member` of a `## Supported Types` section. */
export interface UnionMember {
  /** The heading as written, for messages and comments. */
  readonly label: string;
  readonly type: TypeRef;
  readonly place: Place;
}

/** A model documented with `## Supported Types`. */
export interface UnionModel extends ModelBase {
  readonly kind: "union";
  readonly members: readonly UnionMember[];
}

/** A model whose doc is a title only (Java, Ruby unions): its shape is unknown. */
export interface OpaqueModel extends ModelBase {
  readonly kind: "opaque";
}

/** What one model doc means. */
export type Model = ObjectModel | EnumModel | UnionModel | OpaqueModel;

/** Every model of one input tree, sorted by `id`, with references resolved. */
export interface Program {
  readonly models: readonly Model[];
}

// ---------------------------------------------------------------------------
// Guards and helpers
// ---------------------------------------------------------------------------

/**
 * The id of a model documented in a section of another model's doc (one H1
 * of several, as liblab and OpenAPI Generator's JSON-schema docs write inline
 * sub-models): the doc's id, `#`, and the section's name in identifier
 * characters (`pets/Pet.md#Category`). Its module sits beside the doc's
 * (`pets/Pet.Category.ts`).
 */
export function subModelId(docId: string, name: string): string {
  const safe = name.replace(/[^\p{ID_Continue}$]+/gu, "_").replace(/^_+|_+$/g, "") || "Model";
  return `${docId}#${safe}`;
}

/**
 * The doc a model's id names, and the section (`undefined` for the doc's own
 * model). A doc's path may hold a `#` itself (`C#/client.md`): a section is
 * only what follows the last `#` after a `.md`/`.mdx` path, in identifier
 * characters (see {@link subModelId}).
 */
export function docOfModel(id: string): { doc: string; section?: string } {
  const hash = id.lastIndexOf("#");
  if (hash < 0 || !/\.mdx?$/i.test(id.slice(0, hash)) || !/^[\p{ID_Continue}$]+$/u.test(id.slice(hash + 1))) return { doc: id };
  return { doc: id.slice(0, hash), section: id.slice(hash + 1) };
}

/** Whether a type reference may be `null`. */
export function isNullable(type: TypeRef): type is NullableType {
  return type.kind === "nullable";
}

/** Wraps `type` in `nullable`, unless it already is (or is `unknown` or the literal `null`, which take `null` anyway). */
export function nullable(type: TypeRef): TypeRef {
  return type.kind === "nullable" || type.kind === "unknown" || (type.kind === "literal" && type.value === null) ? type : { kind: "nullable", type };
}

/** For exhaustive `switch` statements: a value of type `never` reached at run time is a bug. */
export function assertNever(value: never, what = "value"): never {
  throw new Error(`Internal error: unexpected ${what} ${JSON.stringify(value)}`);
}

/** Calls `visit` on `type` and every type nested in it, outermost first. */
export function walkType(type: TypeRef, visit: (type: TypeRef) => void): void {
  visit(type);
  switch (type.kind) {
    case "array":
      walkType(type.items, visit);
      return;
    case "record":
      walkType(type.values, visit);
      return;
    case "nullable":
      walkType(type.type, visit);
      return;
    case "union":
      for (const member of type.members) walkType(member, visit);
      return;
    case "string":
    case "integer":
    case "number":
    case "boolean":
    case "unknown":
    case "literal":
    case "ref":
    case "named":
      return;
    default:
      assertNever(type, "type kind");
  }
}

/** Rebuilds `type` bottom-up, replacing each node with what `map` returns for it. */
export function mapType(type: TypeRef, map: (type: TypeRef) => TypeRef): TypeRef {
  switch (type.kind) {
    case "array":
      return map({ kind: "array", items: mapType(type.items, map) });
    case "record":
      return map({ kind: "record", values: mapType(type.values, map) });
    case "nullable":
      return map({ kind: "nullable", type: mapType(type.type, map) });
    case "union":
      return map({ kind: "union", members: type.members.map((m) => mapType(m, map)) });
    case "string":
    case "integer":
    case "number":
    case "boolean":
    case "unknown":
    case "literal":
    case "ref":
    case "named":
      return map(type);
    default:
      return assertNever(type, "type kind");
  }
}
