/**
 * OAG `python` (pydantic, OpenAPI Generator 7.x) Type cells (grammar §A.5):
 * `str`, `int`, `float`, `bool`, `datetime`, `date`, `List[T]`, `Set[T]`,
 * `Dict[str, T]`, `Optional[T]` (shown inside containers only: field-level
 * null is lost), `Union[A, B]`, `object`, model names.
 */

import { nullable, type TypeRef } from "../../../ir/ir.js";
import type { OagLanguage } from "../language.js";
import { ANY, BOOLEAN, convertAll, DATE, DATE_TIME, external, INTEGER, named, NUMBER, readTypeText, STRING, unionOf } from "../shared-types.js";
import type { TypeSyntax } from "../type-syntax.js";
import { own } from "../../lookup.js";

/** Bare names with a JSON meaning (pydantic's strict aliases included). */
const PRIMITIVES: Readonly<Record<string, TypeRef>> = {
  str: STRING,
  StrictStr: STRING,
  int: INTEGER,
  StrictInt: INTEGER,
  float: NUMBER,
  StrictFloat: NUMBER,
  Decimal: NUMBER,
  bool: BOOLEAN,
  StrictBool: BOOLEAN,
  datetime: DATE_TIME,
  date: DATE,
  UUID: STRING,
  object: ANY,
  Any: ANY,
  None: { kind: "literal", value: null },
};

/** Binary content: SDK file objects with no JSON meaning. */
const FILES: ReadonlySet<string> = new Set(["bytearray", "bytes", "StrictBytes", "file", "IO"]);

function convert(node: TypeSyntax): TypeRef | undefined {
  if (node.kind !== "name") return undefined;
  if (node.open === "") return own(PRIMITIVES, node.name) ?? (FILES.has(node.name) ? external(node.name) : named(node.name));
  if (node.open !== "[") return undefined;
  const args = convertAll(node.args, convert);
  if (!args) return undefined;
  const [first, second] = args;
  switch (node.name) {
    case "List":
    case "Set":
      return args.length === 1 && first ? { kind: "array", items: first } : undefined;
    case "Dict":
      return args.length === 2 && second ? { kind: "record", values: second } : undefined;
    case "Optional":
      return args.length === 1 && first ? nullable(first) : undefined;
    case "Union":
      return args.length > 0 ? unionOf(args) : undefined;
    default:
      return undefined;
  }
}

export const python: OagLanguage = {
  id: "python",
  names: "snake_case",
  nulls: "generics",
  readType: (text) => readTypeText(text, convert),
};
