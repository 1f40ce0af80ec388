// The package as users get it has no install-time script: `prepare` builds dist/ for people
// working on this repository (`npm install` in a clone), while the tarball ships dist/ built.
// npm runs `prepack` (build, then `strip`) before it packs package.json, and `postpack`
// (`restore`) after.
//
//   node scripts/pack-manifest.mjs strip | restore

import { readFileSync, writeFileSync } from "node:fs";

const PATH = new URL("../package.json", import.meta.url);
const PREPARE = '    "prepare": "npm run build",\n';
const AFTER = /^ {4}"build": .*\n/m;
const text = readFileSync(PATH, "utf8");
const mode = process.argv[2];

if (mode === "strip") writeFileSync(PATH, text.replace(PREPARE, ""));
else if (mode === "restore") {
  if (!text.includes(PREPARE)) writeFileSync(PATH, text.replace(AFTER, (line) => `${line}${PREPARE}`));
} else {
  console.error("usage: node scripts/pack-manifest.mjs strip|restore");
  process.exit(2);
}
