/**
 * Property names on the wire. Model docs name fields in the SDK's language
 * (`action_type` in Python, `actionType` in TypeScript, `ActionType` in Go
 * and C#), which need not be the names the API sends; the `propertyNames`
 * option says which to use (DESIGN.md, "Facts").
 */

/**
 * `auto`: the documented names, with a warning where they are PascalCase
 * language identifiers (Go, C#) that an API almost never sends;
 * `as-documented`: the documented names, chosen knowingly; `camelCase` and
 * `snake_case`: the documented names in that case.
 */
export const PROPERTY_NAME_POLICIES = ["auto", "as-documented", "camelCase", "snake_case"] as const;
export type PropertyNamePolicy = (typeof PROPERTY_NAME_POLICIES)[number];

/**
 * A name split into its leading sigils (`_`, `$`, `@`: `_id`, `$ref`,
 * `@type`, which are wire names as they stand and keep them) and its words,
 * lower-cased: `action_type`, `ActionType`, `ACTION_TYPE` and `actionType`
 * are `action`, `type`; `ExternalID` is `external`, `id`. Digits belong to
 * the word before them (`line1`, `AddressLine1` → `address`, `line1`;
 * `sha256`), as SDK generators write them. Undefined for a name that is no
 * identifier (`content-type`, `1st`) or a dunder name (`__proto__`): that is
 * kept as documented.
 */
function wordsOf(name: string): { prefix: string; words: string[] } | undefined {
  if (/^__.+__$/.test(name)) return undefined; // `__proto__`, `__typename__`: kept whole
  const prefix = /^[_$@]*/.exec(name)?.[0] ?? "";
  const body = name.slice(prefix.length);
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(body)) return undefined;
  const words = body.match(/[A-Z]+(?![a-z])[0-9]*|[A-Z]?[a-z]+[0-9]*|[0-9]+/g)?.map((word) => word.toLowerCase());
  return words ? { prefix, words } : undefined;
}

/** A field name in camelCase: `action_type`, `ActionType` and `ACTION_TYPE` all become `actionType`; `ExternalID` becomes `externalId`; `_id` stays. */
export function camelCase(name: string): string {
  const split = wordsOf(name);
  if (!split) return name;
  return split.prefix + split.words.map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join("");
}

/** A field name in snake_case: `actionType`, `ActionType` and `ACTION_TYPE` all become `action_type`; `ExternalID` becomes `external_id`; `line1` stays. */
export function snakeCase(name: string): string {
  const split = wordsOf(name);
  return split ? split.prefix + split.words.join("_") : name;
}

/** The name a documented field has on the wire under `policy`. */
export function wireName(documented: string, policy: PropertyNamePolicy): string {
  switch (policy) {
    case "camelCase":
      return camelCase(documented);
    case "snake_case":
      return snakeCase(documented);
    case "auto":
    case "as-documented":
      return documented;
  }
}
