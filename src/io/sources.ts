/**
 * Stage 0½: a target's docs as bytes, and the keys the cache files them
 * under. Light on purpose: a run that the cache answers loads no parser.
 */

import { isUtf8 } from "node:buffer";
import { join, resolve } from "node:path";
import { sha256, stableJson } from "./cache.js";
import { readBytes } from "./read-bytes.js";
import type { SourceDoc } from "../dialects/dialect.js";
import { discover } from "../stages/discover.js";
import { ioError } from "../ir/errors.js";
import type { Options } from "../ir/options.js";
import { overridesFingerprint, templatesFingerprint } from "./templates.js";
import type { TemplateOverrides } from "../emit/templates.js";
import { remarkPluginsFingerprint } from "./plugin-settings.js";

/**
 * Every doc under `input` (see `discover`), read. With `hash` (a run that
 * uses the cache), each doc's content hash is taken from its bytes as they
 * are read: for valid UTF-8 read as UTF-8 (nearly every doc) the bytes are
 * the text's own encoding, so their SHA-256 is the text's (see
 * {@link contentHashes}), and the text is not encoded again to hash it.
 */
export async function readSources(input: string, exclude: readonly string[], settings: { readonly hash?: boolean } = {}): Promise<SourceDoc[]> {
  const ids = await discover(input, exclude);
  const content: string[] = [];
  const docs = ids.map((id) => {
    let bytes: Buffer;
    try {
      // Synchronous: hundreds of small files are read several times faster than through the thread pool.
      bytes = readBytes(join(input, id));
    } catch (error) {
      throw ioError(`Cannot read ${join(input, id)}: ${(error as Error).message}`);
    }
    const source = decodeDoc(bytes);
    if (settings.hash) content.push(readAsUtf8(bytes) && isUtf8(bytes) ? sha256(bytes) : sha256(source));
    return { id, source };
  });
  if (settings.hash) hashes.set(docs, content);
  return docs;
}

/**
 * A doc's text from its bytes: UTF-8, or UTF-16 when a UTF-16 byte-order mark
 * says so (a Windows editor's "Unicode"); the UTF-8 BOM is left for the
 * reader, which drops it.
 */
export function decodeDoc(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
}

/** Whether {@link decodeDoc} reads `bytes` as UTF-8 (no UTF-16 byte-order mark). */
function readAsUtf8(bytes: Uint8Array): boolean {
  return !((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

const hashes = new WeakMap<readonly SourceDoc[], readonly string[]>();

/** The SHA-256 of each doc's text (UTF-8), computed once per list (or as it was read: see {@link readSources}). */
export function contentHashes(sources: readonly SourceDoc[]): readonly string[] {
  let list = hashes.get(sources);
  if (!list) {
    list = sources.map((doc) => sha256(doc.source));
    hashes.set(sources, list);
  }
  return list;
}

/** The name a target's entries are filed under: its input folder (absolute) and its options. */
export function targetKey(input: string, options: Partial<Options>): string {
  return sha256(`${resolve(input)}\0${stableJson(options)}`).slice(0, 24);
}

/**
 * The key of a whole run: everything a render depends on (the tool itself is
 * checked by the cache): the options, the input folder as given (diagnostics
 * name files through it), and every doc's id and bytes.
 */
export function runKey(input: string, options: Options, sources: readonly SourceDoc[], templates?: TemplateOverrides): string {
  const content = contentHashes(sources);
  const templatesKey = templates === undefined ? templatesFingerprint(options.templates) : overridesFingerprint(templates);
  return sha256(`${stableJson(options)}\0${remarkPluginsFingerprint(options.remarkPlugins)}\0${templatesKey}\0${input}\0${sources.map((doc, i) => `${doc.id}\0${content[i]}`).join("\0")}`);
}

/** The key of one doc's result: its id and bytes and the options it is read with (tree-level settings filled in). */
export function docKey(preparedOptions: string, id: string, contentHash: string): string {
  return sha256(`${preparedOptions}\0${id}\0${contentHash}`);
}
