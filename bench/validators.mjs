// Validator benchmark: mdtypes' generated validators against ajv (compiled from an equivalent
// JSON Schema), zod 4, TypeBox's compiler and typia (ahead-of-time: `typia generate` turns its
// `createIs` / `createValidate` calls into plain code, compiled with this package's TypeScript 5),
// on five shapes, over a valid and an invalid set, all in one run: the boolean checks on the valid
// set, the error-collecting validators on both. Prints medians (ns per value) and ratios to mdtypes. Every validator's verdict on every value of both sets is checked first:
// one that disagrees stops the run (it would be timing different work).
//
//   npm run bench            (from the repository root)
//   node bench/validators.mjs --rounds 21 --quick
//   node bench/validators.mjs --node-flag --single-threaded-gc   (a Node flag for every cell's process)
//   node bench/validators.mjs --json                              (also writes bench/.out/validators.json)
//
// Machines here are noisy (2 cores), and a process can land at one of two speeds about 2× apart:
// each ratio comes from one process that times mdtypes and the peer in turn, round by round; the
// median of five passes (eleven for the pairs issue 15's goal 4 judges), the pairs interleaved within each pass
// (every other pass in reverse).

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { benchArgs, countOption, usage as benchUsage } from "./args.mjs";
import { median } from "./median.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..");
const OUT = join(HERE, ".out");
const SCRIPT = "bench/validators.mjs";
const usage = (message) => benchUsage(SCRIPT, message);
const args = benchArgs(
  SCRIPT,
  "Times the generated validators against ajv, zod 4, TypeBox's compiler and typia on five shapes, valid and\ninvalid values, mdtypes and one peer at a time in a fresh process, timed in turn. Builds mdtypes' validators and typia's first (and installs\nbench/'s own packages if missing); does not build mdtypes itself: `npm run bench:validators` does.",
  {
    "--rounds": "<n> rounds per validator in a process, the median reported (default 9)",
    "--quick": "50 values per shape instead of 200, one pass instead of 5",
    "--node-flag": "<flag> a Node flag for every cell's process (--node-flag --single-threaded-gc)",
    "--cell": "<Model,set,validator[,validator]> time one validator, or two in turn, in this process, on what a full run built (Event,invalid,mdtypes,ajv (allErrors))",
    "--json": "also write bench/.out/validators.json",
    "--per-value": "with --cell: time each value of the set alone (the validators in turn, median of --rounds) and print them, the second validator's time ÷ the first's, lowest first",
  },
  { repeatable: ["--node-flag"] },
);
const ROUNDS = countOption(SCRIPT, args, "--rounds", 9);
const QUICK = args.includes("--quick");
/** `--node-flag <flag>` (repeatable): a flag for Node in every cell's process, e.g. `--single-threaded-gc`. */
const NODE_FLAGS = args.flatMap((arg, i) => (arg === "--node-flag" ? [args[i + 1]] : []));
if (NODE_FLAGS.some((flag) => flag === undefined || !flag.startsWith("-"))) usage("--node-flag takes a Node flag (--node-flag --single-threaded-gc)");
if (NODE_FLAGS.length > 0) {
  // Tried once before anything is built, on a script as the cells are run: a flag Node refuses, or one that makes it do
  // something else (`--version`, `-p`), would fail every cell after minutes of building.
  const probe = join(tmpdir(), `mdtypes-bench-flag-${process.pid}.mjs`);
  writeFileSync(probe, 'process.stdout.write("flag-ok"); process.exitCode = 7;\n');
  // With a time limit: a flag that waits (`--inspect-brk`) would hold the run forever.
  const tried = spawnSync(process.execPath, [...NODE_FLAGS, probe], { encoding: "utf8", timeout: 30_000 });
  rmSync(probe, { force: true });
  // Node's own complaint: the first line that names one of the flags (it can go on to list others).
  const said = tried.stderr.split("\n").map((line) => line.trim()).filter(Boolean);
  const why = said.find((line) => NODE_FLAGS.some((flag) => line.includes(flag.split("=")[0]))) ?? said[0];
  if (tried.status !== 7 || tried.stdout !== "flag-ok") usage(`--node-flag: Node does not run a script with ${NODE_FLAGS.join(" ")}${why ? `: ${why}` : ""}`);
}

// ---------------------------------------------------------------- build the mdtypes validators

