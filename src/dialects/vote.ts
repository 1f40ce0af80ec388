/**
 * The directory vote of grammar §0.8, which detection (the dialect) and the
 * dialects (the SDK language) both hold: enum-only and oneOf-only docs are
 * ambiguous on their own, so each directory votes for the choice most of its
 * docs show, and the tree goes with the choice that has the most docs behind
 * its directories' votes.
 */

import { compareStrings } from "../ir/diagnostics.js";

/** How many docs of a directory (or a tree) showed a choice, and the first of them by path. */
export interface Tally {
  readonly count: number;
  readonly example: string;
}

/** The outcome of a vote. */
export interface Verdict<T> {
  /** Every choice some directory voted for, most docs first (ties: `order`). */
  readonly ranked: ReadonlyArray<readonly [T, Tally]>;
  /** Each voting directory's choice, by folder (`""` for the root). */
  readonly directories: ReadonlyMap<string, T>;
}

/** The folder of a doc id (`""` at the root). */
export function folderOf(id: string): string {
  const slash = id.lastIndexOf("/");
  return slash < 0 ? "" : id.slice(0, slash);
}

/**
 * Holds the vote over `ballots` (a doc's id and the choice it shows; docs
 * that show none are left out by the caller). `order` breaks ties (the
 * grammar's order); `adjust` may rework one directory's tally before it
 * votes (dart-dio's enum docs, which look plain dart, count for dart-dio).
 */
export function voteByDirectory<T>(ballots: Iterable<{ readonly id: string; readonly choice: T }>, order: (a: T, b: T) => number, adjust?: (tally: Map<T, Tally>) => void): Verdict<T> {
  const folders = new Map<string, Map<T, Tally>>();
  for (const ballot of [...ballots].sort((a, b) => compareStrings(a.id, b.id))) {
    const folder = folderOf(ballot.id);
    const tally = folders.get(folder) ?? new Map<T, Tally>();
    folders.set(folder, tally);
    const entry = tally.get(ballot.choice);
    tally.set(ballot.choice, { count: (entry?.count ?? 0) + 1, example: entry?.example ?? ballot.id });
  }
  const byDocs = (a: readonly [T, Tally], b: readonly [T, Tally]) => b[1].count - a[1].count || order(a[0], b[0]);
  const votes = new Map<T, Tally>();
  const directories = new Map<string, T>();
  for (const [folder, tally] of folders) {
    adjust?.(tally);
    const [winner, entry] = [...tally.entries()].sort(byDocs)[0] as [T, Tally];
    directories.set(folder, winner);
    const vote = votes.get(winner);
    votes.set(winner, { count: (vote?.count ?? 0) + entry.count, example: vote?.example ?? entry.example });
  }
  return { ranked: [...votes.entries()].sort(byDocs), directories };
}
