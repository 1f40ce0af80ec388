/**
 * Reporters: how the CLI prints diagnostics and drift, for people (`human`,
 * with code frames; colour only on a terminal) and machines (`json`,
 * `github` workflow annotations).
 */

import { readFileSync } from "node:fs";
import pc from "picocolors";
import type { Drift } from "../stages/compare.js";
import type { Diagnostic, Severity } from "../ir/diagnostics.js";
import { decodeDoc } from "../io/sources.js";

export type ReporterName = "human" | "json" | "github";

type Colors = ReturnType<typeof pc.createColors>;

/** Colour functions, or plain ones. */
export function colors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}

/**
 * Text from a doc made safe for a terminal, one character for one: control
 * characters become their Unicode pictures (ESC as `␛`, so a doc cannot clear
 * or retitle the terminal), other invisible controls (C1, bidirectional
 * overrides) `�`, a tab a space — code frames stay aligned.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code === 9) return " ";
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return "\u2421";
    return "\ufffd";
  });
}

/** `file:line:column`, or the file alone for a diagnostic about the whole input (line 0). */
function placeText(file: string, line: number, column: number): string {
  return line > 0 ? `${file}:${line}:${column}` : file;
}

/** One diagnostic as `file:line:column  severity  message  [rule-id]`, with a code frame under it when the file can be read. */
export function formatHuman(d: Diagnostic, paint: Colors, frames = true): string {
  const severity = { error: paint.red, warning: paint.yellow, info: paint.blue }[d.severity](d.severity);
  let text = `${terminalSafe(placeText(d.file, d.line, d.column))}  ${severity}  ${terminalSafe(d.message)}  ${paint.dim(`[${d.ruleId}]`)}`;
  if (frames) {
    const frame = codeFrame(d.file, d.line, d.column, paint);
    if (frame) text += `\n${frame}`;
  }
  if (d.cause) text += `\n    ${paint.dim(terminalSafe(`${placeText(d.cause.file, d.cause.line, d.cause.column)}  ${d.cause.message}`))}`;
  return text;
}

const sources = new Map<string, string[] | undefined>();

function linesOf(file: string): string[] | undefined {
  if (!sources.has(file)) {
    let lines: string[] | undefined;
    try {
      // Lines as the parser counts them (micromark ends a line at CRLF, CR or LF); a byte-order mark is not text.
      lines = decodeDoc(readFileSync(file)).replace(/^\uFEFF+/, "").split(/\r\n|\r|\n/);
    } catch {
      lines = undefined;
    }
    sources.set(file, lines);
  }
  return sources.get(file);
}

const WINDOW = 100;

/**
 * The line before and the line of a diagnostic, with a caret under its
 * column. Long lines (padded tables run to thousands of characters) are cut
 * to a window around the column. Never throws: a place outside the file has
 * no frame, a column past the line's end puts the caret after it.
 */
export function codeFrame(file: string, line: number, column: number, paint: Colors): string | undefined {
  const lines = linesOf(file);
  const target = Number.isInteger(line) && line >= 1 ? lines?.[line - 1] : undefined;
  if (!lines || target === undefined) return undefined;
  column = Number.isInteger(column) ? Math.min(Math.max(column, 1), target.length + 1) : 1;
  const start = Math.max(0, Math.min(column - 1 - 30, target.length - WINDOW));
  const cut = (text: string) => {
    const piece = terminalSafe(text.slice(start, start + WINDOW));
    return `${start > 0 ? "…" : ""}${piece}${text.length > start + WINDOW ? "…" : ""}`.trimEnd();
  };
  const width = String(line).length;
  const gutter = (n: number | "", mark: string) => paint.dim(`${mark} ${String(n).padStart(width)} | `);
  const out: string[] = [];
  const before = lines[line - 2];
  if (before !== undefined && before.trim() !== "") out.push(`${gutter(line - 1, " ")}${paint.dim(cut(before))}`);
  out.push(`${gutter(line, ">")}${cut(target)}`);
  out.push(`${gutter("", " ")}${" ".repeat(column - 1 - start + (start > 0 ? 1 : 0))}${paint.red("^")}`);
  return out.join("\n");
}

