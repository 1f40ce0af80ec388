/**
 * The Speakeasy dialect: `docs/models/**.md` as the Speakeasy SDK generator
 * writes them (reference/speakeasy-grammar.md), in every SDK-language
 * flavour: Python, TypeScript, Go, Java, C#, PHP and Ruby.
 */

import type { Diagnostic } from "../../diagnostics.js";
import type { Dialect } from "../dialect.js";
import { buildSpeakeasyModel } from "./build-ir.js";
import { csharp, unity } from "./csharp.js";
import { decideFlavour, evidenceOf, isUnityTree, TREE_PLACE } from "./detect.js";
import { extractSpeakeasy, type RawDoc } from "./extract.js";
import type { Flavour, FlavourId } from "./flavour.js";
import { go } from "./go.js";
import { java } from "./java.js";
import { php } from "./php.js";
import { python } from "./python.js";
import { ruby } from "./ruby.js";
import { typescript } from "./typescript.js";

const FLAVOURS: Readonly<Record<FlavourId, Flavour>> = { python, typescript, go, java, csharp, unity, php, ruby };

export const speakeasy: Dialect<RawDoc> = {
  id: "speakeasy",
  prepare(docs, options) {
    if (options.flavour !== "auto") return { options, diagnostics: [] };
    const verdict = decideFlavour(docs.map((d) => ({ id: d.id, evidence: evidenceOf(d.source) })));
    const diagnostics: Diagnostic[] = [];
    if (verdict.kind === "mixed") {
      const [main, other] = [FLAVOURS[verdict.flavour].label, FLAVOURS[verdict.other].label];
      diagnostics.push({
        file: verdict.example,
        ...TREE_PLACE,
        ruleId: "mixed-flavours",
        severity: "error",
        message: `Unexpected ${other} doc in a tree of ${main} docs (${verdict.count} docs look ${other}), expected docs of one SDK language; split them into targets or set "flavour"`,
      });
    }
    // With no verdict the flavour stays `auto`: each doc that needs a grammar says so (`unknown-flavour`).
    if (verdict.kind === "none") return { options, diagnostics };
    // Unity's C# docs are C# docs with a few marks of Unity's own, in some docs only: a tree-level refinement.
    const flavour = verdict.flavour === "csharp" && isUnityTree(docs.map((d) => d.source)) ? "unity" : verdict.flavour;
    return { options: { ...options, flavour }, diagnostics };
  },
  extract: (id, source, tree, _options, sink) => extractSpeakeasy(id, source, tree, sink),
  buildIr: (raw, options, sink) => buildSpeakeasyModel(raw, FLAVOURS, options, sink),
};
