// The benches' command lines: `--name value` or `--name=value`, and nothing unknown. A mistake is
// one line on stderr and exit 2 (a typo must not start a full run that takes minutes).

/** Prints `<script>: <message>` and exits 2. */
export function usage(script, message) {
  console.error(`${script}: ${message}`);
  process.exit(2);
}

/**
 * The arguments, `--name=value` split in two. `options`: each option's name and what it does, as
 * `--help` prints it; one whose text starts with a placeholder (`<n> …`) takes a value. `--help`
 * (or `-h`) prints `summary` and the options and exits 0. Anything else ends the process (see
 * {@link usage}), and so does an option given twice but those in `repeatable`.
 */
export function benchArgs(script, summary, options, { argv = process.argv.slice(2), repeatable = [] } = {}) {
  const takesValue = (name) => options[name].startsWith("<");
  if (argv.includes("--help") || argv.includes("-h")) {
    const width = Math.max(...Object.keys(options).map((name) => name.length + (takesValue(name) ? options[name].indexOf(">") + 2 : 0)));
    const lines = Object.entries(options).map(([name, text]) => {
      const [head, rest] = takesValue(name) ? [`${name} ${text.slice(0, text.indexOf(">") + 1)}`, text.slice(text.indexOf(">") + 1).trim()] : [name, text];
      return `  ${head.padEnd(width)}  ${rest}${repeatable.includes(name) ? " (repeatable)" : ""}`;
    });
    process.stdout.write(`usage: node ${script} [options]\n\n${summary}\n\noptions:\n${lines.join("\n")}\n  ${"--help, -h".padEnd(width)}  this text (wherever it stands among the arguments)\n`);
    process.exit(0);
  }
  const args = argv.flatMap((arg) => {
    const split = /^(--[a-z-]+)=([^]*)$/.exec(arg);
    return split && Object.hasOwn(options, split[1]) && takesValue(split[1]) ? [split[1], split[2]] : [arg];
  });
  const seen = new Set();
  for (let i = 0; i < args.length; i++) {
    if (!Object.hasOwn(options, args[i])) usage(script, `unknown argument ${JSON.stringify(args[i])} (options: ${Object.keys(options).join(", ")}, --help)`);
    if (seen.has(args[i]) && !repeatable.includes(args[i])) usage(script, `${args[i]} is given twice`);
    seen.add(args[i]);
    if (!takesValue(args[i])) continue;
    if (++i >= args.length) usage(script, `${args[i - 1]} takes a value`);
    // `--runs --quick`: the value forgotten, the next option would be read as it.
    if (Object.hasOwn(options, args[i])) usage(script, `${args[i - 1]} takes a value, not the option ${args[i]}`);
  }
  return args;
}

/** The whole number after `name` (1 to 1,000), or `fallback` when `name` is not given. */
export function countOption(script, args, name, fallback) {
  if (!args.includes(name)) return fallback;
  const text = args[args.indexOf(name) + 1];
  // Digits only: `Number` would take `1e3`, `0x10` or ` 5`.
  const count = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(count) || count < 1 || count > 1000) usage(script, `${name} takes a whole number from 1 to 1000 (${name} ${fallback})`);
  return count;
}
