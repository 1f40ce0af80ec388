/**
 * The lookup table behind `isX` for a closed enum of many strings: a hash
 * table with open addressing and linear probing (Knuth, TAOCP vol. 3, §6.4,
 * algorithm L), on a hash of a few chosen UTF-16 code units and the length,
 * as gperf chooses its "key positions" (D. C. Schmidt, "GPERF: A Perfect Hash
 * Function Generator", 1990). The check reads one slot and compares one
 * string where a `Set` lookup hashes the string and probes its table behind a
 * call: on the bench's enum-heavy shape (enums of 240, 32 and 40 codes) 17 ns
 * against 24 ns a value.
 *
 * The slot of a string `s` is `(t0 * m + t1) * m + … & (2^bits − 1)`, the
 * terms being, in order, `s.length` when {@link SlotHash.length} is set, then
 * `s.charCodeAt(p)` for each position `p` (counted from the end when
 * negative). A position past the end of a string reads `NaN`, which makes the
 * sum `NaN` and the slot 0. The generated module builds its table when it is
 * loaded, with its own `$slot`, so the table and the check always agree: the
 * search below only chooses a hash under which the values rarely share a
 * slot, and a value that does is found a slot or two further on.
 *
 * A lookup of a string that is not a value (an invalid one) reads its slot
 * and every occupied slot after it, up to an empty one: what it costs is the
 * length of the run of occupied slots it lands in (Knuth's "primary
 * clustering"). A hash whose longest run exceeds {@link MAX_RUN} slots is
 * refused, and where every hash tried is, the enum is checked with a `Set`
 * instead, whose cost does not depend on the values.
 */

/** A hash of a string to a slot of a table of `2^bits` slots. */
export interface SlotHash {
  /** Whether the string's length is the first term. */
  readonly length: boolean;
  /** The code unit positions read, in order: `0` is the first, `-1` the last. */
  readonly positions: readonly number[];
  /** The multiplier between terms. */
  readonly multiplier: number;
  /** The table has `2^bits` slots: 2 to 8 per value, so that a probe always meets an empty one. */
  readonly bits: number;
}

/** The multipliers tried, in order. */
const MULTIPLIERS = [31, 3, 5, 7, 9, 11, 13, 17, 19, 23, 27, 29, 37, 41, 43, 47, 53, 59, 61];
/** Positions chosen from: the first 32 code units and the last 32 (values alike at both ends differ in the middle). */
const FROM_START = 32;
const FROM_END = 32;
/** At most this many code units are read. */
const MAX_POSITIONS = 3;
/** Past this many values the table's memory (up to 8 slots a value) outweighs its speed: a `Set` is used. */
export const MAX_SLOT_VALUES = 4096;
/** The search of each size of table stops after this many probes and slots scanned (a few milliseconds), keeping the best hash seen. */
const BUDGET = 150_000;
/**
 * The longest run of occupied slots a hash may leave: a lookup of any string
 * compares at most this many values. Past it the enum gets a `Set`.
 */
export const MAX_RUN = 16;

/** The code unit of `value` at `position` (from the end when negative); `NaN` past either end. */
function codeAt(value: string, position: number): number {
  return value.charCodeAt(position < 0 ? value.length + position : position);
}

/** The slot of `value` under `hash`: the arithmetic of the generated `$slot`. */
export function slotOf(hash: SlotHash, value: string): number {
  let sum: number | undefined = hash.length ? value.length : undefined;
  for (const p of hash.positions) sum = sum === undefined ? codeAt(value, p) : sum * hash.multiplier + codeAt(value, p);
  return (sum ?? 0) & ((1 << hash.bits) - 1);
}

/** `$slot`'s body, as TypeScript: an expression of `x`, a string. */
export function slotExpression(hash: SlotHash, x: string): string {
  const terms = [
    ...(hash.length ? [`${x}.length`] : []),
    ...hash.positions.map((p) => (p < 0 ? `${x}.charCodeAt(${x}.length - ${-p})` : `${x}.charCodeAt(${p})`)),
  ];
  const group = (sum: string): string => (sum.includes(" + ") ? `(${sum})` : sum);
  const sum = terms.slice(1).reduce((acc, term) => `${group(acc)} * ${hash.multiplier} + ${term}`, terms[0] ?? "0");
  return `${group(sum)} & ${(1 << hash.bits) - 1}`;
}

