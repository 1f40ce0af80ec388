/**
 * OAG `csharp` Type cells (grammar §A.5): `string`, `int`, `long`,
 * `decimal`, `double`, `float`, `bool`, `DateTime`, `Guid`, `List<T>`,
 * `Dictionary<string, T>`, `Object`, with `?` for nullable value types
 * (`int?`, `Guid?`, `List<Guid?>`). Names are PascalCase (§A.3). Null is
 * shown only on value types (§A.4): a reference type (`string`, a list, a
 * model) never says whether it may be null, so `nulls` is `lost` and a `?`
 * the doc writes is read as nullable.
 */

import type { TypeRef } from "../../../ir/ir.js";
import { ANY, BOOLEAN, DATE, DATE_TIME, external, INTEGER, NUMBER, STRING } from "../shared-types.js";
import { angleLanguage, BYTES, DATE_OR_DATE_TIME, type AngleNotation } from "./generic.js";

const CSHARP_NAMES: Readonly<Record<string, TypeRef>> = {
  string: STRING,
  Guid: STRING,
  Uri: STRING,
  TimeSpan: STRING,
  int: INTEGER,
  long: INTEGER,
  short: INTEGER,
  byte: INTEGER,
  decimal: NUMBER,
  double: NUMBER,
  float: NUMBER,
  bool: BOOLEAN,
  // `DateTime` spells both `date` and `date-time` (`DateOnly` is for `date` only where the generator uses it).
  DateTime: DATE_OR_DATE_TIME,
  DateTimeOffset: DATE_TIME,
  DateOnly: DATE,
  "byte[]": BYTES,
  Object: ANY,
  object: ANY,
  "System.IO.Stream": external("System.IO.Stream"),
  FileParameter: external("FileParameter"),
};

/** C#'s notation (also the Genesys .NET SDK's). */
export const CSHARP_NOTATION: AngleNotation = {
  names: CSHARP_NAMES,
  lists: ["List", "Collection", "HashSet", "ICollection", "IList"],
  maps: ["Dictionary", "IDictionary"],
  question: true,
};

export const csharp = angleLanguage("csharp", "PascalCase", "lost", CSHARP_NOTATION);
