/**
 * Links in docs: the doc id a relative link leads to. Every dialect links
 * models by relative path (`../../models/components/x.md`,
 * `[**Pet**](Pet.md)`, `./Name.md`), resolved against the linking doc's
 * folder.
 */

/**
 * The doc id a link URL found in doc `docId` leads to, `/`-separated
 * (`../../doc/models/money.md` from `doc/models/order.md` is
 * `doc/models/money.md`); it starts with `../` when the link leaves the input
 * tree. Percent-escapes are decoded (a malformed one is kept as written);
 * `?query` and `#fragment` are dropped. `undefined` for URLs that are no
 * relative links (`https:`, `mailto:`, `#anchor`, `/absolute`, empty).
 */
export function linkTarget(docId: string, url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("#") || url.startsWith("/") || url === "") return undefined;
  const path = decodePath(url.replace(/[?#].*$/, ""));
  const slash = docId.lastIndexOf("/");
  const parts = slash < 0 ? [] : docId.slice(0, slash).split("/");
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
