/**
 * Which dialect wrote a tree of docs, with no config (grammar §0.8): every
 * doc is recognized by the first dialect of the registry, in its order, whose
 * fingerprint it carries; each directory then votes for the dialect most of
 * its docs showed; the tree is the dialect with the most docs behind its
 * votes. Directories voting for different dialects make a `mixed-dialects`
 * error; a tree no dialect recognizes is read as Speakeasy's (whose
 * `no-models` error then names what every dialect looked for).
 */

import { compareStrings, type Diagnostic } from "../ir/diagnostics.js";
import type { Dialect, SourceDoc } from "./dialect.js";
import { DIALECTS } from "./index.js";

/** The place of tree-level diagnostics: the doc they name, no line. */
const TREE_PLACE = { line: 0, column: 0 } as const;

/** Every dialect, in detection order. */
export const DIALECT_LIST: readonly Dialect<unknown>[] = Object.values(DIALECTS);

/** The ids `dialect` accepts: `auto`, then every dialect's. */
export const DIALECT_CHOICES: readonly string[] = ["auto", ...Object.keys(DIALECTS)];

/** The dialect named `id`; for `auto`, the first that recognizes this doc (Speakeasy's if none does). */
export function dialectOf(id: string, source: string, docId: string): Dialect<unknown> {
  const named = (DIALECTS as Readonly<Record<string, Dialect<unknown>>>)[id];
  if (named) return named;
  return recognize(source, docId) ?? DIALECTS.speakeasy;
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
  // Per directory: how many of its docs each dialect recognized, and one of them (the first by path).
  const folders = new Map<string, Map<Dialect<unknown>, { count: number; example: string }>>();
  for (const doc of [...docs].sort((a, b) => compareStrings(a.id, b.id))) {
    const dialect = recognize(doc.source, doc.id);
    if (!dialect) continue;
    const folder = folderOf(doc.id);
    const tally = folders.get(folder) ?? new Map();
    folders.set(folder, tally);
    const entry = tally.get(dialect) ?? { count: 0, example: doc.id };
    tally.set(dialect, { count: entry.count + 1, example: entry.example });
  }
  const votes = new Map<Dialect<unknown>, { docs: number; example: string }>();
  const verdicts = new Map<string, Dialect<unknown>>();
  for (const [folder, tally] of folders) {
    const [winner, entry] = [...tally.entries()].sort((a, b) => b[1].count - a[1].count || DIALECT_LIST.indexOf(a[0]) - DIALECT_LIST.indexOf(b[0]))[0] as [Dialect<unknown>, { count: number; example: string }];
    verdicts.set(folder, winner);
    const vote = votes.get(winner) ?? { docs: 0, example: entry.example };
    votes.set(winner, { docs: vote.docs + entry.count, example: vote.example });
  }
  if (votes.size === 0) return { dialect: DIALECTS.speakeasy, recognized: false, docs, diagnostics: [] };
  const ranked = [...votes.entries()].sort((a, b) => b[1].docs - a[1].docs || DIALECT_LIST.indexOf(a[0]) - DIALECT_LIST.indexOf(b[0]));
  const [main] = ranked[0] as [Dialect<unknown>, unknown];
  const diagnostics: Diagnostic[] = [];
  if (ranked.length > 1) {
    const [other, { example }] = ranked[1] as [Dialect<unknown>, { example: string }];
    diagnostics.push({
      file: example,
      ...TREE_PLACE,
      ruleId: "mixed-dialects",
      severity: "error",
      message: `Unexpected ${other.label} docs in a tree of ${main.label} docs (docs behind each directory's vote: ${ranked.map(([d, v]) => `${d.id} ${v.docs}`).join(", ")}), expected the docs of one generator; split them into targets or set "dialect"`,
    });
  }
  const own = docs.filter((doc) => (verdicts.get(folderOf(doc.id)) ?? main) === main);
  return { dialect: main, recognized: true, docs: own, diagnostics };
}

/** The folder of a doc id (`""` at the root). */
function folderOf(id: string): string {
  return id.includes("/") ? id.slice(0, id.lastIndexOf("/")) : "";
}

/** What detection looks for, one line per dialect, for the error of a tree no dialect fits. */
export function fingerprints(): string {
  return DIALECT_LIST.map((d) => `${d.id} (${d.fingerprint})`).join("; ");
}
