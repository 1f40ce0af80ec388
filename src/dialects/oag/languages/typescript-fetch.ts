/**
 * OAG `typescript-fetch` Type cells (grammar §A.1, §A.5): the two-column
 * `` `name` | Type `` table with TypeScript types: `string`, `number`,
 * `boolean`, `Date`, `any`, `object`, `Array<T>`, `Set<T>`, `T[]`,
 * `{ [key: string]: T; }`, unions (`T | null`), models, `Blob`. Names are
 * camelCase (§A.3); null is not shown (§A.4), but read where written.
 */

import type { TypeRef } from "../../../ir/ir.js";
import type { OagLanguage } from "../language.js";
import { ANY, BOOLEAN, convertAll, external, named, NUMBER, readTypeText, STRING, unionOf } from "../shared-types.js";
import type { TypeSyntax } from "../type-syntax.js";
import { DATE_OR_DATE_TIME } from "./generic.js";
import { own } from "../../lookup.js";

const NAMES: Readonly<Record<string, TypeRef>> = {
  string: STRING,
  number: NUMBER,
  boolean: BOOLEAN,
  // typescript-fetch spells `date` and `date-time` both `Date`.
  Date: DATE_OR_DATE_TIME,
  any: ANY,
  object: ANY,
  null: { kind: "literal", value: null },
  Blob: external("Blob"),
  File: external("File"),
};

function convert(node: TypeSyntax): TypeRef | undefined {
  switch (node.kind) {
    case "name": {
      if (node.open === "") return own(NAMES, node.name) ?? named(node.name);
      const items = node.open === "<" && node.args.length === 1 && (node.name === "Array" || node.name === "Set") ? convert(node.args[0]!) : undefined;
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
}

export const typescriptFetch: OagLanguage = {
  id: "typescript-fetch",
  names: "camelCase",
  nulls: "lost",
  readType: (text) => readTypeText(text, convert),
};
