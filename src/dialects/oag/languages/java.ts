/**
 * OAG `java` Type cells (grammar §A.5): `String`, `Integer`, `Long`,
 * `BigDecimal`, `Boolean`, `OffsetDateTime`, `LocalDate`, `UUID`, `URI`,
 * `List<T>`, `Set<T>`, `Map<String, T>`, `Object`; inline enums are
 * `[**KindEnum**](#KindEnum)` (the row reader attaches the `## Enum:`
 * section). Names are camelCase (§A.3); null is not shown (§A.4).
 */

import type { TypeRef } from "../../../ir/ir.js";
import { ANY, BOOLEAN, DATE, DATE_TIME, external, INTEGER, NUMBER, STRING } from "../shared-types.js";
import { angleLanguage, BYTES, DATE_OR_DATE_TIME } from "./generic.js";

/** Java's names with a fixed meaning (the generator's type mappings; `Date`, of the legacy date library, spells both `date` and `date-time`). */
export const JAVA_NAMES: Readonly<Record<string, TypeRef>> = {
  String: STRING,
  UUID: STRING,
  URI: STRING,
  Integer: INTEGER,
  Long: INTEGER,
  Short: INTEGER,
  BigInteger: INTEGER,
  BigDecimal: NUMBER,
  Double: NUMBER,
  Float: NUMBER,
  Number: NUMBER,
  Boolean: BOOLEAN,
  OffsetDateTime: DATE_TIME,
  Instant: DATE_TIME,
  LocalDateTime: DATE_TIME,
  Date: DATE_OR_DATE_TIME,
  LocalDate: DATE,
  "byte[]": BYTES,
  Object: ANY,
  AnyType: ANY,
  File: external("File"),
};

export const java = angleLanguage("java", "camelCase", "lost", {
  names: JAVA_NAMES,
  lists: ["List", "Set", "Collection"],
  maps: ["Map"],
});