function sh(command, argv, cwd = ROOT) {
  const result = spawnSync(command, argv, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.status !== 0) throw new Error(`${command} ${argv.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

// ---------------------------------------------------------------- one run at a time

/**
 * A full run clears and rebuilds bench/.out (ts, js, typia) and then times cells that load it:
 * a second run at the same time would delete it under the first. A run holds
 * bench/.out/validators.lock (its process id) from before it clears the folder until it ends; a
 * lock whose process is gone (a run killed) is stale and taken over. A `--cell` of one's own
 * refuses to start while a run holds it; the cells a run starts are given its id.
 */
const LOCK = join(OUT, "validators.lock");
const RUN_ENV = "MDTYPES_BENCH_VALIDATORS_RUN";

/** The id of the live process holding the lock, if any. */
function lockHolder() {
  let pid;
  try {
    pid = Number(readFileSync(LOCK, "utf8"));
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process is there, another user's.
    return error.code === "EPERM" ? pid : undefined;
  }
  // A process id given again to another program (after a restart, in a container) holds no run:
  // where the system shows a process's command line (Linux's /proc), a holder must be this bench.
  let command;
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return pid;
  }
  return command.includes("validators.mjs") ? pid : undefined;
}

/** Takes the lock for this run (or ends with exit 2, naming the run that holds it) until the process exits. */
function lock() {
  mkdirSync(OUT, { recursive: true });
  for (;;) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      const holder = lockHolder();
      if (holder !== undefined) usage(`another run (process ${holder}) is building and timing bench/.out: start this one when it has ended (if no run is going on, delete bench/.out/validators.lock)`);
      rmSync(LOCK, { force: true });
    }
  }
  process.on("exit", () => {
    if (lockHolder() === process.pid) rmSync(LOCK, { force: true });
  });
  // Ctrl-C and SIGTERM end the run as exit 130 and 143 do, the lock removed (by the handler above).
  process.on("SIGINT", () => process.exit(130));
  process.on("SIGTERM", () => process.exit(143));
}

const CELL = args.includes("--cell") ? (args[args.indexOf("--cell") + 1] ?? "").split(",") : undefined;
if (!CELL && args.includes("--per-value")) usage("--per-value times one cell's values: --cell <Model>,<set>,<validator>,<validator> --per-value");
if (CELL) {
  const holder = lockHolder();
  if (holder !== undefined && String(holder) !== process.env[RUN_ENV]) usage(`a run (process ${holder}) is rebuilding bench/.out: time a cell when it has ended`);
  // A cell runs in this process, on what a full run built.
  if (CELL.length !== 3 && CELL.length !== 4) usage("--cell takes <Model>,<set>,<validator>[,<validator>] (--cell Event,invalid,mdtypes)");
  if (args.includes("--json")) usage("--cell prints its own JSON: --json writes a full run's results");
  if (args.includes("--per-value") && CELL.length !== 4) usage("--per-value compares two validators: --cell <Model>,<set>,<validator>,<validator> --per-value");
  if (NODE_FLAGS.length > 0) usage(`--cell runs in this process: give Node's flags to node itself (node ${NODE_FLAGS.join(" ")} bench/validators.mjs --cell ${CELL.join(",")})`);
  const built = [join(OUT, "js", "models", "order.js"), join(OUT, "typia", "js", "validators.js"), join(HERE, "node_modules")];
  if (!built.every((path) => existsSync(path))) usage("--cell times what a full run built: run `node bench/validators.mjs` (or `npm run bench:validators`) once first");
} else {
  lock();
  if (!existsSync(join(HERE, "node_modules"))) sh("npm", ["ci", "--no-audit", "--no-fund"], HERE);
  // What this bench builds, not the whole folder: bench/codegen.mjs keeps its results there too.
  for (const built of ["ts", "js", "typia", "tsconfig.json", "validators.json"]) rmSync(join(OUT, built), { recursive: true, force: true });
  // As documented: the peers' schemas below are written to the docs' letter (no null where the docs do not say it).
  sh(process.execPath, [join(ROOT, "bin", "mdtypes.js"), "generate", join(HERE, "docs"), "--out", join(OUT, "ts"), "--nullability", "as-documented", "--no-cache"]);
  writeFileSync(join(OUT, "ts", "package.json"), '{ "type": "module" }\n');
  mkdirSync(join(OUT, "js"), { recursive: true });
  writeFileSync(join(OUT, "js", "package.json"), '{ "type": "module" }\n');
  writeFileSync(
    join(OUT, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", rootDir: "ts", outDir: "js", strict: true, types: [] }, include: ["ts/**/*.ts"] }),
  );
  sh(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(OUT, "tsconfig.json")]);
}
const md = {};
for (const file of readdirSync(join(OUT, "js", "models"))) Object.assign(md, await import(pathToFileURL(join(OUT, "js", "models", file)).href));

// ---------------------------------------------------------------- the peers

const require = createRequire(join(HERE, "package.json"));
const Ajv = require("ajv").default;
const addFormats = require("ajv-formats").default;
const { z } = await import(pathToFileURL(require.resolve("zod")).href);
const { Type, FormatRegistry } = await import(pathToFileURL(require.resolve("@sinclair/typebox")).href);
const { TypeCompiler } = await import(pathToFileURL(require.resolve("@sinclair/typebox/compiler")).href);
const enums = JSON.parse(readFileSync(join(HERE, "enums.json"), "utf8"));

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
FormatRegistry.Set("date-time", (v) => DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)));

