// The benches' command lines: `--name value` or `--name=value`, and nothing unknown. A mistake is
// one line on stderr and exit 2 (a typo must not start a full run that takes minutes).

/** Prints `<script>: <message>` and exits 2. */
export function usage(script, message) {
  console.error(`${script}: ${message}`);
  process.exit(2);
}

/**
 * The arguments, `--name=value` split in two. `options`: each option's name, and whether it takes a
 * value. Anything else ends the process (see {@link usage}), and so does an option given twice but
 * those in `repeatable`.
 */
export function benchArgs(script, options, argv = process.argv.slice(2), repeatable = []) {
  const args = argv.flatMap((arg) => {
    const split = /^(--[a-z-]+)=([^]*)$/.exec(arg);
    return split && options[split[1]] ? [split[1], split[2]] : [arg];
  });
  const seen = new Set();
  for (let i = 0; i < args.length; i++) {
    if (!Object.hasOwn(options, args[i])) usage(script, `unknown argument ${JSON.stringify(args[i])} (options: ${Object.keys(options).join(", ")})`);
    if (seen.has(args[i]) && !repeatable.includes(args[i])) usage(script, `${args[i]} is given twice`);
    seen.add(args[i]);
    if (options[args[i]] && ++i >= args.length) usage(script, `${args[i - 1]} takes a value`);
  }
  return args;
}

/** The whole number after `name` (1 to 1,000), or `fallback` when `name` is not given. */
export function countOption(script, args, name, fallback) {
  if (!args.includes(name)) return fallback;
  const count = Number(args[args.indexOf(name) + 1]);
  if (!Number.isInteger(count) || count < 1 || count > 1000) usage(script, `${name} takes a whole number from 1 to 1000 (${name} ${fallback})`);
  return count;
}