/** A GitHub Actions workflow command (`::error file=…,line=…,col=…,title=…::message`). */
export function githubAnnotation(kind: "error" | "warning" | "notice", message: string, place: { file: string; line?: number; column?: number; title?: string }): string {
  const property = (v: string) => terminalSafe(v.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C"));
  // Messages may quote a doc: terminal-safe after the line breaks are encoded.
  const data = (v: string) => terminalSafe(v.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
  const props = [`file=${property(place.file)}`];
  if (place.line !== undefined) props.push(`line=${place.line}`);
  if (place.column !== undefined) props.push(`col=${place.column}`);
  if (place.title !== undefined) props.push(`title=${property(place.title)}`);
  return `::${kind} ${props.join(",")}::${data(message)}`;
}

/** A diagnostic as a workflow annotation. */
export function formatGithub(d: Diagnostic): string {
  const kind = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
  return githubAnnotation(kind, d.message, { file: d.file, ...(d.line > 0 ? { line: d.line, column: d.column } : {}), title: d.ruleId });
}

/** How many lines of a diff an annotation carries (the job log has it whole). */
const ANNOTATION_DIFF_LINES = 40;

/**
 * Drift as workflow annotations, one per changed, missing or orphaned file
 * (a changed file's carries the start of its diff), then each changed
 * file's whole diff in a collapsed group of the job log.
 */
export function driftAnnotations(output: string, drift: Drift): string[] {
  const file = (path: string) => `${output}/${path}`;
  const excerpt = (diff: string) => {
    const lines = diff.trimEnd().split("\n");
    return lines.length > ANNOTATION_DIFF_LINES ? `${lines.slice(0, ANNOTATION_DIFF_LINES).join("\n")}\n… ${lines.length - ANNOTATION_DIFF_LINES} more lines in the job log` : lines.join("\n");
  };
  return [
    ...drift.changed.map((c) => githubAnnotation("error", `${file(c.path)} differs from what its docs give; run \`mdtypes generate\`.\n\n${excerpt(c.diff)}`, { file: file(c.path), title: "mdtypes: changed" })),
    ...drift.missing.map((p) => githubAnnotation("error", `${file(p)} is missing; run \`mdtypes generate\`.`, { file: file(p), title: "mdtypes: missing" })),
    ...drift.orphaned.map((p) => githubAnnotation("error", `${file(p)} was generated from a doc that is gone; run \`mdtypes generate\` to remove it.`, { file: file(p), title: "mdtypes: orphaned" })),
    ...drift.changed.flatMap((c) => [`::group::mdtypes: diff of ${terminalSafe(file(c.path))}`, ...c.diff.trimEnd().split("\n").map(stopCommands), "::endgroup::"]),
  ];
}

/** A log line that cannot be read as a workflow command (a diff line may start with `::`), made terminal-safe (tabs kept). */
function stopCommands(line: string): string {
  const safe = diffLineSafe(line);
  return safe.startsWith("::") ? ` ${safe}` : safe;
}

/** Drift for people: one line per file, then the diffs. */
export function formatDrift(rawOutput: string, rawDrift: Drift, paint: Colors): string {
  // Paths come from doc file names: shown terminal-safe, as the diffs' lines are.
  const output = terminalSafe(rawOutput);
  const drift = { changed: rawDrift.changed.map((c) => ({ ...c, path: terminalSafe(c.path) })), missing: rawDrift.missing.map(terminalSafe), orphaned: rawDrift.orphaned.map(terminalSafe) };
  const lines: string[] = [];
  for (const c of drift.changed) lines.push(`  ${paint.yellow("changed ")}  ${output}/${c.path}${c.owned ? "" : paint.dim("  (not marked as generated: a hand-written file is in the way)")}`);
  for (const p of drift.missing) lines.push(`  ${paint.red("missing ")}  ${output}/${p}`);
  for (const p of drift.orphaned) lines.push(`  ${paint.magenta("orphaned")}  ${output}/${p}`);
  for (const c of drift.changed) {
    lines.push("");
    // The file on disk may hold anything: its lines reach the terminal made safe.
    for (const line of c.diff.trimEnd().split("\n").map(diffLineSafe)) {
      if (line.startsWith("+") && !line.startsWith("+++")) lines.push(paint.green(line));
      else if (line.startsWith("-") && !line.startsWith("---")) lines.push(paint.red(line));
      else if (line.startsWith("@@")) lines.push(paint.cyan(line));
      else lines.push(line);
    }
  }
  return lines.join("\n");
}

/** `3 changed, 1 missing` style summary of a drift. */
export function summarizeDrift(drift: Drift): string {
  return [
    drift.changed.length ? `${drift.changed.length} changed` : "",
    drift.missing.length ? `${drift.missing.length} missing` : "",
    drift.orphaned.length ? `${drift.orphaned.length} orphaned` : "",
  ]
    .filter(Boolean)
    .join(", ");
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

/**
 * Rules whose errors make the others pointless, by rank: the tree's
 * generator could not be told (then its language is told from the wrong
 * docs too), then its language could not be told.
 */
const ROOT_CAUSE_RANKS: ReadonlyMap<string, number> = new Map([
  ["mixed-dialects", 0],
  ["mixed-flavours", 1],
  ["unknown-flavour", 1],
]);

/** The rank of a root-cause error (lower goes first); undefined for any other diagnostic. */
function rootRank(d: Diagnostic): number | undefined {
  return d.severity === "error" ? ROOT_CAUSE_RANKS.get(d.ruleId) : undefined;
}

/** How many diagnostics of one rule a terminal summary shows in full. */
export const SHOWN_PER_RULE = 3;

/** The diagnostics a GitHub job shows (infos left out): root-cause errors first, then errors, then warnings, each in the order found. */
export function githubOrder(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic) => rootRank(d) ?? (d.severity === "error" ? 2 : 3);
  return diagnostics.filter((d) => d.severity !== "info").sort((a, b) => rank(a) - rank(b));
}

/** A line of a diff made terminal-safe, its tabs kept (the diff's headers hold them; a terminal shows them as spaces). */
function diffLineSafe(line: string): string {
  return line.split("\t").map(terminalSafe).join("\t");
}

/** One entry of a terminal report: a diagnostic in full, or a line about those not shown. */
export type HumanEntry = { readonly diagnostic: Diagnostic; readonly frame: boolean } | { readonly note: string };

/**
 * What a terminal shows of `diagnostics`. By default a summary: errors, then
 * warnings (infos left out), grouped by rule; the first
 * {@link SHOWN_PER_RULE} of each rule in full with code frames, then one
 * line counting the rest. A root-cause error (`mixed-dialects`: the docs'
 * generator could not be told; else `mixed-flavours`, `unknown-flavour`:
 * their language could not be told; every other finding follows from it)
 * is shown first and alone. `verbose`: every
 * diagnostic, infos too, in the order found. The JSON and GitHub reporters
 * always give every one.
 */
export function humanEntries(diagnostics: readonly Diagnostic[], verbose: boolean): HumanEntry[] {
  if (verbose) return diagnostics.map((diagnostic) => ({ diagnostic, frame: diagnostic.severity !== "info" }));
  const more = (n: number, what: string): HumanEntry => ({ note: `… ${n} more ${what} (run with --verbose or --reporter json for all)` });
  const shown = diagnostics.filter((d) => d.severity !== "info");
  // The root causes of the first rank found: a tree of two generators is that, whatever its languages look like.
  const first = Math.min(...shown.map((d) => rootRank(d) ?? Infinity));
  const roots = shown.filter((d) => rootRank(d) === first);
  if (roots.length > 0) {
    const rest = shown.length - roots.length;
    const entries: HumanEntry[] = roots.map((diagnostic) => ({ diagnostic, frame: true }));
    if (rest > 0) entries.push({ note: `… ${rest} more ${rest === 1 ? "diagnostic follows" : "diagnostics follow"} from ${roots.length === 1 ? "this error" : "these errors"}; fix ${roots.length === 1 ? "it" : "them"} first (run with --verbose or --reporter json for all)` });
    return entries;
  }
  const byRule = new Map<string, Diagnostic[]>();
  for (const severity of ["error", "warning"] as const) {
    for (const d of shown) {
      if (d.severity !== severity) continue;
      const key = `${severity} ${d.ruleId}`;
      const group = byRule.get(key);
      if (group) group.push(d);
      else byRule.set(key, [d]);
    }
  }
  const entries: HumanEntry[] = [];
  for (const group of byRule.values()) {
    for (const diagnostic of group.slice(0, SHOWN_PER_RULE)) entries.push({ diagnostic, frame: true });
    const first = group[0] as Diagnostic;
    const rest = group.length - SHOWN_PER_RULE;
    if (rest > 0) entries.push(more(rest, `\`${first.ruleId}\` ${rest === 1 ? first.severity : `${first.severity}s`}`));
  }
  return entries;
}
