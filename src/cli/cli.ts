/**
 * The command line: a thin layer over the API. Only {@link main} decides the
 * exit code: 0 success or in sync, 1 drift or error diagnostics in the docs,
 * 2 usage, I/O or internal error (DESIGN.md, "CLI contract").
 */

import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { readFileSync, realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { constants } from "node:os";
import { inSync } from "../stages/compare.js";
import { hasErrors, type Diagnostic } from "../ir/diagnostics.js";
import { ExpectedError, usageError } from "../ir/errors.js";
import { Cache } from "../io/cache.js";
import { DEFAULT_CACHE_DIR, defaultCacheDir } from "../io/places.js";
import { colorFor, processDecisions } from "./replay.js";
import { recording, saveReplay } from "./replay-record.js";
import { PACKAGE_ROOT } from "../io/package-root.js";
import type { CliIo } from "./io.js";

export type { CliIo };
export { colorFor };
import type { Progress, RunSettings } from "../recipe.js";
import { check, checkFolderPlace, generate, type CheckResult, type GenerateResult, type RunStats } from "../run.js";
import { FLAVOUR_CHOICES, resolveOptions, TARGET_CHOICES, type Options, type Target } from "../ir/options.js";
import { CONFIG_FILE, findConfig, parseRuleFlag, resolveTargets } from "../io/config.js";
import { resolveRemarkPlugins } from "../io/plugin-settings.js";
import { PROPERTY_NAME_POLICIES } from "../ir/property-names.js";
import { DIALECT_CHOICES, dialectLabel as labelOfDialect } from "../dialects/choices.js";
import { colors, driftAnnotations, formatDrift, formatGithub, formatHuman, githubOrder, humanEntries, SHOWN_PER_RULE, summarize, terminalSafe, summarizeDrift, type ReporterName } from "./report.js";

function processIo(): CliIo {
  const gone = new Set<() => void>();
  const onGone = () => {
    for (const listener of gone) listener();
    gone.clear();
  };
  return {
    stdout: pipeWriter(process.stdout, onGone),
    stderr: pipeWriter(process.stderr, onGone),
    cwd: process.cwd(),
    readerGone: (listener) => void gone.add(listener),
    ...processDecisions(),
  };
}

/**
 * Writes to a stream that may be closed by its reader (`mdtypes ir | head`):
 * once a write fails (EPIPE), later writes are dropped, `gone` is called, and
 * the command finishes with its own exit code, with no error printed.
 */
function pipeWriter(stream: NodeJS.WriteStream, gone: () => void): (text: string) => void {
  let closed = false;
  stream.on("error", () => {
    closed = true;
    gone();
  });
  return (text) => {
    if (!closed && !stream.destroyed) stream.write(text);
  };
}

interface Flags {
  readonly config?: string;
  readonly out?: string;
  readonly outFile?: string;
  readonly rule?: readonly string[];
  readonly dialect?: Options["dialect"];
  readonly flavour?: Options["flavour"];
  readonly nullability?: Options["nullability"];
  readonly propertyNames?: Options["propertyNames"];
  readonly unknownKeys?: Options["unknownKeys"];
  readonly importExtension?: Options["importExtension"];
  readonly target?: Options["target"];
  readonly templates?: string;
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
  const program = buildProgram(io, argv, (code) => {
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
      io.stderr(`mdtypes: ${terminalSafe(error.message)}\n`);
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
    ...(flags.target ? { target: flags.target } : {}),
    ...(flags.templates !== undefined ? { templates: resolve(io.cwd, flags.templates) } : {}),
    ...(flags.maxDepth !== undefined ? { maxDepth: flags.maxDepth } : {}),
    ...(flags.exclude ? { exclude: flags.exclude } : {}),
    ...(flags.remarkPlugin ? { remarkPlugins: resolveRemarkPlugins(flags.remarkPlugin, io.cwd) } : {}),
  };
}

/** The most threads `--workers` may ask for: past the cores, more only cost start-up and memory. */
const MAX_WORKERS = 64;

function parseWorkers(value: string): number | "auto" {
  if (value === "auto") return "auto";
  if (!/^\d+$/.test(value) || Number(value) > MAX_WORKERS) throw new InvalidArgumentError(`expected a whole number from 0 to ${MAX_WORKERS}, or "auto"`);
  return Number(value);
}

/** How the CLI runs a project's targets: the cache (unless `--no-cache`), workers and progress line. */
function settingsOf(io: CliIo, flags: Flags, project: Project): RunSettings {
  const progress = progressLine(io);
  if (flags.cache && flags.cacheDir !== undefined) checkFolderPlace(resolvePath(io, flags.cacheDir), "Cache folder");
  return {
    workers: flags.workers,
    ...(flags.cache ? { cache: new Cache(flags.cacheDir !== undefined ? resolve(io.cwd, flags.cacheDir) : defaultCacheDir(project.root)) } : {}),
    ...(progress ? { progress } : {}),
  };
}

function internalError(error: unknown): string {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `mdtypes: internal error. This is a bug; please report it with the stack below.\n${detail.split("\n").map(terminalSafe).join("\n")}\n`;
}

/**
 * JSON as the reporters print it (pretty, or one line for NDJSON), with DEL
 * and the C1 controls escaped too (JSON.stringify escapes only C0): a
 * report printed to a terminal cannot drive it.
 */
function jsonText(value: unknown, pretty: boolean): string {
  return JSON.stringify(value, null, pretty ? 2 : undefined).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * The argument parser's errors in the one-line form of every other error
 * (`mdtypes: <what>`), with where to find the usage.
 */
function usageLine(usage: string): (text: string, write: (text: string) => void) => void {
  return (text, write) => write(`mdtypes: ${terminalSafe(text.replace(/^error:\s*/, "").trim().replace(/\s*\n\s*/g, " "))} (run \`${usage} --help\` for usage)\n`);
}

function version(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

function buildProgram(io: CliIo, argv: readonly string[], setExit: (code: number) => void): Command {
  const program = new Command("mdtypes")
    .description("Markdown model docs → TypeScript types and zero-dependency validators, kept in sync in CI.")
    .version(version(), "-v, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: usageLine("mdtypes") })
    .addHelpText(
      "after",
      [
        "",
        "Examples:",
        "  mdtypes generate docs/models --out src/generated   # docs → TypeScript modules",
        "  mdtypes check                                      # every target of mdtypes.config.json; exit 1 with a diff when stale",
        "  mdtypes ir docs/models > ir.json                   # the intermediate representation",
        "  mdtypes generate --help                            # a command's flags, examples and exit codes",
        "",
        "Exit codes: 0 success, 1 errors in the docs (or drift, for check), 2 usage, I/O or internal error; stopped by Ctrl-C (SIGINT), SIGTERM or SIGHUP, the process ends by that signal (130, 143 or 129 in a shell), in watch mode too.",
      ].join("\n"),
    );

  const common = (command: Command, examples: string, exitCodes: string): Command =>
    command
      .argument("[input]", `folder of model docs (default: every target in ${CONFIG_FILE})`)
      .option("-c, --config <file>", `the config file (default: ${CONFIG_FILE} here or in a parent folder, up to the repository root)`)
      .option("--rule <rule-id=severity>", "set a rule's severity: error, warning, info or off (repeatable)", (value: string, previous: string[] = []) => [...previous, value])
      .addOption(new Option("--reporter <name>", "how to print results").choices(["human", "json", "github"]).default("human"))
      .option("--verbose", `print every diagnostic, infos too (default: errors and warnings, ${SHOWN_PER_RULE} of each rule in full and a count of the rest)`)
      .option("--no-cache", `read every doc afresh, neither using nor updating the cache`)
      .option("--cache-dir <dir>", `where the cache lives (default: node_modules/.cache/mdtypes, or ${DEFAULT_CACHE_DIR} without node_modules)`)
      .option("--workers <n>", `threads that read docs besides the main one: a number (0: none, at most ${MAX_WORKERS}) or auto`, parseWorkers, "auto")
      // Every option of mdtypes.config.json, as a flag that wins over it.
      .addOption(new Option("--dialect <name>", "the generator that wrote the docs (default: auto, told from the docs)").choices(DIALECT_CHOICES))
      .addOption(new Option("--flavour <language>", "the SDK language Speakeasy docs were written for (default: told from the docs)").choices(FLAVOUR_CHOICES))
      .addOption(new Option("--nullability <policy>", "lenient: null allowed where the docs cannot say; as-documented: only where they do").choices(["lenient", "as-documented"]))
      .addOption(new Option("--property-names <policy>", "which names properties have on the wire").choices(PROPERTY_NAME_POLICIES))
      .addOption(new Option("--unknown-keys <policy>", "whether validators accept keys a model does not document").choices(["accept", "reject"]))
      .addOption(new Option("--target <target>", "what to generate: ts (types and validators, the default), zod (zod 4 schemas) or json-schema (JSON Schema 2020-12)").choices(TARGET_CHOICES))
      .option("--templates <dir>", "a folder of handlebars templates (<name>.hbs) overriding the built-in ones by name")
      .addOption(new Option("--import-extension <ext>", "extension of the generated relative imports").choices([".js", ".ts"]))
      .option("--max-depth <n>", "validators reject values nested deeper than this (1 to 10000)", parseMaxDepth)
      .option("--exclude <glob>", "leave out docs matching this glob, relative to the input (repeatable)", (value: string, previous: string[] = []) => [...previous, value])
      .option("--remark-plugin <module>", "add a remark plugin, a package or a path from the working directory (repeatable)", (value: string, previous: string[] = []) => [...previous, value])
      .addHelpText("after", `\nExamples:\n${examples}\n\nExit codes: ${exitCodes}; 2 usage, I/O or internal error.`)
      .exitOverride()
      .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: usageLine(`mdtypes ${command.name()}`) });

  common(
    program
      .command("generate")
      .description("Generate TypeScript modules from model docs. Writes only changed files, removes orphans, writes nothing when the docs have errors.")
      .option("-o, --out <dir>", `output folder (default: "output" in ${CONFIG_FILE})`)
      .option("--out-file <file>", "instead of a folder, one module with every model (names as in the root index, a folder's name before a name taken)")
      .option("-w, --watch", "regenerate whenever a doc changes; keep running through errors"),
    [
      "  mdtypes generate                                   # every target in mdtypes.config.json",
      "  mdtypes generate docs/models --out src/generated",
      "  mdtypes generate --watch",
      "  mdtypes generate docs/models -o src/generated --rule unresolved-link=warning",
      "  mdtypes generate --config ci/mdtypes.json --reporter json",
    ].join("\n"),
    "0 written (or nothing to write), 1 errors in the docs (nothing written), 130 when stopped by Ctrl-C, 143 by SIGTERM, 129 by SIGHUP (in watch mode too), 141 in watch mode when the reader of its output has gone",
  ).action(async (input: string | undefined, flags: Flags) => {
    const project = await projectOf(io, input, flags);
    const code = await runTargets("generate", project, flags, io);
    setExit(code);
    // A first run that could not start (a missing input, an output in the way: exit 2) is not watched.
    if (flags.watch && code !== 2) {
      const { watchTargets } = await import("./watch.js");
      await watchTargets(project.targets, io, {
        config: project.configPath ?? resolve(io.cwd, CONFIG_FILE),
        reload: async () => (await projectOf(io, input, flags)).targets,
        run: async (changed) => {
          await runTargets("generate", { ...project, targets: changed }, flags, io);
        },
      });
      // A signal ends the process (watch.ts). The watch returns when its output's reader has gone
      // (`--watch --reporter json | head -1`): 141, as a writer ended by SIGPIPE.
      setExit(128 + constants.signals.SIGPIPE);
    }
  });

  common(
    program
      .command("check")
      .description("Check that generated files match the docs. Renders in memory, never writes; reports every changed, missing and orphaned file with a diff.")
      .option("-o, --out <dir>", `output folder (default: "output" in ${CONFIG_FILE})`)
      .option("--out-file <file>", "instead of a folder, the one module `generate --out-file` wrote"),
    [
      "  mdtypes check                                      # every target in mdtypes.config.json",
      "  mdtypes check docs/models --out src/generated",
      "  mdtypes check --reporter github                    # annotations in a GitHub Actions job",
      "  mdtypes check > drift.diff                         # the diff in a file, the summary on the terminal",
    ].join("\n"),
    "0 in sync, 1 drift or errors in the docs",
  ).action(async (input: string | undefined, flags: Flags) => {
    setExit(await runTargets("check", await projectOf(io, input, flags), flags, io, argv));
  });

  common(
    program.command("ir").description("Print the intermediate representation of the docs as JSON."),
    ["  mdtypes ir docs/models > ir.json", "  mdtypes ir docs/models --flavour go | jq '.models[].name'"].join("\n"),
    "0 printed, 1 errors in the docs (the IR is printed all the same)",
  ).action(async (input: string | undefined, flags: Flags) => {
    // `ir` writes nothing, so a target needs no output folder: an input alone will do.
    const project = await projectOf(io, input, flags, { needsOutput: false });
    const results = [];
    const { render } = await import("../recipe.js");
    for (const target of project.targets) results.push({ target, result: await render(target.input, target.options, settingsOf(io, flags, project)) });
    const models = results.flatMap((r) => r.result.program.models);
    const diagnostics = results.flatMap((r) => r.result.diagnostics);
    io.stdout(`${jsonText({ models, diagnostics }, true)}\n`);
    if (flags.reporter !== "json") printDiagnostics(io, diagnostics, flags);
    setExit(hasErrors(diagnostics) ? 1 : 0);
  });

  return program;
}

/** A path given relative to the CLI's folder, as the process sees it (kept relative for messages). */
function resolvePath(io: CliIo, path: string): string {
  return isAbsolute(path) ? path : relative(process.cwd(), resolve(io.cwd, path)) || ".";
}

/** What a command works on: its targets, the config they came from, and the project's root. */
interface Project {
  readonly targets: Target[];
  /** The config file, when there is one. */
  readonly configPath?: string;
  /** The config's folder, else the working directory: where the cache lives. */
  readonly root: string;
}

async function projectOf(io: CliIo, input: string | undefined, flags: Flags, { needsOutput = true } = {}): Promise<Project> {
  const found = await findConfig(io.cwd, flags.config);
  const base = found ? relative(io.cwd, found.dir) : "";
  const overrides = optionFlags(io, flags);
  const targets =
    !needsOutput && input !== undefined && flags.out === undefined
      ? [{ name: input, input, output: "", options: resolveOptions(found?.config, found?.config.targets?.length === 1 ? found.config.targets[0] : undefined, overrides) }]
      : resolveTargets(found?.config, { input, out: flags.out, outFile: flags.outFile }, overrides, base);
  const resolved = targets.map((t) => ({ ...t, input: resolvePath(io, t.input), output: t.output === "" ? "" : resolvePath(io, t.output) }));
  if (needsOutput) checkOutputsApart(resolved);
  return { targets: resolved, ...(found ? { configPath: found.path } : {}), root: found?.dir ?? resolve(io.cwd) };
}

/**
 * Targets are checked against each other before any runs: two that write
 * into one folder, or one inside another's, would each take the other's
 * files for its own orphans.
 */
function checkOutputsApart(targets: readonly Target[]): void {
  // A one-module target (`outFile`) owns its file alone, not its folder.
  const outputs = targets.map((t) => {
    const place = t.options.singleFile === undefined ? t.output : join(t.output, t.options.singleFile);
    return { name: t.name, path: realPath(resolve(place)), shown: place, file: t.options.singleFile !== undefined };
  });
  for (const [i, a] of outputs.entries()) {
    for (const b of outputs.slice(i + 1)) {
      const both = `${a.shown === b.shown ? a.shown : `${a.shown} and ${b.shown}`}`;
      if (a.path === b.path) throw usageError(a.file || b.file ? `targets "${a.name}" and "${b.name}" write the same file (${both}); give each its own "outFile"` : `targets "${a.name}" and "${b.name}" write into the same folder (${both}); give each its own "output"`);
      const [outer, inner] = b.path.startsWith(`${a.path}${sep}`) ? [a, b] : a.path.startsWith(`${b.path}${sep}`) ? [b, a] : [];
      if (outer && inner) throw usageError(`target "${inner.name}" writes inside target "${outer.name}"'s output folder (${inner.shown} in ${outer.shown}); give each a folder of its own, side by side`);
    }
  }
}

/** `path` through symbolic links (`out` and a link to it are one folder): its longest existing part made real, the rest as written. */
function realPath(path: string): string {
  let rest = "";
  for (let base = path; ; base = dirname(base)) {
    try {
      return join(realpathSync(base), rest);
    } catch {
      if (dirname(base) === base) return path;
      rest = join(basename(base), rest);
    }
  }
}

type Outcome =
  | { readonly target: Target; readonly kind: "generate"; readonly result: GenerateResult }
  | { readonly target: Target; readonly kind: "check"; readonly result: CheckResult }
  | { readonly target: Target; readonly kind: "failed"; readonly error: ExpectedError };

/**
 * Runs every target (a failing one does not stop the others), reports them
 * all, and returns the exit code. A `check` given its arguments (`argv`)
 * that the cache answered in sync is recorded for a replay (`replay.ts`).
 */
async function runTargets(command: "generate" | "check", project: Project, flags: Flags, cliIo: CliIo, argv?: readonly string[]): Promise<number> {
  const record = command === "check" && argv !== undefined && flags.cache ? recording(cliIo) : undefined;
  const io = record?.io ?? cliIo;
  const outcomes: Outcome[] = [];
  let cache: Cache | undefined;
  for (const target of project.targets) {
    const started = process.hrtime.bigint();
    try {
      const settings = settingsOf(io, flags, project);
      cache = settings.cache;
      if (command === "generate") outcomes.push({ target, kind: "generate", result: await generate(target.input, target.output, target.options, settings) });
      else outcomes.push({ target, kind: "check", result: await check(target.input, target.output, target.options, settings) });
    } catch (error) {
      if (!(error instanceof ExpectedError)) throw error;
      outcomes.push({ target, kind: "failed", error });
    }
    if (flags.reporter === "human") reportHuman(outcomes[outcomes.length - 1] as Outcome, flags, io, Number(process.hrtime.bigint() - started) / 1e9);
  }
  // In watch mode one report per run, each on one line (NDJSON), so a stream reader can split them.
  if (flags.reporter === "json") io.stdout(`${jsonText(jsonReport(outcomes), !flags.watch)}\n`);
  if (flags.reporter === "github") reportGithub(outcomes, io);

  if (outcomes.some((o) => o.kind === "failed")) return 2;
  const bad = outcomes.some((o) => (o.kind === "check" || o.kind === "generate") && (hasErrors(o.result.diagnostics) || (o.kind === "check" && o.result.drift !== undefined && !inSync(o.result.drift))));
  const fromCache = outcomes.every((o) => o.kind === "check" && o.result.stats.parsed === 0 && o.result.drift !== undefined && inSync(o.result.drift));
  if (record && argv && cache && fromCache && !bad) {
    saveReplay(
      { argv, io: cliIo, targets: project.targets, ...(flags.config !== undefined ? { configFlag: flags.config } : {}), ...(project.configPath !== undefined ? { configPath: project.configPath } : {}), root: project.root, cacheDirFlag: flags.cacheDir !== undefined, cache },
      record,
    );
  }
  return bad ? 1 : 0;
}

function reportHuman(outcome: Outcome, flags: Flags, io: CliIo, seconds: number): void {
  const paint = colors(io.color);
  // Names and paths come from the user and the file system: shown terminal-safe.
  const target = { name: terminalSafe(outcome.target.name), input: terminalSafe(outcome.target.input), output: outcome.target.output };
  if (outcome.kind === "failed") {
    io.stderr(`mdtypes: ${terminalSafe(outcome.error.message)}\n`);
    return;
  }
  printDiagnostics(io, outcome.result.diagnostics, flags);
  const problems = summarize(outcome.result.diagnostics);
  const elapsed = `${seconds.toFixed(2)}s`;
  const time = `${io.timed ? io.timed(elapsed) : elapsed}; ${describeReading(outcome.result.stats)}`;
  if (hasErrors(outcome.result.diagnostics)) {
    io.stderr(`${paint.red("✖")} ${target.name}: the docs in ${target.input} have errors (${problems}); ${outcome.kind === "generate" ? "nothing written" : "nothing compared"}.\n`);
    return;
  }
  if (outcome.kind === "generate") {
    const w = outcome.result.written;
    if (!w) return;
    const deleted = w.deleted.length ? `, ${w.deleted.length} orphaned ${w.deleted.length === 1 ? "file" : "files"} removed` : "";
    io.stderr(
      `${paint.green("✔")} ${target.name}: ${count(outcome.result.stats.models, "model")} from ${count(outcome.result.stats.docs, `${languageLabel(outcome.result.options)}doc`)}${dialectLabel(outcome.result.options)} in ${target.input}; ${count(w.written.length, "file")} written, ${w.unchanged.length} unchanged${deleted} (${time}; ${problems}).\n`,
    );
    return;
  }
  const drift = outcome.result.drift;
  if (!drift) return;
  if (inSync(drift)) {
    io.stderr(`${paint.green("✔")} ${target.name}: in sync with ${target.input} (${count(outcome.result.stats.files, "file")}, ${time}; ${problems}).\n`);
    return;
  }
  io.stdout(`${formatDrift(target.output, drift, colors(io.stdoutColor ?? io.color))}\n`);
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

/** `python ` (the SDK language the docs were read as), or nothing when it could not be told or there is none (apix and openapi-to-skills docs are written for no SDK). */
function languageLabel(options: Options): string {
  const language = languageOf(options);
  return language === "auto" || language === "none" ? "" : `${language} `;
}

/** ` by OpenAPI Generator` (the generator the docs were read as), or nothing when no doc carried any generator's fingerprint. */
function dialectLabel(options: Options): string {
  return options.settled?.unrecognized ? "" : ` by ${labelOfDialect(options.dialect)}`;
}

/** The SDK language the docs were read as (Speakeasy's `flavour`, another dialect's `settled.language`), `auto` when untold. */
function languageOf(options: Options): string {
  return options.settled?.language ?? (options.dialect === "speakeasy" ? options.flavour : "auto");
}

function jsonReport(outcomes: readonly Outcome[]) {
  return {
    ok: outcomes.every((o) => o.kind !== "failed" && !hasErrors(o.result.diagnostics) && (o.kind !== "check" || (o.result.drift !== undefined && inSync(o.result.drift)))),
    // Each diagnostic says its target: two targets may read the same docs.
    diagnostics: outcomes.flatMap((o) => (o.kind === "failed" ? [] : o.result.diagnostics.map((d) => ({ ...d, target: o.target.name })))),
    targets: outcomes.map((o) => ({
      name: o.target.name,
      input: o.target.input,
      output: o.target.output,
      // What the target generates, and (with `outFile`) the one file it writes, as a path like `output`.
      target: o.target.options.target,
      ...(o.target.options.singleFile !== undefined ? { outFile: join(o.target.output, o.target.options.singleFile) } : {}),
      // The dialect and language the docs were read as (`flavour`: the language's older name, kept).
      ...(o.kind === "failed" ? {} : { dialect: o.result.options.dialect, language: languageOf(o.result.options), flavour: languageOf(o.result.options), stats: o.result.stats }),
      ...(o.kind === "failed" ? { error: o.error.message } : {}),
      ...(o.kind === "generate" ? { written: o.result.written ?? null } : {}),
      ...(o.kind === "check" ? { drift: o.result.drift ?? null } : {}),
    })),
  };
}

function reportGithub(outcomes: readonly Outcome[], io: CliIo): void {
  for (const o of outcomes) {
    if (o.kind === "failed") {
      io.stdout(`::error title=mdtypes::${terminalSafe(o.error.message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"))}\n`);
      continue;
    }
    // GitHub shows a step's first few annotations: the root causes go first, then errors, then warnings.
    for (const d of githubOrder(o.result.diagnostics)) io.stdout(`${formatGithub(d)}\n`);
    if (o.kind === "check" && o.result.drift) for (const line of driftAnnotations(o.target.output, o.result.drift)) io.stdout(`${line}\n`);
  }
}

function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], flags: Flags): void {
  const paint = colors(io.color);
  for (const entry of humanEntries(diagnostics, flags.verbose === true)) {
    io.stderr(`${"note" in entry ? paint.dim(entry.note) : formatHuman(entry.diagnostic, paint, entry.frame)}\n`);
  }
}

/** A progress line on a terminal (never in CI or when piped), redrawn at most every 100 ms. */
function progressLine(io: CliIo): Progress | undefined {
  if (!io.progress) return undefined;
  let last = 0;
  return (done, total) => {
    // Milliseconds; not `performance.now()`, whose first use loads a module.
    const now = Number(process.hrtime.bigint() / 1_000_000n);
    if (done >= total) io.stderr("\r\x1b[K");
    else if (now - last > 100 && total > 50) {
      last = now;
      io.stderr(`\r\x1b[Kreading docs ${done}/${total}`);
    }
  };
}
