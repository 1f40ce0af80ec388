/**
 * The command line: a thin layer over the API. Only {@link main} decides the
 * exit code: 0 success or in sync, 1 drift or error diagnostics in the docs,
 * 2 usage, I/O or internal error (DESIGN.md, "CLI contract").
 */

import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { createRequire } from "node:module";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { inSync } from "./check.js";
import { hasErrors, type Diagnostic } from "./diagnostics.js";
import { ExpectedError, usageError } from "./errors.js";
import { Cache, DEFAULT_CACHE_DIR } from "./cache.js";
import type { Progress, RunSettings } from "./generate.js";
import { check, generate, type CheckResult, type GenerateResult, type RunStats } from "./run.js";
import { CONFIG_FILE, FLAVOUR_CHOICES, loadConfig, parseRuleFlag, resolveOptions, resolveTargets, type Options, type Target } from "./options.js";
import { resolveRemarkPlugins } from "./plugin-settings.js";
import { PROPERTY_NAME_POLICIES } from "./property-names.js";
import { colors, driftAnnotations, formatDrift, formatGithub, formatHuman, summarize, summarizeDrift, type ReporterName } from "./report.js";

/** Where the CLI prints, which folder it runs in, and what the terminal can do. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** Colour in human output. */
  readonly color: boolean;
  /** A progress line while docs are read (a terminal, not CI). */
  readonly progress: boolean;
}

function processIo(): CliIo {
  const tty = Boolean(process.stderr.isTTY);
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    color: tty && !process.env.NO_COLOR && process.env.TERM !== "dumb",
    progress: tty && !process.env.CI,
  };
}

interface Flags {
  readonly out?: string;
  readonly rule?: readonly string[];
  readonly dialect?: Options["dialect"];
  readonly flavour?: Options["flavour"];
  readonly nullability?: Options["nullability"];
  readonly propertyNames?: Options["propertyNames"];
  readonly unknownKeys?: Options["unknownKeys"];
  readonly importExtension?: Options["importExtension"];
  readonly maxDepth?: number;
  readonly exclude?: readonly string[];
  readonly remarkPlugin?: readonly string[];
  readonly reporter: ReporterName;
  readonly verbose?: boolean;
  readonly watch?: boolean;
  /** False with `--no-cache`. */
  readonly cache: boolean;
  readonly cacheDir?: string;
  readonly workers: number | "auto";
}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; a bad flag with commander's message already printed.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ExpectedError) {
      io.stderr(`mdtypes: ${error.message}\n`);
      return 2;
    }
    io.stderr(internalError(error));
    return 2;
  }
}

function parseMaxDepth(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 10000) throw new InvalidArgumentError("expected a whole number from 1 to 10000");
  return n;
}

/** The options flags set (they win over the config), with `--rule`s merged. */
function optionFlags(io: CliIo, flags: Flags): Partial<Options> {
  const rules = Object.fromEntries((flags.rule ?? []).map(parseRuleFlag));
  return {
    rules,
    ...(flags.dialect ? { dialect: flags.dialect } : {}),
    ...(flags.flavour ? { flavour: flags.flavour } : {}),
    ...(flags.nullability ? { nullability: flags.nullability } : {}),
    ...(flags.propertyNames ? { propertyNames: flags.propertyNames } : {}),
    ...(flags.unknownKeys ? { unknownKeys: flags.unknownKeys } : {}),
    ...(flags.importExtension ? { importExtension: flags.importExtension } : {}),
    ...(flags.maxDepth !== undefined ? { maxDepth: flags.maxDepth } : {}),
    ...(flags.exclude ? { exclude: flags.exclude } : {}),
    ...(flags.remarkPlugin ? { remarkPlugins: resolveRemarkPlugins(flags.remarkPlugin, io.cwd) } : {}),
  };
}

function parseWorkers(value: string): number | "auto" {
  if (value === "auto") return "auto";
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number or "auto"');
  return Number(value);
}

/** How the CLI runs a target: its cache (unless `--no-cache`), workers and progress line. */
function settingsOf(io: CliIo, flags: Flags): RunSettings {
  const progress = progressLine(io);
  return {
    workers: flags.workers,
    ...(flags.cache ? { cache: new Cache(resolve(io.cwd, flags.cacheDir ?? DEFAULT_CACHE_DIR)) } : {}),
    ...(progress ? { progress } : {}),
  };
}

function internalError(error: unknown): string {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `mdtypes: internal error. This is a bug; please report it with the stack below.\n${detail}\n`;
}

