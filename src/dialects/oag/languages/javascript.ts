/**
 * OAG `javascript` Type cells (grammar §A.5): `String`, `Number`,
 * `Boolean`, `Date`, `Object`, `File`, arrays `[T]` and maps `{String: T}`,
 * model names (`Pet`, or with the package: `Api.Pet`). Names are camelCase
 * (§A.3); null is not shown (§A.4).
 */

import type { TypeRef } from "../../../ir/ir.js";
import type { OagLanguage } from "../language.js";
import { ANY, BOOLEAN, external, named, NUMBER, readTypeText, STRING } from "../shared-types.js";
import type { TypeSyntax } from "../type-syntax.js";
import { DATE_OR_DATE_TIME } from "./generic.js";
import { own } from "../../lookup.js";

const NAMES: Readonly<Record<string, TypeRef>> = {
  String: STRING,
  Number: NUMBER,
  Boolean: BOOLEAN,
  // JavaScript spells `date` and `date-time` both `Date`.
  Date: DATE_OR_DATE_TIME,
  Object: ANY,
  File: external("File"),
  Blob: external("Blob"),
};

function convert(node: TypeSyntax): TypeRef | undefined {
  switch (node.kind) {
    case "name":
      return node.open === "" ? (own(NAMES, node.name) ?? named(node.name)) : undefined;
    case "list": {
      const items = node.items.length === 1 ? convert(node.items[0]!) : undefined;
      return items && { kind: "array", items };
    }
    case "dict": {
      const values = convert(node.value);
      return values && { kind: "record", values };
    }
    default:
      return undefined;
  }
}

export const javascript: OagLanguage = {
  id: "javascript",
  names: "camelCase",
  nulls: "lost",
  readType: (text) => readTypeText(text, convert),
};