/** JSON Schemas equivalent to the docs (the same required keys, types, enums and formats). */
const S = {
  str: { type: "string" },
  int: { type: "integer" },
  num: { type: "number" },
  bool: { type: "boolean" },
  obj: (properties, required) => ({ type: "object", properties, required }),
};
const jsonSchemas = {
  User: S.obj(
    {
      id: S.str, name: S.str, email: S.str, age: S.int, score: S.num, active: S.bool,
      role: { enum: ["admin", "editor", "viewer", "guest"] }, created_at: { type: "string", format: "date-time" },
      nickname: { type: ["string", "null"] }, bio: S.str, followers: S.int, verified: S.bool,
    },
    ["id", "name", "email", "age", "score", "active", "role", "created_at", "nickname"],
  ),
  Order: {
    $defs: {
      option: S.obj({ name: S.str, values: { type: "array", items: S.str } }, ["name", "values"]),
      item: S.obj({ sku: S.str, quantity: S.int, price: S.num, options: { type: "array", items: { $ref: "#/$defs/option" } } }, ["sku", "quantity", "price", "options"]),
    },
    ...S.obj({ id: S.str, items: { type: "array", items: { $ref: "#/$defs/item" } }, tags: { type: "array", items: S.str } }, ["id", "items", "tags"]),
  },
  Event: {
    type: "object",
    discriminator: { propertyName: "type" },
    required: ["type"],
    oneOf: [
      S.obj({ type: { const: "click" }, id: S.str, url: S.str, country: S.str }, ["type", "id", "url"]),
      S.obj({ type: { const: "lead" }, id: S.str, customer_id: S.str, value: S.int }, ["type", "id", "customer_id", "value"]),
      S.obj({ type: { const: "sale" }, id: S.str, amount: S.num, currency: S.str }, ["type", "id", "amount", "currency"]),
      S.obj({ type: { const: "refund" }, id: S.str, amount: S.num, reason: { type: ["string", "null"] } }, ["type", "id", "amount", "reason"]),
    ],
  },
  TreeNode: { $id: "tree", ...S.obj({ label: S.str, value: S.int, children: { type: "array", items: { $ref: "tree" } } }, ["label", "value", "children"]) },
  Account: S.obj(
    {
      country: { enum: enums.countries }, currency: { enum: enums.currencies }, language: { enum: enums.languages },
      status: { enum: ["active", "suspended", "closed", "pending", "archived"] }, timezone: S.str,
    },
    ["country", "currency", "language", "status", "timezone"],
  ),
};
const ajvFirst = addFormats(new Ajv({ discriminator: true }));
const ajvAll = addFormats(new Ajv({ discriminator: true, allErrors: true }));

/** zod 4 schemas. */
const zOption = z.object({ name: z.string(), values: z.array(z.string()) });
const zItem = z.object({ sku: z.string(), quantity: z.int(), price: z.number(), options: z.array(zOption) });
const zTree = z.object({
  label: z.string(),
  value: z.int(),
  get children() {
    return z.array(zTree);
  },
});
const zodSchemas = {
  User: z.object({
    id: z.string(), name: z.string(), email: z.string(), age: z.int(), score: z.number(), active: z.boolean(),
    role: z.enum(["admin", "editor", "viewer", "guest"]), created_at: z.iso.datetime({ offset: true }),
    nickname: z.string().nullable(), bio: z.string().optional(), followers: z.int().optional(), verified: z.boolean().optional(),
  }),
  Order: z.object({ id: z.string(), items: z.array(zItem), tags: z.array(z.string()) }),
  Event: z.discriminatedUnion("type", [
    z.object({ type: z.literal("click"), id: z.string(), url: z.string(), country: z.string().optional() }),
    z.object({ type: z.literal("lead"), id: z.string(), customer_id: z.string(), value: z.int() }),
    z.object({ type: z.literal("sale"), id: z.string(), amount: z.number(), currency: z.string() }),
    z.object({ type: z.literal("refund"), id: z.string(), amount: z.number(), reason: z.string().nullable() }),
  ]),
  TreeNode: zTree,
  Account: z.object({
    country: z.enum(enums.countries), currency: z.enum(enums.currencies), language: z.enum(enums.languages),
    status: z.enum(["active", "suspended", "closed", "pending", "archived"]), timezone: z.string(),
  }),
};

