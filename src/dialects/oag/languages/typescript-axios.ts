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

function convert(node: TypeSyntax): TypeRef | undefined {
  switch (node.kind) {
    case "name": {
      if (node.open === "") {
        if (BUILT_IN_NAMES.has(node.name)) return { kind: "named", name: node.name, also: [`Model${node.name}`] };
        return own(PRIMITIVES, node.name) ?? (FILES.has(node.name) ? external(node.name) : named(node.name));
      }
      const [first] = node.args;
      if (node.open !== "<" || node.args.length !== 1 || !first) return undefined;
      if (node.name !== "Array" && node.name !== "Set") return undefined;
      const items = convert(first);
      return items && { kind: "array", items };
    }
    case "suffix": {
      if (node.suffix !== "[]") return undefined;
      const items = convert(node.type);
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
}

export const typescriptAxios: OagLanguage = {
  id: "typescript-axios",
  names: "wire",
  nulls: "generics",
  readType: (text) => readTypeText(text, convert),
};
