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

/** The words of a name: `action_type`, `ActionType`, `ACTION_TYPE` and `actionType` are `action`, `type`; `ExternalID` is `external`, `id`. */
function wordsOf(name: string): string[] | undefined {
  return name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g)?.map((word) => word.toLowerCase()) ?? undefined;
}

/** A field name in camelCase: `action_type`, `ActionType` and `ACTION_TYPE` all become `actionType`; `ExternalID` becomes `externalId`. */
export function camelCase(name: string): string {
  const words = wordsOf(name);
  if (!words) return name;
  return words.map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join("");
}

/** A field name in snake_case: `actionType`, `ActionType` and `ACTION_TYPE` all become `action_type`; `ExternalID` becomes `external_id`. */
export function snakeCase(name: string): string {
  const words = wordsOf(name);
  return words ? words.join("_") : name;
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
