/**
 * Validator code for IR types. Two walks are generated for every model:
 *
 * - the *check* (`$isX(v, d)`): straight-line boolean code that allocates
 *   nothing for the usual input, used by `isX` and as `validateX`'s fast path.
 *   Arrays are checked by inline loops; other models by direct calls.
 * - the *collect* (`$checkX(v, c)`): the slow path, run only when the check
 *   failed, which reports every issue with its JSON Pointer (built only for
 *   the issues: the walk keeps its path as a stack of keys).
 *
 * Reading properties is where validators are usually fooled by the prototype
 * chain (an inherited `id`, a data key named `toString`). The collect walk
 * reads an object's keys directly only when the object is plain — its
 * prototype is `Object.prototype` — and otherwise reads a copy of its own
 * properties (`$$ownView`). The check reads them directly first and settles
 * at the end whether they were the object's own (see {@link
 * CheckWriter.objectCheck}). Keys that `Object.prototype` itself has
 * (`constructor`, `toString`, `__proto__`, …) are always read through
 * `hasOwnProperty`. A
 * polluted `Object.prototype` (enumerable keys added) or `Array.prototype`
 * (index keys added, which a hole in an array would read) is
 * detected at each public entry, which then takes the collect walk in its safe
 * mode. Rules for what each type accepts: DESIGN.md, "Type semantics".
 */

import { assertNever, type Field, type Model, type ObjectModel, type TypeRef, walkType } from "../ir/ir.js";
import { stringLiteral } from "./escape.js";
import { describeType, literalText } from "./render-type.js";

/** The runtime module's exports the generated code uses (all start with `$$`, or are public). */
export type RuntimeName =
  | "$$MAX_DEPTH"
  | "$$OP"
  | "$$Object"
  | "$$ownView"
  | "$$counts"
  | "$$ownKeys"
  | "$$own"
  | "$$has"
  | "$$isRecord"
  | "$$isDateTime"
  | "$$isDate"
  | "$$issue"
  | "$$miss"
  | "$$missing"
  | "$$unexpectedKey"
  | "$$enter"
  | "$$push"
  | "$$token"
  | "$$pop"
  | "$$union"
  | "$$anyOf"
  | "$$mark"
  | "$$missed"
  | "$$check"
  | "$$validate"
  | "$$collect"
  | "$$open"
  | "$$close"
  | "$$tagMiss"
  | "ValidationIssue"
  | "$$clean"
  | "$$Context"
  | "$$Member"
  | "ValidationError"
  | "ValidationResult"
  | "StandardSchema"
  | "$$standard";

/** The statement a check runs when a value fails, given the indent of the line it ends. */
type Fail = (indent: string) => string;

/** What a module's code generator tells the check writer about its surroundings. */
export interface CheckScope {
  /** Local names of a referenced model's internal check and collect functions (marks them used). */
  refFunctions(target: string): { readonly check: string; readonly collect: string };
  /** Local name of a referenced model's internal check function alone (marks it used). */
  refCheck(target: string): string;
  /** Local name of a discriminated-union member's walk of its keys (marks it used). */
  refFields(target: string): string;
  /** Local name of a discriminated-union member's `validateX` check (marks it used): see {@link CheckWriter.objectValidate}. */
  refValid(target: string): string;
  /** The tag fields of the discriminated unions a model is a member of (none: not a member). */
  tagFields(target: string): ReadonlySet<string> | undefined;
  /** A referenced model (to find discriminators and one-value enums). */
  model(target: string): Model;
  /** Whether a model accepts any value at all (a title-only doc, a union with such a member): see {@link modelsAcceptingAnything}. */
  acceptsAnything(target: string): boolean;
  /** Whether a referenced model's values can nest without bound: it is on a reference cycle or refers to one (see `modelsNestingWithoutBound`). */
  nestsWithoutBound(target: string): boolean;
  /** Marks a runtime export as used and returns its name. */
  runtime(name: RuntimeName): string;
}

/** Options of the generated checks. */
export interface CheckOptions {
  /** `reject`: an object with keys its model does not document is invalid. */
  readonly unknownKeys: "accept" | "reject";
  /** Appended to the names of hoisted helpers, so that several models' helpers can share one module (`--out-file`); none by default. */
  readonly helperSuffix?: string;
}

/**
 * Keys `Object.prototype` has: on a plain object, reading one of them directly
 * would find the inherited value when the data lacks the key.
 */
const PROTOTYPE_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** At most this many keys are tested one by one at a public entry, found in at most this many models: see {@link CheckWriter.entryGuard}. */
const GUARD_KEYS = 64;
const GUARD_MODELS = 256;

/** A union whose object members each fix one field to a distinct literal: checked with a `switch`. */
interface Discriminator {
  readonly field: string;
  readonly cases: readonly { readonly value: string | number | boolean; readonly member: TypeRef }[];
}

/**
 * The head of a discriminated union's `switch` on `tag`: guarded by the type its
 * cases share (`typeof tag === "string"`), so that an engine compares the tag as
 * that type rather than through the generic strict equality an invalid value's
 * other types (a number, `null`) would otherwise bring to every case. A tag of
 * another type falls through to what follows the switch, as no case matches it.
 */
function tagSwitch(discriminator: Discriminator): string {
  const kinds = new Set(discriminator.cases.map((c) => typeof c.value));
  return kinds.size === 1 ? `if (typeof tag === ${stringLiteral([...kinds][0] as string)}) switch (tag)` : "switch (tag)";
}

/** Builds check and collect code for one module, hoisting helpers as needed. */
export class CheckWriter {
  private readonly scope: CheckScope;
  private readonly options: CheckOptions;
  private readonly hoisted = new Map<string, string>();
  private readonly helpers: string[] = [];
  /** A counter for the names of inline loop variables. */
  private loops = 0;

  constructor(scope: CheckScope, options: CheckOptions) {
    this.scope = scope;
    this.options = options;
  }

  /** Adds a module-level declaration (a lookup table) after the helpers. */
  declare(source: string): void {
    this.helpers.push(source);
  }

  /** A module-level name of this writer's model: `name` with the helper suffix. */
  local(name: string): string {
    return `${name}${this.options.helperSuffix ?? ""}`;
  }

  /** The hoisted helper functions and tables, in order of creation. */
  helperSource(): string {
    return this.helpers.join("\n");
  }

  /** The `expected` text for `type`. */
  expected(type: TypeRef): string {
    return describeType(type, (target) => this.scope.model(target).name);
  }

  // -------------------------------------------------------------------------
  // Model bodies
  // -------------------------------------------------------------------------

