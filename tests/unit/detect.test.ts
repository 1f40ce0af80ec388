/**
 * Telling a tree's SDK language from its docs (grammar §4.4–4.6): marks one
 * flavour alone writes tip a doc its way; marks several write (`*String*` in
 * Java and 2023 Ruby, `*long*` and `List<[` in Java and C#) count for each
 * and tip nothing.
 */

import { describe, expect, it } from "vitest";
import { decideFlavour, evidenceOf, isUnityTree, leaningOf } from "../../src/dialects/speakeasy/detect.js";

const row = (type: string) => `| \`f\` | ${type} | :heavy_check_mark: | N/A |\n`;
const doc = (...types: string[]) => `# X\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n${types.map(row).join("")}`;

describe("detect", () => {
  it.each<[string, string, string | undefined]>([
    ["2023 Ruby", doc("*String*", "*T.nilable(Integer)*", "*T::Boolean*", "[Shared::Enum](../../models/shared/enum.md)"), "ruby"],
    ["2023 Ruby, plain fields only", doc("*String*", "*Integer*"), undefined],
    ["2026 Ruby", doc("*Crystalline::Nilable.new(::String)*", "*Crystalline::Boolean.new*"), "ruby"],
    ["older Java without escaped brackets", doc("*String*", "*Long*", "List<[OpenAIFile](../../models/shared/OpenAIFile.md)>", "[FineTuneHyperparams](../../models/shared/FineTuneHyperparams.md)"), "java"],
    ["Java", doc("*Optional\\<String>*", "*long*", "[Pet](../../models/components/Pet.md)"), "java"],
    ["C#", doc("*string*", "*long*", "List<[Pet](../../Models/Components/Pet.md)>", "Dictionary<String, *object*>"), "csharp"],
    ["PHP", doc("*?string*", "array<[Components\\Pet](../../Models/Components/Pet.md)>"), "php"],
  ])("%s", (_name, source, flavour) => {
    expect(leaningOf(evidenceOf(source))).toBe(flavour);
  });

  it("a tree of 2023 Ruby docs is Ruby, not mixed with Java, though some docs write only `*String*`", () => {
    const docs = [
      ...Array.from({ length: 20 }, (_, i) => ({ id: `r${i}.md`, evidence: evidenceOf(doc("*String*", "*T.nilable(String)*")) })),
      ...Array.from({ length: 8 }, (_, i) => ({ id: `p${i}.md`, evidence: evidenceOf(doc("*String*", "*Integer*")) })),
    ];
    expect(decideFlavour(docs)).toEqual({ kind: "flavour", flavour: "ruby" });
  });

  it("tells Unity's C# docs by Unity's types and links", () => {
    expect(isUnityTree([doc("*string*"), doc("[UnityWebRequest](https://docs.unity3d.com/ScriptReference/Networking.UnityWebRequest.html)")])).toBe(true);
    expect(isUnityTree([doc("*string*"), doc("[HttpResponseMessage](https://learn.microsoft.com/x)")])).toBe(false);
  });
});
