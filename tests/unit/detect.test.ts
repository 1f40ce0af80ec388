/**
 * Dialect detection (grammar §0.8): the first dialect in registry order that
 * recognizes a doc takes it, each directory votes, the tree goes with the
 * most docs; several dialects are `mixed-dialects`; nothing recognized falls
 * back to Speakeasy with `settled.unrecognized`.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evidenceOf, MARKS_FOR_TESTS } from "../../src/dialects/speakeasy/detect.js";
import { DIALECTS_CORPUS, HAS_CORPUS, ROOT, SPEAKEASY_CORPUS } from "../helpers.js";
import { detectDialect, DIALECT_CHOICES, recognize } from "../../src/dialects/detect.js";
import { DIALECTS } from "../../src/dialects/index.js";
import { prepare } from "../../src/stages/prepare.js";
import { DEFAULT_OPTIONS } from "../../src/ir/options.js";
import { humanEntries } from "../../src/cli/report.js";

const SPEAKEASY = "# Pet\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | *str* | :heavy_check_mark: | The id. |\n";
const OAG = "# Pet\n\n## Properties\n\nName | Type | Description | Notes\n------------ | ------------- | ------------- | -------------\n**id** | **str** |  | \n**tag** | **str** |  | [optional] \n";
const SKILLS = "# Pet\n\n**Type:** object\n\n## Fields\n\n| Field | Type | Required | Description |\n|-------|------|----------|-------------|\n| `id` | string | Yes | The id. |\n";
const PROSE = "# Changelog\n\n- 1.0: first\n";

describe("dialect detection", () => {
  it("tries the registry in the grammar's order: speakeasy, openapi-to-skills, apix, apimatic, liblab, oag-jsonschema, oag", () => {
    expect(Object.keys(DIALECTS)).toEqual(["speakeasy", "openapi-to-skills", "apix", "apimatic", "liblab", "oag-jsonschema", "oag"]);
    expect(DIALECT_CHOICES).toEqual(["auto", ...Object.keys(DIALECTS)]);
  });

  it("a doc goes to the first dialect whose fingerprint it carries: `## Fields` with a `**Type:**` line is openapi-to-skills, not Speakeasy", () => {
    expect(recognize(SPEAKEASY, "a.md")?.id).toBe("speakeasy");
    expect(recognize(SKILLS, "a.md")?.id).toBe("openapi-to-skills");
    expect(recognize(OAG, "a.md")?.id).toBe("oag");
    expect(recognize(PROSE, "a.md")).toBeUndefined();
  });

  it("each directory votes with the dialect most of its docs show; prose does not vote; a doc of another generator in the directory is a warning", () => {
    const docs = [
      { id: "docs/Pet.md", source: OAG },
      { id: "docs/Tag.md", source: OAG },
      { id: "docs/Odd.md", source: SPEAKEASY },
      { id: "README.md", source: PROSE },
    ];
    const detected = detectDialect(docs);
    expect(detected.dialect.id).toBe("oag");
    expect(detected.diagnostics.map((d) => [d.ruleId, d.severity, d.file, d.line])).toEqual([["mixed-dialects", "warning", "docs/Odd.md", 1]]);
  });

  it("directories voting for different dialects are a mixed-dialects error per other dialect, at its first doc", () => {
    const docs = [
      { id: "a/Pet.md", source: OAG },
      { id: "a/Tag.md", source: OAG },
      { id: "b/pet.md", source: SPEAKEASY },
    ];
    const detected = detectDialect(docs);
    expect(detected.dialect.id).toBe("oag");
    expect(detected.diagnostics.map((d) => [d.ruleId, d.severity, d.file])).toEqual([["mixed-dialects", "error", "b/pet.md"]]);
    const three = detectDialect([...docs, { id: "c/Pet.md", source: SKILLS }]);
    expect(three.diagnostics.map((d) => [d.ruleId, d.severity, d.file])).toEqual([
      ["mixed-dialects", "error", "b/pet.md"],
      ["mixed-dialects", "error", "c/Pet.md"],
    ]);
  });

  it("a tree no dialect recognizes is read as Speakeasy's, marked unrecognized; a set dialect is never second-guessed", () => {
    const prose = prepare([{ id: "CHANGELOG.md", source: PROSE }], DEFAULT_OPTIONS);
    expect(prose.options.dialect).toBe("speakeasy");
    expect(prose.options.settled?.unrecognized).toBe(true);
    expect(() => prepare([{ id: "docs/Pet.md", source: OAG }], { ...DEFAULT_OPTIONS, dialect: "nope" })).toThrow(/Unexpected dialect "nope", expected "auto", "speakeasy"/);
    const forced = prepare([{ id: "docs/Pet.md", source: OAG }], { ...DEFAULT_OPTIONS, dialect: "speakeasy" });
    expect(forced.options.dialect).toBe("speakeasy");
    expect(forced.options.settled?.unrecognized).toBeUndefined();
  });

  it("the dialect settles its language from its own directories: another generator's is one mixed-dialects error, shown first and alone", () => {
    const ts = "# Pet\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `id` | *string* | :heavy_check_mark: | The id. |\n| `tags` | *string*[] | :heavy_minus_sign: | Tags. |\n";
    const docs = [
      { id: "sdk/pet.md", source: ts },
      { id: "sdk/tag.md", source: ts },
      { id: "sdk/owner.md", source: ts },
      { id: "oag/Pet.md", source: `${OAG}\n\`\`\`python\nfrom x import Pet\n\`\`\`\n` },
    ];
    const prepared = prepare(docs, DEFAULT_OPTIONS);
    expect(prepared.options).toMatchObject({ dialect: "speakeasy", flavour: "typescript" });
    expect(prepared.diagnostics.map((d) => d.ruleId)).toEqual(["mixed-dialects"]);
    const flavourError = { file: "x.md", line: 1, column: 1, ruleId: "mixed-flavours" as const, severity: "error" as const, message: "m" };
    const entries = humanEntries([flavourError, ...prepared.diagnostics], false);
    expect(entries.map((e) => ("diagnostic" in e ? e.diagnostic.ruleId : "note"))).toEqual(["mixed-dialects", "note"]);
  });
});

describe("Speakeasy flavour marks: what each is searched for by", () => {
  it.skipIf(!HAS_CORPUS)("every match of every mark in every corpus and fixture doc holds one of the mark's texts (so a doc without them has no match)", () => {
    const docs = [SPEAKEASY_CORPUS, DIALECTS_CORPUS, join(ROOT, "fixtures")].flatMap((dir) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
        .map((entry) => join(entry.parentPath, entry.name)),
    );
    expect(docs.length).toBeGreaterThan(12000);
    const matched = new Set<RegExp>();
    for (const path of docs) {
      const text = readFileSync(path, "utf8");
      for (const { mark, needs } of MARKS_FOR_TESTS) {
        for (const match of text.match(mark) ?? []) {
          matched.add(mark);
          if (!needs.some((need) => match.includes(need))) expect.fail(`${mark} matched ${JSON.stringify(match)} in ${path}, which holds none of ${JSON.stringify(needs)}`);
        }
      }
    }
    // Most marks are seen in the corpus; each seen one was checked.
    expect(matched.size).toBeGreaterThan(MARKS_FOR_TESTS.length / 2);
  }, 120_000);

  /** Every mark's matches counted with no text searched first: what `evidenceOf` must give. */
  function plainEvidence(text: string): Record<string, number> {
    const evidence: Record<string, number> = {};
    for (const { mark, flavours } of MARKS_FOR_TESTS) {
      const count = text.match(mark)?.length ?? 0;
      if (count > 0) for (const flavour of flavours) evidence[flavour] = (evidence[flavour] ?? 0) + count;
    }
    return evidence;
  }

  it("every mark's text has two characters or more (its first and last pair of characters are looked up first)", () => {
    for (const { needs } of MARKS_FOR_TESTS) for (const need of needs) expect(need.length, need).toBeGreaterThanOrEqual(2);
  });

  it.skipIf(!HAS_CORPUS)("evidenceOf gives every corpus doc the evidence the marks give it unsearched", () => {
    const docs = [SPEAKEASY_CORPUS, DIALECTS_CORPUS].flatMap((dir) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
        .map((entry) => join(entry.parentPath, entry.name)),
    );
    let marked = 0;
    for (const path of docs) {
      const text = readFileSync(path, "utf8");
      const expected = plainEvidence(text);
      if (Object.keys(expected).length > 0) marked++;
      expect(evidenceOf(text), path).toEqual(expected);
    }
    expect(marked).toBeGreaterThan(9000);
  }, 120_000);

  it("evidenceOf: marks at the very start and end of a text, beside non-Latin text (whose characters share a low byte with the marks'), doc after doc", () => {
    const texts = ["*str*", "x*str*", "*str*x", "| List[int]", "\u012a*Optional[str]\u012a", "\u2a2a\u7374\u722a", "*st\u0172*", "```go", "a\n```go\nb", "", "*", "**"];
    for (const text of [...texts, ...texts.map((t) => t.repeat(3)), ...texts]) expect(evidenceOf(text), JSON.stringify(text)).toEqual(plainEvidence(text));
  });

  it("on made-up matches of every alternative", () => {
    const samples = ["*Optional[", "*OptionalNullable[", "*Nullable[", "*Literal[", "| List[", "| dict[", "*str*", "*Any*", "[date](https://docs.python.org", "```python", "### `models.X`", "*number*", "| [X](x.md)[]", "| *str*[]", "Record<string, ", "```typescript", "*errors.X*", "*boolean*", "**int*", "**float32*", "`*string`", "`bool`", "| []", "| map[string]", "[*shared.X](", "| [][", "```go", "pkg.go.dev", "*Optional<", "*JsonNullable\\<", "List\\<", "Map\\<", "*Long*", "docs.oracle.com", "](../../models/shared/Pet.md)", "*String*", "*Object*", "*long*", "*double*", "List<[", "](../Models/", "Dictionary<String, ", "*object*", "```csharp", "nodatime.org", "UnityWebRequest", "*?int*", "| array<", "[?Components\\X", "[Shared\\X", "*mixed*", "```php", "php-fig.org", "T.nilable(", "*::Float*", "*Float*", "T::Hash", "Models::Errors::X", "Crystalline::", "rubydoc.info"];
    let seen = 0;
    for (const sample of samples) {
      for (const { mark, needs } of MARKS_FOR_TESTS) {
        for (const match of sample.match(mark) ?? []) {
          seen++;
          expect(needs.some((need) => match.includes(need)), `${mark} on ${sample}`).toBe(true);
        }
      }
    }
    expect(seen).toBeGreaterThanOrEqual(samples.length);
  });
});