  /**
   * The body of `$isX(v, d)` for an object model. The keys are read from `v`
   * itself, and whether that was right is settled at the end with one look at
   * its prototype: a plain object (prototype `Object.prototype`) is judged by
   * its keys as read; any other by its own enumerable keys, as the collect
   * walk's own view judges it. Read directly, a key holds the value of the own
   * view or one the view does not have (inherited, or not enumerable), so:
   * a required key that fails fails on the own view too (it has the same
   * value or none), and most invalid values are rejected without the look; an
   * optional or extra key that fails counts only when the object is plain or
   * the key is its own (`$$counts`), else the check goes on as if it were
   * absent; a pass on an object that is not plain holds when its required
   * keys are all its own (`$$ownKeys`). No key is read twice.
   */
  objectCheck(fields: readonly Field[], extra: TypeRef | undefined, tags: ReadonlySet<string> = new Set()): string {
    const rt = (name: RuntimeName) => this.scope.runtime(name);
    let body = `  if (typeof v !== "object" || v === null || Array.isArray(v) || d >= ${rt("$$MAX_DEPTH")}) return false;\n`;
    const extraCheck = this.extraKeysCheck(fields, extra);
    const valued = fields.filter((f) => !this.acceptsUndefined(f.type));
    // No key to read: every field optional and of a type that takes anything (a link to a missing doc), no extra-key check.
    if (valued.length === 0 && !fields.some((f) => f.required) && !extraCheck) return `${body}  return true;\n`;
    body += "  const o = v as Record<string, unknown>;\n";
    if (valued.length > 0) body += "  let x: unknown;\n";
    fields.forEach((field, index) => {
      const key = stringLiteral(field.name);
      if (this.acceptsUndefined(field.type)) {
        if (field.required) body += `  if (!${rt("$$has")}(o, ${key})) return false;\n`;
        return;
      }
      if (tags.has(field.name)) {
        // A tag: a discriminated union that has matched it says so (`skip`), and it is not read again.
        body += `  if (skip !== ${key}) {\n    x = ${this.read("o", field.name)};\n${this.checkStatements(field.type, "x", 1, "    ")}  }\n`;
        return;
      }
      body += `  x = ${this.read("o", field.name)};\n`;
      if (field.required) {
        body += this.checkStatements(field.type, "x", 1, "  ");
        return;
      }
      const counts = `${rt("$$counts")}(v, ${key})`;
      const inner = this.checkStatements(field.type, "x", 1, "    ");
      const [head, tail] = ["    if (", ") return false;\n"];
      if (inner.indexOf("\n") === inner.length - 1 && inner.startsWith(head) && inner.endsWith(tail)) {
        body += `  if (x !== undefined && ${inner.slice(head.length, -tail.length)} && ${counts}) return false;\n`;
      } else {
        // Several statements (a loop): a failure that does not count leaves the block, as if the key were absent.
        const label = `f${index}`;
        const fail: Fail = (at) => `{\n${at}  if (${counts}) return false;\n${at}  break ${label};\n${at}}`;
        body += `  ${label}: if (x !== undefined) {\n${this.checkStatements(field.type, "x", 1, "    ", fail)}  }\n`;
      }
    });
    body += extraCheck;
    const required = fields.filter((f) => f.required).map((f) => f.name);
    if (required.length === 0) return `${body}  return true;\n`;
    const table = this.hoist(`required:${JSON.stringify(required)}`, (name) => `const ${name}: readonly string[] = [${required.map(stringLiteral).join(", ")}];\n`);
    return `${body}  return (v as ${rt("$$Object")}).__proto__ === ${rt("$$OP")} || ${rt("$$ownKeys")}(v, ${table});\n`;
  }

  /**
   * The body of `$checkX(v, c)` for an object model: enter the object, walk
   * its keys, leave. With `fields` (the model is a member of a discriminated
   * union, which enters the object itself), the keys are walked by that
   * function, whose body {@link objectFieldsCollect} writes.
   */
  objectCollect(fields: readonly Field[], extra: TypeRef | undefined, fieldsFunction?: string): string {
    const rt = (name: RuntimeName) => this.scope.runtime(name);
    const leaf = this.isLeafObject(fields, extra);
    let body = `  const o = ${rt("$$enter")}(c, v, "object", ${leaf});\n  if (o === undefined) return;\n`;
    body += fieldsFunction ? `  ${fieldsFunction}(o, c);\n` : this.objectFieldsCollect(fields, extra);
    return leaf ? body : `${body}  ${rt("$$pop")}(c);\n`;
  }

  /**
   * An object none of whose values the walk enters (an object, an array, a
   * record it checks) is not stacked: it can close no cycle, and nothing below
   * it is measured against the depth limit. (One holding a checked array must
   * be stacked even though the array cannot hold it again: the array's depth
   * is measured by the stack, as the check measures it by `d`.)
   */
  private isLeafObject(fields: readonly Field[], extra: TypeRef | undefined): boolean {
    return !fields.some((f) => this.entered(f.type)) && !(extra && this.entered(extra));
  }

  /** Whether the walk may enter a value of `type`: an object or a union model's value, a checked array or record. */
  private entered(type: TypeRef): boolean {
    switch (type.kind) {
      case "ref":
        return this.refersToContainer(type.target);
      case "array":
        return !this.acceptsUndefined(type.items);
      case "record":
        return !this.acceptsUndefined(type.values);
      case "nullable":
        return this.entered(type.type);
      case "union":
        return type.members.some((m) => this.entered(m));
      default:
        return false;
    }
  }

  /** Statements that report every issue of the keys of `o`, an object the walk has entered. */
  objectFieldsCollect(fields: readonly Field[], extra: TypeRef | undefined, tags: ReadonlySet<string> = new Set()): string {
    const rt = (name: RuntimeName) => this.scope.runtime(name);
    let body = "";
    if (fields.some((f) => !this.acceptsUndefined(f.type))) body += "  let x: unknown;\n";
    for (const field of fields) {
      const key = stringLiteral(field.name);
      // Paths hold `/`-prefixed JSON Pointer tokens, escaped here once rather than at each issue.
      const token = stringLiteral(`/${pointerToken(field.name)}`);
      const expected = stringLiteral(this.expected(field.type));
      if (this.acceptsUndefined(field.type)) {
        if (field.required) body += `  if (!${rt("$$has")}(o, ${key})) ${rt("$$missing")}(c, ${token}, ${expected}, ${missingMessage(field.name)});\n`;
        continue;
      }
      let lines = `  x = ${this.read("o", field.name)};\n`;
      const inner = this.collect(field.type, "x", token, "    ");
      const oneLine = inner.split("\n").length === 2 ? inner.trim() : undefined;
      if (field.required) {
        lines += `  if (x === undefined) ${rt("$$missing")}(c, ${token}, ${expected}, ${missingMessage(field.name)});\n`;
        if (oneLine) lines += `  else ${oneLine}\n`;
        else if (inner) lines += `  else {\n${inner}  }\n`;
        // A tag a discriminated union has matched (`skip`) is not read again.
        body += tags.has(field.name) ? `  if (skip !== ${key}) {\n${indentLines(lines)}  }\n` : lines;
      } else if (oneLine) {
        body += lines + (oneLine.startsWith("if (") ? `  if (x !== undefined && ${oneLine.slice(4)}\n` : `  if (x !== undefined) ${oneLine}\n`);
      } else if (inner) {
        body += `${lines}  if (x !== undefined) {\n${inner}  }\n`;
      } else {
        body += lines;
      }
    }
    return body + this.extraKeysCollect(fields, extra);
  }

