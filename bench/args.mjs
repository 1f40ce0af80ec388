// The benches' command lines: `--name value` or `--name=value`, and nothing unknown. A mistake is
// one line on stderr and exit 2 (a typo must not start a full run that takes minutes).

/** Prints `<script>: <message>` and exits 2. */
export function usage(script, message) {
  console.error(`${script}: ${message}`);
  process.exit(2);
}

/**
 * The arguments, `--name=value` split in two. `options`: each option's name, and whether it takes a
 * value. Anything else ends the process (see {@link usage}).
 */
export function benchArgs(script, options, argv = process.argv.slice(2)) {
  const args = argv.flatMap((arg) => {
    const split = /^(--[a-z-]+)=([^]*)$/.exec(arg);
    return split && options[split[1]] ? [split[1], split[2]] : [arg];
  });
  for (let i = 0; i < args.length; i++) {
    if (!Object.hasOwn(options, args[i])) usage(script, `unknown argument ${JSON.stringify(args[i])} (options: ${Object.keys(options).join(", ")})`);
    if (options[args[i]] && ++i >= args.length) usage(script, `${args[i - 1]} takes a value`);
  }
  return args;
}

/** The whole number after `name` (at least 1), or `fallback` when `name` is not given. */
export function countOption(script, args, name, fallback) {
  if (!args.includes(name)) return fallback;
  const count = Number(args[args.indexOf(name) + 1]);
  if (!Number.isInteger(count) || count < 1) usage(script, `${name} takes a whole number, at least 1 (${name} ${fallback})`);
  return count;
}