/** TypeBox schemas. */
const tOption = Type.Object({ name: Type.String(), values: Type.Array(Type.String()) });
const tItem = Type.Object({ sku: Type.String(), quantity: Type.Integer(), price: Type.Number(), options: Type.Array(tOption) });
const tLit = (values) => Type.Union(values.map((v) => Type.Literal(v)));
const typeboxSchemas = {
  User: Type.Object({
    id: Type.String(), name: Type.String(), email: Type.String(), age: Type.Integer(), score: Type.Number(), active: Type.Boolean(),
    role: tLit(["admin", "editor", "viewer", "guest"]), created_at: Type.String({ format: "date-time" }),
    nickname: Type.Union([Type.String(), Type.Null()]), bio: Type.Optional(Type.String()), followers: Type.Optional(Type.Integer()), verified: Type.Optional(Type.Boolean()),
  }),
  Order: Type.Object({ id: Type.String(), items: Type.Array(tItem), tags: Type.Array(Type.String()) }),
  Event: Type.Union([
    Type.Object({ type: Type.Literal("click"), id: Type.String(), url: Type.String(), country: Type.Optional(Type.String()) }),
    Type.Object({ type: Type.Literal("lead"), id: Type.String(), customer_id: Type.String(), value: Type.Integer() }),
    Type.Object({ type: Type.Literal("sale"), id: Type.String(), amount: Type.Number(), currency: Type.String() }),
    Type.Object({ type: Type.Literal("refund"), id: Type.String(), amount: Type.Number(), reason: Type.Union([Type.String(), Type.Null()]) }),
  ]),
  TreeNode: Type.Recursive((self) => Type.Object({ label: Type.String(), value: Type.Integer(), children: Type.Array(self) })),
  Account: Type.Object({
    country: tLit(enums.countries), currency: tLit(enums.currencies), language: tLit(enums.languages),
    status: tLit(["active", "suspended", "closed", "pending", "archived"]), timezone: Type.String(),
  }),
};

/**
 * typia: the same types in TypeScript, with typia's tags where the JSON Schemas say more than a
 * type (`integer`, `format: "date-time"`). typia has no unbounded integer: `int64` (an integer
 * within ±2^63) is the nearest to JSON Schema's `integer`, and the same on every value here.
 * Written to .out/typia/src, turned into plain TypeScript by `typia generate` (.out/typia/ts),
 * compiled with this package's TypeScript 5 (.out/typia/js).
 */
function typiaSource() {
  const union = (values) => values.map((v) => JSON.stringify(v)).join(" | ");
  return `import typia, { tags } from "typia";

type Int = number & tags.Type<"int64">;
interface User {
  id: string; name: string; email: string; age: Int; score: number; active: boolean;
  role: ${union(["admin", "editor", "viewer", "guest"])}; created_at: string & tags.Format<"date-time">;
  nickname: string | null; bio?: string; followers?: Int; verified?: boolean;
}
interface ItemOption { name: string; values: string[] }
interface LineItem { sku: string; quantity: Int; price: number; options: ItemOption[] }
interface Order { id: string; items: LineItem[]; tags: string[] }
interface ClickEvent { type: "click"; id: string; url: string; country?: string }
interface LeadEvent { type: "lead"; id: string; customer_id: string; value: Int }
interface SaleEvent { type: "sale"; id: string; amount: number; currency: string }
interface RefundEvent { type: "refund"; id: string; amount: number; reason: string | null }
type Event = ClickEvent | LeadEvent | SaleEvent | RefundEvent;
interface TreeNode { label: string; value: Int; children: TreeNode[] }
interface Account {
  country: ${union(enums.countries)};
  currency: ${union(enums.currencies)};
  language: ${union(enums.languages)};
  status: ${union(["active", "suspended", "closed", "pending", "archived"])};
  timezone: string;
}

export const is = {
  User: typia.createIs<User>(), Order: typia.createIs<Order>(), Event: typia.createIs<Event>(),
  TreeNode: typia.createIs<TreeNode>(), Account: typia.createIs<Account>(),
};
export const validate = {
  User: typia.createValidate<User>(), Order: typia.createValidate<Order>(), Event: typia.createValidate<Event>(),
  TreeNode: typia.createValidate<TreeNode>(), Account: typia.createValidate<Account>(),
};
`;
}