  /**
   * Whether an object model has a check of `validateX`'s own (see {@link
   * objectValidate}): not when its undocumented keys are checked (typed extra
   * keys, `unknownKeys: "reject"`), which the check reads with `for…in`.
   */
  hasValidate(extra: TypeRef | undefined): boolean {
    return !this.checksExtraKeys(extra);
  }

  /** Whether an object's undocumented keys are checked: typed extra keys that are not anything, or `unknownKeys: "reject"`. */
  private checksExtraKeys(extra: TypeRef | undefined): boolean {
    return extra ? !this.acceptsUndefined(extra) : this.options.unknownKeys === "reject";
  }

  /**
   * The body of `$validX(v, skip?)`, `validateX`'s check, for an object
   * model that has one ({@link hasValidate}). It is the check (`$isX`)
   * with another end for a key that fails: there the object's collect walk
   * (`fieldsFunction`, whose body {@link objectFieldsCollect} writes) starts
   * over its keys, on a reused context, when the object is plain. So a valid
   * value costs what the check costs, and an invalid one is read once up to
   * the key that fails, then walked, where the two passes read it whole and
   * walked it from the top (its kind tested again, its prototype looked at
   * where objects of many shapes meet, a discriminated union's tag matched
   * again). Its value is `undefined` when `v` is valid, its issues, or `null`
   * when it is not a plain object: `validateX` then runs `isX`'s check and,
   * when that fails, the collect walk of the whole value (own views and all).
   * A member of a discriminated union (`tags`) takes the tag the union has
   * matched.
   */
  objectValidate(fields: readonly Field[], extra: TypeRef | undefined, fieldsFunction: string, tags?: ReadonlySet<string>): string {
    const rt = (name: RuntimeName) => this.scope.runtime(name);
    const fail: Fail = () => "break check;";
    let body = "";
    for (const field of fields) {
      const key = stringLiteral(field.name);
      if (this.acceptsUndefined(field.type)) {
        if (field.required) body += `    if (!${rt("$$has")}(o, ${key})) break check;\n`;
        continue;
      }
      const read = `x = ${this.read("o", field.name)};\n`;
      if (tags?.has(field.name)) {
        body += `    if (skip !== ${key}) {\n      ${read}${this.checkStatements(field.type, "x", 1, "      ", fail, 0)}    }\n`;
        continue;
      }
      body += `    ${read}`;
      if (field.required) {
        body += this.checkStatements(field.type, "x", 1, "    ", fail, 0);
        continue;
      }
      const inner = this.checkStatements(field.type, "x", 1, "      ", fail, 0);
      const [head, tail] = ["      if (", ") break check;\n"];
      const oneLine = inner.indexOf("\n") === inner.length - 1 && inner.startsWith(head) && inner.endsWith(tail);
      body += oneLine ? `    if (x !== undefined && ${inner.slice(head.length, -tail.length)}) break check;\n` : `    if (x !== undefined) {\n${inner}    }\n`;
    }
    const leaf = this.isLeafObject(fields, extra);
    const head = `  if (typeof v !== "object" || v === null || Array.isArray(v)) return null;\n  const o = v as Record<string, unknown>;\n`;
    const plain = `return (o as ${rt("$$Object")}).__proto__ === ${rt("$$OP")} ? undefined : null;\n`;
    // No key to test (every one optional and of a type that takes anything): nothing can fail.
    if (body === "") return `${head}  ${plain}`;
    return (
      head +
      (fields.some((f) => !this.acceptsUndefined(f.type)) ? "  let x: unknown;\n" : "") +
      `  check: {\n${body}    ${plain}  }\n` +
      // A key failed: the collect walk of the keys, on a plain object (else of the whole value).
      `  if (Object.getPrototypeOf(o) !== ${rt("$$OP")}) return null;\n` +
      `  const c = ${rt("$$open")}();\n` +
      (leaf ? "" : "  c.stack.push(o);\n") +
      `  ${fieldsFunction}(o, c${tags ? ", skip" : ""});\n` +
      (leaf ? "" : "  c.stack.pop();\n") +
      `  return ${rt("$$close")}(c);\n`
    );
  }

  /**
   * The body of `$validX(v)` for a discriminated union model: the tag picks
   * the member whose `validateX` check gives the verdict (see {@link
   * objectValidate}); `undefined` when a member has none. An unknown tag on
   * a plain object is its one issue; a value that is not an object, or not
   * plain, is left to `isX`'s check and the walk from the top (`null`).
   */
  unionValidate(type: TypeRef & { kind: "union" }): string | undefined {
    const discriminator = this.discriminator(type);
    if (!discriminator) return undefined;
    const targets = discriminator.cases.map((c) => this.taggedTarget(c.member, discriminator));
    const models = targets.map((target) => this.scope.model(target) as ObjectModel);
    if (!models.every((model) => this.hasValidate(model.additionalProperties))) return undefined;
    const rt = (name: RuntimeName) => this.scope.runtime(name);
    const tag = stringLiteral(discriminator.field);
    const tagText = discriminator.cases.map((c) => literalText(c.value)).join(" | ");
    const cases = discriminator.cases.map((c, i) => `    case ${literalText(c.value)}:\n      return ${this.scope.refValid(targets[i] as string)}(o, ${tag});\n`).join("");
    const miss = `${rt("$$tagMiss")}(o, ${stringLiteral(`/${pointerToken(discriminator.field)}`)}, ${stringLiteral(tagText)}, ${stringLiteral(`Expected ${tagText}, received `)}, ${missingMessage(discriminator.field)}, tag)`;
    return (
      `  if (typeof v !== "object" || v === null) return null;\n` +
      `  const o = v as Record<string, unknown>;\n` +
      `  const tag = ${this.read("o", discriminator.field)};\n` +
      `  ${tagSwitch(discriminator)} {\n${cases}  }\n  return ${miss};\n`
    );
  }

  /** Whether checking a value of `type` can enter a container that may hold containers: then a cycle can close through it. */
  private reaches(type: TypeRef): boolean {
    switch (type.kind) {
      case "ref":
        return this.refersToContainer(type.target);
      case "array":
        return this.mayBeContainer(type.items) || this.reaches(type.items);
      case "record":
        return this.mayBeContainer(type.values) || this.reaches(type.values);
      case "nullable":
        return this.reaches(type.type);
      case "union":
        return type.members.some((m) => m.kind === "array" || m.kind === "record" || this.reaches(m));
      default:
        return false;
    }
  }

  /** Whether a value of `type` may be an object or an array the walk enters. */
  private mayBeContainer(type: TypeRef): boolean {
    return type.kind === "array" || type.kind === "record" || (type.kind === "ref" && this.refersToContainer(type.target));
  }

  /** Whether a model's values may be objects or arrays the walk enters: not an enum's, nor a title-only doc's (never walked). */
  private refersToContainer(target: string): boolean {
    const kind = this.scope.model(target).kind;
    return kind === "object" || kind === "union";
  }