function version(): string {
  const require = createRequire(import.meta.url);
  return (require("../package.json") as { version: string }).version;
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command("mdtypes")
    .description("Markdown model docs → TypeScript types and zero-dependency validators, kept in sync in CI.")
    .version(version(), "-v, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run mdtypes --help for usage)");

  const common = (command: Command, examples: string): Command =>
    command
      .argument("[input]", `folder of model docs (default: every target in ${CONFIG_FILE})`)
      .option("--rule <rule-id=severity>", "set a rule's severity: error, warning, info or off (repeatable)", (value: string, previous: string[] = []) => [...previous, value])
      .addOption(new Option("--reporter <name>", "how to print results").choices(["human", "json", "github"]).default("human"))
      .option("--verbose", "also print info diagnostics")
      .option("--no-cache", `read every doc afresh, neither using nor updating the cache`)
      .option("--cache-dir <dir>", `where the cache lives (default: ${DEFAULT_CACHE_DIR})`)
      .option("--workers <n>", "threads that read docs besides the main one: a number (0: none) or auto", parseWorkers, "auto")
      // Every option of mdtypes.config.json, as a flag that wins over it.
      .addOption(new Option("--dialect <name>", "the generator that wrote the docs").choices(["speakeasy"]))
      .addOption(new Option("--flavour <language>", "the SDK language the docs were written for (default: told from the docs)").choices(FLAVOUR_CHOICES))
      .addOption(new Option("--nullability <policy>", "lenient: null allowed where the docs cannot say; as-documented: only where they do").choices(["lenient", "as-documented"]))
      .addOption(new Option("--property-names <policy>", "which names properties have on the wire").choices(PROPERTY_NAME_POLICIES))
      .addOption(new Option("--unknown-keys <policy>", "whether validators accept keys a model does not document").choices(["accept", "reject"]))
      .addOption(new Option("--import-extension <ext>", "extension of the generated relative imports").choices([".js", ".ts"]))
      .option("--max-depth <n>", "validators reject values nested deeper than this (1 to 10000)", parseMaxDepth)
      .option("--exclude <glob>", "leave out docs matching this glob, relative to the input (repeatable)", (value: string, previous: string[] = []) => [...previous, value])
      .option("--remark-plugin <module>", "add a remark plugin, a package or a path from the working directory (repeatable)", (value: string, previous: string[] = []) => [...previous, value])
      .addHelpText("after", `\nExamples:\n${examples}\n\nExit codes: 0 success, 1 drift or errors in the docs, 2 usage, I/O or internal error.`)
      .exitOverride()
      .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
      .showHelpAfterError("(run mdtypes <command> --help for usage)");

  common(
    program
      .command("generate")
      .description("Generate TypeScript modules from model docs. Writes only changed files, removes orphans, writes nothing when the docs have errors.")
      .option("-o, --out <dir>", `output folder (default: "output" in ${CONFIG_FILE})`)
      .option("-w, --watch", "regenerate whenever a doc changes; keep running through errors"),
    [
      "  mdtypes generate                                   # every target in mdtypes.config.json",
      "  mdtypes generate docs/models --out src/generated",
      "  mdtypes generate --watch",
      "  mdtypes generate docs/models -o src/generated --rule unresolved-link=warning",
    ].join("\n"),
  ).action(async (input: string | undefined, flags: Flags) => {
    const targets = await targetsOf(io, input, flags);
    setExit(await runTargets("generate", targets, flags, io));
    if (flags.watch) {
      const { watchTargets } = await import("./watch.js");
      await watchTargets(targets, io, {
        reload: () => targetsOf(io, input, flags),
        run: async (changed) => {
          await runTargets("generate", changed, flags, io);
        },
      });
      setExit(0);
    }
  });

  common(
    program
      .command("check")
      .description("Check that generated files match the docs. Renders in memory, never writes; reports every changed, missing and orphaned file with a diff.")
      .option("-o, --out <dir>", `output folder (default: "output" in ${CONFIG_FILE})`),
    ["  mdtypes check                                      # every target in mdtypes.config.json", "  mdtypes check docs/models --out src/generated", "  mdtypes check --reporter github                    # annotations in a GitHub Actions job"].join("\n"),
  ).action(async (input: string | undefined, flags: Flags) => {
    setExit(await runTargets("check", await targetsOf(io, input, flags), flags, io));
  });

  common(
    program.command("ir").description("Print the intermediate representation of the docs as JSON."),
    "  mdtypes ir docs/models > ir.json",
  ).action(async (input: string | undefined, flags: Flags) => {
    const config = await loadConfig(io.cwd);
    // `ir` writes nothing, so a target needs no output folder: an input alone will do.
    const targets = input !== undefined ? [{ name: input, input: resolvePath(io, input), output: "", options: resolveOptions(config, config?.targets?.length === 1 ? config.targets[0] : undefined, optionFlags(io, flags)) }] : await targetsOf(io, undefined, flags);
    const results = [];
    const { render } = await import("./generate.js");
    for (const target of targets) results.push({ target, result: await render(target.input, target.options, settingsOf(io, flags)) });
    const models = results.flatMap((r) => r.result.program.models);
    const diagnostics = results.flatMap((r) => r.result.diagnostics);
    io.stdout(`${JSON.stringify({ models, diagnostics }, null, 2)}\n`);
    if (flags.reporter !== "json") printDiagnostics(io, diagnostics, flags);
    setExit(hasErrors(diagnostics) ? 1 : 0);
  });

  return program;
}

