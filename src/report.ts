/**
 * Reporters: how diagnostics are printed for people (`human`) and machines
 * (`json`, `github` workflow annotations).
 */

import pc from "picocolors";
import type { Diagnostic, Severity } from "./diagnostics.js";

export type ReporterName = "human" | "json" | "github";

/** One diagnostic as `file:line:column  severity  message  [ruleId]`. */
export function formatHuman(d: Diagnostic, color: boolean): string {
  const paint = color ? pc : pc.createColors(false);
  const severity = { error: paint.red, warning: paint.yellow, info: paint.blue }[d.severity](d.severity);
  const cause = d.cause ? `\n    ${paint.dim(`${d.cause.file}:${d.cause.line}:${d.cause.column}  ${d.cause.message}`)}` : "";
  return `${d.file}:${d.line}:${d.column}  ${severity}  ${d.message}  ${paint.dim(`[${d.ruleId}]`)}${cause}`;
}

/** A GitHub Actions workflow command (`::error file=…,line=…,col=…::message`). */
export function formatGithub(d: Diagnostic): string {
  const command = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
  const property = (v: string) => v.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
  const data = (v: string) => v.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  return `::${command} file=${property(d.file)},line=${d.line},col=${d.column},title=${property(d.ruleId)}::${data(d.message)}`;
}

/** Counts of diagnostics per severity. */
export function countSeverities(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** `2 errors, 1 warning` style summary, or `no problems`. */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  const counts = countSeverities(diagnostics);
  const parts = (["error", "warning", "info"] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s === "info" ? "info" : counts[s] === 1 ? s : `${s}s`}`);
  return parts.length ? parts.join(", ") : "no problems";
}