  /** The body of `$isX(v, d)` for a model that is one type (a union doc). */
  typeCheck(type: TypeRef): string {
    const discriminator = type.kind === "union" ? this.discriminator(type) : undefined;
    return discriminator ? this.switchCheck(discriminator) : `  return ${this.is(type, "v", "d")};\n`;
  }

  /** The body of `$checkX(v, c)` for a model that is one type. */
  typeCollect(type: TypeRef): string {
    const discriminator = type.kind === "union" ? this.discriminator(type) : undefined;
    return discriminator ? this.switchCollect(discriminator, type) : this.collect(type, "v", undefined, "  ");
  }

  /** A discriminated union's check: the tag picks the one member to try (the member checks the tag is its own). */
  private switchCheck(discriminator: Discriminator): string {
    const tag = stringLiteral(discriminator.field);
    const cases = discriminator.cases
      .map((c) => `    case ${literalText(c.value)}:\n      return ${this.scope.refCheck(this.taggedTarget(c.member, discriminator))}(v, d, ${tag});\n`)
      .join("");
    return (
      `  if (typeof v !== "object" || v === null) return false;\n` +
      `  const tag = ${this.read("(v as Record<string, unknown>)", discriminator.field)};\n` +
      `  ${tagSwitch(discriminator)} {\n${cases}  }\n  return false;\n`
    );
  }

  /**
   * A discriminated union's collect: it enters the object once, and the walk
   * of the keys of the member the tag names gives the issues (the member
   * checks the tag is its own); an unknown tag is one issue at the tag.
   */
  private switchCollect(discriminator: Discriminator, type: TypeRef): string {
    const rt = (n: RuntimeName) => this.scope.runtime(n);
    const tagText = discriminator.cases.map((c) => literalText(c.value)).join(" | ");
    const tags = stringLiteral(tagText);
    const targets = discriminator.cases.map((c) => this.taggedTarget(c.member, discriminator));
    const leaf = targets.every((target) => {
      const model = this.scope.model(target) as ObjectModel;
      return this.isLeafObject(model.fields, model.additionalProperties);
    });
    const tag = stringLiteral(discriminator.field);
    const at = stringLiteral(`/${pointerToken(discriminator.field)}`);
    const cases = discriminator.cases.map((c, i) => `      case ${literalText(c.value)}:\n        c.hits++;\n        ${this.scope.refFields(targets[i] as string)}(o, c, ${tag});\n        break member;\n`).join("");
    return (
      `  const o = ${rt("$$enter")}(c, v, ${stringLiteral(this.expected(type))}, ${leaf});\n  if (o === undefined) return;\n` +
      `  const tag = ${this.read("o", discriminator.field)};\n` +
      `  member: {\n    ${tagSwitch(discriminator)} {\n${cases}    }\n` +
      `    if (tag === undefined) ${rt("$$missing")}(c, ${at}, ${tags}, ${missingMessage(discriminator.field)});\n` +
      `    else ${rt("$$miss")}(c, ${at}, ${tags}, ${stringLiteral(`Expected ${tagText}, received `)}, tag);\n  }\n` +
      (leaf ? "" : `  ${rt("$$pop")}(c);\n`)
    );
  }

  /** The model a discriminated union's member refers to, which knows it may skip the union's tag. */
  private taggedTarget(member: TypeRef, discriminator: Discriminator): string {
    if (member.kind !== "ref" || !this.scope.tagFields(member.target)?.has(discriminator.field)) {
      throw new Error(`Internal error: discriminated union member ${JSON.stringify(member)} not known as tagged by ${discriminator.field}`);
    }
    return member.target;
  }

  /** Reads key `name` of the object (or own view) `o`. */
  private read(o: string, name: string): string {
    return PROTOTYPE_KEYS.has(name) ? `${this.scope.runtime("$$own")}(${o}, ${stringLiteral(name)})` : `${o}[${stringLiteral(name)}]`;
  }

  /** The check of undocumented keys: typed extra keys, or none at all with `unknownKeys: "reject"`. */
  private extraKeysCheck(fields: readonly Field[], extra: TypeRef | undefined): string {
    if (!this.checksExtraKeys(extra)) return "";
    const keys = this.keyTable(fields);
    // `for … in` meets inherited enumerable keys too: one counts only if it is the object's own (or the object is plain).
    const counts = `${this.scope.runtime("$$counts")}(v, k)`;
    if (!extra) return `  for (const k in o) if (!${keys}.has(k) && ${counts}) return false;\n`;
    const fail: Fail = (at) => `{\n${at}  if (${counts}) return false;\n${at}  continue extra;\n${at}}`;
    const inner = this.checkStatements(extra, "y", 1, "    ", fail);
    return `  extra: for (const k in o) {\n    if (${keys}.has(k)) continue;\n    const y = o[k];\n${inner}  }\n`;
  }

  private extraKeysCollect(fields: readonly Field[], extra: TypeRef | undefined): string {
    if (!this.checksExtraKeys(extra)) return "";
    const keys = this.keyTable(fields);
    const token = `${this.scope.runtime("$$token")}(k)`;
    if (!extra) return `  for (const k in o) if (!${keys}.has(k)) ${this.scope.runtime("$$unexpectedKey")}(c, ${token}, o[k]);\n`;
    const inner = this.collect(extra, "y", token, "    ");
    return `  for (const k in o) {\n    if (${keys}.has(k)) continue;\n    const y = o[k];\n${inner}  }\n`;
  }

  private keyTable(fields: readonly Field[]): string {
    return this.hoist(`keys:${JSON.stringify(fields.map((f) => f.name))}`, (name) => `const ${name}: ReadonlySet<string> = new Set([${fields.map((f) => stringLiteral(f.name)).join(", ")}]);\n`);
  }

  // -------------------------------------------------------------------------
  // The check: statements and expressions
  // -------------------------------------------------------------------------

  /**
   * Statements (lines prefixed by `indent`) that `return false` unless `x`
   * is a `type`; `depth` is how many containers below `d` the value sits.
   * Arrays are inline loops, so the usual path makes no call but to models.
   */
  private checkStatements(type: TypeRef, x: string, depth: number, indent: string, fail: Fail = () => "return false;", from: "d" | number = "d"): string {
    if (type.kind === "array" && !this.acceptsUndefined(type.items)) {
      const n = ++this.loops;
      const [i, item] = [`i${n}`, `x${n}`];
      const max = this.scope.runtime("$$MAX_DEPTH");
      return (
        `${indent}if (!Array.isArray(${x}) || ${depthExpression(depth, from)} >= ${max}) ${fail(indent)}\n` +
        `${indent}for (let ${i} = 0; ${i} < ${x}.length; ${i}++) {\n` +
        `${indent}  const ${item}: unknown = ${x}[${i}];\n` +
        this.checkStatements(type.items, item, depth + 1, `${indent}  `, fail, from) +
        `${indent}}\n`
      );
    }
    if (type.kind === "nullable" && !this.isExpression(type.type)) {
      return wrapIf(`${x} !== null`, this.checkStatements(type.type, x, depth, `${indent}  `, fail, from), indent);
    }
    return `${indent}if (${negate(this.is(type, x, depthExpression(depth, from)))}) ${fail(indent)}\n`;
  }