/** A path given relative to the CLI's folder, as the process sees it (kept relative for messages). */
function resolvePath(io: CliIo, path: string): string {
  return isAbsolute(path) ? path : relative(process.cwd(), resolve(io.cwd, path)) || ".";
}

async function targetsOf(io: CliIo, input: string | undefined, flags: Flags): Promise<Target[]> {
  const config = await loadConfig(io.cwd);
  const targets = resolveTargets(config, { input, out: flags.out }, optionFlags(io, flags)).map((t) => ({ ...t, input: resolvePath(io, t.input), output: resolvePath(io, t.output) }));
  checkOutputsApart(targets);
  return targets;
}

/**
 * Targets are checked against each other before any runs: two that write
 * into one folder, or one inside another's, would each take the other's
 * files for its own orphans.
 */
function checkOutputsApart(targets: readonly Target[]): void {
  const outputs = targets.map((t) => ({ name: t.name, path: resolve(t.output) }));
  for (const [i, a] of outputs.entries()) {
    for (const b of outputs.slice(i + 1)) {
      if (a.path === b.path) throw usageError(`targets "${a.name}" and "${b.name}" write into the same folder (${relative(process.cwd(), a.path) || "."}); give each its own "output"`);
      const [outer, inner] = b.path.startsWith(`${a.path}${sep}`) ? [a, b] : a.path.startsWith(`${b.path}${sep}`) ? [b, a] : [];
      if (outer && inner) throw usageError(`target "${inner.name}" writes inside target "${outer.name}"'s output folder (${relative(process.cwd(), inner.path)} in ${relative(process.cwd(), outer.path) || "."}); give each a folder of its own, side by side`);
    }
  }
}

type Outcome =
  | { readonly target: Target; readonly kind: "generate"; readonly result: GenerateResult }
  | { readonly target: Target; readonly kind: "check"; readonly result: CheckResult }
  | { readonly target: Target; readonly kind: "failed"; readonly error: ExpectedError };

/** Runs every target (a failing one does not stop the others), reports them all, and returns the exit code. */
async function runTargets(command: "generate" | "check", targets: readonly Target[], flags: Flags, io: CliIo): Promise<number> {
  const outcomes: Outcome[] = [];
  for (const target of targets) {
    const started = performance.now();
    try {
      const settings = settingsOf(io, flags);
      if (command === "generate") outcomes.push({ target, kind: "generate", result: await generate(target.input, target.output, target.options, settings) });
      else outcomes.push({ target, kind: "check", result: await check(target.input, target.output, target.options, settings) });
    } catch (error) {
      if (!(error instanceof ExpectedError)) throw error;
      outcomes.push({ target, kind: "failed", error });
    }
    if (flags.reporter === "human") reportHuman(outcomes[outcomes.length - 1] as Outcome, flags, io, (performance.now() - started) / 1000);
  }
  if (flags.reporter === "json") io.stdout(`${JSON.stringify(jsonReport(outcomes), null, 2)}\n`);
  if (flags.reporter === "github") reportGithub(outcomes, io);

  if (outcomes.some((o) => o.kind === "failed")) return 2;
  const bad = outcomes.some((o) => (o.kind === "check" || o.kind === "generate") && (hasErrors(o.result.diagnostics) || (o.kind === "check" && o.result.drift !== undefined && !inSync(o.result.drift))));
  return bad ? 1 : 0;
}

