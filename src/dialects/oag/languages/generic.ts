/**
 * What the readers of the angle-bracket languages share (grammar §A.5: java,
 * kotlin, php, ruby, csharp, dart, dart-dio, Genesys): the meaning of a
 * {@link TypeSyntax} tree from a table of names (`List<Pet>`,
 * `Map<String, List<Pet>>`, `kotlin.collections.Map<kotlin.String, Pet>`,
 * `Guid?`, `\Ns\Pet[]`, `array<string,mixed>`, `byte[]`), and the types
 * several of these languages spell alike.
 */

import { nullable, type TypeRef } from "../../../ir/ir.js";
import type { OagLanguage } from "../language.js";
import { convertAll, named, readTypeText } from "../shared-types.js";
import type { TypeSyntax } from "../type-syntax.js";
import { own } from "../../lookup.js";

/** Base64 text (`byte[]`, `kotlin.ByteArray`: OpenAPI `format: byte`). */
export const BYTES: TypeRef = { kind: "string", format: "byte" };

/**
 * One SDK type for both `format: date` and `format: date-time` (PHP
 * `\DateTime`, JavaScript `Date`, C# `DateTime`, dart2 `DateTime`): either
 * string is accepted.
 */
export const DATE_OR_DATE_TIME: TypeRef = {
  kind: "union",
  members: [
    { kind: "string", format: "date-time" },
    { kind: "string", format: "date" },
  ],
};

/** How one language spells types in the angle-bracket notation. */
export interface AngleNotation {
  /**
   * Names with a fixed meaning: primitives, dates, free-form and SDK-only
   * types; a key may end in `[]` (`byte[]` is base64 text, not an array).
   */
  readonly names: Readonly<Record<string, TypeRef>>;
  /** Generic names of one argument that mean an array (`List`, `Set`, `BuiltList`, `Array`). */
  readonly lists: readonly string[];
  /** Generic names of a key and a value argument that mean a JSON object (`Map`, `Hash`, `Dictionary`, `array`). */
  readonly maps: readonly string[];
  /** Whether a `?` suffix makes a type nullable (C# `int?`, Kotlin `kotlin.String?`). */
  readonly question?: boolean;
  /** Whether a `[]` suffix means an array (PHP `Pet[]`). */
  readonly arraySuffix?: boolean;
}

/**
 * The meaning of an angle-bracket type tree:
 *
 * ```
 * type := name [ "<" type { "," type } ">" ] { "?" | "[" "]" }
 * ```
 *
 * A name in `notation.names` has its fixed meaning, a list or map name with
 * its arguments its container meaning, any other bare name is a model (its
 * namespace or package cut); anything else `undefined`.
 */
export function convertAngle(node: TypeSyntax, notation: AngleNotation): TypeRef | undefined {
  switch (node.kind) {
    case "name": {
      if (node.open === "") return own(notation.names, node.name) ?? named(node.name);
      if (node.open !== "<") return undefined;
      const args = convertAll(node.args, (arg) => convertAngle(arg, notation));
      if (args?.length === 1 && notation.lists.includes(node.name)) return { kind: "array", items: args[0]! };
      if (args?.length === 2 && notation.maps.includes(node.name)) return { kind: "record", values: args[1]! };
      return undefined;
    }
    case "suffix": {
      if (node.suffix === "?") {
        const type = notation.question ? convertAngle(node.type, notation) : undefined;
        return type && nullable(type);
      }
      const whole = node.type.kind === "name" && node.type.open === "" ? own(notation.names, `${node.type.name}[]`) : undefined;
      if (whole) return whole;
      const items = notation.arraySuffix ? convertAngle(node.type, notation) : undefined;
      return items && { kind: "array", items };
    }
    default:
      return undefined;
  }
}

/** An {@link OagLanguage} of the angle-bracket notation. */
export function angleLanguage(id: string, names: OagLanguage["names"], nulls: OagLanguage["nulls"], notation: AngleNotation): OagLanguage {
  return { id, names, nulls, readType: (text) => readTypeText(text, (node) => convertAngle(node, notation)) };
}
