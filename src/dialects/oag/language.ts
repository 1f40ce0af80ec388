/**
 * One client language of OpenAPI Generator / swagger-codegen docs: how its
 * Type cells write types (grammar §A.5), how it names properties (§A.3) and
 * whether it shows null (§A.4, §I). The row reader (`extract.ts`,
 * `build-ir.ts`) handles what every language shares — the cell split, notes,
 * `Pointer to `, `Option<…>`, links — and hands each language only the type
 * text inside the bold.
 */

import type { TypeRef } from "../../ir/ir.js";

/** The case a language renames properties to; `wire`: it keeps the names the API sends (up to keyword escapes). */
export type NameCase = "wire" | "snake_case" | "camelCase" | "PascalCase";

export interface OagLanguage {
  /** `python`, `go`, `rust`, `typescript-axios`, … (the generator's own names for its clients). */
  readonly id: string;
  /** How the language names properties (grammar §A.3). */
  readonly names: NameCase;
  /**
   * Whether a field's Type cell says null (grammar §A.4): `shown` (Go
   * `Nullable*`, python-prior `none_type`), `generics` (only inside
   * containers: `List[Optional[str]]`, `Array<X | null>`), `lost`.
   */
  readonly nulls: "shown" | "generics" | "lost";
  /**
   * Reads the type text of a Type cell: HTML entities decoded, the `**` and
   * any link around it removed (`List[Pet]`, `NullableString`, `[]Pet`,
   * `\OpenAPI\Client\Model\Pet[]`, `kotlin.collections.List<Pet>`).
   * Primitives map as §A.5 says (`date-time` types to `string` with format
   * `date-time`); a model is `{ kind: "named", name }` with its bare name
   * (namespaces and packages cut: `models::Pet` → `Pet`); free-form types
   * (`object`, `Object`, `serde_json::Value`, `interface{}`, `any`) are
   * `unknown` with reason `any`; SDK-language types with no JSON meaning
   * (`File`, `*os.File`) `unknown` with reason `external`; what cannot be
   * read `unknown` with reason `unparsed` and the text. Null the language
   * writes becomes `nullable`.
   */
  readType(text: string): TypeRef;
}
