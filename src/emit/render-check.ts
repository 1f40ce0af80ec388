/**
 * Validator code for IR types. Two walks are generated for every model:
 *
 * - the *check* (`$isX(v, d)`): straight-line boolean code, no allocation,
 *   used by `isX` and as `validateX`'s fast path;
 * - the *collect* (`$checkX(v, p, c)`): the slow path, run only when the check
 *   failed, which reports every issue with its JSON Pointer.
 *
 * Containers (arrays, records) and union members that are not references get
 * small helper functions hoisted to module level, shared by equal types.
 * Rules for what each type accepts: DESIGN.md, "Type semantics".
 */

import { assertNever, type TypeRef } from "../ir.js";
import { stringLiteral } from "./escape.js";
import { describeType, literalText } from "./render-type.js";

/** The runtime module's exports the generated code uses (all start with `$$`, or are public). */
export type RuntimeName =
  | "$$MAX_DEPTH"
  | "$$own"
  | "$$has"
  | "$$hasOwn"
  | "$$isRecord"
  | "$$isDateTime"
  | "$$isDate"
  | "$$issue"
  | "$$missing"
  | "$$enter"
  | "$$push"
  | "$$pop"
  | "$$union"
  | "$$collect"
  | "$$Context"
  | "$$Member"
  | "ValidationError"
  | "ValidationResult";

/** What a module's code generator tells the check writer about its surroundings. */
export interface CheckScope {
  /** Local names of a referenced model's internal check and collect functions (marks them used). */
  refFunctions(target: string): { readonly check: string; readonly collect: string };
  /** The documented name of a referenced model, for issue messages. */
  modelName(target: string): string;
  /** Marks a runtime export as used and returns its name. */
  runtime(name: RuntimeName): string;
}

/** Builds check and collect code for one module, hoisting helpers as needed. */
export class CheckWriter {
  private readonly scope: CheckScope;
  private readonly hoisted = new Map<string, string>();
  private readonly helpers: string[] = [];

  constructor(scope: CheckScope) {
    this.scope = scope;
  }

  /** Adds a module-level declaration (a lookup table) after the helpers. */
  declare(source: string): void {
    this.helpers.push(source);
  }

  /** The hoisted helper functions and tables, in order of creation. */
  helperSource(): string {
    return this.helpers.join("\n");
  }

  /** The `expected` text for `type`. */
  expected(type: TypeRef): string {
    return describeType(type, (target) => this.scope.modelName(target));
  }

  /**
   * A boolean expression that is true when `x` (an identifier) is a `type`;
   * `d` is the expression for the current nesting depth.
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
        if (type.members.some((m) => m.kind === "unknown")) return "true";
        return `(${type.members.map((m) => this.is(m, x, d)).join(" || ")})`;
      case "array":
        return this.acceptsUndefined(type.items) ? `Array.isArray(${x})` : `${this.hoistCheck(type)}(${x}, ${d})`;
      case "record":
        return this.acceptsUndefined(type.values) ? `${this.scope.runtime("$$isRecord")}(${x})` : `${this.hoistCheck(type)}(${x}, ${d})`;
      default:
        return assertNever(type, "type kind");
    }
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
        return !this.acceptsUndefined(type) && type.members.some((m) => this.usesDepth(m));
      default:
        return false;
    }
  }

  /** Whether `type` accepts `undefined` too (then a required key is tested with `$$has`). */
  acceptsUndefined(type: TypeRef): boolean {
    switch (type.kind) {
      case "unknown":
        return true;
      case "nullable":
        return this.acceptsUndefined(type.type);
      case "union":
        return type.members.some((m) => this.acceptsUndefined(m));
      default:
        return false;
    }
  }

