/**
 * The reader of docs whose client language nothing tells (a language
 * without a reader of its own, such as swift5 or elixir, or a tree whose
 * docs show no language's marks): it reads the spellings every OAG client
 * shares — the primitives, dates and free-form types each language's table
 * names (grammar §A.5; `String`, `string`, `str`, `Int`, `Integer`, `i64`,
 * `Bool`, `Double`, `OffsetDateTime`, `Object`, …), generic lists and maps
 * (`List<T>`, `Array<T>`, `Vec<T>`, `Map<K, V>`, `Dictionary<K, V>`, …),
 * `[T]`, `T[]`, `[]T`, `{K: V}`, `map[K]V`, `{ [key: string]: T; }`, `T?` —
 * and takes any other bare name for a model. What it cannot read is
 * `unknown` (`unknown-type`); the tree's `dialect-limits` info says the
 * language was not told.
 */

import { nullable, type TypeRef } from "../../ir/ir.js";
import { own } from "../lookup.js";
import type { OagLanguage } from "./language.js";
import { JAVA_NAMES } from "./languages/java.js";
import { PYTHON_LEGACY_NAMES } from "./languages/python-legacy.js";
import { ANY, BOOLEAN, convertAll, DATE_TIME, INTEGER, named, NUMBER, readTypeText, STRING, unionOf } from "./shared-types.js";
import type { TypeSyntax } from "./type-syntax.js";

/** Names whose meaning no client disputes: Java's and Python's tables, and the other clients' spellings of the same primitives. */
const NAMES: Readonly<Record<string, TypeRef>> = {
  ...JAVA_NAMES,
  ...PYTHON_LEGACY_NAMES,
  string: STRING,
  String: STRING,
  Int: INTEGER,
  Int32: INTEGER,
  Int64: INTEGER,
  int32: INTEGER,
  int64: INTEGER,
  i32: INTEGER,
  i64: INTEGER,
  long: INTEGER,
  integer: INTEGER,
  number: NUMBER,
  double: NUMBER,
  Decimal: NUMBER,
  decimal: NUMBER,
  float32: NUMBER,
  float64: NUMBER,
  f64: NUMBER,
  num: NUMBER,
  boolean: BOOLEAN,
  Bool: BOOLEAN,
  DateTime: DATE_TIME,
  any: ANY,
  Any: ANY,
  AnyCodable: ANY,
  JsonObject: ANY,
};

/** Generic names of one argument that mean an array, and of a key and a value that mean an object. */
const LISTS = new Set(["List", "Array", "Set", "ArrayList", "Vec", "BuiltList", "BuiltSet", "Seq", "list", "array", "set"]);
const MAPS = new Set(["Map", "Dictionary", "Hash", "HashMap", "BuiltMap", "dict", "map", "array", "Record"]);

function lastSegment(name: string): string {
  return name.split(/::|\\|\./).filter(Boolean).pop() ?? name;
}

function convert(node: TypeSyntax): TypeRef | undefined {
  switch (node.kind) {
    case "name": {
      if (node.open === "") return own(NAMES, node.name) ?? own(NAMES, lastSegment(node.name)) ?? named(node.name);
      const args = convertAll(node.args, convert);
      const name = lastSegment(node.name);
      if (args?.length === 1 && LISTS.has(name)) return { kind: "array", items: args[0] as TypeRef };
      if (args?.length === 2 && MAPS.has(name)) return { kind: "record", values: args[1] as TypeRef };
      return undefined;
    }
    case "slice": {
      const items = convert(node.items);
      return items && { kind: "array", items };
    }
    case "list": {
      const items = node.items.length === 1 ? convert(node.items[0] as TypeSyntax) : undefined;
      return items && { kind: "array", items };
    }
    case "suffix": {
      const type = convert(node.type);
      return type && (node.suffix === "?" ? nullable(type) : { kind: "array", items: type });
    }
    case "map":
    case "index":
    case "dict": {
      const values = convert(node.value);
      return values && { kind: "record", values };
    }
    case "union": {
      const members = convertAll(node.members, convert);
      return members && unionOf(members);
    }
    case "interface":
      return node.body === "" ? ANY : undefined;
    default:
      return undefined;
  }
}

/** A reader for language `id` (`unknown` when nothing told it) with the spellings every client shares. */
export function genericLanguage(id: string): OagLanguage {
  return { id, names: "wire", nulls: "lost", readType: (text) => readTypeText(text, convert) };
}
