/**
 * Standard Schema V1 on every generated model (`xSchema`: `petSchema` for `Pet`): the shape the
 * spec's own types accept (checked by `tsc` against `@standard-schema/spec`,
 * `InferOutput` included), `validate` giving `validateX`'s verdict with paths
 * as keys (array indices as numbers), and a consumer of the standard
 * (`@standard-schema/utils`) reading the issues.
 */

import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDotPath, SchemaError } from "@standard-schema/utils";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { describe, expect, it } from "vitest";
import * as all from "../generated/python/index.js";
import { auditLogEntryResponseSchema, validateAuditLogEntryResponse, type AuditLogEntryResponse } from "../generated/python/discord/models/auditlogentryresponse.js";
import { ROOT } from "./helpers.js";
import { schemaName } from "../src/emit/names.js";
import { typecheck } from "./typecheck.js";

/** Runs a standard schema as a library that takes one does. */
function parseWith<S extends StandardSchemaV1>(schema: S, value: unknown): StandardSchemaV1.InferOutput<S> {
  const result = schema["~standard"].validate(value);
  if (result instanceof Promise) throw new Error("expected a synchronous schema");
  if (result.issues) throw new SchemaError(result.issues);
  return result.value;
}

const ENTRY = { id: "1", action_type: 1, changes: [{ key: "name", new_value: "a" }], options: { channel_id: "2" } };

describe("Standard Schema V1: xSchema", () => {
  it("says version 1 and vendor mdtypes, and validates as validateX does", () => {
    expect(auditLogEntryResponseSchema["~standard"]).toMatchObject({ version: 1, vendor: "mdtypes" });
    const parsed: AuditLogEntryResponse = parseWith(auditLogEntryResponseSchema, ENTRY);
    expect(parsed).toBe(ENTRY);
    expect(auditLogEntryResponseSchema["~standard"].validate(ENTRY)).toEqual({ value: ENTRY });
  });

  it("gives validateX's issues, their JSON Pointers as keys: array indices as numbers, object keys as strings (numeric-looking ones too)", () => {
    const bad = { id: 1, action_type: 1, changes: [{ key: 5 }], options: { "0": 7 } };
    const result = auditLogEntryResponseSchema["~standard"].validate(bad);
    const issues = validateAuditLogEntryResponse(bad);
    expect(issues.ok).toBe(false);
    if (issues.ok || !result.issues) throw new Error("expected issues");
    expect(result.issues.map((i) => i.message)).toEqual(issues.issues.map((i) => i.message));
    expect(result.issues.map((i) => i.path)).toEqual([["id"], ["changes", 0, "key"], ["options", "0"]]);
    expect(result.issues.map((i) => getDotPath(i))).toEqual(["id", "changes.0.key", "options.0"]);
    // The value itself: no path.
    const root = auditLogEntryResponseSchema["~standard"].validate("nope");
    expect(root.issues?.[0]).toEqual({ message: expect.any(String) });
    // A key holding `/` or `~` is one key (RFC 6901's `~1`, `~0` decoded).
    const odd = { ...ENTRY, options: { "a/b~c": 1 } };
    expect(auditLogEntryResponseSchema["~standard"].validate(odd).issues?.map((i) => i.path)).toEqual([["options", "a/b~c"]]);
    expect(() => parseWith(auditLogEntryResponseSchema, bad)).toThrow(SchemaError);
  });

  it("every model of the barrel exports one, agreeing with its validateX on a sample", () => {
    // Every barrel, the folders' namespaces followed.
    const barrels: Record<string, unknown>[] = [];
    const visit = (barrel: Record<string, unknown>) => {
      barrels.push(barrel);
      for (const value of Object.values(barrel)) if (typeof value === "object" && value !== null && !("~standard" in value)) visit(value as Record<string, unknown>);
    };
    visit(all);
    const schemas = barrels.flatMap((barrel) => Object.entries(barrel).filter(([name]) => name.endsWith("Schema")).map(([name, schema]) => [name, schema, barrel] as const));
    expect(schemas.length).toBeGreaterThan(50);
    for (const [name, schema, barrel] of schemas) {
      const validateName = Object.keys(barrel).find((key) => key.startsWith("validate") && schemaName(key.slice("validate".length)) === name);
      const validate = barrel[validateName ?? ""] as (v: unknown) => { ok: boolean };
      expect(typeof validate, name).toBe("function");
      for (const sample of [null, {}, [], "x", 1, ENTRY]) {
        const verdict = (schema as StandardSchemaV1)["~standard"].validate(sample) as StandardSchemaV1.Result<unknown>;
        expect(verdict.issues === undefined, `${name}(${JSON.stringify(sample)})`).toBe(validate(sample).ok);
      }
    }
  });

  it("is a StandardSchemaV1 to the spec's own types, InferOutput<typeof xSchema> being X, under the strict settings", () => {
    const dir = mkdtempSync(join(tmpdir(), "mdtypes-standard-"));
    try {
      cpSync(join(ROOT, "generated", "python"), dir, { recursive: true });
      writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
      writeFileSync(
        join(dir, "consumer.ts"),
        [
          'import type { StandardSchemaV1 } from "@standard-schema/spec";',
          'import { auditLogEntryResponseSchema, type AuditLogEntryResponse } from "./discord/models/auditlogentryresponse.js";',
          "export const schema: StandardSchemaV1<AuditLogEntryResponse> = auditLogEntryResponseSchema;",
          "type Out = StandardSchemaV1.InferOutput<typeof auditLogEntryResponseSchema>;",
          "type In = StandardSchemaV1.InferInput<typeof auditLogEntryResponseSchema>;",
          "export const same: [Out, In] extends [AuditLogEntryResponse, AuditLogEntryResponse] ? ([AuditLogEntryResponse] extends [Out] ? true : false) : false = true;",
          "",
        ].join("\n"),
      );
      // The spec's types from this project's devDependency (the folder is outside it).
      const result = typecheck(dir, { paths: { "@standard-schema/spec": [join(ROOT, "node_modules", "@standard-schema", "spec", "dist", "index.d.ts")] } });
      expect(result.output).toBe("");
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
