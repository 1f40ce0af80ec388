/**
 * OAG and swagger-codegen `ruby` Type cells (grammar §A.5): `String`,
 * `Integer`, `Float`, `BigDecimal`, `Boolean` (swagger-codegen: `BOOLEAN`),
 * `Time`, `DateTime`, `Date`, `Array<T>`, `Hash<String, T>`, `Object`.
 * Names are snake_case keeping a leading `_` (§A.3); null is not shown (§A.4).
 */

import type { TypeRef } from "../../../ir/ir.js";
import type { OagLanguage } from "../language.js";
import { ANY, BOOLEAN, DATE, DATE_TIME, external, INTEGER, NUMBER, STRING } from "../shared-types.js";
import { angleLanguage } from "./generic.js";

const notation = angleLanguage("ruby", "snake_case", "lost", {
  names: {
    String: STRING,
    Integer: INTEGER,
    Float: NUMBER,
    BigDecimal: NUMBER,
    Boolean: BOOLEAN,
    BOOLEAN: BOOLEAN,
    Time: DATE_TIME,
    DateTime: DATE_TIME,
    Date: DATE,
    Object: ANY,
    File: external("File"),
  },
  lists: ["Array"],
  maps: ["Hash"],
});

export const ruby: OagLanguage = {
  ...notation,
  // swagger-codegen writes an empty type (`[****](.md)`) for a composed schema it names nowhere: the members are lost.
  readType: (text: string): TypeRef => (text.trim() === "" ? ANY : notation.readType(text)),
};
