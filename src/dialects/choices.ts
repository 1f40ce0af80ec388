/**
 * Every dialect's id, in the detection order of the grammar's §0.8, and the
 * name messages give it: the registry's (`index.ts`), written here apart so
 * that what the command line and the config check at start-up (the
 * `--dialect` choices, the summary's "by Speakeasy") does not load every
 * dialect's code. A test checks that both agree.
 */
export const DIALECT_LABELS = {
  speakeasy: "Speakeasy",
  "openapi-to-skills": "openapi-to-skills",
  apix: "apix",
  apimatic: "APIMatic",
  liblab: "liblab",
  "oag-jsonschema": "OpenAPI Generator (JSON-schema python docs)",
  oag: "OpenAPI Generator / swagger-codegen",
} as const;

/** The ids `dialect` accepts: `auto`, then every dialect's. */
export const DIALECT_CHOICES: readonly string[] = ["auto", ...Object.keys(DIALECT_LABELS)];

/** How messages name the dialect `id` (`auto`: Speakeasy's, the tree read when no doc tells). */
export function dialectLabel(id: string): string {
  return Object.hasOwn(DIALECT_LABELS, id) ? DIALECT_LABELS[id as keyof typeof DIALECT_LABELS] : DIALECT_LABELS.speakeasy;
}
