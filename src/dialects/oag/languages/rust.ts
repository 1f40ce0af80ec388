/**
 * OAG `rust` Type cells (grammar §A.5): `String`, `i32`, `i64`, `f64`,
 * `bool`, `Vec<T>`, `std::collections::HashMap<String, T>`,
 * `serde_json::Value`, `models::Model` (`Box<…>` around it), and `Option<T>`
 * inside containers. The row reader takes the field-level `Option<…>` off
 * first: on a required row it says null (grammar §A.4).
 */

import { nullable, type TypeRef } from "../../../ir/ir.js";
import type { OagLanguage } from "../language.js";
import { ANY, BOOLEAN, external, INTEGER, named, NUMBER, readTypeText, STRING } from "../shared-types.js";
import { lastSegment, type TypeSyntax } from "../type-syntax.js";
import { own } from "../../lookup.js";

const PRIMITIVES: Readonly<Record<string, TypeRef>> = {
  String: STRING,
  str: STRING,
  char: STRING,
  bool: BOOLEAN,
  i8: INTEGER,
  i16: INTEGER,
  i32: INTEGER,
  i64: INTEGER,
  i128: INTEGER,
  isize: INTEGER,
  u8: INTEGER,
  u16: INTEGER,
  u32: INTEGER,
  u64: INTEGER,
  u128: INTEGER,
  usize: INTEGER,
  f32: NUMBER,
  f64: NUMBER,
  "uuid::Uuid": STRING,
  "serde_json::Value": ANY,
};

/** SDK types with no JSON meaning (file bodies). */
const FILES: ReadonlySet<string> = new Set(["std::path::PathBuf", "PathBuf", "reqwest::multipart::Part"]);

function convert(node: TypeSyntax): TypeRef | undefined {
  if (node.kind !== "name") return undefined;
  if (node.open === "") {
    if (FILES.has(node.name)) return external(node.name);
    return own(PRIMITIVES, node.name) ?? named(node.name);
  }
  if (node.open !== "<") return undefined;
  const [first, second] = node.args;
  switch (lastSegment(node.name)) {
    case "Vec":
    case "HashSet":
    case "BTreeSet": {
      const items = node.args.length === 1 && first ? convert(first) : undefined;
      return items && { kind: "array", items };
    }
    case "HashMap":
    case "BTreeMap": {
      const values = node.args.length === 2 && second ? convert(second) : undefined;
      return values && { kind: "record", values };
    }
    case "Box":
      return node.args.length === 1 && first ? convert(first) : undefined;
    case "Option": {
      const inner = node.args.length === 1 && first ? convert(first) : undefined;
      return inner && nullable(inner);
    }
    default:
      return undefined;
  }
}

export const rust: OagLanguage = {
  id: "rust",
  names: "snake_case",
  nulls: "shown",
  readType: (text) => readTypeText(text, convert),
};
