/**
 * Whole files read into one buffer kept from call to call: for the hundreds
 * of small files a run reads (docs, output files to compare), no buffer is
 * allocated per file and no `fstat` is made to size one (an output file is
 * stat'ed once, to tell that it is a regular file: see {@link readRegularBytes}).
 */

import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

let buffer = Buffer.allocUnsafe(1 << 16);

/**
 * The bytes of the file at `path`. They stay valid until the next call only:
 * copy (decode, hash) what you keep. Throws the file system's error (`ENOENT`,
 * `EISDIR`, `EACCES`, …) when the file cannot be read.
 */
export function readBytes(path: string): Buffer {
  return readFrom(openSync(path, "r"));
}

/** The code of the error {@link readRegularBytes} throws for a path that is no regular file. */
export const NOT_A_FILE = "ENOTREGULAR";

/**
 * {@link readBytes} for a file that may be anything (an output file a user
 * may have replaced): opened without blocking, so that a FIFO with no writer
 * never hangs the run, and read only when it is a regular file (a device such
 * as `/dev/zero` would never end); a folder throws `EISDIR`, anything else
 * an error whose `code` is {@link NOT_A_FILE}, without reading it. A socket
 * throws `ENXIO`; a symbolic link (or a loop of them on the way) `ELOOP`.
 */
export function readRegularBytes(path: string): Buffer {
  // Not through a symbolic link: `ELOOP` (a file mdtypes writes is never a link, nor owned through one).
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  let regular = false;
  let folder = false;
  try {
    const info = fstatSync(fd);
    regular = info.isFile();
    folder = info.isDirectory();
  } finally {
    if (!regular) closeSync(fd);
  }
  if (folder) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: "EISDIR" });
  if (!regular) throw Object.assign(new Error(`${path} is not a regular file`), { code: NOT_A_FILE });
  return readFrom(fd);
}

/** Reads the open file `fd` whole into the shared buffer, and closes it. */
function readFrom(fd: number): Buffer {
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