function reportHuman(outcome: Outcome, flags: Flags, io: CliIo, seconds: number): void {
  const paint = colors(io.color);
  const { target } = outcome;
  if (outcome.kind === "failed") {
    io.stderr(`mdtypes: ${outcome.error.message}\n`);
    return;
  }
  printDiagnostics(io, outcome.result.diagnostics, flags);
  const problems = summarize(outcome.result.diagnostics);
  const time = `${seconds.toFixed(2)}s; ${describeReading(outcome.result.stats)}`;
  if (hasErrors(outcome.result.diagnostics)) {
    io.stderr(`${paint.red("✖")} ${target.name}: the docs in ${target.input} have errors (${problems}); ${outcome.kind === "generate" ? "nothing written" : "nothing compared"}.\n`);
    return;
  }
  if (outcome.kind === "generate") {
    const w = outcome.result.written;
    if (!w) return;
    const deleted = w.deleted.length ? `, ${w.deleted.length} orphaned ${w.deleted.length === 1 ? "file" : "files"} removed` : "";
    io.stderr(
      `${paint.green("✔")} ${target.name}: ${count(outcome.result.stats.models, "model")} from ${count(outcome.result.stats.docs, `${flavourLabel(outcome.result.options)}doc`)} in ${target.input}; ${count(w.written.length, "file")} written, ${w.unchanged.length} unchanged${deleted} (${time}; ${problems}).\n`,
    );
    return;
  }
  const drift = outcome.result.drift;
  if (!drift) return;
  if (inSync(drift)) {
    io.stderr(`${paint.green("✔")} ${target.name}: in sync with ${target.input} (${outcome.result.stats.files} files, ${time}; ${problems}).\n`);
    return;
  }
  io.stdout(`${formatDrift(target.output, drift, paint)}\n`);
  io.stderr(`${paint.red("✖")} ${target.name}: out of date with ${target.input} (${summarizeDrift(drift)}). Run \`mdtypes generate\` to update it.\n`);
}

/** `1 model`, `2 models`. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** How the docs were read: parsed, or from the cache. */
function describeReading(stats: RunStats): string {
  const cached = stats.docs - stats.parsed;
  if (cached === 0) return `${stats.parsed} ${stats.parsed === 1 ? "doc" : "docs"} parsed`;
  if (stats.parsed === 0) return "all from the cache";
  return `${stats.parsed} ${stats.parsed === 1 ? "doc" : "docs"} parsed, ${cached} from the cache`;
}

/** `python ` (the flavour the docs were read as), or nothing when it could not be told. */
function flavourLabel(options: Options): string {
  return options.flavour === "auto" ? "" : `${options.flavour} `;
}

function jsonReport(outcomes: readonly Outcome[]) {
  return {
    ok: outcomes.every((o) => o.kind !== "failed" && !hasErrors(o.result.diagnostics) && (o.kind !== "check" || (o.result.drift !== undefined && inSync(o.result.drift)))),
    diagnostics: outcomes.flatMap((o) => (o.kind === "failed" ? [] : o.result.diagnostics)),
    targets: outcomes.map((o) => ({
      name: o.target.name,
      input: o.target.input,
      output: o.target.output,
      ...(o.kind === "failed" ? {} : { flavour: o.result.options.flavour, stats: o.result.stats }),
      ...(o.kind === "failed" ? { error: o.error.message } : {}),
      ...(o.kind === "generate" ? { written: o.result.written ?? null } : {}),
      ...(o.kind === "check" ? { drift: o.result.drift ?? null } : {}),
    })),
  };
}

function reportGithub(outcomes: readonly Outcome[], io: CliIo): void {
  for (const o of outcomes) {
    if (o.kind === "failed") {
      io.stdout(`::error title=mdtypes::${o.error.message.replace(/%/g, "%25").replace(/\n/g, "%0A")}\n`);
      continue;
    }
    for (const d of o.result.diagnostics) if (d.severity !== "info") io.stdout(`${formatGithub(d)}\n`);
    if (o.kind === "check" && o.result.drift) for (const line of driftAnnotations(o.target.output, o.result.drift)) io.stdout(`${line}\n`);
  }
}

function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], flags: Flags): void {
  const paint = colors(io.color);
  const shown = flags.verbose ? diagnostics : diagnostics.filter((d) => d.severity !== "info");
  for (const d of shown) io.stderr(`${formatHuman(d, paint, d.severity !== "info")}\n`);
}

/** A progress line on a terminal (never in CI or when piped), redrawn at most every 100 ms. */
function progressLine(io: CliIo): Progress | undefined {
  if (!io.progress) return undefined;
  let last = 0;
  return (done, total) => {
    const now = performance.now();
    if (done >= total) io.stderr("\r\x1b[K");
    else if (now - last > 100 && total > 50) {
      last = now;
      io.stderr(`\r\x1b[Kreading docs ${done}/${total}`);
    }
  };
}
