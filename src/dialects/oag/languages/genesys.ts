/**
 * Genesys Cloud SDK docs (a swagger-codegen fork; grammar §A.7: `---\ntitle:`
 * front matter or a `_PureCloudPlatformClientV2` footer). One fork writes
 * several SDKs' docs, each in its language's notation, and nothing in a tree
 * but the notation tells them apart; the notations do not clash, so one
 * reader reads them all: python (`str`, `list[T]`, `dict(str, T)`), .NET
 * (`string`, `bool?`, `DateTime?`, `List<T>`, `Dictionary<string, T>`) and
 * Java (`String`, `Integer`, `Date`, `List<T>`, `Map<String, T>`, cells
 * wrapped in `<!---->` comments). Their names are snake_case, PascalCase and
 * camelCase: `names` says `wire`, as no one case fits. Null is not shown
 * (§A.4) but for .NET's `?`.
 */

import type { TypeRef } from "../../../ir/ir.js";
import type { OagLanguage } from "../language.js";
import { readTypeText } from "../shared-types.js";
import type { TypeSyntax } from "../type-syntax.js";
import { CSHARP_NOTATION } from "./csharp.js";
import { convertAngle, type AngleNotation } from "./generic.js";
import { JAVA_NAMES } from "./java.js";
import { convertPythonLegacy, PYTHON_LEGACY_NAMES } from "./python-legacy.js";

const NOTATION: AngleNotation = {
  names: { ...PYTHON_LEGACY_NAMES, ...JAVA_NAMES, ...CSHARP_NOTATION.names },
  lists: ["List", "Set"],
  maps: ["Map", "Dictionary"],
  question: true,
};

/** Python's `list[T]` and `dict(str, T)`; every other shape is the angle notation's. */
function convert(node: TypeSyntax): TypeRef | undefined {
  return node.kind === "name" && (node.open === "[" || node.open === "(") ? convertPythonLegacy(node) : convertAngle(node, NOTATION);
}

export const genesys: OagLanguage = {
  id: "genesys",
  names: "wire",
  nulls: "lost",
  // Genesys Java cells wrap the type in empty HTML comments: `<!---->**String**<!---->`.
  readType: (text) => readTypeText(text.replace(/<!--.*?-->/g, ""), convert),
};
