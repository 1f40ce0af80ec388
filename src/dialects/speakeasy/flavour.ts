/**
 * What every SDK-language flavour of the Speakeasy dialect provides, and the
 * reader they share. A flavour gives names their meaning (`str`, `int64`,
 * `Optional<T>`, `T.nilable(T)`, …); the shared {@link TypeReader} handles
 * the syntax every flavour has in common: links, arrays, maps, unions,
 * literals. Grammar: reference/speakeasy-grammar.md §4.4–4.6.
 */

import type { RuleId } from "../../ir/diagnostics.js";
import type { Options } from "../../ir/options.js";
import { nullable, type TypeRef } from "../../ir/ir.js";
import type { TypeText, TypeTextLink } from "../markdown.js";
import type { RawMember } from "./extract.js";
import { linkCovering } from "./lexer.js";
import { parseTypeSyntax, type NameNode, type TypeNode } from "./type-syntax.js";
import { MAX_TYPE_DEPTH, tooDeep } from "../type-depth.js";
import { linkTarget } from "../links.js";

/** The SDK languages Speakeasy writes docs for. */
export const FLAVOURS = ["python", "typescript", "go", "java", "csharp", "unity", "php", "ruby"] as const;
export type FlavourId = (typeof FLAVOURS)[number];

/** What a flavour needs to know and report while reading one type expression. */
export interface TypeContext {
  /** The id of the doc being read (links are relative to it). */
  readonly docId: string;
  /** The name of the model being read (its title), when known. */
  readonly modelName?: string;
  /** What the tree-level pre-pass settled (see `Options.settled`). */
  readonly settled?: Options["settled"];
  /** Reports a problem at the type expression's place. */
  report(ruleId: RuleId, message: string): void;
}

/** A Type cell's meaning: the value type, and what the cell says about presence and nullability. */
export interface FieldType {
  /** Nullability is part of the type (a `nullable` node). */
  readonly type: TypeRef;
  /**
   * What the type's wrapper says about presence, when it says anything
   * definite: Python's `Optional[..]` (absent allowed) and `Nullable[..]`
   * (present). The Required column wins when they disagree.
   */
  readonly presence?: "optional" | "required";
  /**
   * True when the flavour cannot state this field's nullability: TypeScript
   * and C# never do, Go and Java not for optional fields, PHP not for
   * required ones, Python not for lists, dicts and dates. The `lenient`
   * nullability policy then allows `null`.
   */
  readonly nullabilityUnstated?: boolean;
}

/** One SDK-language flavour of Speakeasy docs. */
export interface Flavour {
  readonly id: FlavourId;
  /** Its name for messages. */
  readonly label: string;
  /**
   * Reads a Fields-table Type cell of a field the Required column says is
   * `required` (some wrappers mean "may be null" on a required field and
   * "may be absent" on an optional one: Go pointers, Java `Optional<T>`).
   */
  fieldType(text: TypeText, ctx: TypeContext, required: boolean): FieldType;
  /** Reads a `### member` of a union doc (its heading and code block). */
  memberType(member: RawMember, ctx: TypeContext): TypeRef;
  /** Whether this flavour documents unions as a title only (Java, Ruby): such docs are expected, not suspicious. */
  readonly titleOnlyUnions: boolean;
}

/** The SDK namespaces written before model names (`models.X`, `components.X`, `Operations\X`, `Models::Shared::X`). */
export const MODEL_NAMESPACES = new Set(["models", "components", "operations", "shared", "errors", "sdkerrors", "webhooks", "internal", "callbacks", "requests"]);

const DATE_TIME: TypeRef = { kind: "string", format: "date-time" };
const DATE: TypeRef = { kind: "string", format: "date" };

/**
 * An arbitrary-precision number (OpenAPI `format: bigint` or `decimal`): JSON
 * carries it as a number or, for the `*_str` formats, as a numeric string,
 * and no flavour's doc tells the two apart — so both are accepted.
 */
export const BIG_NUMBER: TypeRef = { kind: "union", members: [{ kind: "number" }, { kind: "string" }] };