  /** Whether the check of `type` is best written as one expression (no loop of its own). */
  private isExpression(type: TypeRef): boolean {
    return !(type.kind === "array" && !this.acceptsUndefined(type.items));
  }

  /**
   * A boolean expression that is true when `x` (an identifier) is a `type`;
   * `d` is the expression for its nesting depth.
   */
  is(type: TypeRef, x: string, d: string): string {
    switch (type.kind) {
      case "string":
        if (type.format === "date-time") return `typeof ${x} === "string" && ${this.scope.runtime("$$isDateTime")}(${x})`;
        if (type.format === "date") return `typeof ${x} === "string" && ${this.scope.runtime("$$isDate")}(${x})`;
        return `typeof ${x} === "string"`;
      case "integer":
        return `Number.isInteger(${x})`;
      case "number":
        // Finite only: NaN and ±Infinity are not JSON numbers.
        return `Number.isFinite(${x})`;
      case "boolean":
        return `typeof ${x} === "boolean"`;
      case "unknown":
        return "true";
      case "literal":
        return `${x} === ${literalText(type.value)}`;
      case "ref":
        return `${this.scope.refFunctions(type.target).check}(${x}, ${d})`;
      case "named":
        throw new Error(`Internal error: unresolved name ${type.name} reached emit`);
      case "nullable":
        return type.type.kind === "unknown" ? "true" : `(${x} === null || ${this.is(type.type, x, d)})`;
      case "union":
        if (type.members.length === 0) return "false";
        if (type.members.some((m) => this.acceptsUndefined(m))) return "true";
        if (this.discriminator(type)) return `${this.hoistCheck(type)}(${x}, ${d})`;
        if (this.backtracks(type)) return `${this.scope.runtime("$$anyOf")}(${this.hoistAnyOf(type)}, ${x}, ${d})`;
        return `(${type.members.map((m) => this.is(m, x, d)).join(" || ")})`;
      case "array":
        return this.acceptsUndefined(type.items) ? `Array.isArray(${x})` : `${this.hoistCheck(type)}(${x}, ${d})`;
      case "record":
        return this.acceptsUndefined(type.values) ? `${this.scope.runtime("$$isRecord")}(${x})` : `${this.hoistCheck(type)}(${x}, ${d})`;
      default:
        return assertNever(type, "type kind");
    }
  }

  // -------------------------------------------------------------------------
  // The entry guard (prototype pollution)
  // -------------------------------------------------------------------------

  /**
   * The expression `isX` and `validateX` test before they trust the fast
   * check and the collect walk that reads plain objects directly, or
   * `undefined` when nothing `Object.prototype` or `Array.prototype` could
   * hold changes their verdict (an enum, a title-only doc).
   *
   * When the check reads only named keys, at most {@link GUARD_KEYS} of them
   * through every model it reaches, the guard is a module-level function
   * asking `Object.prototype` for each (`!("id" in $proto)`): any property
   * there, data or accessor, enumerable or not, sends the entry to the safe
   * walk. With `Object.prototype` a constant of the module, an optimized
   * caller folds the tests away (V8 depends on the prototype's shape instead),
   * where the whole-prototype test costs a `for…in` at every call. A check
   * that reads array items (a hole reads through to the prototypes) or every
   * key of an object (`for…in` meets inherited keys) takes that test,
   * `$$clean()`: no enumerable key on `Object.prototype`, no index key on
   * `Array.prototype`.
   */
  entryGuard(model: Model): string | undefined {
    const keys = this.guardKeys(model);
    if (keys === undefined) return `${this.scope.runtime("$$clean")}()`;
    if (keys.length === 0) return undefined;
    const proto = this.hoist("proto:", (name) => `/** \`Object.prototype\`, a constant of this module: see the guard below. */\nconst ${name}: object = Object.prototype;\n`);
    const tests = keys.map((key) => `!(${stringLiteral(key)} in ${proto})`).join(" && ");
    const guard = this.hoist(
      `guard:${JSON.stringify(keys)}`,
      (name) =>
        `/** Whether \`Object.prototype\` has none of the keys the check reads directly (prototype pollution, data or accessor, enumerable or not): else the entry takes the safe walk. */\n` +
        `function ${name}(): boolean {\n  return ${tests};\n}\n`,
    );
    return `${guard}()`;
  }

  /**
   * The keys the check and the collect walk of `model` read directly, through
   * every model they reach; `undefined` when they read more than named keys
   * (array items, every key of an object), more than {@link GUARD_KEYS}, or
   * reach more than {@link GUARD_MODELS} models. Keys `Object.prototype` has are left out: they are
   * read through `hasOwnProperty` (see {@link read}), as are keys whose type
   * takes anything.
   */
  private guardKeys(model: Model): string[] | undefined {
    const keys = new Set<string>();
    const seen = new Set<string>([model.id]);
    // A work list, not recursion: a chain of thousands of unions is a long walk, not a deep one.
    const models: Model[] = [model];
    const types: TypeRef[] = [];
    while (models.length > 0 || types.length > 0) {
      const type = types.pop();
      if (type === undefined) {
        const m = models.pop() as Model;
        switch (m.kind) {
          case "object":
            if (this.checksExtraKeys(m.additionalProperties)) return undefined;
            for (const field of m.fields) {
              if (this.acceptsUndefined(field.type)) continue;
              if (!PROTOTYPE_KEYS.has(field.name)) keys.add(field.name);
              types.push(field.type);
            }
            if (keys.size > GUARD_KEYS) return undefined;
            break;
          case "union":
            for (const member of m.members) types.push(member.type);
            break;
          case "enum":
          case "opaque":
            break;
          default:
            return assertNever(m, "model kind");
        }
        continue;
      }
      switch (type.kind) {
        case "array":
          if (!this.acceptsUndefined(type.items)) return undefined;
          break;
        case "record":
          if (!this.acceptsUndefined(type.values)) return undefined;
          break;
        case "nullable":
          types.push(type.type);
          break;
        case "union":
          if (!this.acceptsUndefined(type)) types.push(...type.members);
          break;
        case "ref":
          if (seen.has(type.target)) break;
          // Past this many models the whole-prototype test is as good, and the walk stays short.
          if (seen.size >= GUARD_MODELS) return undefined;
          seen.add(type.target);
          models.push(this.scope.model(type.target));
          break;
        case "named":
          return undefined;
        default:
          break;
      }
    }
    return [...keys];
  }

