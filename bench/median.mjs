// The median the benches report, shared by bench/codegen.mjs, bench/validators.mjs and
// bench/file-creation.mjs.

/**
 * The median of `xs`: of an even count, the mean of the two middle values. NaN entries (a figure a
 * run could not give) are left out; with none left, NaN.
 */
export function median(xs) {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
