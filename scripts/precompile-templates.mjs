// Precompiles the built-in handlebars templates (templates/<target>/*.hbs) into
// dist/templates.precompiled.cjs, so that a run renders with them at once instead of
// compiling each template on its first use (some 40 ms of every cold run). Each entry
// keeps the text it was made from: at run time a template is taken precompiled only
// while templates/ still holds that very text (src/emit/templates.ts), otherwise it is
// compiled as before. Run by `npm run build`, after tsc (the compile options are
// dist/emit/templates.js's own).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import Handlebars from "handlebars";
import { COMPILE_OPTIONS, TEMPLATED_TARGETS } from "../dist/emit/templates.js";

const entries = [];
for (const target of TEMPLATED_TARGETS) {
  const dir = new URL(`../templates/${target}/`, import.meta.url);
  const files = readdirSync(dir).filter((file) => file.endsWith(".hbs")).sort();
  const templates = files.map((file) => {
    const source = readFileSync(new URL(file, dir), "utf8");
    return `    ${JSON.stringify(file.slice(0, -".hbs".length))}: { source: ${JSON.stringify(source)}, spec: ${Handlebars.precompile(source, COMPILE_OPTIONS)} }`;
  });
  entries.push(`  ${JSON.stringify(target)}: {\n${templates.join(",\n")}\n  }`);
}
writeFileSync(
  new URL("../dist/templates.precompiled.cjs", import.meta.url),
  `// Made by scripts/precompile-templates.mjs from templates/: do not edit.\nmodule.exports = {\n${entries.join(",\n")}\n};\n`,
);
