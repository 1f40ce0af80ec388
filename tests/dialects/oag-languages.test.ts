/**
 * The OAG type readers of java, kotlin, php, ruby, csharp, dart, dart-dio,
 * javascript, python-prior, python-legacy, typescript-fetch and Genesys
 * (src/dialects/oag/languages/; grammar §A.5): each reader over the real
 * notation of its language, then each corpus tree of these languages through
 * the CLI with no config and no flags (skipped when ../shared is absent).
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/ir/diagnostics.js";
import type { Model, TypeRef } from "../../src/ir/ir.js";
import { csharp } from "../../src/dialects/oag/languages/csharp.js";
import { dartDio } from "../../src/dialects/oag/languages/dart-dio.js";
import { dart } from "../../src/dialects/oag/languages/dart.js";
import { genesys } from "../../src/dialects/oag/languages/genesys.js";
import { LANGUAGES } from "../../src/dialects/oag/languages/index.js";
import { java } from "../../src/dialects/oag/languages/java.js";
import { javascript } from "../../src/dialects/oag/languages/javascript.js";
import { kotlin } from "../../src/dialects/oag/languages/kotlin.js";
import { php } from "../../src/dialects/oag/languages/php.js";
import { pythonLegacy } from "../../src/dialects/oag/languages/python-legacy.js";
import { pythonPrior } from "../../src/dialects/oag/languages/python-prior.js";
import { ruby } from "../../src/dialects/oag/languages/ruby.js";
import { typescriptFetch } from "../../src/dialects/oag/languages/typescript-fetch.js";
import { HAS_CORPUS, ROOT, SHARED } from "../helpers.js";
import { typecheck } from "../typecheck.js";

const S: TypeRef = { kind: "string" };
const I: TypeRef = { kind: "integer" };
const N: TypeRef = { kind: "number" };
const B: TypeRef = { kind: "boolean" };
const ANY: TypeRef = { kind: "unknown", reason: "any" };
const DT: TypeRef = { kind: "string", format: "date-time" };
const D: TypeRef = { kind: "string", format: "date" };
const DATE_OR_DT: TypeRef = { kind: "union", members: [DT, D] };
const named = (name: string): TypeRef => ({ kind: "named", name });
const array = (items: TypeRef): TypeRef => ({ kind: "array", items });
const record = (values: TypeRef): TypeRef => ({ kind: "record", values });
const nullable = (type: TypeRef): TypeRef => ({ kind: "nullable", type });
const external = (text: string): TypeRef => ({ kind: "unknown", reason: "external", text });
const unparsed = (text: string): TypeRef => ({ kind: "unknown", reason: "unparsed", text });

describe("the registry", () => {
  it("holds every reader of this file by its id", () => {
    for (const language of [java, kotlin, php, ruby, csharp, dart, dartDio, javascript, pythonPrior, pythonLegacy, typescriptFetch, genesys]) {
      expect(LANGUAGES[language.id]).toBe(language);
    }
  });
});

describe("java", () => {
  it.each<[string, TypeRef]>([
    ["String", S],
    ["Integer", I],
    ["Long", I],
    ["BigDecimal", N],
    ["Double", N],
    ["Float", N],
    ["Boolean", B],
    ["OffsetDateTime", DT],
    ["LocalDate", D],
    ["UUID", S],
    ["URI", S],
    ["Object", ANY],
    ["byte[]", { kind: "string", format: "byte" }],
    ["File", external("File")],
    ["Pet", named("Pet")],
    ["KindEnum", named("KindEnum")],
    ["List<String>", array(S)],
    ["Set<String>", array(S)],
    ["List<Pet>", array(named("Pet"))],
    ["Map<String, Link>", record(named("Link"))],
    ["Map<String, Object>", record(ANY)],
    ["List<Map<String, Object>>", array(record(ANY))],
    ["Map<String, List<String>>", record(array(S))],
  ])("%s", (text, type) => expect(java.readType(text)).toEqual(type));

  it("leaves what is no Java type unparsed", () => {
    expect(java.readType("List<String")).toEqual(unparsed("List<String"));
    expect(java.readType("Optional<String>")).toEqual(unparsed("Optional<String>"));
    expect(java.readType("String?")).toEqual(unparsed("String?"));
  });

  it("names camelCase and shows no null", () => {
    expect([java.names, java.nulls]).toEqual(["camelCase", "lost"]);
  });
});

describe("kotlin", () => {
  it.each<[string, TypeRef]>([
    ["kotlin.String", S],
    ["kotlin.Int", I],
    ["kotlin.Long", I],
    ["kotlin.Boolean", B],
    ["kotlin.Double", N],
    ["java.math.BigDecimal", N],
    ["java.time.OffsetDateTime", DT],
    ["java.time.LocalDate", D],
    ["java.util.UUID", S],
    ["java.net.URI", S],
    ["kotlin.ByteArray", { kind: "string", format: "byte" }],
    ["kotlin.Any", ANY],
    ["java.io.File", external("java.io.File")],
    ["TimeAllowance", named("TimeAllowance")],
    ["kotlin.collections.List<IMSI>", array(named("IMSI"))],
    ["kotlin.collections.List<kotlin.String>", array(S)],
    ["kotlin.collections.Set<kotlin.String>", array(S)],
    ["kotlin.collections.Map<kotlin.String, Pet>", record(named("Pet"))],
    ["kotlin.collections.Map<kotlin.String, kotlin.collections.List<kotlin.Int>>", record(array(I))],
    ["kotlin.collections.List<kotlin.String?>", array(nullable(S))],
  ])("%s", (text, type) => expect(kotlin.readType(text)).toEqual(type));
});

describe("php", () => {
  it.each<[string, TypeRef]>([
    ["string", S],
    ["int", I],
    ["float", N],
    ["bool", B],
    ["\\DateTime", DATE_OR_DT],
    ["mixed", ANY],
    ["object", ANY],
    ["OneOf", ANY],
    ["\\SplFileObject", external("\\SplFileObject")],
    ["\\OpenAPI\\Client\\Model\\UserResponse", named("UserResponse")],
    ["string[]", array(S)],
    ["string[][]", array(array(S))],
    ["OAuth2Scopes[]", array(named("OAuth2Scopes"))],
    ["\\OpenAPI\\Client\\Model\\RichEmbed[]", array(named("RichEmbed"))],
    ["array<string,string>", record(S)],
    ["array<string,mixed>", record(ANY)],
    ["array<string,\\OpenAPI\\Client\\Model\\UserResponse>", record(named("UserResponse"))],
    ["array<string,int[]>", record(array(I))],
    ["map[string,string]", record(S)],
    ["map[string,\\Swagger\\Client\\Model\\Pet]", record(named("Pet"))],
  ])("%s", (text, type) => expect(php.readType(text)).toEqual(type));

  it("leaves what is no PHP type unparsed", () => {
    expect(php.readType("map[string,string")).toEqual(unparsed("map[string,string"));
    expect(php.readType("map[string,?]")).toEqual(unparsed("map[string,?]"));
    expect(php.readType("int?")).toEqual(unparsed("int?"));
  });
});

describe("ruby", () => {
  it.each<[string, TypeRef]>([
    ["String", S],
    ["Integer", I],
    ["Float", N],
    ["BigDecimal", N],
    ["Boolean", B],
    ["BOOLEAN", B],
    ["Time", DT],
    ["DateTime", DT],
    ["Date", D],
    ["Object", ANY],
    ["", ANY],
    ["File", external("File")],
    ["Metadata", named("Metadata")],
    ["Array<String>", array(S)],
    ["Array<OneOfCreateAssistantRequestToolsItems>", array(named("OneOfCreateAssistantRequestToolsItems"))],
    ["Hash<String, Integer>", record(I)],
    ["Array<Hash<String, BigDecimal>>", array(record(N))],
  ])("%s", (text, type) => expect(ruby.readType(text)).toEqual(type));
});

describe("csharp", () => {
  it.each<[string, TypeRef]>([
    ["string", S],
    ["int", I],
    ["long", I],
    ["decimal", N],
    ["double", N],
    ["float", N],
    ["bool", B],
    ["Guid", S],
    ["DateTime", DATE_OR_DT],
    ["DateTimeOffset", DT],
    ["DateOnly", D],
    ["byte[]", { kind: "string", format: "byte" }],
    ["Object", ANY],
    ["System.IO.Stream", external("System.IO.Stream")],
    ["FileParameter", external("FileParameter")],
    ["Guid?", nullable(S)],
    ["DateTime?", nullable(DATE_OR_DT)],
    ["bool?", nullable(B)],
    ["long?", nullable(I)],
    ["TestStatusApiType", named("TestStatusApiType")],
    ["List<Guid>", array(S)],
    ["List<Guid?>", array(nullable(S))],
    ["List<StepModel>", array(named("StepModel"))],
    ["Dictionary<string, string>", record(S)],
    ["Dictionary<string, Object>", record(ANY)],
    ["Dictionary<string, List<ExternalFormAllowedValueModel>>", record(array(named("ExternalFormAllowedValueModel")))],
  ])("%s", (text, type) => expect(csharp.readType(text)).toEqual(type));

  it("names PascalCase; reference types never show null, so null is lost", () => {
    expect([csharp.names, csharp.nulls]).toEqual(["PascalCase", "lost"]);
  });
});

describe("dart and dart-dio", () => {
  it.each<[string, TypeRef]>([
    ["String", S],
    ["int", I],
    ["double", N],
    ["num", N],
    ["bool", B],
    ["DateTime", DATE_OR_DT],
    ["Object", ANY],
    ["MultipartFile", external("MultipartFile")],
    ["List<String>", array(S)],
    ["Map<String, Pet>", record(named("Pet"))],
    ["List<Map<String, Object>>", array(record(ANY))],
  ])("dart %s", (text, type) => expect(dart.readType(text)).toEqual(type));

  it.each<[string, TypeRef]>([
    ["String", S],
    ["int", I],
    ["num", N],
    ["bool", B],
    ["DateTime", DT],
    ["Date", D],
    ["JsonObject", ANY],
    ["Uint8List", external("Uint8List")],
    ["ServerConfigEmail", named("ServerConfigEmail")],
    ["BuiltList<String>", array(S)],
    ["BuiltSet<String>", array(S)],
    ["BuiltList<ActorImage>", array(named("ActorImage"))],
    ["BuiltMap<String, JsonObject>", record(ANY)],
    ["BuiltMap<String, BlockStatusAccountsValue>", record(named("BlockStatusAccountsValue"))],
    ["BuiltList<BuiltList<int>>", array(array(I))],
  ])("dart-dio %s", (text, type) => expect(dartDio.readType(text)).toEqual(type));
});

describe("javascript", () => {
  it.each<[string, TypeRef]>([
    ["String", S],
    ["Number", N],
    ["Boolean", B],
    ["Date", DATE_OR_DT],
    ["Object", ANY],
    ["File", external("File")],
    ["NavContent", named("NavContent")],
    ["[String]", array(S)],
    ["[NavEntry]", array(named("NavEntry"))],
    ["{String: String}", record(S)],
    ["{String: Object}", record(ANY)],
    ["{String: [ValidationErrorDescription]}", record(array(named("ValidationErrorDescription")))],
  ])("%s", (text, type) => expect(javascript.readType(text)).toEqual(type));

  it("leaves what is no JavaScript type unparsed", () => {
    expect(javascript.readType("[String, Number]")).toEqual(unparsed("[String, Number]"));
    expect(javascript.readType("Array<String>")).toEqual(unparsed("Array<String>"));
  });
});

describe("python-prior", () => {
  it.each<[string, TypeRef]>([
    ["str", S],
    ["int", I],
    ["float", N],
    ["bool", B],
    ["datetime", DT],
    ["date", D],
    ["file_type", external("file_type")],
    ["HeliosBackupPolicy", named("HeliosBackupPolicy")],
    ["str, none_type", nullable(S)],
    ["datetime, none_type", nullable(DT)],
    ["[str]", array(S)],
    ["[str, none_type]", array(nullable(S))],
    ["[int, none_type]", array(nullable(I))],
    ["{str: (BankingInfo,)}", record(named("BankingInfo"))],
    ["{str: (str,)}", record(S)],
    ["bool, date, datetime, dict, float, int, list, str, none_type", ANY],
    ["[bool, date, datetime, dict, float, int, list, str, none_type]", array(ANY)],
    ["{str: (bool, date, datetime, dict, float, int, list, str, none_type)}", record(ANY)],
    ["{str: (bool, date, datetime, dict, float, int, list, str, none_type)}, none_type", nullable(record(ANY))],
    ["str, int", { kind: "union", members: [S, I] }],
  ])("%s", (text, type) => expect(pythonPrior.readType(text)).toEqual(type));

  it("shows null", () => expect(pythonPrior.nulls).toBe("shown"));
});

describe("python-legacy (swagger-codegen, Genesys python)", () => {
  it.each<[string, TypeRef]>([
    ["str", S],
    ["int", I],
    ["float", N],
    ["bool", B],
    ["datetime", DT],
    ["date", D],
    ["object", ANY],
    ["file", external("file")],
    ["ErrorBody", named("ErrorBody")],
    ["list[str]", array(S)],
    ["list[RoutingSkillReference]", array(named("RoutingSkillReference"))],
    ["dict(str, str)", record(S)],
    ["dict(str, list[Pet])", record(array(named("Pet")))],
  ])("%s", (text, type) => expect(pythonLegacy.readType(text)).toEqual(type));

  it("leaves what is no python-legacy type unparsed", () => {
    expect(pythonLegacy.readType("List[str]")).toEqual(unparsed("List[str]"));
    expect(pythonLegacy.readType("dict(str)")).toEqual(unparsed("dict(str)"));
  });
});

describe("typescript-fetch", () => {
  it.each<[string, TypeRef]>([
    ["string", S],
    ["number", N],
    ["boolean", B],
    ["Date", DATE_OR_DT],
    ["any", ANY],
    ["object", ANY],
    ["Blob", external("Blob")],
    ["Country", named("Country")],
    ["Array<string>", array(S)],
    ["Array<PortSpec>", array(named("PortSpec"))],
    ["Set<string>", array(S)],
    ["string[]", array(S)],
    ["{ [key: string]: any; }", record(ANY)],
    ["{ [key: string]: Array<number>; }", record(array(N))],
    ["Array<string | null>", array(nullable(S))],
    ["string | null", nullable(S)],
  ])("%s", (text, type) => expect(typescriptFetch.readType(text)).toEqual(type));
});

describe("genesys", () => {
  it.each<[string, TypeRef]>([
    // python
    ["str", S],
    ["datetime", DT],
    ["list[str]", array(S)],
    ["dict(str, str)", record(S)],
    ["list[RoutingSkillReference]", array(named("RoutingSkillReference"))],
    // .NET
    ["string", S],
    ["bool?", nullable(B)],
    ["long?", nullable(I)],
    ["DateTime?", nullable(DATE_OR_DT)],
    ["List<ShiftTradeResponseAcceptableIntervals>", array(named("ShiftTradeResponseAcceptableIntervals"))],
    ["Dictionary<string, Object>", record(ANY)],
    // Java
    ["String", S],
    ["Integer", I],
    ["Boolean", B],
    ["Date", DATE_OR_DT],
    ["<!---->String<!---->", S],
    ["Map<String, List<String>>", record(array(S))],
  ])("%s", (text, type) => expect(genesys.readType(text)).toEqual(type));
});

// ---------------------------------------------------------------------------
// Fixtures and corpus trees, through the CLI with no config and no flags
// ---------------------------------------------------------------------------

function cli(args: readonly string[]) {
  return spawnSync(process.execPath, [join(ROOT, "bin", "mdtypes.js"), ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

function listMarkdown(dir: string): string[] {
  const out = spawnSync("find", [dir, "-type", "f", "(", "-name", "*.md", "-o", "-name", "*.mdx", ")"], { encoding: "utf8" });
  return out.stdout.split("\n").filter(Boolean);
}

/** What one tree reads as: its language, model docs by kind, fields, and the diagnostics that count what was lost. */
interface Measured {
  readonly language: string;
  readonly skipped: number;
  readonly models: Readonly<Record<string, number>>;
  readonly fields: number;
  readonly unknownTypes: number;
  readonly enumValuesLost: number;
}

