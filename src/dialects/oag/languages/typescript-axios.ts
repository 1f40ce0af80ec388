/**
 * OAG `typescript-axios` Type cells (grammar §A.5): `string`, `number`,
 * `boolean`, `Array<T>`, `Set<T>` (uniqueItems), `{ [key: string]: T; }`,
 * `any`, `object`, unions with `null` (shown inside containers only:
 * field-level null is lost), literal unions, model names.
 */

import type { TypeRef } from "../../../ir/ir.js";
import type { OagLanguage } from "../language.js";
import { ANY, BOOLEAN, convertAll, DATE_TIME, external, named, NUMBER, readTypeText, STRING, unionOf } from "../shared-types.js";
import type { TypeSyntax } from "../type-syntax.js";
import { own } from "../../lookup.js";

const PRIMITIVES: Readonly<Record<string, TypeRef>> = {
  string: STRING,
  number: NUMBER,
  boolean: BOOLEAN,
  any: ANY,
  object: ANY,
  unknown: ANY,
  null: { kind: "literal", value: null },
  Date: DATE_TIME,
};

/**
 * Schema names that are TypeScript built-ins: the generator renames such a
 * model (`Error` → `ModelError`) but still writes the old name in Type cells.
 */
const BUILT_IN_NAMES: ReadonlySet<string> = new Set(["Error", "Array", "Map", "Object", "String", "Boolean", "Number", "Double", "Integer", "Long", "Float"]);

/** SDK types with no JSON meaning (file bodies). */
const FILES: ReadonlySet<string> = new Set(["File", "Blob", "Buffer"]);

/**
 * The meaning of a TypeScript type tree, for both TypeScript clients:
 * `Array<T>`, `Set<T>`, `T[]`, `{ [key: string]: T; }`, unions, literals;
 * a bare name is `names`' meaning, else what `bare` makes of it (a model).
 */
export function typescriptConverter(names: Readonly<Record<string, TypeRef>>, bare: (name: string) => TypeRef | undefined = named): (node: TypeSyntax) => TypeRef | undefined {
  const convert = (node: TypeSyntax): TypeRef | undefined => {
    switch (node.kind) {
      case "name": {
        if (node.open === "") return own(names, node.name) ?? bare(node.name);
        const [first] = node.args;
        if (node.open !== "<" || node.args.length !== 1 || !first || (node.name !== "Array" && node.name !== "Set")) return undefined;
        const items = convert(first);
        return items && { kind: "array", items };
      }
      case "suffix": {
        const items = node.suffix === "[]" ? convert(node.type) : undefined;
        return items && { kind: "array", items };
      }
      case "index": {
        const values = convert(node.value);
        return values && { kind: "record", values };
      }
      case "union": {
        const members = convertAll(node.members, convert);
        return members && unionOf(members);
      }
      case "literal":
        return { kind: "literal", value: node.value };
      default:
        return undefined;
    }
  };
  return convert;
}

/** typescript-axios: a built-in's name is the renamed model's (`Error`, also `ModelError`), a file body no JSON. */
const convert = typescriptConverter(PRIMITIVES, (name) => {
  if (BUILT_IN_NAMES.has(name)) return { kind: "named", name, also: [`Model${name}`] };
  return FILES.has(name) ? external(name) : named(name);
});

export const typescriptAxios: OagLanguage = {
  id: "typescript-axios",
  names: "wire",
  nulls: "generics",
  readType: (text) => readTypeText(text, convert),
};
