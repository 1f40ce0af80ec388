/**
 * Whole files read into one buffer kept from call to call: for the hundreds
 * of small files a run reads (docs, output files to compare), no buffer is
 * allocated per file and no `fstat` is made to size one.
 */

import { closeSync, openSync, readSync } from "node:fs";

let buffer = Buffer.allocUnsafe(1 << 16);

/**
 * The bytes of the file at `path`. They stay valid until the next call only:
 * copy (decode, hash) what you keep. Throws the file system's error (`ENOENT`,
 * `EISDIR`, `EACCES`, …) when the file cannot be read.
 */
export function readBytes(path: string): Buffer {
  const fd = openSync(path, "r");
  try {
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) return buffer.subarray(0, length);
      length += read;
    }
  } finally {
    closeSync(fd);
  }
}
