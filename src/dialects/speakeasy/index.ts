/**
 * The Speakeasy dialect: `docs/models/**.md` as the Speakeasy SDK generator
 * writes them (reference/speakeasy-grammar.md), in its language flavours.
 */

import type { Dialect } from "../dialect.js";
import { buildSpeakeasyModel } from "./build-ir.js";
import { extractSpeakeasy, type RawDoc } from "./extract.js";
import type { Flavour } from "./flavour.js";
import { python } from "./python.js";

const FLAVOURS: Readonly<Record<Flavour["id"], Flavour>> = { python };

export const speakeasy: Dialect<RawDoc> = {
  id: "speakeasy",
  extract: (id, source, tree, _options, sink) => extractSpeakeasy(id, source, tree, sink),
  buildIr: (raw, options, sink) => buildSpeakeasyModel(raw, FLAVOURS[options.flavour], sink),
};
