/**
 * How deep a type expression in a cell may nest (`List[List[…]]`,
 * `[][]string`, `array<array<…>>`): the same bound for every dialect, far
 * beyond any real doc's, and shallow enough that neither a parser nor the
 * validator code (whose size grows with the depth) runs away on a hostile
 * one. A deeper cell is an `unknown-type` warning and `unknown`.
 */

export const MAX_TYPE_DEPTH = 32;

/**
 * An upper bound on how deep `text` nests: its deepest brackets (`[`, `<`,
 * `(`, `{`), plus every array suffix or prefix (`[]`) and pointer or
 * optional mark (`*`, `?`), which nest without brackets of their own.
 */
export function nestingBound(text: string): number {
  let depth = 0;
  let deepest = 0;
  let marks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 && text.charCodeAt(i + 1) === 93) {
      marks++;
      i++;
    } else if (c === 42 || c === 63) marks++;
    else if (c === 91 || c === 60 || c === 40 || c === 123) deepest = Math.max(deepest, ++depth);
    else if (c === 93 || c === 62 || c === 41 || c === 125) depth = Math.max(0, depth - 1);
  }
  return deepest + marks;
}

/** Whether a type text nests deeper than {@link MAX_TYPE_DEPTH} may be read. */
export function tooDeep(text: string): boolean {
  return nestingBound(text) > MAX_TYPE_DEPTH;
}

/** The message of the `unknown-type` warning for a text {@link tooDeep}: the text cut to 60 characters. */
export function tooDeepMessage(text: string): string {
  const trimmed = text.trim();
  return `Unexpected type \`${trimmed.length > 60 ? `${trimmed.slice(0, 60)}…` : trimmed}\`, expected a type nested at most ${MAX_TYPE_DEPTH} levels deep; it becomes \`unknown\``;
}
