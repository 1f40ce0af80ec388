/**
 * `python-legacy` Type cells: OpenAPI Generator's `python-legacy`,
 * swagger-codegen's `python` and the Genesys python SDK (grammar §A.5):
 * `str`, `int`, `float`, `bool`, `datetime`, `date`, `object`, `file`,
 * `list[T]`, `dict(str, T)`, model names. Names are snake_case (§A.3);
 * null is not shown (§A.4).
 */

import type { TypeRef } from "../../../ir/ir.js";
import type { OagLanguage } from "../language.js";
import { ANY, BOOLEAN, DATE, DATE_TIME, external, INTEGER, named, NUMBER, readTypeText, STRING } from "../shared-types.js";
import type { TypeSyntax } from "../type-syntax.js";
import { own } from "../../lookup.js";

/** python-legacy's names with a fixed meaning (also read in Genesys docs). */
export const PYTHON_LEGACY_NAMES: Readonly<Record<string, TypeRef>> = {
  str: STRING,
  int: INTEGER,
  float: NUMBER,
  bool: BOOLEAN,
  datetime: DATE_TIME,
  date: DATE,
  object: ANY,
  file: external("file"),
};

/** The meaning of a python-legacy type tree: `list[T]` (a name opened with `[`), `dict(str, T)` (opened with `(`), names. */
export function convertPythonLegacy(node: TypeSyntax): TypeRef | undefined {
  if (node.kind !== "name") return undefined;
  if (node.open === "") return own(PYTHON_LEGACY_NAMES, node.name) ?? named(node.name);
  const [first, second] = node.args;
  if (node.name === "list" && node.open === "[" && node.args.length === 1) {
    const items = convertPythonLegacy(first!);
    return items && { kind: "array", items };
  }
  if (node.name === "dict" && node.open === "(" && node.args.length === 2) {
    const values = convertPythonLegacy(second!);
    return values && { kind: "record", values };
  }
  return undefined;
}

export const pythonLegacy: OagLanguage = {
  id: "python-legacy",
  names: "snake_case",
  nulls: "lost",
  readType: (text) => readTypeText(text, convertPythonLegacy),
};
