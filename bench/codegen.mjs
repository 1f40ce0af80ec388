// Codegen benchmark: `mdtypes generate` and `mdtypes check`, cold (no cache) and warm
// (cache filled, nothing changed), on each SDK of ../shared/corpus/speakeasy and on all of
// them at once, against openapi-typescript on the OpenAPI spec the Discord docs came from;
// then how time grows with the input, up to a tree of over 10,000 docs (the largest SDK
// copied seven times), in docs/s and MB/s. Wall time (median of several runs, the
// scenarios interleaved within each round), peak memory (resident, all threads) and, for
// the cold runs against openapi-typescript and the large trees, user and system CPU time. Ends
// with the goals of issue 15, each marked met or not met. Before the first runs and the large
// trees it times creating files, and waits while that is slow (files deleted in the last minutes
// slow it on some file systems; --no-settle does not wait).
//
//   npm run bench:codegen                  (from the repository root; builds first)
//   node bench/codegen.mjs --runs 7 --quick
//   node bench/codegen.mjs --parse-only [--parse-baseline <other checkout>/dist]
//
// The parse stage is also timed on its own, in this process: every Discord doc parsed
// (the padding-free tables and all), rounds interleaved with another build's parser when
// --parse-baseline names one (an earlier commit, checked out and built beside this one).
//
// Commands are timed without NODE_EXTRA_CA_CERTS (see CA_CERTS below): Node's start alone, and the
// warm checks, are timed with it too when this environment sets it.
//
// Reads the corpus in place and writes only to a scratch folder in the system's temp
// folder (removed at the end) and to bench/.out/codegen.json.

import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { benchArgs, countOption, usage } from "./args.mjs";
import { FileCreationError, microseconds as us, PROBE_FILES, PROBE_FOLDERS, SETTLE_SECONDS, settledFileCreation, SLOW_CREATION_US } from "./file-creation.mjs";
import { median } from "./median.mjs";
import { whyFailed } from "./why-failed.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..");
const BIN = join(ROOT, "bin", "mdtypes.js");
const USAGE = join(HERE, "usage.cjs");
const CORPUS = join(ROOT, "..", "shared", "corpus", "speakeasy");
const SPEC = join(ROOT, "..", "shared", "corpus", "specs", "discord-openapi.json");
const args = benchArgs(
  "bench/codegen.mjs",
  "Times `mdtypes generate` and `check`, cold and warm, on each SDK of the shared corpus and on all at once, against\nopenapi-typescript on the Discord spec, then on trees of up to 10,000+ docs; ends with issue 15's goals. Does not\nbuild mdtypes: run `npm run build` first (`npm run bench:codegen` does); installs bench/'s own packages if missing.",
  {
    "--runs": "<n> runs of each scenario, the median reported (default 5; 3 with --quick); at most 3 on the whole corpus and the large trees",
    "--quick": "3 runs (1 on the large trees) and fewer tree sizes, for a first look",
    "--keep": "keep the scratch folder (its path is printed)",
    "--no-settle": `start at once even when creating files is slow now (by default the bench waits, up to ${SETTLE_SECONDS / 60} minutes, for it to be fast again)`,
    "--only": "<text> only the SDKs whose folder name contains the text",
    "--parse-only": "time the parse stage alone, in this process, and stop",
    "--parse-baseline": "<dist> interleave the parse rounds with another build's parser (its dist folder)",
    "--parse-rounds": "<n> rounds of the parse-stage timing (default 15)",
  },
);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
for (const name of ["--only", "--parse-baseline"]) if (option(name, undefined) === "") usage("bench/codegen.mjs", `${name} takes a value that is not empty`);
const QUICK = args.includes("--quick");
const RUNS = countOption("bench/codegen.mjs", args, "--runs", QUICK ? 3 : 5);
// Every value is checked before anything is installed, built or timed.
const PARSE_ROUNDS = countOption("bench/codegen.mjs", args, "--parse-rounds", 15);
const BASELINE_PARSER = option("--parse-baseline", undefined) === undefined ? undefined : [join(option("--parse-baseline"), "stages", "parse.js"), join(option("--parse-baseline"), "parse.js")].find((p) => existsSync(p));
if (option("--parse-baseline", undefined) !== undefined && BASELINE_PARSER === undefined) usage("bench/codegen.mjs", `--parse-baseline ${option("--parse-baseline")}: no stages/parse.js or parse.js there (name another build's dist/)`);
/** Runs of the slowest scenarios (the whole corpus, doubled). */
const LONG_RUNS = Math.max(1, Math.min(RUNS, QUICK ? 1 : 3));

if (!existsSync(CORPUS) || !existsSync(SPEC)) {
  console.log(`The codegen benchmark needs the shared corpus beside the checkout (${CORPUS}); it is absent, so nothing was measured.`);
  process.exit(0);
}
/** The corpus's SDKs: each folder of it with a `docs/` folder (what is there, whether or not SOURCES.tsv lists it). */
const SDK_NAMES = readdirSync(CORPUS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(CORPUS, entry.name, "docs")))
  .map((entry) => entry.name)
  .sort();