/**
 * A hash for `values` (distinct strings; their order, the order the table
 * is filled in, changes only the count of probes),
 * or `undefined` (the enum gets a `Set`) for fewer than two values, more
 * than {@link MAX_SLOT_VALUES}, or values no hash tried spreads without a run
 * of more than {@link MAX_RUN} occupied slots. The positions are chosen
 * greedily, each the one that tells the most values apart (with the length),
 * until all are told apart or {@link MAX_POSITIONS} are read; then the order
 * of the positions, the multiplier and the table's size (the smallest first)
 * are chosen for the fewest probes over the values (insertion order, linear
 * probing) among those leaving no run longer than {@link MAX_RUN}, the first
 * that gives every value a slot of its own ending the search.
 * Deterministic: the same values in the same order give the same hash.
 */
export function findSlotHash(values: readonly string[]): SlotHash | undefined {
  const n = values.length;
  if (n < 2 || n > MAX_SLOT_VALUES) return undefined;
  // The same enum recurs across the docs of an SDK (and its copies in a tree): it is searched for once a process.
  const key = JSON.stringify(values);
  if (found.has(key)) return found.get(key);
  if (found.size >= FOUND_LIMIT) found.clear();
  const hash = search(values);
  found.set(key, hash);
  return hash;
}

/** The hashes found so far in this process, by their values as JSON (at most {@link FOUND_LIMIT}). */
const found = new Map<string, SlotHash | undefined>();
const FOUND_LIMIT = 10_000;

function search(values: readonly string[]): SlotHash | undefined {
  const n = values.length;
  const positions = keyPositions(values);
  const least = Math.ceil(Math.log2(n));
  const stamps = new Int32Array(1 << (least + 3));
  let stamp = 0;
  let best: { hash: SlotHash; probes: number } | undefined;
  // The smallest table first: a lookup of a value reads one slot, and the smaller the table the
  // likelier it is in the processor's cache.
  for (let bits = least + 1; bits <= least + 3; bits++) {
    const size = 1 << bits;
    const mask = size - 1;
    let spent = 0;
    tries: for (const order of orderings(positions)) {
      for (const length of [false, true]) {
        const k = order.length + (length ? 1 : 0);
        if (k === 0) continue;
        // The terms of every value, row by row: each try below is arithmetic only (that of `slotOf`).
        const terms = new Float64Array(n * k);
        values.forEach((value, i) => {
          if (length) terms[i * k] = value.length;
          order.forEach((p, j) => (terms[i * k + j + (length ? 1 : 0)] = codeAt(value, p)));
        });
        // With one term there is nothing to multiply.
        for (const multiplier of k === 1 ? [1] : MULTIPLIERS) {
          stamp++;
          let probes = 0;
          let complete = true;
          for (let i = 0; i < n; i++) {
            let sum = terms[i * k] as number;
            for (let j = 1; j < k; j++) sum = sum * multiplier + (terms[i * k + j] as number);
            let slot = sum & mask;
            let steps = 1;
            while (stamps[slot] === stamp) {
              slot = (slot + 1) & mask;
              steps++;
            }
            stamps[slot] = stamp;
            probes += steps;
            // A value placed past a run of more than MAX_RUN slots ends the try (that run is
            // refused), and so does a try with no fewer probes than the best.
            if (steps > MAX_RUN || (best && probes >= best.probes)) {
              complete = false;
              break;
            }
          }
          spent += probes;
          if (!complete) continue;
          spent += size;
          if (longestRun(stamps, stamp, size) > MAX_RUN) continue;
          best = { hash: { length, positions: order, multiplier, bits }, probes };
          if (probes === n) return best.hash;
        }
        // This size's budget is spent: the next size, with the best hash kept.
        if (spent > BUDGET) break tries;
      }
    }
  }
  return best?.hash;
}

/** The longest run of occupied slots (those stamped `stamp`) of a table of `size` slots, a run at the end going on at the start; the table has an empty slot. */
function longestRun(stamps: Int32Array, stamp: number, size: number): number {
  let start = 0;
  while (stamps[start] === stamp) start++;
  let longest = 0;
  let run = 0;
  for (let step = 1; step <= size; step++) {
    if (stamps[(start + step) & (size - 1)] === stamp) run++;
    else {
      if (run > longest) longest = run;
      run = 0;
    }
  }
  return longest;
}

