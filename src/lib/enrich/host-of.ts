/**
 * The lower-case host name of an absolute URL ("https://user@Www.Example.se:8443/a?b" →
 * "www.example.se"), or null when there is none. Referrers arrive on every event, so this
 * reads the string by hand instead of building a URL object.
 */
export function hostOf(url: string | null | undefined): string | null {
  if (typeof url !== "string" || url === "") return null;
  const scheme = url.indexOf("://");
  let from: number;
  if (scheme > 0 && scheme < 32) from = scheme + 3;
  else if (url.startsWith("//")) from = 2;
  else return null;
  let to = from;
  while (to < url.length) {
    const c = url.charCodeAt(to);
    if (c === 47 || c === 63 || c === 35 || c === 92) break;
    to++;
  }
  const at = url.lastIndexOf("@", to - 1);
  if (at >= from) from = at + 1;
  if (url.charCodeAt(from) === 91) {
    const close = url.indexOf("]", from);
    return close === -1 || close > to ? null : url.slice(from, close + 1).toLowerCase();
  }
  const colon = url.indexOf(":", from);
  if (colon !== -1 && colon < to) to = colon;
  if (url.charCodeAt(to - 1) === 46) to--;
  return to > from ? url.slice(from, to).toLowerCase() : null;
}
