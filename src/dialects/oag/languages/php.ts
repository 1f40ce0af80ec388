/**
 * OAG `php` Type cells (grammar §A.5): `string`, `int`, `float`, `bool`,
 * `\DateTime`, `T[]`, `array<string,T>`, swagger-codegen's `map[string,T]`,
 * `mixed`, `object`, models by their class name
 * (`\OpenAPI\Client\Model\Pet`, namespace cut). Names are snake_case
 * keeping a leading `_` (§A.3); null is not shown (§A.4).
 */

import type { TypeRef } from "../../../ir/ir.js";
import type { OagLanguage } from "../language.js";
import { ANY, BOOLEAN, external, INTEGER, NUMBER, STRING } from "../shared-types.js";
import { angleLanguage, DATE_OR_DATE_TIME } from "./generic.js";

const notation = angleLanguage("php", "snake_case", "lost", {
  names: {
    string: STRING,
    int: INTEGER,
    float: NUMBER,
    number: NUMBER,
    bool: BOOLEAN,
    boolean: BOOLEAN,
    // PHP spells `date` and `date-time` both `\DateTime`.
    "\\DateTime": DATE_OR_DATE_TIME,
    DateTime: DATE_OR_DATE_TIME,
    mixed: ANY,
    object: ANY,
    // A bare `array` is a PHP list or map: either JSON value.
    array: ANY,
    // OAG 7.2 writes `OneOf` for an inline oneOf it names nowhere: the members are lost.
    OneOf: ANY,
    "\\SplFileObject": external("\\SplFileObject"),
  },
  lists: [],
  maps: ["array"],
  arraySuffix: true,
});

/** swagger-codegen's map: `map[string,T]`. */
const SWAGGER_MAP = /^map\[\s*string\s*,(.*)\]$/;

/** Reads a PHP type text: the angle notation with `T[]` arrays, or a swagger-codegen `map[string,T]`. */
function readType(text: string): TypeRef {
  const map = SWAGGER_MAP.exec(text.trim());
  if (map) {
    const values = readType(map[1]!);
    return values.kind === "unknown" && values.reason === "unparsed" ? { ...values, text } : { kind: "record", values };
  }
  return notation.readType(text);
}

export const php: OagLanguage = { ...notation, readType };
