/**
 * HTML character references in doc text (`&lt;`, `&#39;`, `&#x60;`,
 * `&quot;`), which OpenAPI Generator writes in type and notes cells (grammar
 * §0.4). Decoded per cell, after the row is split, so an encoded pipe never
 * splits a cell.
 */

import { decodeNamedCharacterReference } from "decode-named-character-reference";

const REFERENCE = /&(?:#[xX]([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/g;

/** `text` with every character reference (HTML's named ones, decimal and hexadecimal) replaced by its character; unknown names and invalid code points are kept as written. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(REFERENCE, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) {
      const decoded = decodeNamedCharacterReference(name);
      return decoded === false ? whole : decoded;
    }
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : whole;
  });
}