/** A package's command, as its package.json's `bin` names it (its exports may hide the file). */
function bin(pkg, name) {
  const manifest = require.resolve(`${pkg}/package.json`);
  const entry = JSON.parse(readFileSync(manifest, "utf8")).bin;
  return join(dirname(manifest), typeof entry === "string" ? entry : entry[name]);
}

function buildTypia() {
  const dir = join(OUT, "typia");
  mkdirSync(join(dir, "src"), { recursive: true });
  writeFileSync(join(dir, "src", "validators.ts"), typiaSource());
  const compilerOptions = { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, types: [], skipLibCheck: true };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["src/**/*.ts"] }));
  // From this package's folder: typia's CLI reads the package.json where it runs.
  sh(process.execPath, [bin("typia", "typia"), "generate", "--input", join(dir, "src"), "--output", join(dir, "ts"), "--project", join(dir, "tsconfig.json")], HERE);
  writeFileSync(join(dir, "tsconfig.build.json"), JSON.stringify({ compilerOptions: { ...compilerOptions, rootDir: "ts", outDir: "js" }, include: ["ts/**/*.ts"] }));
  mkdirSync(join(dir, "js"), { recursive: true });
  writeFileSync(join(dir, "js", "package.json"), '{ "type": "module" }\n');
  sh(process.execPath, [bin("typescript", "tsc"), "-p", join(dir, "tsconfig.build.json")], HERE);
}
if (!CELL) buildTypia();
const typia = await import(pathToFileURL(join(OUT, "typia", "js", "validators.js")).href);

// ---------------------------------------------------------------- data

let seed = 42;
function rand() {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const pick = (list) => list[Math.floor(rand() * list.length)];
const word = () => Math.floor(rand() * 1e9).toString(36);
const date = () => `20${10 + Math.floor(rand() * 15)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}T1${Math.floor(rand() * 9)}:3${Math.floor(rand() * 9)}:00Z`;

const make = {
  User: () => {
    const u = {
      id: word(), name: word(), email: `${word()}@example.com`, age: Math.floor(rand() * 90), score: rand() * 100, active: rand() < 0.5,
      role: pick(["admin", "editor", "viewer", "guest"]), created_at: date(), nickname: rand() < 0.5 ? null : word(),
    };
    if (rand() < 0.5) u.bio = word();
    if (rand() < 0.5) u.followers = Math.floor(rand() * 1000);
    if (rand() < 0.5) u.verified = rand() < 0.5;
    return u;
  },
  Order: () => ({
    id: word(),
    items: Array.from({ length: 2 + Math.floor(rand() * 4) }, () => ({
      sku: word(), quantity: 1 + Math.floor(rand() * 5), price: rand() * 50,
      options: Array.from({ length: Math.floor(rand() * 3) }, () => ({ name: word(), values: [word(), word()] })),
    })),
    tags: [word(), word()],
  }),
  Event: () => {
    switch (pick(["click", "lead", "sale", "refund"])) {
      case "click": return { type: "click", id: word(), url: `https://${word()}.com`, ...(rand() < 0.5 ? { country: "DE" } : {}) };
      case "lead": return { type: "lead", id: word(), customer_id: word(), value: Math.floor(rand() * 100) };
      case "sale": return { type: "sale", id: word(), amount: rand() * 100, currency: "EUR" };
      default: return { type: "refund", id: word(), amount: rand() * 100, reason: rand() < 0.5 ? null : word() };
    }
  },
  TreeNode: () => {
    const node = (depth) => ({ label: word(), value: Math.floor(rand() * 100), children: depth === 0 ? [] : Array.from({ length: 2 + Math.floor(rand() * 2) }, () => node(depth - 1)) });
    return node(3);
  },
  Account: () => ({ country: pick(enums.countries), currency: pick(enums.currencies), language: pick(enums.languages), status: pick(["active", "suspended", "closed", "pending", "archived"]), timezone: "Europe/Berlin" }),
};

/**
 * One to three mutations of a valid value, each a kind of mistake real payloads have. The result
 * goes through JSON, as payloads arrive: fresh objects, no `delete`d keys (which would put the
 * objects in V8's slow dictionary mode and measure that instead of the validators).
 */
function corrupt(value) {
  return JSON.parse(JSON.stringify(mutate(value)));
}

function mutate(value) {
  const copy = structuredClone(value);
  const objects = [];
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      objects.push(v);
      Object.values(v).forEach(walk);
    }
  };
  walk(copy);
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) {
    const target = pick(objects);
    const keys = Object.keys(target).filter((k) => k !== "type" || i > 0);
    const key = pick(keys);
    switch (Math.floor(rand() * 4)) {
      case 0: target[key] = typeof target[key] === "string" ? 12345 : "oops"; break;
      case 1: delete target[key]; target[`${key}_missing`] = true; break;
      case 2: target[key] = typeof target[key] === "number" ? 0.5 : null; break;
      default: target[key] = typeof target[key] === "string" ? "not-a-valid-enum-or-date" : [];
    }
  }
  return copy;
}