  /**
   * Statements (each line prefixed by `indent`) that report every issue of
   * `x` against `type`, at the JSON Pointer expression `p`.
   */
  collect(type: TypeRef, x: string, p: string, indent: string): string {
    switch (type.kind) {
      case "ref":
        return `${indent}${this.scope.refFunctions(type.target).collect}(${x}, ${p}, c);\n`;
      case "nullable":
        if (type.type.kind === "unknown") return "";
        if (this.isSimple(type.type)) return this.simpleCollect(type, x, p, indent);
        return `${indent}if (${x} !== null) {\n${this.collect(type.type, x, p, `${indent}  `)}${indent}}\n`;
      case "union":
        if (this.isSimple(type)) return this.simpleCollect(type, x, p, indent);
        return `${indent}${this.scope.runtime("$$union")}(c, ${x}, ${p}, ${stringLiteral(this.expected(type))}, ${this.memberTable(type)});\n`;
      case "array":
      case "record":
        if (this.isSimple(type)) return this.simpleCollect(type, x, p, indent);
        return `${indent}${this.hoistCollect(type)}(${x}, ${p}, c);\n`;
      case "unknown":
        return "";
      case "named":
        throw new Error(`Internal error: unresolved name ${type.name} reached emit`);
      case "string":
      case "integer":
      case "number":
      case "boolean":
      case "literal":
        return this.simpleCollect(type, x, p, indent);
      default:
        return assertNever(type, "type kind");
    }
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

  private simpleCollect(type: TypeRef, x: string, p: string, indent: string): string {
    const issue = this.scope.runtime("$$issue");
    return `${indent}if (${negate(this.is(type, x, "0"))}) ${issue}(c, ${p}, ${stringLiteral(this.expected(type))}, ${x});\n`;
  }

  /** The name of a hoisted `(v, d) => boolean` check for `type`. */
  hoistCheck(type: TypeRef): string {
    return this.hoist(`is:${JSON.stringify(type)}`, (name) => {
      const max = () => this.scope.runtime("$$MAX_DEPTH");
      // A container of anything is a plain kind check, with no loop (see `is`).
      if (type.kind === "array" && !this.acceptsUndefined(type.items)) {
        return (
          `function ${name}(v: unknown, d: number): boolean {\n` +
          `  if (!Array.isArray(v) || d >= ${max()}) return false;\n` +
          `  for (let i = 0; i < v.length; i++) {\n` +
          `    const x: unknown = v[i];\n` +
          `    if (${negate(this.is(type.items, "x", "d + 1"))}) return false;\n` +
          `  }\n` +
          `  return true;\n` +
          `}\n`
        );
      }
      if (type.kind === "record" && !this.acceptsUndefined(type.values)) {
        return (
          `function ${name}(v: unknown, d: number): boolean {\n` +
          `  if (!${this.scope.runtime("$$isRecord")}(v) || d >= ${max()}) return false;\n` +
          `  for (const k in v) {\n` +
          `    if (!${this.scope.runtime("$$hasOwn")}.call(v, k)) continue;\n` +
          `    const x = v[k];\n` +
          `    if (${negate(this.is(type.values, "x", "d + 1"))}) return false;\n` +
          `  }\n` +
          `  return true;\n` +
          `}\n`
        );
      }
      const check = this.is(type, "v", "d");
      return `function ${name}(v: unknown, ${this.usesDepth(type) ? "d" : "_d"}: number): boolean {\n  return ${check};\n}\n`;
    });
  }

  /** The name of a hoisted `(v, p, c) => void` collect for `type`. */
  hoistCollect(type: TypeRef): string {
    if (type.kind === "ref") return this.scope.refFunctions(type.target).collect;
    return this.hoist(`collect:${JSON.stringify(type)}`, (name) => {
      const head = `function ${name}(v: unknown, p: string, c: ${this.scope.runtime("$$Context")}): void {\n`;
      const expected = stringLiteral(this.expected(type));
      if (type.kind === "array" && !this.isSimple(type)) {
        return (
          head +
          `  if (!Array.isArray(v)) {\n` +
          `    ${this.scope.runtime("$$issue")}(c, p, ${expected}, v);\n` +
          `    return;\n` +
          `  }\n` +
          `  if (!${this.scope.runtime("$$push")}(c, v, p)) return;\n` +
          `  for (let i = 0; i < v.length; i++) {\n` +
          `    const x: unknown = v[i];\n` +
          this.collect(type.items, "x", `p + "/" + i`, "    ") +
          `  }\n` +
          `  ${this.scope.runtime("$$pop")}(c, v);\n` +
          `}\n`
        );
      }
      if (type.kind === "record" && !this.isSimple(type)) {
        return (
          head +
          `  if (!${this.scope.runtime("$$enter")}(c, v, p, ${expected})) return;\n` +
          `  for (const k in v) {\n` +
          `    if (!${this.scope.runtime("$$hasOwn")}.call(v, k)) continue;\n` +
          `    const x = v[k];\n` +
          this.collect(type.values, "x", `p + "/" + k.replace(/~/g, "~0").replace(/\\//g, "~1")`, "    ") +
          `  }\n` +
          `  ${this.scope.runtime("$$pop")}(c, v);\n` +
          `}\n`
        );
      }
      return head + this.collect(type, "v", "p", "  ") + `}\n`;
    });
  }

  /** The name of a hoisted table of a union's members' check and collect functions. */
  private memberTable(type: TypeRef & { kind: "union" }): string {
    return this.hoist(`members:${JSON.stringify(type)}`, (table) => {
      const member = this.scope.runtime("$$Member");
      const entries = type.members.map((m) => `  [${this.memberCheck(m)}, ${this.hoistCollect(m)}],\n`).join("");
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
    const prefix = key.startsWith("members:") ? "$u" : key.startsWith("collect:") ? "$c" : "$h";
    const name = `${prefix}${this.hoisted.size}`;
    this.hoisted.set(key, name);
    this.helpers.push(build(name));
    return name;
  }
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
