/**
 * OAG `go` Type cells (grammar §A.5, §A.4): `string`, `int32`, `int64`,
 * `float32`, `float64`, `bool`, `time.Time`, `[]T`, `map[string]T`,
 * `interface{}`, model names; null is shown: `NullableString`,
 * `NullableInt32`, `NullableTime`, `Nullable<Model>` (containers carry no
 * wrapper: their `### Set{X}Nil` heading says it, which the row reader reads).
 */

import { nullable, type TypeRef } from "../../../ir/ir.js";
import type { OagLanguage } from "../language.js";
import { ANY, BOOLEAN, DATE_TIME, external, INTEGER, named, NUMBER, readTypeText, STRING } from "../shared-types.js";
import type { TypeSyntax } from "../type-syntax.js";
import { own } from "../../lookup.js";

const PRIMITIVES: Readonly<Record<string, TypeRef>> = {
  string: STRING,
  bool: BOOLEAN,
  int: INTEGER,
  int8: INTEGER,
  int16: INTEGER,
  int32: INTEGER,
  int64: INTEGER,
  uint: INTEGER,
  uint8: INTEGER,
  uint16: INTEGER,
  uint32: INTEGER,
  uint64: INTEGER,
  float32: NUMBER,
  float64: NUMBER,
  "time.Time": DATE_TIME,
  // The generator's nullable wrappers of primitives.
  Time: DATE_TIME,
  String: STRING,
  Bool: BOOLEAN,
  Int: INTEGER,
  Int32: INTEGER,
  Int64: INTEGER,
  Float32: NUMBER,
  Float64: NUMBER,
};

/** Bare names that are only the SDK's (`*os.File` for binary bodies). */
const FILES: ReadonlySet<string> = new Set(["*os.File", "os.File"]);

/** `NullableX`: the generator's wrapper type of `X` that may be null. */
const NULLABLE = /^Nullable([A-Z]\w*)$/;

function convert(node: TypeSyntax): TypeRef | undefined {
  switch (node.kind) {
    case "name": {
      if (node.open !== "") return undefined;
      if (FILES.has(node.name)) return external(node.name);
      const wrapped = NULLABLE.exec(node.name)?.[1];
      if (wrapped) return nullable(own(PRIMITIVES, wrapped) ?? (named(wrapped) as TypeRef));
      // Lower-case Go primitives only: `String` alone is a model called String.
      const primitive = /^[a-z]/.test(node.name) ? own(PRIMITIVES, node.name) : undefined;
      return primitive ?? named(node.name);
    }
    case "slice": {
      const items = convert(node.items);
      return items && { kind: "array", items };
    }
    case "map": {
      const values = convert(node.value);
      return values && { kind: "record", values };
    }
    case "interface":
      // `interface{}` is any value; a oneOf interface (`interface { GetType() string }`) any member.
      return ANY;
    default:
      return undefined;
  }
}

export const go: OagLanguage = {
  id: "go",
  names: "PascalCase",
  nulls: "shown",
  readType: (text) => readTypeText(text, convert),
};