/** The code unit positions that, with the length, tell the most values apart (greedy, at most {@link MAX_POSITIONS}). */
function keyPositions(values: readonly string[]): number[] {
  const longest = Math.max(...values.map((v) => v.length));
  const candidates = [
    ...Array.from({ length: Math.min(longest, FROM_START) }, (_, i) => i),
    ...Array.from({ length: Math.min(longest, FROM_END) }, (_, i) => -(i + 1)),
  ];
  // Each value's group: the values it is not yet told apart from (at first, by length alone).
  let groups = regroup(values.map((v) => v.length));
  const count = (keys: readonly number[]): number => new Set(keys).size;
  // A group and a code unit (NaN past the end: -1) as one number: groups < 4,097, code units < 65,536.
  const refine = (p: number): number[] => values.map((v, i) => (groups[i] as number) * 65_537 + (codeAt(v, p) + 1 || 0));
  const chosen: number[] = [];
  let told = count(groups);
  while (told < values.length && chosen.length < MAX_POSITIONS) {
    let pick: { position: number; keys: number[] } | undefined;
    for (const p of candidates) {
      if (chosen.includes(p)) continue;
      const keys = refine(p);
      const apart = count(keys);
      if (apart > told) {
        pick = { position: p, keys };
        told = apart;
      }
    }
    if (pick === undefined) break;
    chosen.push(pick.position);
    groups = regroup(pick.keys);
  }
  return chosen;
}

/** Small numbers for `keys`: equal keys, equal numbers (0, 1, … in order of first appearance). */
function regroup(keys: readonly number[]): number[] {
  const ids = new Map<number, number>();
  return keys.map((key) => {
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  });
}

/** Every ordering of `items` (at most {@link MAX_POSITIONS}, so at most 6). */
function orderings<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => orderings([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

/** The names a module gives an enum's table and its helpers. */
export interface SlotTableNames {
  /** The enum's object of values (`CountryCode`), whose `Object.values` fill the table. */
  readonly values: string;
  readonly slot: string;
  readonly table: string;
  readonly probe: string;
}

/**
 * The module-level declarations of an enum's table (its `$slot`, the table
 * filled when the module loads, the probe past a shared slot) and the body
 * of `$isX(v, _d)` that looks `v` up in it.
 */
export function slotTableSource(hash: SlotHash, names: SlotTableNames): { declarations: string; checkBody: string } {
  const { values, slot, table, probe } = names;
  const mask = (1 << hash.bits) - 1;
  const declarations =
    `/** The slot of \`v\` in {@link ${table}}: a hash of ${hashedParts(hash)}, which sets the values of {@link ${values}} apart. */\n` +
    `function ${slot}(v: string): number {\n  return ${slotExpression(hash, "v")};\n}\n` +
    `/** Whether \`v\` is in {@link ${table}} past slot \`i\`, which holds another value: linear probing, up to an empty slot. */\n` +
    `function ${probe}(v: string, i: number): boolean {\n` +
    `  for (let j = (i + 1) & ${mask}; ; j = (j + 1) & ${mask}) {\n` +
    `    const t = ${table}[j];\n` +
    `    if (t === v) return true;\n` +
    `    if (t === 0 || t === undefined) return false;\n` +
    `  }\n` +
    `}\n` +
    `/** The values of {@link ${values}}, each at its {@link ${slot}} or the first empty slot after it; \`0\` in the empty slots. */\n` +
    `const ${table}: (string | 0)[] = Array.from({ length: ${mask + 1} }, (): string | 0 => 0);\n` +
    `for (const v of Object.values(${values})) {\n` +
    `  let i = ${slot}(v);\n` +
    `  while (${table}[i] !== 0 && ${table}[i] !== v) i = (i + 1) & ${mask};\n` +
    `  ${table}[i] = v;\n` +
    `}\n`;
  const checkBody =
    `  if (typeof v !== "string") return false;\n` +
    `  const i = ${slot}(v);\n` +
    `  const t = ${table}[i];\n` +
    `  return t === v || (t !== 0 && ${probe}(v, i));\n`;
  return { declarations, checkBody };
}

/** What `hash` reads, in words: "its length and UTF-16 code units 0 and the last". */
function hashedParts(hash: SlotHash): string {
  const units = hash.positions.map((p) => (p === -1 ? "the last" : p < 0 ? `the ${-p}${-p === 2 ? "nd" : -p === 3 ? "rd" : "th"} from the end` : String(p)));
  const list = units.length <= 1 ? units.join("") : `${units.slice(0, -1).join(", ")} and ${units[units.length - 1] ?? ""}`;
  const codeUnits = units.length === 0 ? "" : `UTF-16 code unit${units.length === 1 ? "" : "s"} ${list}`;
  return [hash.length ? "its length" : "", codeUnits ? (hash.length ? codeUnits : `its ${codeUnits}`) : ""].filter(Boolean).join(" and ");
}
