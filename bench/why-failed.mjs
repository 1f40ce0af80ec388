// Why a command the codegen bench ran failed, said on one line (the bench ends with it, exit 1).

/**
 * The reason a command failed, on one line, from what it printed: `stdout` as mdtypes' JSON report
 * (`--reporter json`: its failed targets' `error` and its first three error diagnostics, as
 * `file:line:column message`), else the first line of `stderr` that starts with an error's name
 * (`Error: ENOSPC: …`: a Node process that crashed prints the source line first, `node:fs:2380`),
 * else its first line, else "no message".
 *
 * @param {{ stdout: string, stderr: string }} run
 * @returns {string}
 */
export function whyFailed(run) {
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    report = undefined;
  }
  const reasons = [
    ...(Array.isArray(report?.targets) ? report.targets : []).filter((t) => typeof t?.error === "string").map((t) => `${t.name}: ${t.error}`),
    ...(Array.isArray(report?.diagnostics) ? report.diagnostics : []).filter((d) => d?.severity === "error").slice(0, 3).map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`),
  ];
  const lines = run.stderr.split("\n").map((line) => line.trim()).filter(Boolean);
  const said = lines.find((line) => /^(?:[A-Z]\w*)?Error\b/.test(line)) ?? lines[0];
  return (reasons.length > 0 ? reasons.join("; ") : (said ?? "no message")).replace(/\s*\n\s*/g, " ");
}
