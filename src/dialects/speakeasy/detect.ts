/**
 * Which SDK language a tree of Speakeasy docs was written for, told from the
 * docs' content (never from folder names): each flavour writes types and
 * code fences its own way (grammar §4.4–4.6, §8). Every doc votes with the
 * marks it carries; the tree goes with the votes.
 */

import type { Place } from "../../ir/ir.js";
import type { FlavourId } from "./flavour.js";

type Detected = Exclude<FlavourId, "unity">;

/**
 * The marks of each flavour's docs. Most are written by one flavour only; a
 * mark several flavours write (`*String*` in Java and 2023 Ruby, `*long*` in
 * Java and C#) counts for each of them, so it never tips a doc one way.
 * (Unity's docs are C#'s: see {@link isUnityTree}.) After each mark, the texts
 * one of which every match of it holds: a doc with none of them is not
 * searched for it (most docs carry one flavour's marks, and searching for
 * text is many times quicker than matching a pattern).
 */
const MARKS: readonly Mark[] = [
  ...only("python", [
    [/\*(?:Optional|OptionalNullable|Nullable|Literal)\[/g, "*Optional", "*Nullable[", "*Literal["],
    [/\| (?:List|Dict|list|dict)\[/g, "| List[", "| Dict[", "| list[", "| dict["],
    [/\*(?:str|Any)\*/g, "*str*", "*Any*"],
    [/\[(?:date|datetime)\]\(https:\/\/docs\.python\.org/g, "](https://docs.python.org"],
    [/```python/g, "```python"],
  ]),
  { mark: /### `(?:models|components|operations|shared)\.\w+`/g, needs: ["### `"], flavours: ["python", "typescript"] },
  ...only("typescript", [
    [/\*number\*/g, "*number*"],
    [/\| (?:\[[\w.]+\]\([^)]*\)|\*\w+\*)\[\]/g, ")[]", "*[]"],
    [/Record<string, /g, "Record<string, "],
    [/```typescript/g, "```typescript"],
    [/\*(?:components|operations|models|errors|shared)\.\w+\*/g, "*components.", "*operations.", "*models.", "*errors.", "*shared."],
  ]),
  { mark: /\*boolean\*/g, needs: ["*boolean*"], flavours: ["typescript", "java"] },
  ...only("go", [
    [/\*\*(?:string|int64|int|bool|float64|float32)\*/g, "**string*", "**int64*", "**int*", "**bool*", "**float64*", "**float32*"],
    [/`\*?(?:string|int64|float64|bool)`/g, "string`", "int64`", "float64`", "bool`"],
    [/\| (?:\[\]|map\[string\])/g, "| []", "| map[string]"],
    [/\[\*(?:components|operations|shared|sdkerrors)\.\w+\]\(/g, "[*"],
    [/\| \[\]\[/g, "| []["],
    [/```go/g, "```go"],
    [/pkg\.go\.dev/g, "pkg.go.dev"],
  ]),
  ...only("java", [
    [/\*(?:Optional|JsonNullable)\\?</g, "*Optional", "*JsonNullable"],
    [/(?:List|Map)\\</g, "List\\<", "Map\\<"],
    [/\*Long\*/g, "*Long*"],
    [/docs\.oracle\.com/g, "docs.oracle.com"],
    // Java alone links PascalCase files in lower-case folders (grammar §9): `../../models/shared/Pet.md`.
    [/\]\((?:\.\.\/)+models\/(?:\w+\/)*[A-Z]\w*\.md\)/g, "](../"],
  ]),
  { mark: /\*(?:String|Integer|Object)\*/g, needs: ["*String*", "*Integer*", "*Object*"], flavours: ["java", "ruby"] },
  { mark: /\*(?:long|double)\*|List<\[/g, needs: ["*long*", "*double*", "List<["], flavours: ["java", "csharp"] },
  { mark: /\]\((?:\.\.\/)+Models\//g, needs: ["](../"], flavours: ["csharp", "php"] },
  ...only("csharp", [
    [/Dictionary<String, /g, "Dictionary<String, "],
    [/\*object\*/g, "*object*"],
    [/```csharp/g, "```csharp"],
    [/learn\.microsoft\.com|nodatime\.org/g, "learn.microsoft.com", "nodatime.org"],
    [/docs\.unity3d\.com|\bUnityWebRequest\b/g, "docs.unity3d.com", "UnityWebRequest"],
  ]),
  ...only("php", [
    [/\*\?(?:string|int|float|bool)\*/g, "*?"],
    [/\| array</g, "| array<"],
    [/\[\??(?:Components|Operations|Errors|Shared)\\\w+/g, "Components\\", "Operations\\", "Errors\\", "Shared\\"],
    [/\*mixed\*/g, "*mixed*"],
    [/```php/g, "```php"],
    [/php\.net|php-fig\.org/g, "php.net", "php-fig.org"],
  ]),
  ...only("ruby", [
    [/T\.nilable\(/g, "T.nilable("],
    [/\*::(?:String|Integer|Float|Object)\*|\*Float\*/g, "*::", "*Float*"],
    [/T::(?:Array|Hash|Boolean)\b/g, "T::"],
    [/(?:Models::)?(?:Components|Operations|Shared|Errors)::\w/g, "Components::", "Operations::", "Shared::", "Errors::"],
    [/Crystalline::/g, "Crystalline::"],
    [/ruby-doc\.org|rubydoc\.info/g, "ruby-doc.org", "rubydoc.info"],
  ]),
];

/** A mark, the texts one of which its every match holds, and the flavours it counts for. */
interface Mark {
  readonly mark: RegExp;
  readonly needs: readonly string[];
  readonly flavours: readonly Detected[];
}

function only(flavour: Detected, marks: readonly (readonly [RegExp, ...string[]])[]): Mark[] {
  return marks.map(([mark, ...needs]) => ({ mark, needs, flavours: [flavour] }));
}

/** The marks as searched for, each with what its every match holds (for tests). @internal */
export const MARKS_FOR_TESTS = MARKS;

/** How strongly one doc points at each flavour. */
export type Evidence = Partial<Record<FlavourId, number>>;

/**
 * Which pairs of adjacent characters a text holds (each character by its low
 * byte), as the generation of the text that last held them: one pass over a
 * doc tells which of the marks' texts it cannot hold (most of them), and only
 * the others are searched for. Pairs that share a low byte only make a
 * search that finds nothing.
 */
const PAIRS = new Uint32Array(1 << 16);
let generation = 0;

/** A text's pair at `i` as {@link PAIRS} files it. */
function pairAt(text: string, i: number): number {
  return ((text.charCodeAt(i) & 0xff) << 8) | (text.charCodeAt(i + 1) & 0xff);
}

/** Each mark's texts, with their first and last pair (texts have two characters or more). */
const NEEDS = MARKS.map((m) => m.needs.map((text) => ({ text, first: pairAt(text, 0), last: pairAt(text, text.length - 2) })));

/** The marks in one doc's text. */
export function evidenceOf(source: string): Evidence {
  if (++generation === 0xffffffff) {
    PAIRS.fill(0);
    generation = 1;
  }
  const g = generation;
  let previous = source.charCodeAt(0) & 0xff;
  for (let i = 1; i < source.length; i++) {
    const next = source.charCodeAt(i) & 0xff;
    PAIRS[(previous << 8) | next] = g;
    previous = next;
  }
  const evidence: Evidence = {};
  for (let m = 0; m < MARKS.length; m++) {
    if (!holdsOne(source, NEEDS[m] as (typeof NEEDS)[number], g)) continue;
    const { mark, flavours } = MARKS[m] as Mark;
    const count = source.match(mark)?.length ?? 0;
    if (count > 0) for (const flavour of flavours) evidence[flavour] = (evidence[flavour] ?? 0) + count;
  }
  return evidence;
}

/** Whether `source` (its pairs filed under generation `g`) holds one of a mark's texts. */
function holdsOne(source: string, needs: (typeof NEEDS)[number], g: number): boolean {
  for (let k = 0; k < needs.length; k++) {
    const need = needs[k] as (typeof needs)[number];
    if (PAIRS[need.first] === g && PAIRS[need.last] === g && source.includes(need.text)) return true;
  }
  return false;
}

/** The flavour a doc points at most clearly, if any. */
export function leaningOf(evidence: Evidence): FlavourId | undefined {
  const ranked = (Object.entries(evidence) as [FlavourId, number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first) return undefined;
  // A clear lean: the top flavour has at least twice the marks of the next.
  return !second || first[1] >= 2 * second[1] ? first[0] : undefined;
}

/** The verdict for a tree. */
export type TreeVerdict =
  | { readonly kind: "flavour"; readonly flavour: FlavourId }
  | { readonly kind: "none" }
  | { readonly kind: "mixed"; readonly flavour: FlavourId; readonly other: FlavourId; readonly example: string; readonly count: number; readonly votes: readonly (readonly [FlavourId, number])[] };

/**
 * Decides the flavour of a tree from its docs' evidence: the flavour most
 * docs lean to. Docs that clearly lean elsewhere, more than a few and more
 * than a twentieth of the leaning docs, make the tree mixed.
 */
export function decideFlavour(docs: readonly { readonly id: string; readonly evidence: Evidence }[]): TreeVerdict {
  const votes = new Map<FlavourId, string[]>();
  for (const doc of docs) {
    const lean = leaningOf(doc.evidence);
    if (!lean) continue;
    const ids = votes.get(lean);
    if (ids) ids.push(doc.id);
    else votes.set(lean, [doc.id]);
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const [winner, runnerUp] = ranked;
  if (!winner) return { kind: "none" };
  const leaning = ranked.reduce((n, [, ids]) => n + ids.length, 0);
  if (runnerUp && runnerUp[1].length >= 3 && runnerUp[1].length * 20 > leaning) {
    return { kind: "mixed", flavour: winner[0], other: runnerUp[0], example: runnerUp[1][0] as string, count: runnerUp[1].length, votes: ranked.map(([flavour, ids]) => [flavour, ids.length] as const) };
  }
  return { kind: "flavour", flavour: winner[0] };
}

/**
 * Whether C# docs come from Speakeasy's Unity target: some of its docs link
 * Unity's API (`UnityWebRequest`, docs.unity3d.com) or name its stream types.
 */
export function isUnityTree(sources: readonly string[]): boolean {
  return sources.some((source) => /docs\.unity3d\.com|\bUnityWebRequest\b|\bMemoryQueueBufferStream\b/.test(source));
}

/** The place a tree-level verdict is reported at. */
export const TREE_PLACE: Place = { line: 1, column: 1 };