  /**
   * Whether a union's check can retry the same nested value along many paths:
   * two of its members may take the same kind of container (two object
   * models, an object and a record, two arrays) and each holds values that
   * nest without bound. A member that fails after it has checked a nested
   * value (deep down, or on a key after it) leaves the next to check it
   * again, at every level: 2^n checks at depth n (`Expr = AndExpr | OrExpr`,
   * each with a `left: Expr`: 20 levels took seconds), or n^k through a chain
   * of k such unions. Such a union checks through `$$anyOf`, which remembers
   * what it found for each object once its members have wasted enough
   * checks (see {@link hoistAnyOf}). Other unions keep the
   * plain `||` chain: one member at most can go deep, or the docs bound the
   * nesting.
   */
  private backtracks(type: TypeRef & { kind: "union" }): boolean {
    let seen = 0;
    for (const member of type.members) {
      if (!this.nestsWithoutBound(member)) continue;
      const kinds = this.containerKinds(member);
      if ((seen & kinds) !== 0) return true;
      seen |= kinds;
    }
    return false;
  }

  /** Whether `type` refers (in itself, its items, values or members) to a model whose values nest without bound. */
  private nestsWithoutBound(type: TypeRef): boolean {
    let found = false;
    walkType(type, (t) => {
      if (t.kind === "ref" && this.scope.nestsWithoutBound(t.target)) found = true;
    });
    return found;
  }

  /**
   * The kinds of containers a value of `type` may be, as bits: 1 a non-array
   * object (an object model, a record), 2 an array. A work list through the
   * members of union models, each model once.
   */
  private containerKinds(type: TypeRef): number {
    let kinds = 0;
    const seen = new Set<string>();
    const work: TypeRef[] = [type];
    for (let t = work.pop(); t !== undefined && kinds !== 3; t = work.pop()) {
      if (t.kind === "array") kinds |= 2;
      else if (t.kind === "record") kinds |= 1;
      else if (t.kind === "nullable") work.push(t.type);
      else if (t.kind === "union") work.push(...t.members);
      else if (t.kind === "ref" && !seen.has(t.target)) {
        seen.add(t.target);
        const model = this.scope.model(t.target);
        if (model.kind === "object") kinds |= 1;
        else if (model.kind === "union") for (const member of model.members) work.push(member.type);
      }
    }
    return kinds;
  }

  /** Whether the check {@link is} writes for `type` uses the depth expression. */
  usesDepth(type: TypeRef): boolean {
    switch (type.kind) {
      case "ref":
        return true;
      case "array":
        return !this.acceptsUndefined(type.items);
      case "record":
        return !this.acceptsUndefined(type.values);
      case "nullable":
        return this.usesDepth(type.type);
      case "union":
        return !this.acceptsUndefined(type) && (this.discriminator(type) !== undefined || type.members.some((m) => this.usesDepth(m)));
      default:
        return false;
    }
  }

  /**
   * Whether `type` accepts `undefined` too (then a required key is tested
   * with `$$has`): `unknown`, and a model that is (a title-only doc, a union
   * with an `unknown` member).
   */
  acceptsUndefined(type: TypeRef): boolean {
    return acceptsAnything(type, (target) => this.scope.acceptsAnything(target));
  }

  /** The field that tells a union's object members apart, if it has one: see {@link findDiscriminator}. */
  discriminator(type: TypeRef & { kind: "union" }): Discriminator | undefined {
    return findDiscriminator(type, (target) => this.scope.model(target));
  }

  // -------------------------------------------------------------------------
  // The collect walk
  // -------------------------------------------------------------------------

  /**
   * Statements (each line prefixed by `indent`) that report every issue of
   * `x` against `type`. `key` is the expression for `x`'s key in its parent
   * (`"id"`, `i`, `k`), or undefined when `x` is the value the walk stands on:
   * the path is built only when there is an issue to report.
   */
  collect(type: TypeRef, x: string, key: string | undefined, indent: string): string {
    switch (type.kind) {
      case "ref":
        return this.descend(type, x, key, `${this.scope.refFunctions(type.target).collect}(${x}, c)`, indent);
      case "nullable":
        if (type.type.kind === "unknown") return "";
        if (this.isSimple(type.type)) return this.simpleCollect(type, x, key, indent);
        return `${indent}if (${x} !== null) {\n${this.collect(type.type, x, key, `${indent}  `)}${indent}}\n`;
      case "union":
        // A member that accepts anything (`unknown`, a title-only doc) makes the union accept anything.
        if (this.acceptsUndefined(type)) return "";
        if (this.isSimple(type)) return this.simpleCollect(type, x, key, indent);
        if (this.discriminator(type)) return this.descend(type, x, key, `${this.hoistCollect(type)}(${x}, c)`, indent);
        return this.descend(type, x, key, `${this.scope.runtime("$$union")}(c, ${x}, ${stringLiteral(this.expected(type))}, ${this.memberTable(type)})`, indent);
      case "array":
        if (this.isSimple(type)) return this.simpleCollect(type, x, key, indent);
        // Not checked whole first: the walk checks each item before it walks it, so a check of the
        // array would only read its items up to the bad one twice.
        return visit(key, `${this.hoistCollect(type)}(${x}, c)`, indent);
      case "record":
        if (this.isSimple(type)) return this.simpleCollect(type, x, key, indent);
        return this.descend(type, x, key, `${this.hoistCollect(type)}(${x}, c)`, indent);
      case "unknown":
        return "";
      case "named":
        throw new Error(`Internal error: unresolved name ${type.name} reached emit`);
      case "string":
      case "integer":
      case "number":
      case "boolean":
      case "literal":
        return this.simpleCollect(type, x, key, indent);
      default:
        return assertNever(type, "type kind");
    }
  }

  /**
   * The walk into a child value: only when its fast check fails, so that the
   * walk's cost follows the bad parts of a value, not its size. (In the safe
   * walk the fast checks are not to be trusted: it always descends.)
   */
  private descend(type: TypeRef, x: string, key: string | undefined, call: string, indent: string): string {
    if (key === undefined) return `${indent}${call};\n`;
    const check = this.is(type, x, "c.stack.length");
    return `${indent}if (c.plain !== ${this.scope.runtime("$$OP")} || ${negate(check)}) {\n${visit(key, call, `${indent}  `)}${indent}}\n`;
  }

  /** A type whose check is one expression over the value itself, with no descent. */
  private isSimple(type: TypeRef): boolean {
    switch (type.kind) {
      case "string":
      case "integer":
      case "number":
      case "boolean":
      case "unknown":
      case "literal":
        return true;
      case "nullable":
        return this.isSimple(type.type);
      case "union":
        return type.members.every((m) => this.isSimple(m));
      case "array":
        return this.acceptsUndefined(type.items);
      case "record":
        return this.acceptsUndefined(type.values);
      default:
        return false;
    }
  }

  private simpleCollect(type: TypeRef, x: string, key: string | undefined, indent: string): string {
    // A literal found as it must be counts for the union member it belongs to (see `$$union`).
    const hit = isLiteral(type) ? "; else c.hits++;" : ";";
    return `${indent}if (${negate(this.is(type, x, "0"))}) ${this.issueCall(key, type, x)}${hit}\n`;
  }

