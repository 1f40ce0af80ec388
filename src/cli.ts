/**
 * The command line: a thin layer over the API. Only {@link main} decides the
 * exit code: 0 success, 1 error diagnostics in the docs, 2 usage, I/O or
 * internal error (DESIGN.md, "CLI contract").
 */

import { Command, CommanderError, Option } from "commander";
import { createRequire } from "node:module";
import { isAbsolute, relative, resolve } from "node:path";
import { hasErrors, type Diagnostic } from "./diagnostics.js";
import { ExpectedError, usageError } from "./errors.js";
import { generate, render } from "./generate.js";
import { loadConfig, parseRuleFlag, resolveOptions, type Config, type Options } from "./options.js";
import { formatGithub, formatHuman, summarize, type ReporterName } from "./report.js";

/** Where the CLI prints and which folder it runs in (the process's, unless a test says otherwise). */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** Whether stderr is a terminal (colour, progress). */
  readonly isTTY: boolean;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  isTTY: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
};

interface CommonFlags {
  readonly rule?: readonly string[];
  readonly reporter: ReporterName;
  readonly verbose?: boolean;
}

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
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
    io.stderr(`mdtypes: internal error. This is a bug; please report it with the stack below.\n${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

function version(): string {
  const require = createRequire(import.meta.url);
  return (require("../package.json") as { version: string }).version;
}

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command("mdtypes")
    .description("Markdown model docs → TypeScript types and zero-dependency validators.")
    .version(version(), "-v, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError("(run mdtypes --help for usage)");

  const common = (command: Command): Command =>
    command
      .option("--rule <rule-id=severity>", "change a rule's severity (error, warning, info, off); repeatable", (value: string, previous: string[] = []) => [...previous, value])
      .addOption(new Option("--reporter <name>", "how to print diagnostics").choices(["human", "json", "github"]).default("human"))
      .option("--verbose", "also print info diagnostics")
      .exitOverride();

  common(
    program
      .command("generate")
      .description("Generate TypeScript modules from the model docs in [input] into --out.")
      .argument("[input]", "folder of model docs (default: `input` in mdtypes.config.json)")
      .option("-o, --out <dir>", "output folder (default: `output` in mdtypes.config.json)")
      .addHelpText("after", "\nExamples:\n  mdtypes generate\n  mdtypes generate docs/models --out src/generated\n  mdtypes generate docs/models --out src/generated --rule unresolved-link=warning"),
  ).action(async (input: string | undefined, flags: CommonFlags & { out?: string }) => {
    const config = await loadConfig(io.cwd);
    const { inputDir, options } = settings(io, config, input, flags);
    const outDir = flags.out ?? config?.output;
    if (!outDir) throw usageError("No output folder: pass --out <dir> or set \"output\" in mdtypes.config.json");
    const started = performance.now();
    const result = await generate(inputDir, resolvePath(io, outDir), options);
    printDiagnostics(io, result.diagnostics, flags);
    if (flags.reporter === "human") {
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const models = result.program.models.length;
      if (result.written) {
        io.stderr(
          `Generated ${models} models from ${result.docCount} docs into ${outDir}: ${result.written.written.length} files written, ${result.written.unchanged.length} unchanged (${seconds}s; ${summarize(result.diagnostics)}).\n`,
        );
      } else {
        io.stderr(`Nothing written: the docs have errors (${summarize(result.diagnostics)}).\n`);
      }
    }
    setExit(hasErrors(result.diagnostics) ? 1 : 0);
  });

  common(
    program
      .command("ir")
      .description("Print the intermediate representation of the docs in [input] as JSON.")
      .argument("[input]", "folder of model docs (default: `input` in mdtypes.config.json)")
      .addHelpText("after", "\nExamples:\n  mdtypes ir docs/models > ir.json"),
  ).action(async (input: string | undefined, flags: CommonFlags) => {
    const config = await loadConfig(io.cwd);
    const { inputDir, options } = settings(io, config, input, flags);
    const result = await render(inputDir, options);
    io.stdout(`${JSON.stringify({ models: result.program.models, diagnostics: result.diagnostics }, null, 2)}\n`);
    if (flags.reporter !== "json") printDiagnostics(io, result.diagnostics, flags);
    setExit(hasErrors(result.diagnostics) ? 1 : 0);
  });

  return program;
}

/** A path given relative to the CLI's folder, as the process sees it (kept relative for messages). */
function resolvePath(io: CliIo, path: string): string {
  return isAbsolute(path) ? path : relative(process.cwd(), resolve(io.cwd, path)) || ".";
}

function settings(io: CliIo, config: Config | undefined, input: string | undefined, flags: CommonFlags): { inputDir: string; options: Options } {
  const inputDir = input ?? config?.input;
  if (!inputDir) throw usageError("No input folder: pass one (mdtypes generate <input>) or set \"input\" in mdtypes.config.json");
  const rules = Object.fromEntries((flags.rule ?? []).map(parseRuleFlag));
  return { inputDir: resolvePath(io, inputDir), options: resolveOptions(config, { rules }) };
}

function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], flags: CommonFlags): void {
  const shown = flags.verbose || flags.reporter === "json" ? diagnostics : diagnostics.filter((d) => d.severity !== "info");
  switch (flags.reporter) {
    case "json":
      io.stdout(`${JSON.stringify({ diagnostics: shown }, null, 2)}\n`);
      return;
    case "github":
      for (const d of shown) io.stdout(`${formatGithub(d)}\n`);
      return;
    case "human":
      for (const d of shown) io.stderr(`${formatHuman(d, io.isTTY)}\n`);
      return;
  }
}