/**
 * The big-number types of every flavour: Python `Decimal`, Go `big.Int` /
 * `decimal.Big`, Java and C# `BigInteger` / `BigDecimal` / `decimal`, PHP
 * `\Brick\Math\BigInteger` / `BigDecimal`, Ruby `BigDecimal`, TypeScript
 * `bigint` / `Decimal`.
 */
const BIG_NUMBER_NAMES =
  /^(?:(?:decimal\.)?Decimal|big\.(?:Int|Float|Rat)|decimal\.Big|apd\.Decimal|(?:System\.Numerics\.)?BigInteger|(?:java\.math\.)?Big(?:Integer|Decimal)|decimal|\\?Brick\\Math\\Big(?:Integer|Decimal|Number)|(?:::)?BigDecimal|bigint)$/;

/** Whether `name` is a big-number type of some flavour (see {@link BIG_NUMBER}). */
export function isBigNumberName(name: string): boolean {
  return BIG_NUMBER_NAMES.test(name);
}

/**
 * Names of SDK runtime types that have no JSON shape, whatever the
 * language: streams, buffers, raw requests and responses (`io.ReadCloser`,
 * `MemoryQueueBufferStream`, `requests_http.Response`, `UnityWebRequest`).
 * A name that is no scalar and no model but ends like one of these is an
 * `external-type`, not an `unknown-type`.
 */
const RUNTIME_TYPE_NAME = /(?:Stream|Response|Request|Reader|Writer|Closer|Buffer|Message|Blob|File|Socket|Client|Handle)$/;

/**
 * The meaning of a link to a language's library docs or to the SDK's own
 * date types: a date-time, a date, or an SDK type with no JSON shape. Python
 * and Ruby docs swap their date links (DESIGN.md, "Facts"): Python's
 * `#date-objects` and Ruby's `Date.html` are written for date-times, and
 * `#datetime-objects` and `DateTime.html` for dates (measured against the
 * C# and TypeScript docs of the same APIs, in every generator era).
 */