/** Generates `input` into a temporary folder; returns what was measured and whether the output type-checks. */
function measure(input: string): Measured & { typecheck: { status: number | null; output: string } } {
  const out = mkdtempSync(join(tmpdir(), "mdtypes-oag-"));
  try {
    const run = cli(["generate", input, "--out", out, "--reporter", "json", "--no-cache"]);
    const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[]; targets: { dialect: string; language: string }[] };
    expect(report.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(run.status).toBe(0);
    expect(report.targets[0]?.dialect).toBe("oag");
    // One module per model doc; the docs that are no models are skipped with an info.
    const skipped = new Set(report.diagnostics.filter((d) => d.ruleId === "not-a-model").map((d) => d.file));
    for (const doc of listMarkdown(input)) {
      const module = join(out, doc.slice(input.length + 1).replace(/\.mdx?$/, ".ts"));
      expect(existsSync(module), module).toBe(!skipped.has(doc));
    }
    const ir = cli(["ir", input]);
    expect(ir.status).toBe(0);
    const models = (JSON.parse(ir.stdout) as { models: Model[] }).models;
    const kinds: Record<string, number> = {};
    for (const model of models) kinds[model.kind] = (kinds[model.kind] ?? 0) + 1;
    const count = (ruleId: string) => report.diagnostics.filter((d) => d.ruleId === ruleId).length;
    writeFileSync(join(out, "package.json"), '{ "type": "module" }\n');
    return {
      language: report.targets[0]?.language ?? "",
      skipped: skipped.size,
      models: kinds,
      fields: models.reduce((n, m) => n + (m.kind === "object" ? m.fields.length : 0), 0),
      unknownTypes: count("unknown-type"),
      enumValuesLost: count("enum-values-lost"),
      typecheck: typecheck(out),
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The fixtures of fixtures/dialects/oag-<lang>/ (README and API doc skipped in each). */
const FIXTURES: Readonly<Record<string, Measured>> = {
  "oag-java": { language: "java", skipped: 2, models: { object: 3, enum: 1 }, fields: 24, unknownTypes: 0, enumValuesLost: 0 },
  "oag-kotlin": { language: "kotlin", skipped: 2, models: { object: 2, enum: 1 }, fields: 18, unknownTypes: 0, enumValuesLost: 0 },
  "oag-php": { language: "php", skipped: 2, models: { object: 2, opaque: 1 }, fields: 16, unknownTypes: 0, enumValuesLost: 1 },
  "oag-ruby": { language: "ruby", skipped: 2, models: { object: 2, opaque: 1 }, fields: 15, unknownTypes: 0, enumValuesLost: 1 },
  "oag-csharp": { language: "csharp", skipped: 2, models: { object: 2, opaque: 1 }, fields: 19, unknownTypes: 0, enumValuesLost: 1 },
  "oag-dart": { language: "dart-dio", skipped: 2, models: { object: 2, opaque: 1 }, fields: 16, unknownTypes: 0, enumValuesLost: 1 },
};

describe("fixtures: detected with no config, read whole, type-check", () => {
  it.each(Object.entries(FIXTURES))("%s", (folder, expected) => {
    const { typecheck: checked, ...measured } = measure(join(ROOT, "fixtures", "dialects", folder));
    expect(measured).toEqual(expected);
    expect(checked.output).toBe("");
    expect(checked.status).toBe(0);
  }, 60_000);
});

const DIALECTS_CORPUS = `${SHARED}corpus/dialects`;

/** The corpus trees of these languages, as measured. */
const TREES: Readonly<Record<string, Measured>> = {
  "launchdarkly__api-client-java": { language: "java", skipped: 0, models: { object: 643, enum: 4 }, fields: 3336, unknownTypes: 0, enumValuesLost: 0 },
  "companybetatel__esim-sdk-kotlin": { language: "kotlin", skipped: 0, models: { object: 35 }, fields: 183, unknownTypes: 0, enumValuesLost: 0 },
  "tinyoverflow__discord-php": { language: "php", skipped: 0, models: { object: 356, opaque: 58 }, fields: 2460, unknownTypes: 0, enumValuesLost: 58 },
  "flowmo-ai__open_ai_client": { language: "ruby", skipped: 0, models: { object: 415, opaque: 113 }, fields: 1641, unknownTypes: 0, enumValuesLost: 113 },
  "testit-tms__api-client-dotnet": { language: "csharp", skipped: 0, models: { object: 459, opaque: 50 }, fields: 2796, unknownTypes: 0, enumValuesLost: 50 },
  "RustLangLatam__peertube_api_sdk_dart": { language: "dart-dio", skipped: 0, models: { object: 300, opaque: 20 }, fields: 1221, unknownTypes: 0, enumValuesLost: 20 },
};

if (!HAS_CORPUS || !existsSync(DIALECTS_CORPUS)) {
  describe("corpus: OAG trees of java, kotlin, php, ruby, csharp, dart-dio", () => {
    it.skip(`skipped: ../shared/corpus/dialects is not beside this checkout (looked in ${DIALECTS_CORPUS})`, () => {});
  });
} else {
  describe("corpus: OAG trees of java, kotlin, php, ruby, csharp, dart-dio, no config, no flags", () => {
    it.each(Object.entries(TREES))("%s: as measured, ≤ 1% unknown types, type-checks", (tree, expected) => {
      const { typecheck: checked, ...measured } = measure(join(DIALECTS_CORPUS, tree));
      expect(measured).toEqual(expected);
      expect(measured.unknownTypes / measured.fields).toBeLessThanOrEqual(0.01);
      expect(checked.output).toBe("");
      expect(checked.status).toBe(0);
    }, 180_000);
  });
}
