/**
 * The cache keys of remark plugins: a plugin counts as it was imported, not
 * as its file may be by the time a run files its results (an edit while a run
 * goes on would file the old plugin's output under the new plugin's bytes).
 */

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sha256 } from "../../src/io/cache.js";
import { pluginHash, reconcileLoadedPlugins, remarkPluginsFingerprint } from "../../src/io/plugin-settings.js";
import { loadRemarkPlugins } from "../../src/stages/remark-plugins.js";

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A plugin module of its own folder (a path no other test imports: Node keeps a module it imported). */
function plugin(mode: string): string {
  const dir = mkdtempSync(join(tmpdir(), "mdtypes-plugin-keys-"));
  scratch.push(dir);
  const path = join(dir, "plugin.mjs");
  writeFileSync(path, `const MODE = ${JSON.stringify(mode)};\nexport default function plugin() { return () => { void MODE; }; }\n`);
  return path;
}

describe("remark plugins in cache keys", () => {
  it("before it is imported, a plugin counts as its file's bytes; once imported, as it was imported, whatever its file holds since", async () => {
    const path = plugin("a");
    const asWritten = remarkPluginsFingerprint([path]);
    writeFileSync(path, `${"// b\n"}export default function plugin() { return () => {}; }\n`);
    const edited = remarkPluginsFingerprint([path]);
    expect(edited).not.toBe(asWritten);
    await loadRemarkPlugins([path]);
    // Imported as edited: it counts so, and keeps counting so when the file changes again.
    expect(remarkPluginsFingerprint([path])).toBe(edited);
    writeFileSync(path, `${"// c\n"}export default function plugin() { return () => {}; }\n`);
    // The file's bytes would make another key; the plugin as it runs keeps its own.
    expect(sha256(pluginHash(path))).not.toBe(edited);
    expect(remarkPluginsFingerprint([path])).toBe(edited);
  });

  it("a worker thread that imported it otherwise (the file changed in between) makes the keys match nothing", async () => {
    const path = plugin("a");
    await loadRemarkPlugins([path]);
    const loaded = remarkPluginsFingerprint([path]);
    reconcileLoadedPlugins([[path, pluginHash(path)]]);
    expect(remarkPluginsFingerprint([path])).toBe(loaded);
    reconcileLoadedPlugins([[path, "another version"]]);
    const after = remarkPluginsFingerprint([path]);
    expect(after).not.toBe(loaded);
    // Not its file's bytes either: nothing a later run computes.
    writeFileSync(path, "export default function plugin() { return () => {}; }\n");
    expect([loaded, sha256(pluginHash(path))]).not.toContain(after);
    expect(remarkPluginsFingerprint([path])).toBe(after);
  });
});
