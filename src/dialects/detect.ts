/**
 * Which dialect wrote a tree of docs, with no config (grammar §0.8): every
 * doc is recognized by the first dialect of the registry, in its order, whose
 * fingerprint it carries; each directory then votes for the dialect most of
 * its docs showed; the tree is the dialect with the most docs behind its
 * votes. Directories voting for different dialects make a `mixed-dialects`
 * error; a tree no dialect recognizes is read as Speakeasy's (whose
 * `no-models` error then names what every dialect looked for).
 */

import type { Diagnostic } from "../ir/diagnostics.js";
import { usageError } from "../ir/errors.js";
import type { Dialect, SourceDoc } from "./dialect.js";
import { DIALECTS } from "./index.js";
import { folderOf, voteByDirectory } from "./vote.js";

/** The place of tree-level diagnostics: the doc they name, no line. */
const TREE_PLACE = { line: 0, column: 0 } as const;

/** Every dialect, in detection order. */
export const DIALECT_LIST: readonly Dialect<unknown>[] = Object.values(DIALECTS);

export { DIALECT_CHOICES } from "./choices.js";

/**
 * The dialect named `id`; for `auto`, the first that recognizes this doc
 * (Speakeasy's if none does). Throws a usage error for an id no dialect has
 * (the config and the CLI check it first; this is for API callers).
 */
export function dialectOf(id: string, source: string, docId: string): Dialect<unknown> {
  if (id === "auto") return recognize(source, docId) ?? DIALECTS.speakeasy;
  if (!Object.hasOwn(DIALECTS, id)) throw usageError(`Unexpected dialect "${id}", expected ${["auto", ...Object.keys(DIALECTS)].map((c) => `"${c}"`).join(", ")}`);
  return (DIALECTS as Readonly<Record<string, Dialect<unknown>>>)[id] as Dialect<unknown>;
}

/** The first dialect, in detection order, whose fingerprint the doc carries. */
export function recognize(source: string, docId: string): Dialect<unknown> | undefined {
  return DIALECT_LIST.find((dialect) => dialect.recognizes(source, docId));
}

/** A tree's dialect as detection settles it, and what it has to say. */
export interface Detection {
  readonly dialect: Dialect<unknown>;
  /** False when no doc carried any dialect's fingerprint. */
  readonly recognized: boolean;
  /** The docs the dialect settles the tree with: all but those of directories that voted for another. */
  readonly docs: readonly SourceDoc[];
  readonly diagnostics: Diagnostic[];
}

/** The dialect of a tree of docs (see the module comment). */
export function detectDialect(docs: readonly SourceDoc[]): Detection {
  const ballots = docs.flatMap((doc) => {
    const choice = recognize(doc.source, doc.id);
    return choice ? [{ id: doc.id, choice }] : [];
  });
  const { ranked, directories } = voteByDirectory(ballots, (a, b) => DIALECT_LIST.indexOf(a) - DIALECT_LIST.indexOf(b));
  const first = ranked[0];
  if (!first) return { dialect: DIALECTS.speakeasy, recognized: false, docs, diagnostics: [] };
  const [main] = first;
  const diagnostics: Diagnostic[] = [];
  // Every other generator some directory voted for: an error each (the tree is not one generator's).
  for (const [other, { example }] of ranked.slice(1)) {
    diagnostics.push({
      file: example,
      ...TREE_PLACE,
      ruleId: "mixed-dialects",
      severity: "error",
      message: `Unexpected ${other.label} docs in a tree of ${main.label} docs (docs behind each directory's vote: ${ranked.map(([d, v]) => `${d.id} ${v.count}`).join(", ")}), expected the docs of one generator; split them into targets or set "dialect"`,
    });
  }
  // A doc of another generator in a directory that voted for this one: read as this one's, which it is not (a warning each).
  for (const ballot of ballots) {
    if (ballot.choice === main || directories.get(folderOf(ballot.id)) !== main) continue;
    diagnostics.push({
      file: ballot.id,
      line: 1,
      column: 1,
      ruleId: "mixed-dialects",
      severity: "warning",
      message: `Unexpected ${ballot.choice.label} doc in a directory of ${main.label} docs, expected the docs of one generator; it is read as a ${main.label} doc: move it to a target of its own or leave it out with "exclude"`,
    });
  }
  const own = docs.filter((doc) => (directories.get(folderOf(doc.id)) ?? main) === main);
  return { dialect: main, recognized: true, docs: own, diagnostics };
}

/** What detection looks for, one line per dialect, for the error of a tree no dialect fits. */
export function fingerprints(): string {
  return DIALECT_LIST.map((d) => `${d.id} (${d.fingerprint})`).join("; ");
}