const SIZE = QUICK ? 50 : 200;
const shapes = {
  "flat object": "User",
  "nested arrays": "Order",
  "discriminated union": "Event",
  recursive: "TreeNode",
  "enum-heavy": "Account",
};

// ---------------------------------------------------------------- validators under test

function contenders(model) {
  const isX = md[`is${model}`];
  const validateX = md[`validate${model}`];
  const first = ajvFirst.compile(jsonSchemas[model]);
  const all = ajvAll.compile(jsonSchemas[model]);
  const zs = zodSchemas[model];
  const tc = TypeCompiler.Compile(typeboxSchemas[model]);
  const typiaIs = typia.is[model];
  const typiaValidate = typia.validate[model];
  return {
    valid: {
      mdtypes: (v) => isX(v),
      ajv: (v) => first(v),
      typebox: (v) => tc.Check(v),
      zod: (v) => zs.safeParse(v).success,
      "typia is": (v) => typiaIs(v),
      // The error-collecting validators on valid values: what most calls of them are. (TypeBox's and
      // zod's are the ones above there: the errors are looked for only when the check fails.)
      "mdtypes validateX": (v) => validateX(v).ok,
      "ajv (allErrors)": (v) => all(v),
      "typia validate": (v) => typiaValidate(v).success,
    },
    invalid: {
      mdtypes: (v) => validateX(v).ok,
      "ajv (allErrors)": (v) => all(v),
      typebox: (v) => tc.Check(v) || [...tc.Errors(v)].length === 0,
      zod: (v) => zs.safeParse(v).success,
      "typia validate": (v) => typiaValidate(v).success,
    },
  };
}

/**
 * A timer of its own for each validator: the loop is compiled afresh, so its call of `fn` sees one
 * validator only (a loop shared by two would call both through a call site that inlines neither).
 */
function timer() {
  return new Function(
    "fn",
    "data",
    `let reps = 1;
    let sink = 0;
    // Grow the loop until one measurement takes about 30 ms.
    for (;;) {
      const start = process.hrtime.bigint();
      for (let r = 0; r < reps; r++) for (let i = 0; i < data.length; i++) sink += fn(data[i]) ? 1 : 0;
      const ns = Number(process.hrtime.bigint() - start);
      if (ns > 30e6 || reps > 1e6) return { nsPerValue: ns / (reps * data.length), sink };
      reps *= 2;
    }`,
  );
}

/** The data sets of one shape: the same values in every process (the generator is seeded per shape). */
function dataSets(model) {
  seed = 42;
  const valid = Array.from({ length: SIZE }, () => JSON.parse(JSON.stringify(make[model]())));
  // A mutation can leave a value valid (a string replaced by another string): such values are dropped,
  // judged by the JSON Schema (ajv), not by mdtypes.
  const check = ajvFirst.compile(jsonSchemas[model]);
  const invalid = valid.map(corrupt).filter((v) => !check(v));
  return { valid, invalid };
}