  /** A call reporting that `x` (at child `key`, or the walk's own value) is not a `type`; its message is mostly written here. */
  private issueCall(key: string | undefined, type: TypeRef, x: string): string {
    const expected = this.expected(type);
    // A literal that does not match tells a union which member the value was not meant for (see `$$union`).
    return `${this.scope.runtime(isLiteral(type) ? "$$miss" : "$$issue")}(c, ${key ?? "undefined"}, ${stringLiteral(expected)}, ${stringLiteral(`Expected ${expected}, received `)}, ${x})`;
  }

  // -------------------------------------------------------------------------
  // Hoisted helpers
  // -------------------------------------------------------------------------

  /** The name of a hoisted `(v, d) => boolean` check for `type`. */
  hoistCheck(type: TypeRef): string {
    return this.hoist(`is:${JSON.stringify(type)}`, (name) => {
      const rt = (n: RuntimeName) => this.scope.runtime(n);
      if (type.kind === "array" && !this.acceptsUndefined(type.items)) {
        return `function ${name}(v: unknown, d: number): boolean {\n${this.checkStatements(type, "v", 0, "  ")}  return true;\n}\n`;
      }
      if (type.kind === "record" && !this.acceptsUndefined(type.values)) {
        // A record's keys are all its own when it is plain (`Object.prototype` is checked clean at entry).
        return (
          `function ${name}(v: unknown, d: number): boolean {\n` +
          `  if (typeof v !== "object" || v === null || Array.isArray(v) || d >= ${rt("$$MAX_DEPTH")}) return false;\n` +
          `  const o = (v as ${rt("$$Object")}).__proto__ === ${rt("$$OP")} ? (v as Record<string, unknown>) : ${rt("$$ownView")}(v);\n` +
          `  for (const k in o) {\n` +
          `    const x = o[k];\n` +
          this.checkStatements(type.values, "x", 1, "    ") +
          `  }\n` +
          `  return true;\n` +
          `}\n`
        );
      }
      const discriminator = type.kind === "union" ? this.discriminator(type) : undefined;
      if (discriminator) return `function ${name}(v: unknown, d: number): boolean {\n${this.switchCheck(discriminator)}}\n`;
      return `function ${name}(v: unknown, ${this.usesDepth(type) ? "d" : "_d"}: number): boolean {\n  return ${this.is(type, "v", "d")};\n}\n`;
    });
  }

  /**
   * The name of a hoisted `(v, d) => boolean` check that tries a backtracking
   * union's members in turn, counting the checks of nested values a failed
   * member made (`$$missed`): `$$anyOf` calls it (see {@link backtracks}).
   */
  private hoistAnyOf(type: TypeRef & { kind: "union" }): string {
    return this.hoist(`anyOf:${JSON.stringify(type)}`, (name) => {
      const rt = (n: RuntimeName) => this.scope.runtime(n);
      const last = type.members.length - 1;
      const tries = type.members.map((m, i) => {
        const check = this.is(m, "v", "d");
        if (i === last) return `  return ${check};\n`;
        return `  if (${check}) return true;\n  ${i + 1 < last ? "mark = " : ""}${rt("$$missed")}(mark);\n`;
      });
      return `function ${name}(v: unknown, d: number): boolean {\n  ${last > 1 ? "let" : "const"} mark = ${rt("$$mark")}();\n${tries.join("")}}\n`;
    });
  }

  /** The name of a hoisted `(v, c) => void` collect for `type`. */
  hoistCollect(type: TypeRef): string {
    if (type.kind === "ref") return this.scope.refFunctions(type.target).collect;
    return this.hoist(`collect:${JSON.stringify(type)}`, (name) => {
      const rt = (n: RuntimeName) => this.scope.runtime(n);
      const head = `function ${name}(v: unknown, c: ${rt("$$Context")}): void {\n`;
      const expected = stringLiteral(this.expected(type));
      if (type.kind === "array" && !this.isSimple(type)) {
        return (
          head +
          `  if (!Array.isArray(v)) {\n` +
          `    ${this.issueCall(undefined, type, "v")};\n` +
          `    return;\n` +
          `  }\n` +
          `  if (!${rt("$$push")}(c, v, ${!this.reaches(type)})) return;\n` +
          // In the safe walk a hole reads as undefined, never through a (polluted) Array.prototype.
          `  const safe = c.plain !== ${rt("$$OP")};\n` +
          `  for (let i = 0; i < v.length; i++) {\n` +
          `    const x: unknown = safe ? ${rt("$$own")}(v, i) : v[i];\n` +
          this.collect(type.items, "x", `"/" + i`, "    ") +
          `  }\n` +
          (this.reaches(type) ? `  ${rt("$$pop")}(c);\n` : "") +
          `}\n`
        );
      }
      if (type.kind === "record" && !this.isSimple(type)) {
        return (
          head +
          `  const o = ${rt("$$enter")}(c, v, ${expected}, ${!this.reaches(type)});\n` +
          `  if (o === undefined) return;\n` +
          `  for (const k in o) {\n` +
          `    const x = o[k];\n` +
          this.collect(type.values, "x", `${rt("$$token")}(k)`, "    ") +
          `  }\n` +
          (this.reaches(type) ? `  ${rt("$$pop")}(c);\n` : "") +
          `}\n`
        );
      }
      const discriminator = type.kind === "union" ? this.discriminator(type) : undefined;
      if (discriminator) return `${head}${this.switchCollect(discriminator, type)}}\n`;
      return head + this.collect(type, "v", undefined, "  ") + `}\n`;
    });
  }

  /** The name of a hoisted table of a union's members' check and collect functions. */
  private memberTable(type: TypeRef & { kind: "union" }): string {
    return this.hoist(`members:${JSON.stringify(type)}`, (table) => {
      const member = this.scope.runtime("$$Member");
      const entries = type.members.map((m) => `  [${this.memberCheck(m)}, ${this.hoistCollect(m)}, ${stringLiteral(this.expected(m))}],\n`).join("");
      return `const ${table}: readonly ${member}[] = [\n${entries}];\n`;
    });
  }

  /** A `(v, d) => boolean` function name for a union member. */
  private memberCheck(type: TypeRef): string {
    return type.kind === "ref" ? this.scope.refFunctions(type.target).check : this.hoistCheck(type);
  }

  private hoist(key: string, build: (name: string) => string): string {
    const existing = this.hoisted.get(key);
    if (existing) return existing;
    const prefixes: Record<string, string> = { members: "$u", collect: "$c", keys: "$keys", required: "$required", proto: "$proto", guard: "$clean" };
    const prefix = prefixes[key.slice(0, key.indexOf(":"))] ?? "$h";
    const name = this.local(`${prefix}${this.hoisted.size}`);
    this.hoisted.set(key, name);
    this.helpers.push(build(name));
    return name;
  }
}

/** Whether `type` accepts any value at all, `undefined` included, given which models do. */
export function acceptsAnything(type: TypeRef, modelAccepts: (target: string) => boolean): boolean {
  switch (type.kind) {
    case "unknown":
      return true;
    case "nullable":
      return acceptsAnything(type.type, modelAccepts);
    case "union":
      return type.members.some((m) => acceptsAnything(m, modelAccepts));
    case "ref":
      return modelAccepts(type.target);
    default:
      return false;
  }
}