const ONLY = option("--only", undefined);
if (ONLY !== undefined && !SDK_NAMES.some((name) => name.includes(ONLY))) {
  usage("bench/codegen.mjs", `--only ${JSON.stringify(ONLY)} keeps no SDK of the corpus`);
}
if (!existsSync(join(HERE, "node_modules", "openapi-typescript"))) {
  // npm's own output goes to stderr: stdout is the report.
  const install = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: HERE, stdio: ["ignore", 2, 2] });
  if (install.status !== 0) process.exit(install.status ?? 1);
}
const { autoWorkers } = await import(new URL("../dist/io/pool.js", import.meta.url).href);
const OPENAPI_TS = join(HERE, "node_modules", "openapi-typescript", "bin", "cli.js");
const versionOf = (pkg) => JSON.parse(readFileSync(join(HERE, "node_modules", pkg, "package.json"), "utf8")).version;

/** A run that cannot go on for a reason outside the bench (a command that failed, a full disk): one line, exit 1. */
class BenchStop extends Error {}
// A file system that refuses the bench's files (a full disk: ENOSPC; EACCES; a temp folder that is
// not there: ENOENT) and a command that fails end the bench with one line and exit 1; anything
// else is a fault of the bench, its stack shown.
process.on("uncaughtException", (error) => {
  const outside = error instanceof BenchStop || error instanceof FileCreationError || (typeof error?.code === "string" && typeof error?.syscall === "string");
  process.stderr.write(outside ? `bench/codegen.mjs: ${error.message}\n` : `${error?.stack ?? error}\n`);
  process.exit(1);
});
const SCRATCH = mkdtempSync(join(tmpdir(), "mdtypes-bench-codegen-"));
process.on("exit", () => {
  if (args.includes("--keep")) console.error(`bench/codegen.mjs: the scratch folder is kept: ${SCRATCH}`);
  else {
    try {
      rmSync(SCRATCH, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Still written into (a copy cut short): the watchdog removes it once the bench has gone.
    }
  }
});
// SIGINT (Ctrl-C, or `kill -INT` of the bench's process alone) and SIGTERM stop the bench with exit
// 130 and 143, the scratch folder removed: the command under way is sent the signal too (Ctrl-C has
// already reached it) and the bench exits when it has ended (see `measure`). One that comes while
// the bench works in its own process (the parse stage; a copy of an SDK's docs) is acted on when
// that piece of work ends. SIGKILL stops the bench at once, with no handler run: a watchdog in a
// process group of its own removes the scratch folder once the bench's process has gone, whatever
// ended it, again while a command left running writes into it.
/** The command under way, if any (see `measure`). */
let running;
/** The exit status a signal asked for (130: SIGINT, 143: SIGTERM), once one came. */
let interrupted;
for (const [signal, status] of [["SIGINT", 130], ["SIGTERM", 143]]) {
  process.on(signal, () => {
    interrupted ??= status;
    if (running === undefined) process.exit(interrupted);
    running.kill(signal);
  });
}
/** Lets a signal that came during the bench's own synchronous work be acted on (see above). */
const signalsIn = () => new Promise((go) => setImmediate(go));
if (!args.includes("--keep")) {
  // Once the bench has gone, it removes the folder every second until it has stayed gone for three
  // (a command the bench left running can still write into it), for at most ten minutes.
  const watchdog = `const [pid, dir] = process.argv.slice(1);
const fs = require("node:fs");
const gone = () => { try { process.kill(Number(pid), 0); return false; } catch (error) { return error.code !== "EPERM"; } };
let absent = 0, tries = 0;
const timer = setInterval(() => {
  if (tries === 0 && !gone()) return;
  try { fs.rmSync(dir, { recursive: true, force: true }); } catch {}
  absent = fs.existsSync(dir) ? 0 : absent + 1;
  if (absent >= 3 || ++tries > 600) clearInterval(timer);
}, 1000);`;
  spawn(process.execPath, ["-e", watchdog, String(process.pid), SCRATCH], { detached: true, stdio: "ignore" }).unref();
}

// ---------------------------------------------------------------- measuring one run

let usageFiles = 0;

/**
 * `NODE_EXTRA_CA_CERTS` as this environment sets it, if it does. Node then reads that bundle and builds
 * its root certificate store at every start, before any code of the command runs (on the machine of the
 * README, 45 ms of a 100 ms `node -e 0`): a cost of the machine's configuration that every Node process
 * pays alike, and no command timed here opens a connection. The commands are timed without it; Node's
 * start and the warm checks, the runs it weighs most on, are timed with it too, and the report gives both.
 */
const CA_CERTS = process.env.NODE_EXTRA_CA_CERTS;
/** The environment of every command timed: this process's, without `NODE_EXTRA_CA_CERTS`, and no colour. */
const TIMED_ENV = Object.fromEntries(Object.entries({ ...process.env, NO_COLOR: "1" }).filter(([name]) => name !== "NODE_EXTRA_CA_CERTS"));

/**
 * Runs `node argv` in `cwd`: wall seconds (until the process exits), peak resident MiB, user and
 * system CPU seconds (all threads of the process), exit status, stdout and stderr. Asynchronous,
 * so that a SIGINT sent to the bench alone is acted on while the command runs. `label` names the
 * command in the error when it exits 0 but its usage record is missing. In {@link TIMED_ENV}, with
 * `NODE_EXTRA_CA_CERTS` put back when `withCaCerts`.
 */
function measure(argv, cwd, label, withCaCerts = false) {
  const usageFile = join(SCRATCH, `usage-${usageFiles++}`);
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    let seconds;
    const child = spawn(process.execPath, ["--require", USAGE, ...argv], { cwd, stdio: ["ignore", "pipe", "pipe"], env: { ...TIMED_ENV, ...(withCaCerts && CA_CERTS !== undefined ? { NODE_EXTRA_CA_CERTS: CA_CERTS } : {}), BENCH_USAGE_FILE: usageFile } });
    running = child;
    const stdout = [];
    const stderr = [];
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.on("error", reject);
    child.on("exit", () => {
      seconds = Number(process.hrtime.bigint() - start) / 1e9;
    });
    child.on("close", (status, signal) => {
      running = undefined;
      if (interrupted !== undefined) process.exit(interrupted);
      if (signal === "SIGINT" || signal === "SIGTERM") process.exit(signal === "SIGINT" ? 130 : 143);
      const [peakKiB, userUs, systemUs] = existsSync(usageFile) ? readFileSync(usageFile, "utf8").split(" ").map(Number) : [NaN, NaN, NaN];
      // Written by the command at its exit (bench/usage.cjs): not there, or cut short, when it could not be written (a full
      // disk). A command that failed is reported by its caller, which says why it failed.
      if (status === 0 && ![peakKiB, userUs, systemUs].every(Number.isFinite)) {
        reject(new BenchStop(`${label} left no record of its memory and CPU time in ${usageFile}: ${whyFailed({ stdout: "", stderr: Buffer.concat(stderr).toString("utf8") })}`));
        return;
      }
      resolve({ seconds, peak: peakKiB / 1024, user: userUs / 1e6, system: systemUs / 1e6, status, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") });
    });
  });
}

/** Runs mdtypes (see {@link measure} for `withCaCerts`); fails the benchmark unless it exits with one of `ok`. */
async function mdtypes(cwd, argv, ok = [0], withCaCerts = false) {
  const run = await measure([BIN, ...argv, "--reporter", "json"], cwd, `mdtypes ${argv.join(" ")}`, withCaCerts);
  if (!ok.includes(run.status)) throw new BenchStop(`mdtypes ${argv.join(" ")} exited ${run.status}${run.status === null ? " (killed)" : ""}: ${whyFailed(run)}`);
  const report = JSON.parse(run.stdout);
  const parsed = report.targets.reduce((n, t) => n + (t.stats?.parsed ?? 0), 0);
  return { ...run, parsed };
}

/** Waits `ms` milliseconds. */
const sleep = (ms) => new Promise((wake) => setTimeout(wake, ms));


/** Collects runs per scenario: their median wall time, highest peak memory, median CPU times and docs parsed. */
class Scenario {
  constructor() {
    this.runs = [];
  }
  add(run) {
    this.runs.push(run);
    return run;
  }
  get seconds() {
    return median(this.runs.map((r) => r.seconds));
  }
  get peak() {
    return Math.max(...this.runs.map((r) => r.peak));
  }
  /** Median CPU seconds of the runs, all threads: user and system. */
  get user() {
    return median(this.runs.map((r) => r.user));
  }
  get system() {
    return median(this.runs.map((r) => r.system));
  }
  get parsed() {
    return [...new Set(this.runs.map((r) => r.parsed))].join("/");
  }
}

// ---------------------------------------------------------------- inputs

/** The SDKs timed: name, docs folder, doc count and size. */
const sdks = SDK_NAMES
  .map((name) => {
    const docsRoot = join(CORPUS, name, "docs");
    const folder = readdirSync(docsRoot).find((entry) => entry.toLowerCase() === "models") ?? "models";
    const docs = join(docsRoot, folder);
    const files = listDocs(docs);
    return { name, docs, count: files.length, bytes: files.reduce((n, f) => n + statSync(f).size, 0) };
  })
  .filter((sdk) => !option("--only", undefined) || sdk.name.includes(option("--only")));
if (sdks.length === 0) usage("bench/codegen.mjs", `--only ${JSON.stringify(option("--only"))} keeps no SDK of the corpus`);
/** What the rows of every SDK at once are called: the whole corpus, or the SDKs `--only` kept. */
const ALL_LABEL = option("--only", undefined) ? `the ${sdks.length} SDK${sdks.length === 1 ? "" : "s"} --only kept` : "whole corpus";

function listDocs(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listDocs(path));
    else if (/\.mdx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** A scratch project whose config has `targets` (name → input folder), all written under `out`. */
function project(name, targets, out = "out") {
  const dir = join(SCRATCH, name);
  mkdirSync(dir, { recursive: true });
  const config = { targets: Object.entries(targets).map(([target, input]) => ({ name: target, input, output: `${out}/${target}` })) };
  writeFileSync(join(dir, "mdtypes.config.json"), JSON.stringify(config, null, 2));
  return dir;
}

/**
 * Points a project's config at a new output folder (a fresh one per cold run): `mdtypes.config.json`,
 * or `file` (given with `--config`), so that the config the warm runs read stays as it was.
 */
function retarget(dir, out, file = "mdtypes.config.json") {
  const path = join(dir, file);
  const config = JSON.parse(readFileSync(join(dir, "mdtypes.config.json"), "utf8"));
  for (const target of config.targets) target.output = `${out}/${target.name}`;
  writeFileSync(path, JSON.stringify(config, null, 2));
}

// ---------------------------------------------------------------- the parse stage alone

const results = {};
const log = (text) => process.stderr.write(`${text}\n`);

/**
 * Parses every doc of `sdk` with this build's parser (and another build's, given
 * `--parse-baseline <dist>`), rounds interleaved: median milliseconds per round.
 */
async function parseTime(sdk) {
  const files = listDocs(sdk.docs).sort();
  const texts = files.map((f) => readFileSync(f, "utf8"));
  const parsers = { current: (await import(new URL("../dist/stages/parse.js", import.meta.url).href)).parse };
  const baseline = option("--parse-baseline", undefined);
  // Builds before the src/ layout had the parser at dist/parse.js.
  if (baseline) {
    let parse;
    try {
      ({ parse } = await import(pathToFileURL(BASELINE_PARSER).href));
    } catch (error) {
      usage("bench/codegen.mjs", `--parse-baseline ${baseline}: ${BASELINE_PARSER} cannot be loaded (${String(error?.message ?? error).split("\n")[0]})`);
    }
    if (typeof parse !== "function") usage("bench/codegen.mjs", `--parse-baseline ${baseline}: ${BASELINE_PARSER} exports no parse function`);
    // Another build's fault is not the bench's: one line, not its stack (tried once on every doc, untimed).
    texts.forEach((text, i) => {
      try {
        parse(text);
      } catch (error) {
        throw new BenchStop(`--parse-baseline ${baseline}: its parse throws on ${files[i]} (${String(error?.message ?? error).split("\n")[0]})`);
      }
    });
    parsers.baseline = parse;
  }
  const times = Object.fromEntries(Object.keys(parsers).map((k) => [k, []]));
  const rounds = PARSE_ROUNDS;
  for (let round = -3; round < rounds; round++) {
    for (const [name, parse] of Object.entries(parsers)) {
      const start = process.hrtime.bigint();
      for (const text of texts) parse(text);
      if (round >= 0) times[name].push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return { docs: texts.length, bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0), current: median(times.current), baseline: baseline ? median(times.baseline) : undefined };
}

const parseSdk = sdks.find((sdk) => sdk.name.includes("discord")) ?? sdks[0];
const parsing = await parseTime(parseSdk);
const parseLines = [
  `Parse stage alone, in one process (${parseSdk.name}: ${parsing.docs} docs, ${(parsing.bytes / 1e6).toFixed(1)} MB; median of ${PARSE_ROUNDS} rounds): ${parsing.current.toFixed(0)} ms, ${(parsing.bytes / 1e6 / (parsing.current / 1000)).toFixed(2)} MB/s` +
    (parsing.baseline === undefined ? "." : `; baseline build ${parsing.baseline.toFixed(0)} ms: this build takes ${(parsing.current / parsing.baseline).toFixed(3)}× its time.`),
];
if (args.includes("--parse-only")) {
  console.log(parseLines.join("\n"));
  process.exit(0);
}
log(parseLines[0]);

// ---------------------------------------------------------------- scenarios

/**
 * Cold and warm `generate` and `check` of the project in `dir` (its config's targets).
 * Cold: --no-cache; `generate` into a fresh folder (every file written), `check` against
 * up-to-date output. Warm: the cache filled by an earlier run, nothing changed. `withCaCerts`:
 * each round also times the warm `check` with NODE_EXTRA_CA_CERTS, when this environment sets it
 * (goal 2 reports it for each SDK).
 */
async function coldAndWarm(label, dir, runs, { extra, withCaCerts = false } = {}) {
  const s = { coldGenerate: new Scenario(), coldCheck: new Scenario(), warmCheck: new Scenario(), warmGenerate: new Scenario() };
  if (withCaCerts && CA_CERTS !== undefined) s.warmCheckCaCerts = new Scenario();
  retarget(dir, "ref");
  await mdtypes(dir, ["generate", "--no-cache"]);
  // A file changed less than two seconds before a `check` is never trusted by its times alone (the
  // replay's "racy" rule): the output is left that long, as any output is by the time CI checks it.
  await sleep(2100);
  await mdtypes(dir, ["check", "--cache-dir", "cache"]); // fills the cache (it parses, so it records no replay)
  await mdtypes(dir, ["check", "--cache-dir", "cache"]); // answered by the cache: records the replay a warm check takes
  for (let round = 0; round < runs; round++) {
    retarget(dir, `fresh-${round}`, "fresh.config.json");
    s.coldGenerate.add(await mdtypes(dir, ["generate", "--no-cache", "--config", "fresh.config.json"]));
    await extra?.(round);
    s.coldCheck.add(await mdtypes(dir, ["check", "--no-cache"]));
    s.warmCheck.add(await mdtypes(dir, ["check", "--cache-dir", "cache"]));
    if (s.warmCheckCaCerts) s.warmCheckCaCerts.add(await mdtypes(dir, ["check", "--cache-dir", "cache"], [0], true));
    s.warmGenerate.add(await mdtypes(dir, ["generate", "--cache-dir", "cache"]));
  }
  results[label] = s;
  log(`${label}: cold generate ${s.coldGenerate.seconds.toFixed(2)} s, warm check ${s.warmCheck.seconds.toFixed(2)} s`);
  return s;
}

/** `check` after one doc changed: a copy of the SDK's docs, one doc edited before each run. */
async function oneDocChanged(sdk) {
  // The folder keeps its name: the docs link to each other through it (`../models/x.md`).
  const docs = join(SCRATCH, "edit", sdk.name, basename(sdk.docs));
  cpSync(sdk.docs, docs, { recursive: true });
  await signalsIn();
  const dir = project(`edit-${sdk.name}`, { [sdk.name]: docs });
  retarget(dir, "ref");
  await mdtypes(dir, ["generate", "--no-cache"]);
  await mdtypes(dir, ["check", "--cache-dir", "cache"]);
  const victim = listDocs(docs).sort()[0];
  const original = readFileSync(victim, "utf8");
  const scenario = new Scenario();
  for (let round = 0; round < RUNS; round++) {
    writeFileSync(victim, `${original}\n<!-- edited by the benchmark, round ${round} -->\n`);
    scenario.add(await mdtypes(dir, ["check", "--cache-dir", "cache"], [0, 1]));
  }
  return scenario;
}

const ot = new Scenario();
const otRun = async (round) => {
  const run = await measure([OPENAPI_TS, SPEC, "-o", join(SCRATCH, `openapi-typescript-${round}.ts`)], SCRATCH, "openapi-typescript");
  if (run.status !== 0) throw new BenchStop(`openapi-typescript exited ${run.status}: ${whyFailed({ stdout: "", stderr: run.stderr })}`);
  ot.add(run);
};

/** Node's own start, `node -e 0` run as the commands are, without `NODE_EXTRA_CA_CERTS` and (when this environment sets it) with it. */
const nodeStart = { timed: new Scenario(), withCaCerts: new Scenario() };
const nodeStartRun = async () => {
  for (const withCaCerts of CA_CERTS === undefined ? [false] : [false, true]) {
    const run = await measure(["-e", "0"], SCRATCH, "node -e 0", withCaCerts);
    if (run.status !== 0) throw new BenchStop(`node -e 0 exited ${run.status}: ${whyFailed({ stdout: "", stderr: run.stderr })}`);
    nodeStart[withCaCerts ? "withCaCerts" : "timed"].add(run);
  }
};

/** What runs in each round of the Discord docs: openapi-typescript, and Node's start. */
const discordExtras = async (round) => {
  await otRun(round);
  await nodeStartRun();
};

/** How fast files are created before the first runs and before the large trees (see bench/file-creation.mjs). */
// A wait that ended still slow is not repeated: deleted files are not what slows that file system.
const settle = (when, earlier) => settledFileCreation(SCRATCH, when, { log, settle: !args.includes("--no-settle"), waitedInVain: earlier !== undefined && earlier.waited > 0 && earlier.perFile > SLOW_CREATION_US });
const creation = { start: await settle("before the first runs"), largeTrees: undefined };
for (const sdk of sdks) {
  const dir = project(sdk.name, { [sdk.name]: sdk.docs });
  // openapi-typescript runs interleaved with the Discord rounds: the same moments of a noisy machine.
  await coldAndWarm(sdk.name, dir, RUNS, { extra: sdk.name.includes("discord") ? discordExtras : undefined, withCaCerts: true });
  results[sdk.name].oneDoc = await oneDocChanged(sdk);
}
if (ot.runs.length === 0) for (let round = 0; round < RUNS; round++) await discordExtras(round);

const everything = project("all", Object.fromEntries(sdks.map((sdk) => [sdk.name, sdk.docs])));
await coldAndWarm("all", everything, LONG_RUNS);

// ---------------------------------------------------------------- scaling

/**
 * Cold `generate` of k copies of one SDK's docs in one tree (cribl-python, the largest:
 * ×1, ×2, ×4 and ×7, the last over 10,000 docs), each copy in a folder of its own
 * (`copyN/models/…`, so that the docs' relative links stay inside their copy).
 */
/** The Discord docs, which goal 1 is judged on; absent when `--only` left them out. */
const discord = sdks.find((sdk) => sdk.name.includes("discord"));
const large = sdks.find((sdk) => sdk.name.includes("cribl")) ?? sdks.reduce((a, b) => (b.count > a.count ? b : a));
const scaling = [];
const copies = QUICK ? [1, 2, 7] : [1, 2, 4, 7];
for (const k of copies) {
  const input = join(SCRATCH, "scale", `x${k}`);
  for (let j = 0; j < k; j++) {
    cpSync(large.docs, join(input, `copy${j}`, basename(large.docs)), { recursive: true });
    await signalsIn();
  }
  scaling.push({ label: `${large.name} ×${k}`, docs: large.count * k, bytes: large.bytes * k, dir: project(`scale-${k}`, { [`x${k}`]: input }), scenario: new Scenario() });
}
// After the copies are made (creating files is what is measured, not removing them).
creation.largeTrees = await settle("before the large trees", creation.start);
for (let round = 0; round < LONG_RUNS; round++) {
  for (const row of scaling) {
    retarget(row.dir, `fresh-${round}`);
    row.scenario.add(await mdtypes(row.dir, ["generate", "--no-cache"]));
  }
}
const corpusTwice = project("all-twice", Object.fromEntries(sdks.flatMap((sdk) => [[`${sdk.name}-a`, sdk.docs], [`${sdk.name}-b`, sdk.docs]])));
const corpusRows = [
  { label: `${ALL_LABEL} ×1`, docs: sdks.reduce((n, s) => n + s.count, 0), bytes: sdks.reduce((n, s) => n + s.bytes, 0), scenario: results.all.coldGenerate },
  { label: `${ALL_LABEL} ×2`, docs: 2 * sdks.reduce((n, s) => n + s.count, 0), bytes: 2 * sdks.reduce((n, s) => n + s.bytes, 0), scenario: new Scenario() },
];
for (let round = 0; round < LONG_RUNS; round++) {
  retarget(corpusTwice, `fresh-${round}`);
  corpusRows[1].scenario.add(await mdtypes(corpusTwice, ["generate", "--no-cache"]));
}

// ---------------------------------------------------------------- worker threads

/** Cold `check` with 0, 1 and 2 worker threads, on the largest SDK ×4 (6,132 docs in one tree with cribl-python); ×7 with --quick, which builds no ×4 tree. */
const workerRows = [0, 1, 2].map((n) => ({ workers: n, scenario: new Scenario() }));
const workerInput = scaling.find((row) => row.label.endsWith("×4")) ?? scaling[scaling.length - 1];
retarget(workerInput.dir, "ref");
await mdtypes(workerInput.dir, ["generate", "--no-cache"]);
for (let round = 0; round < LONG_RUNS; round++) {
  for (const row of workerRows) row.scenario.add(await mdtypes(workerInput.dir, ["check", "--no-cache", "--workers", String(row.workers)]));
}

// ---------------------------------------------------------------- report

const s2 = (x) => `${x.toFixed(2)} s`;
const mib = (x) => `${Math.round(x)} MiB`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const lines = [];
const out = (text = "") => lines.push(text);

out(`Codegen on this machine (Node ${process.version}, ${RUNS} run${RUNS === 1 ? "" : "s"} per scenario, ${LONG_RUNS} for the ${ALL_LABEL === "whole corpus" ? "whole corpus" : "kept SDKs"} at once and the large trees; medians of wall time; peak memory: the process's highest resident memory, all threads, over the cold generate, cold check and warm check runs):`);
out();
out("| input | docs | size | cold generate | cold check | warm check | warm check ÷ cold generate | warm generate | check, one doc changed (docs parsed) | peak memory |");
out("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
const allCount = sdks.reduce((n, s) => n + s.count, 0);
const allBytes = sdks.reduce((n, s) => n + s.bytes, 0);
for (const [label, count, bytes] of [...sdks.map((s) => [s.name, s.count, s.bytes]), [`${ALL_LABEL}, at once`, allCount, allBytes]]) {
  const r = results[label === `${ALL_LABEL}, at once` ? "all" : label];
  const peak = Math.max(r.coldGenerate.peak, r.coldCheck.peak, r.warmCheck.peak);
  const oneDoc = r.oneDoc ? `${s2(r.oneDoc.seconds)} (${r.oneDoc.parsed})` : "—";
  out(`| ${label} | ${count} | ${mb(bytes)} | ${s2(r.coldGenerate.seconds)} | ${s2(r.coldCheck.seconds)} | ${s2(r.warmCheck.seconds)} | ${(r.warmCheck.seconds / r.coldGenerate.seconds).toFixed(3)} | ${s2(r.warmGenerate.seconds)} | ${oneDoc} | ${mib(peak)} |`);
}
out(`| openapi-typescript ${versionOf("openapi-typescript")} on discord-openapi.json | 1 | ${mb(statSync(SPEC).size)} | ${s2(ot.seconds)} | | | | | | ${mib(ot.peak)} |`);
out();
if (discord) {
  const mine = results[discord.name].coldGenerate.seconds;
  const cpu = (scenario) => `CPU ${s2(scenario.user)} user, ${s2(scenario.system)} system`;
  out(`Cold \`generate\` of the Discord docs: ${s2(mine)} (${cpu(results[discord.name].coldGenerate)}); openapi-typescript on the spec they came from: ${s2(ot.seconds)} (${cpu(ot)}); mdtypes takes ${(mine / ot.seconds).toFixed(2)}× its time.`);
  out();
}
out(
  `Node's own start (\`node -e 0\`, run as the commands are): ${s2(nodeStart.timed.seconds)}` +
    (CA_CERTS === undefined
      ? "."
      : `; with NODE_EXTRA_CA_CERTS, which this environment sets: ${s2(nodeStart.withCaCerts.seconds)}. Every command above runs without it: with it, Node builds its root certificate store at every start, before any of the command's code runs, and none of them opens a connection. Warm \`check\` with it: ${sdks.map((sdk) => `${sdk.name} ${s2(results[sdk.name].warmCheckCaCerts.seconds)}`).join(", ")}.`),
);
out();
const creationText = ({ perFile, waited }) =>
  `${us(perFile)}${perFile > SLOW_CREATION_US ? ` (${waited > 0 ? `still over ${us(SLOW_CREATION_US)} after waiting ${Math.round(waited)} s` : `over ${us(SLOW_CREATION_US)}, not waited for ${args.includes("--no-settle") ? "(--no-settle)" : "again"}`}: the runs after it are slower than the build is)` : waited > 0 ? ` (after waiting ${Math.round(waited)} s for it to be fast again)` : ""}`;
out(`Creating an empty file in the scratch folder took, in CPU time, ${creationText(creation.start)} before the first runs and ${creationText(creation.largeTrees)} before the large trees (the median of ${PROBE_FOLDERS} folders, the mean of ${PROBE_FILES} files in each; some file systems take many times longer for minutes after many files were deleted: see the README).`);
out();
out("Cold `generate` (fresh output folder, no cache) as the input grows:");
out();
out("| input | docs | size | cold generate | per doc | docs/s | MB/s | per doc ÷ the first row's | CPU: user, system | peak memory |");
out("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
const scaleRows = [...scaling, ...corpusRows];
const perDoc = (row) => (row.scenario.seconds * 1000) / row.docs;
scaleRows.forEach((row) => {
  const first = scaleRows.find((r) => r.label.split(" ×")[0] === row.label.split(" ×")[0]);
  out(`| ${row.label} | ${row.docs} | ${mb(row.bytes)} | ${s2(row.scenario.seconds)} | ${perDoc(row).toFixed(3)} ms | ${Math.round(row.docs / row.scenario.seconds)} | ${(row.bytes / 1e6 / row.scenario.seconds).toFixed(2)} | ${first === row ? "" : `${(perDoc(row) / perDoc(first)).toFixed(2)}×`} | ${s2(row.scenario.user)}, ${s2(row.scenario.system)} | ${mib(row.scenario.peak)} |`);
});
out();
out(`Cold \`check\` of ${workerInput.label} (${workerInput.docs} docs in one tree) by number of worker threads besides the main one (\`auto\` chooses ${autoWorkers(workerInput.bytes)} here):`);
out();
out(`| workers | ${workerRows.map((r) => r.workers).join(" | ")} |`);
out(`| --- | ${workerRows.map(() => "---:").join(" | ")} |`);
out(`| cold check | ${workerRows.map((r) => s2(r.scenario.seconds)).join(" | ")} |`);
out(`| peak memory | ${workerRows.map((r) => mib(r.scenario.peak)).join(" | ")} |`);

out();
out(...parseLines);

// ---------------------------------------------------------------- the goals (issue 15's "done when")

const goal = (ok, text) => out(`- ${ok ? "met" : "NOT met"}: ${text}`);
/** `value` as the report prints it (`digits` decimals): what a goal is judged on, so that a figure printed on the line is on the line. */
const shown = (value, digits) => Number(value.toFixed(digits));
/** A goal this run cannot judge (`--only` left out what it is about), and why. */
const notJudged = (text, why) => out(`- not judged: ${text} (${why})`);
out();
out("Goals:");
out();
if (discord) {
  const ratio = results[discord.name].coldGenerate.seconds / ot.seconds;
  goal(shown(ratio, 2) <= 0.7, `cold \`generate\` of the Discord docs ≤ 0.7× openapi-typescript on the spec: ${ratio.toFixed(2)}×`);
} else notJudged("cold `generate` of the Discord docs ≤ 0.7× openapi-typescript on the spec", `--only ${JSON.stringify(ONLY)} left the Discord docs out`);
const warmRatios = sdks.map((sdk) => [sdk.name, results[sdk.name].warmCheck.seconds / results[sdk.name].coldGenerate.seconds]);
const worstWarm = warmRatios.reduce((a, b) => (b[1] > a[1] ? b : a));
// With NODE_EXTRA_CA_CERTS: the warm check run with it over the cold generate run without it (which it would lengthen too), so at most what the two run with it would give.
const warmWithCa = CA_CERTS === undefined ? undefined : sdks.map((sdk) => [sdk.name, results[sdk.name].warmCheckCaCerts.seconds / results[sdk.name].coldGenerate.seconds]).reduce((a, b) => (b[1] > a[1] ? b : a));
goal(
  shown(worstWarm[1], 3) <= 0.15,
  `warm \`check\` ≤ 0.15× cold \`generate\` on every SDK${option("--only", undefined) ? ` (of the ${sdks.length} --only kept)` : ""}: the highest ${worstWarm[1].toFixed(3)}× (${worstWarm[0]})` +
    (warmWithCa
      ? `; the warm \`check\` with NODE_EXTRA_CA_CERTS, as this environment sets it, over the cold \`generate\` without it: at most ${warmWithCa[1].toFixed(3)}× (${warmWithCa[0]})` +
        (shown(warmWithCa[1], 3) > 0.15 ? `, over 0.15×: the goal is judged without the variable, which lengthens Node's start (${s2(nodeStart.timed.seconds)} without it, ${s2(nodeStart.withCaCerts.seconds)} with it here) and nothing else` : "")
      : ""),
);
const biggest = scaling[scaling.length - 1];
const bigEnough = biggest.docs >= 10000;
const tooSmall = `the largest tree built from the kept SDKs has ${biggest.docs} docs, under 10,000: run without --only, or with an --only that keeps cribl-python`;
/** Goal 3 is about a tree of at least 10,000 docs: on a smaller one it is not judged. */
const fewRuns = LONG_RUNS < 3 ? `; from ${LONG_RUNS === 1 ? "one run" : `${LONG_RUNS} runs`}${QUICK ? " (--quick)" : ""}, a first look: a full run takes the median of three` : "";
const largeTreeGoal = (ok, text) => (bigEnough ? goal(ok, text + fewRuns) : notJudged(text, tooSmall));
largeTreeGoal(shown(perDoc(biggest), 3) <= 0.45, `cold \`generate\` of ${biggest.docs} docs ≤ 0.45 ms per doc: ${perDoc(biggest).toFixed(3)} ms (${Math.round(biggest.docs / biggest.scenario.seconds)} docs/s, ${(biggest.bytes / 1e6 / biggest.scenario.seconds).toFixed(2)} MB/s; CPU ${s2(biggest.scenario.user)} user, ${s2(biggest.scenario.system)} system; creating a file ${us(creation.largeTrees.perFile)} before these runs)`);
const growth = perDoc(biggest) / perDoc(scaling[0]);
largeTreeGoal(shown(growth, 2) <= 1.15, `time linear in the docs: per doc at ×${copies[copies.length - 1]} ÷ per doc at ×1 = ${growth.toFixed(2)} (≤ 1.15)`);
largeTreeGoal(Math.round(biggest.scenario.peak) <= 512, `peak memory of that run ≤ 512 MiB: ${mib(biggest.scenario.peak)}`);

console.log(lines.join("\n"));
mkdirSync(join(HERE, ".out"), { recursive: true });
const raw = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([name, s]) => [name, s.runs.map(({ seconds, peak, user, system, parsed }) => ({ seconds, peak, user, system, parsed }))]))]));
writeFileSync(join(HERE, ".out", "codegen.json"), JSON.stringify({ node: process.version, runs: RUNS, fileCreation: Object.fromEntries(Object.entries(creation).map(([when, { perFile, waited }]) => [when, { cpuMicrosecondsPerFile: Math.round(perFile * 10) / 10, waitedSeconds: Math.round(waited) }])), results: raw, nodeStart: Object.fromEntries(Object.entries(nodeStart).map(([name, s]) => [name, s.runs.map(({ seconds, peak, user, system }) => ({ seconds, peak, user, system }))])), openapiTypescript: ot.runs.map(({ seconds, peak, user, system }) => ({ seconds, peak, user, system })), scaling: scaleRows.map((r) => ({ label: r.label, docs: r.docs, runs: r.scenario.runs.map(({ seconds, peak, user, system }) => ({ seconds, peak, user, system })) })) }, null, 2));
