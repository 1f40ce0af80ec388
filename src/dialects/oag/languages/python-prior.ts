/**
 * OAG `python-prior` Type cells (OpenAPI Generator 5.x–6.x `python`,
 * grammar §A.5): the types a value may have, comma-separated, `none_type`
 * among them for null (§A.4): `str`, `str, none_type`, lists `[T]`
 * (`[str, none_type]`), dicts `{str: (T,)}`, `int`, `float`, `bool`,
 * `date`, `datetime`, `dict`, `list`, `file_type`, model names. The tuple of
 * every JSON type (`bool, date, datetime, dict, float, int, list, str,
 * none_type`) is a free-form value. Names are snake_case (§A.3); null is
 * shown.
 */

import type { TypeRef } from "../../../ir/ir.js";
import type { OagLanguage } from "../language.js";
import { ANY, BOOLEAN, convertAll, DATE, DATE_TIME, external, INTEGER, named, NUMBER, readTypeText, STRING, unionOf } from "../shared-types.js";
import type { TypeSyntax } from "../type-syntax.js";
import { own } from "../../lookup.js";

const NAMES: Readonly<Record<string, TypeRef>> = {
  str: STRING,
  UUID: STRING,
  int: INTEGER,
  float: NUMBER,
  bool: BOOLEAN,
  datetime: DATE_TIME,
  date: DATE,
  dict: { kind: "record", values: ANY },
  list: { kind: "array", items: ANY },
  none_type: { kind: "literal", value: null },
  file_type: external("file_type"),
};

/** The types whose tuple means any JSON value (the generator's free-form tuple; the dates add nothing). */
const EVERY_TYPE = ["bool", "dict", "float", "int", "list", "str"];

/** A tuple of allowed types (`str, none_type`, the items of `[…]` and `(…,)`): one type, a union, or any value. */
function alternatives(nodes: readonly TypeSyntax[]): TypeRef | undefined {
  const names = nodes.flatMap((node) => (node.kind === "name" ? [node.name] : []));
  if (EVERY_TYPE.every((name) => names.includes(name))) return ANY;
  const members = convertAll(nodes, convert);
  return members && members.length > 0 ? unionOf(members) : undefined;
}

function convert(node: TypeSyntax): TypeRef | undefined {
  switch (node.kind) {
    case "name":
      return node.open === "" ? (own(NAMES, node.name) ?? named(node.name)) : undefined;
    case "alternatives":
      return alternatives(node.members);
    case "tuple":
      return alternatives(node.items);
    case "list": {
      const items = alternatives(node.items);
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

export const pythonPrior: OagLanguage = {
  id: "python-prior",
  names: "snake_case",
  nulls: "shown",
  readType: (text) => readTypeText(text, convert),
};