/**
 * The models that accept any value at all: title-only docs (`unknown`), and
 * unions with a member that does, through any chain of unions. Found once for
 * the whole program, by spreading from the title-only docs back along union
 * members (linear in the members, however long a chain of unions is).
 */
export function modelsAcceptingAnything(models: readonly Model[]): Set<string> {
  const accepting = new Set<string>();
  /** For each model, the unions that have it as a direct member (not inside an array or a record). */
  const containers = new Map<string, string[]>();
  const queue: string[] = [];
  const directRefs = (type: TypeRef, out: string[]): string[] => {
    if (type.kind === "ref") out.push(type.target);
    else if (type.kind === "nullable") directRefs(type.type, out);
    else if (type.kind === "union") for (const m of type.members) directRefs(m, out);
    return out;
  };
  for (const model of models) {
    if (model.kind === "opaque" || (model.kind === "union" && model.members.some((m) => acceptsAnything(m.type, () => false)))) {
      accepting.add(model.id);
      queue.push(model.id);
    }
    if (model.kind !== "union") continue;
    for (const member of model.members) for (const target of directRefs(member.type, [])) containers.set(target, [...(containers.get(target) ?? []), model.id]);
  }
  while (queue.length > 0) {
    for (const union of containers.get(queue.pop() as string) ?? []) {
      if (accepting.has(union)) continue;
      accepting.add(union);
      queue.push(union);
    }
  }
  return accepting;
}

/**
 * The field that tells a union's object members apart: every member is a
 * model with that field required and fixed to a literal (or a one-value
 * enum), all values distinct.
 */
export function findDiscriminator(type: TypeRef & { kind: "union" }, modelOf: (target: string) => Model): Discriminator | undefined {
  if (type.members.length < 2) return undefined;
  const objects: { member: TypeRef; fields: readonly Field[] }[] = [];
  for (const member of type.members) {
    const model = member.kind === "ref" ? modelOf(member.target) : undefined;
    if (model?.kind !== "object") return undefined;
    objects.push({ member, fields: model.fields });
  }
  const literalOf = (field: Field | undefined): string | number | boolean | undefined => {
    if (!field?.required) return undefined;
    if (field.type.kind === "literal") return field.type.value ?? undefined; // a null tag tells nothing apart
    if (field.type.kind === "ref") {
      const target = modelOf(field.type.target);
      if (target.kind === "enum" && !target.open && target.values.length === 1) return target.values[0]?.value;
    }
    return undefined;
  };
  for (const candidate of objects[0]?.fields ?? []) {
    const cases = objects.map(({ member, fields }) => ({ value: literalOf(fields.find((f) => f.name === candidate.name)), member }));
    if (cases.some((c) => c.value === undefined)) continue;
    if (new Set(cases.map((c) => c.value)).size !== cases.length) continue;
    return { field: candidate.name, cases: cases as Discriminator["cases"] };
  }
  return undefined;
}

/**
 * The models that are members of a discriminated union somewhere in the
 * program, each with the tag fields of those unions. Their modules also export
 * the walk of their keys alone (which the union calls once it has entered the
 * object), and their check and walk can skip a tag the union has matched.
 */
export function taggedMembers(models: readonly Model[], modelOf: (target: string) => Model): Map<string, Set<string>> {
  const tagged = new Map<string, Set<string>>();
  const visit = (type: TypeRef): void => {
    switch (type.kind) {
      case "array":
        visit(type.items);
        return;
      case "record":
        visit(type.values);
        return;
      case "nullable":
        visit(type.type);
        return;
      case "union":
        const discriminator = findDiscriminator(type, modelOf);
        for (const c of discriminator?.cases ?? []) {
          if (c.member.kind !== "ref" || !discriminator) continue;
          const tags = tagged.get(c.member.target) ?? new Set<string>();
          tags.add(discriminator.field);
          tagged.set(c.member.target, tags);
        }
        type.members.forEach(visit);
        return;
      default:
        return;
    }
  };
  for (const model of models) {
    if (model.kind === "object") {
      for (const field of model.fields) visit(field.type);
      if (model.additionalProperties) visit(model.additionalProperties);
    } else if (model.kind === "union") {
      visit({ kind: "union", members: model.members.map((m) => m.type) });
    }
  }
  return tagged;
}

/** Whether `type` is a literal (a const), or a nullable one. */
function isLiteral(type: TypeRef): boolean {
  return (type.kind === "nullable" ? type.type : type).kind === "literal";
}

/** The message of a missing required key, written once here. */
function missingMessage(name: string): string {
  return stringLiteral(`Missing required property ${JSON.stringify(name)}`);
}

/** A call made with `key` pushed on the walk's path (or as it is, at the walk's own value). */
function visit(key: string | undefined, call: string, indent: string): string {
  return key === undefined ? `${indent}${call};\n` : `${indent}c.keys.push(${key});\n${indent}${call};\n${indent}c.keys.pop();\n`;
}

/** Lines indented by two more spaces. */
function indentLines(lines: string): string {
  return lines.replace(/^(?=.)/gm, "  ");
}

/** `d`, `d + 1`, … (or, `from` a number, that number plus `depth`). */
function depthExpression(depth: number, from: "d" | number = "d"): string {
  if (from !== "d") return String(from + depth);
  return depth === 0 ? "d" : `d + ${depth}`;
}

/** Statements inside `if (condition) { … }`, or nothing when there are none. */
function wrapIf(condition: string, inner: string, indent: string): string {
  return inner ? `${indent}if (${condition}) {\n${inner}${indent}}\n` : "";
}

/** JSON Pointer escaping of one reference token (RFC 6901 §3). */
export function pointerToken(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

const TYPEOF_TEST = /^typeof (\w+) === ("\w+")$/;
const EQUALITY_TEST = /^(\w+) === ("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|true|false)$/;

/** The negation of a check expression, written as plainly as possible (generated code is read). */
export function negate(expression: string): string {
  const typeofTest = TYPEOF_TEST.exec(expression);
  if (typeofTest) return `typeof ${typeofTest[1]} !== ${typeofTest[2]}`;
  const equality = EQUALITY_TEST.exec(expression);
  if (equality) return `${equality[1]} !== ${equality[2]}`;
  if (expression === "true") return "false";
  if (expression === "false") return "true";
  if (isParenthesized(expression) || /^[\w$.]+\([^()]*\)$/.test(expression)) return `!${expression}`;
  return `!(${expression})`;
}

/** Whether the whole expression is one parenthesized group. */
function isParenthesized(expression: string): boolean {
  if (!expression.startsWith("(") || !expression.endsWith(")")) return false;
  let depth = 0;
  let quote = false;
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i];
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === '"') quote = false;
    } else if (ch === '"') quote = true;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0 && i < expression.length - 1) return false;
  }
  return depth === 0;
}