export function libraryLink(url: string): "date-time" | "date" | "date-or-date-time" | "external" {
  if (/docs\.python\.org\/.*#date-objects/.test(url)) return "date-time";
  if (/docs\.python\.org\/.*#datetime-objects/.test(url)) return "date";
  if (/Global_Objects\/Date\b/.test(url)) return "date-time";
  if (/\/types\/(?:rfcdate|date)\.mdx?$/.test(url)) return "date";
  if (/pkg\.go\.dev\/time#Time/.test(url)) return "date-time";
  if (/OffsetDateTime\.html/.test(url)) return "date-time";
  if (/LocalDate\.html/.test(url)) return "date";
  if (/system\.datetime\b/i.test(url)) return "date-time";
  if (/ruby-doc\.org\/.*\/DateTime\.html/.test(url)) return "date";
  if (/ruby-doc\.org\/.*\/Date\.html/.test(url)) return "date-time";
  if (/php\.net\/manual\/.*class\.datetime/.test(url)) return "date-or-date-time";
  return "external";
}

/**
 * Reads a parsed type expression of one cell. The syntax every flavour shares
 * is handled here; each flavour subclasses it to give names their meaning.
 */
export abstract class TypeReader {
  protected readonly typeText: TypeText;
  protected readonly ctx: TypeContext;
  /** While above zero, reports are dropped (see {@link isExternal}). */
  private muted = 0;

  constructor(typeText: TypeText, ctx: TypeContext) {
    this.typeText = typeText;
    this.ctx = { ...ctx, report: (ruleId, message) => this.muted === 0 && ctx.report(ruleId, message) };
  }

  /** What a name (with its arguments, if any) means in this flavour. */
  protected abstract name(node: NameNode): TypeRef;

  /**
   * Names that only wrap a type (`Optional[..]`, `T.nilable(..)`): a link over
   * a wrapper stands for the doc of what it wraps.
   */
  protected readonly wrappers: ReadonlySet<string> = new Set();

  /** The meaning of `node`. */
  read(node: TypeNode): TypeRef {
    if (node.kind === "name" && !node.args && BIG_NUMBER_NAMES.test(node.name) && !this.linksToDoc(node)) return BIG_NUMBER;
    const linked = this.linkedDoc(node);
    if (linked) return linked;
    switch (node.kind) {
      case "name":
        return this.name(node);
      case "literal":
        return { kind: "literal", value: node.value };
      case "array":
        return { kind: "array", items: this.read(node.items) };
      case "map":
        return { kind: "record", values: this.read(node.values) };
      case "pointer":
        return this.read(node.type);
      case "optional":
        return nullable(this.read(node.type));
      case "union":
        return this.union(node.members, node);
    }
  }

  /**
   * A link to a model doc over a whole expression is a reference to that doc:
   * `[models.X](x.md)`, `[Components\A|Components\B](u.md)`. Wrappers written
   * inside the link text (`Optional[..]`, `?`, `*`) still apply.
   */
  protected linkedDoc(node: TypeNode): TypeRef | undefined {
    if (node.kind !== "name" && node.kind !== "union") return undefined;
    let link: TypeTextLink | undefined;
    if (node.kind === "name" && node.args) {
      // A link whose text is a whole type expression (`[Union[str, List[str]]](tags.md)`, old Python)
      // stands for the doc it links to, not for each name inside; a wrapper's link is its content's.
      if (this.wrappers.has(node.name)) return undefined;
      link = linkCovering(this.typeText, node.start, node.end);
      if (!link || linkTarget(this.ctx.docId, link.url) === undefined) return undefined;
    } else {
      link = this.linkOver(node);
    }
    if (!link) return undefined;
    const target = linkTarget(this.ctx.docId, link.url);
    if (target === undefined) return this.library(link.url, node);
    if (/(^|\/)types\/(rfcdate|date)\.mdx?$/.test(target)) return DATE;
    if (node.kind === "union") {
      // PHP inline unions name the union doc they link to; `null` among them makes it nullable.
      const hasNull = node.members.some((m) => m.kind === "name" && m.name === "null");
      const ref: TypeRef = { kind: "ref", target };
      return hasNull ? nullable(ref) : ref;
    }
    if (node.args) return { kind: "ref", target };
    return { kind: "ref", target, text: linkTextName(node.name) };
  }

  /** Whether the node is link text of a link to a doc of the tree (not to a library's docs). */
  protected linksToDoc(node: TypeNode): boolean {
    const link = this.linkOver(node);
    return link !== undefined && linkTarget(this.ctx.docId, link.url) !== undefined;
  }

  /**
   * A name that is no scalar and no model of this flavour: an SDK runtime
   * type when it is named like one (or linked to a library's docs), else
   * `unknown-type`.
   */
  protected unknownName(node: NameNode, expected: string): TypeRef {
    const last = node.name.split(/\.|::|\\/).pop() ?? node.name;
    if (RUNTIME_TYPE_NAME.test(last) || (this.linkOver(node) && !this.linksToDoc(node))) return this.external(node);
    return this.bad(node, expected);
  }

  /** The link whose text covers the node, if any. */
  protected linkOver(node: TypeNode): TypeTextLink | undefined {
    return linkCovering(this.typeText, node.start, node.kind === "name" ? node.nameEnd : node.end);
  }

  /** A name linked to a language's library docs. */
  protected library(url: string, node: TypeNode): TypeRef {
    switch (libraryLink(url)) {
      case "date-time":
        return DATE_TIME;
      case "date":
        return DATE;
      case "date-or-date-time":
        return { kind: "union", members: [DATE_TIME, DATE] };
      case "external":
        return this.external(node);
    }
  }

  /** `A | B`; a member with no JSON shape (`File | Blob | X`) makes the whole an SDK type, reported once. */
  protected union(members: readonly TypeNode[], whole: TypeNode): TypeRef {
    const real = members.filter((m) => !(m.kind === "name" && !m.args && m.name === "null"));
    const withNull = real.length < members.length;
    if (real.some((m) => this.isExternal(m))) return this.external(whole);
    const read = real.map((m) => this.read(m));
    const union: TypeRef = read.length === 1 ? (read[0] as TypeRef) : { kind: "union", members: read };
    return withNull ? nullable(union) : union;
  }

  /** Whether a node reads as an SDK type with no JSON shape (looked at without reporting anything). */
  protected isExternal(node: TypeNode): boolean {
    this.muted++;
    try {
      const type = this.read(node);
      return type.kind === "unknown" && type.reason === "external";
    } finally {
      this.muted--;
    }
  }

  /** The source text of a node. */
  protected text(node: TypeNode): string {
    return this.typeText.text.slice(node.start, node.end);
  }

  /** An `unknown` for an SDK type with no JSON shape, reported once as `external-type`. */
  protected external(node: TypeNode): TypeRef {
    return external(this.ctx, this.text(node));
  }

  /** An `unknown` for what this flavour cannot read, reported as `unknown-type`. */
  protected bad(node: TypeNode, expected: string): TypeRef {
    return unreadable(this.ctx, this.text(node), expected);
  }

  /** A reference by name (`components.X`, `Operations\X`, `Models::Shared::X`), or undefined when `name` is not qualified with a model namespace. */
  protected named(name: string, separator: string | RegExp): TypeRef | undefined {
    const parts = name.replace(/^(::|\\)/, "").split(separator).filter(Boolean);
    const last = parts[parts.length - 1];
    if (!last || parts.length < 2) return undefined;
    const namespace = parts[parts.length - 2]?.toLowerCase();
    if (!namespace || !MODEL_NAMESPACES.has(namespace)) return undefined;
    return { kind: "named", name: last, namespace };
  }

  /** Checks the number of type arguments; reads the one expected, or reports. */
  protected only(node: NameNode, expected: string): TypeRef | undefined {
    const arg = node.args?.length === 1 ? node.args[0] : undefined;
    if (!arg) {
      this.bad(node, expected);
      return undefined;
    }
    return this.read(arg);
  }
}

/**
 * The model a link's text names: its last segment, and the one before it as
 * the namespace (`models.X`, `Models::Components::X`, `\Vendor\Models\Ns\X`,
 * `Models.Components.X`, or a bare `X`).
 */
export function linkTextName(text: string): { name: string; namespace?: string } {
  const parts = text.split(/\.|::|\\/).filter(Boolean);
  const name = parts[parts.length - 1] ?? text;
  const namespace = parts[parts.length - 2]?.toLowerCase();
  return namespace ? { name, namespace } : { name };
}

/** Parses a cell (or heading) and reads it with `reader`; an unparsable text is `unknown-type`. */
export function readWith(typeText: TypeText, ctx: TypeContext, label: string, read: (node: TypeNode) => TypeRef): TypeRef {
  if (tooDeep(typeText.text)) {
    return unreadable(ctx, typeText.text.trim().slice(0, 60) + (typeText.text.trim().length > 60 ? "…" : ""), `a type nested at most ${MAX_TYPE_DEPTH} levels deep`);
  }
  const node = parseTypeSyntax(typeText.text);
  if (!node) return unreadable(ctx, typeText.text.trim(), `a ${label} type expression`);
  return read(node);
}

/** An `unknown` for a type expression that could not be read, reported as `unknown-type`. */
export function unreadable(ctx: TypeContext, text: string, expected: string): TypeRef {
  ctx.report("unknown-type", text === "" ? `Unexpected empty type, expected ${expected}; it becomes \`unknown\`` : `Unexpected type \`${text}\`, expected ${expected}; it becomes \`unknown\``);
  return { kind: "unknown", reason: "unparsed", text };
}

/** An `unknown` for an SDK-language type with no JSON shape, reported as `external-type`. */
export function external(ctx: TypeContext, text: string): TypeRef {
  ctx.report("external-type", `SDK type \`${text}\` has no JSON shape; it becomes \`unknown\``);
  return { kind: "unknown", reason: "external", text };
}

/** Whether a type is a list, dict or date: what Python docs never wrap, so never state nullable (grammar §4.4). */
export function isUnwrappable(type: TypeRef): boolean {
  return type.kind === "array" || type.kind === "record" || (type.kind === "string" && (type.format === "date" || type.format === "date-time"));
}
