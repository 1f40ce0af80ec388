/**
 * OAG `typescript-fetch` Type cells (grammar §A.1, §A.5): the two-column
 * `` `name` | Type `` table with TypeScript types: `string`, `number`,
 * `boolean`, `Date`, `any`, `object`, `Array<T>`, `Set<T>`, `T[]`,
 * `{ [key: string]: T; }`, unions (`T | null`), models, `Blob`. Names are
 * camelCase (§A.3); null is not shown (§A.4), but read where written.
 */

import type { TypeRef } from "../../../ir/ir.js";
import type { OagLanguage } from "../language.js";
import { ANY, BOOLEAN, external, NUMBER, readTypeText, STRING } from "../shared-types.js";
import { DATE_OR_DATE_TIME } from "./generic.js";
import { typescriptConverter } from "./typescript-axios.js";

const NAMES: Readonly<Record<string, TypeRef>> = {
  string: STRING,
  number: NUMBER,
  boolean: BOOLEAN,
  // typescript-fetch spells `date` and `date-time` both `Date`.
  Date: DATE_OR_DATE_TIME,
  any: ANY,
  object: ANY,
  null: { kind: "literal", value: null },
  Blob: external("Blob"),
  File: external("File"),
};

const convert = typescriptConverter(NAMES);

export const typescriptFetch: OagLanguage = {
  id: "typescript-fetch",
  names: "camelCase",
  nulls: "lost",
  readType: (text) => readTypeText(text, convert),
};