if (CELL) {
  // One validator on one data set in this process, or two timed in turn, round by round (every other round the
  // second first): what speed the machine gives this process (see the README), it gives both.
  const [model, set, ...names] = CELL;
  const models = Object.values(shapes);
  if (!models.includes(model)) usage(`--cell: no model ${JSON.stringify(model)} (models: ${models.join(", ")})`);
  if (set !== "valid" && set !== "invalid") usage(`--cell: no set ${JSON.stringify(set)} (sets: valid, invalid)`);
  const peers = Object.keys(contenders(model)[set]);
  for (const name of names) if (!peers.includes(name)) usage(`--cell: no validator ${JSON.stringify(name)} on the ${set} set (validators: ${peers.join(", ")})`);
  if (names.length === 2 && names[0] === names[1]) usage(`--cell: ${JSON.stringify(names[0])} twice`);
  const data = dataSets(model)[set];
  const fns = names.map((name) => contenders(model)[set][name]);
  const expected = set === "valid";
  const wrong = fns.reduce((sum, fn) => sum + data.filter((v) => fn(v) !== expected).length, 0);
  const timers = fns.map(() => timer());
  /** The validators on `values` in turn, round by round (every other round in reverse order): each one's median ns per value. */
  const inTurn = (values) => {
    const samples = fns.map(() => []);
    // A round each, untimed, first: the first rounds can run before the code is optimized.
    for (let i = 0; i < fns.length; i++) timers[i](fns[i], values);
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? fns.map((_, i) => i) : fns.map((_, i) => fns.length - 1 - i);
      for (const i of order) samples[i].push(timers[i](fns[i], values).nsPerValue);
    }
    return samples.map(median);
  };
  if (args.includes("--per-value")) {
    // Each value alone, the two validators in turn as below: where on the set one gains or loses.
    const rows = data.map((value) => {
      const [a, b] = inTurn([value]);
      return { a, b, value };
    });
    rows.sort((x, y) => x.b / x.a - y.b / y.a);
    const lines = [`| ${names[0]} | ${names[1]} | ÷ | value (JSON, its first 100 characters) |`, "| ---: | ---: | ---: | --- |"];
    for (const { a, b, value } of rows) lines.push(`| ${a.toFixed(0)} ns | ${b.toFixed(0)} ns | ${(b / a).toFixed(2)}× | \`${JSON.stringify(value).slice(0, 100).replace(/\|/g, "\\|")}\` |`);
    const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
    lines.push("", `Whole set, the values' times added: ${total("a").toFixed(0)} against ${total("b").toFixed(0)} ns (${(total("b") / total("a")).toFixed(2)}×); ${wrong} verdicts wrong.`);
    process.stdout.write(`${lines.join("\n")}\n`);
    process.exit(0);
  }
  const ns = inTurn(data);
  process.stdout.write(`${JSON.stringify({ ns: Object.fromEntries(names.map((name, i) => [name, ns[i]])), wrong, size: data.length })}\n`);
  process.exit(0);
}

// Every validator (those of both sets) judges every value of both sets as the JSON Schema does,
// before anything is timed: a validator that disagrees would be timed on other work than the others.
const disagreements = [];
for (const model of Object.values(shapes)) {
  const sets = dataSets(model);
  const all = contenders(model);
  for (const [name, fn] of [...Object.entries(all.valid), ...Object.entries(all.invalid)]) {
    for (const set of ["valid", "invalid"]) {
      const wrong = sets[set].filter((v) => fn(v) !== (set === "valid"));
      if (wrong.length > 0) disagreements.push(`${name} on ${model}: ${wrong.length}/${sets[set].length} ${set} values judged otherwise, e.g. ${JSON.stringify(wrong[0])}`);
    }
  }
}
if (disagreements.length > 0) {
  console.error(`The validators disagree; nothing timed:\n${disagreements.join("\n")}`);
  process.exit(1);
}

/**
 * The table's rows: mdtypes' validator (`mine`) and the peers it is timed against, each pair in a process of its
 * own (see `--cell`). TypeBox's and zod's checks are those of both valid rows (they look for errors only on failure).
 */
const ROWS = [
  { set: "valid", label: "valid: `isX`", mine: "mdtypes", peers: ["ajv", "typebox", "zod", "typia is"] },
  { set: "valid", label: "valid: `validateX`", mine: "mdtypes validateX", peers: ["ajv (allErrors)", "typebox", "zod", "typia validate"] },
  { set: "invalid", label: "invalid: `validateX`", mine: "mdtypes", peers: ["ajv (allErrors)", "typebox", "zod", "typia validate"] },
];
/** Issue 15's goal 4, a row's label and the peer it is judged against: no slower than typia's `is` (valid set) and ajv with `allErrors` (invalid set), on every shape. */
const GOALS = [
  ["valid: `isX`", "typia is", "`isX` no slower than typia's `is`"],
  ["invalid: `validateX`", "ajv (allErrors)", "invalid `validateX` no slower than ajv with `allErrors`"],
];
const results = [];
const PASSES = QUICK ? 1 : 5;
/**
 * Passes of the goals' pairs: a process's ratio can land 15% or more from the next one's, and those pairs are
 * close to 1, where a median of five moved from one side to the other from run to run. Eleven narrow it.
 */
const GOAL_PASSES = QUICK ? 1 : 11;
const isGoal = (label, peer) => GOALS.some(([goalLabel, goalPeer]) => goalLabel === label && goalPeer === peer);
for (const [shape, model] of Object.entries(shapes)) {
  for (const { set, label, mine, peers } of ROWS) {
    // For each peer, a pass's times of mdtypes and of the peer, from one process.
    const pairs = Object.fromEntries(peers.map((peer) => [peer, []]));
    let size = 0;
    // Passes interleave the pairs, so that a noisy moment of the machine does not favour one; every other
    // pass runs them in the reverse order, so that none is always first after another. Past PASSES, the goal's pair alone.
    for (let pass = 0; pass < GOAL_PASSES; pass++) {
      const inPass = peers.filter((peer) => pass < PASSES || isGoal(label, peer));
      for (const peer of pass % 2 === 0 ? inPass : [...inPass].reverse()) {
        const out = spawnSync(process.execPath, [...NODE_FLAGS, fileURLToPath(import.meta.url), "--cell", `${model},${set},${mine},${peer}`, "--rounds", String(ROUNDS), ...(QUICK ? ["--quick"] : [])], { encoding: "utf8", env: { ...process.env, [RUN_ENV]: String(process.pid) } });
        // A turn of the event loop: a signal that came while the cell ran (Ctrl-C reaches both) is acted on here.
        await new Promise((resolve) => setImmediate(resolve));
        if (out.status !== 0) throw new Error(`${mine} and ${peer} on ${model}/${set} failed:\n${out.stderr}`);
        const cell = JSON.parse(out.stdout);
        if (cell.wrong > 0) throw new Error(`${mine} or ${peer} disagrees on ${cell.wrong} of the ${cell.size} ${set} ${model} values`);
        pairs[peer].push({ mine: cell.ns[mine], peer: cell.ns[peer] });
        size = cell.size;
      }
    }
    results.push({ shape, set, label, mine, size, pairs });
  }
}

// ---------------------------------------------------------------- report

const fmt = (ns) => (ns < 1000 ? `${ns.toFixed(0)} ns` : `${(ns / 1000).toFixed(2)} µs`);
console.log(
  `\nValidators on ${SIZE} generated values per shape (the invalid set: those of their one-to-three-mutation copies that the JSON Schema rejects). ` +
    `Each ratio: mdtypes and the peer in a fresh process, timed in turn, median of ${ROUNDS} rounds each; the median of ${PASSES === 1 ? "one pass" : `${PASSES} interleaved passes (${GOAL_PASSES} for the goals' pairs)`} (Node ${process.version}${NODE_FLAGS.length > 0 ? ` ${NODE_FLAGS.join(" ")}` : ""}). ` +
    `Ratio = peer time / mdtypes time (> 1: mdtypes faster). Times: the median of every process's.\n`,
);
console.log("| shape | set | mdtypes | ajv | typebox | zod 4 | typia |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
/**
 * A peer's ratios to mdtypes, one a pass, each from the two times of one process: whichever of the machine's
 * speeds the process landed at (see the README: two about 2× apart), both ran at it.
 */
const ratios = (r, peer) => r.pairs[peer].map((pair) => pair.peer / pair.mine);
for (const r of results) {
  const peers = Object.keys(r.pairs);
  const mine = median(peers.flatMap((peer) => r.pairs[peer].map((pair) => pair.mine)));
  const cell = (peer) => `${fmt(median(r.pairs[peer].map((pair) => pair.peer)))} (${median(ratios(r, peer)).toFixed(2)}×)`;
  console.log(`| ${r.shape} | ${r.label} | ${fmt(mine)} | ${peers.map(cell).join(" | ")} |`);
}

console.log(GOAL_PASSES === 1 ? "\nGoals (one pass each, --quick: a first look, which a pass's noise can tip either way; a full run judges them on the median of eleven):" : "\nGoals (the median of the passes' ratios, and the lowest and highest pass):");
for (const [label, peer, text] of GOALS) {
  const each = results
    .filter((r) => r.label === label)
    .map((r) => {
      const xs = ratios(r, peer);
      return { shape: r.shape, ratio: median(xs), low: Math.min(...xs), high: Math.max(...xs) };
    });
  const ok = each.every((e) => e.ratio >= 1);
  // Two decimals, or three where two would round a ratio below 1 up to 1.00.
  const x = (ratio) => (ratio < 1 && ratio.toFixed(2) === "1.00" ? ratio.toFixed(3) : ratio.toFixed(2));
  console.log(`- ${ok ? "met" : "NOT met"}: ${text} on every shape: ${each.map((e) => `${e.shape} ${x(e.ratio)}×${e.low === e.high ? "" : ` (${x(e.low)}–${x(e.high)})`}`).join(", ")}`);
}
if (args.includes("--json")) {
  const run = { node: process.version, nodeFlags: NODE_FLAGS, values: SIZE, rounds: ROUNDS, passes: PASSES, goalPasses: GOAL_PASSES };
  writeFileSync(join(OUT, "validators.json"), JSON.stringify({ run, results }, null, 2));
}
