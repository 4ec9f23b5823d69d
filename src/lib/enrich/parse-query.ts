/**
 * The parameters of the query part of a URL or of a bare search string ("?a=1&b=2"), keys in
 * lower case because campaign links are typed by hand ("UTM_Source"). The first value of a
 * repeated key wins. Undecodable escapes are kept as written rather than failing the event.
 */
export function parseQuery(urlOrSearch: string | null | undefined): Record<string, string> {
  const params: Record<string, string> = Object.create(null);
  if (typeof urlOrSearch !== "string") return params;
  const question = urlOrSearch.indexOf("?");
  if (question === -1) return params;
  let end = urlOrSearch.indexOf("#", question);
  if (end === -1) end = urlOrSearch.length;
  let from = question + 1;
  while (from < end) {
    let to = urlOrSearch.indexOf("&", from);
    if (to === -1 || to > end) to = end;
    const equals = urlOrSearch.indexOf("=", from);
    const hasValue = equals !== -1 && equals < to;
    const key = decode(urlOrSearch.slice(from, hasValue ? equals : to)).toLowerCase();
    if (key !== "" && !(key in params)) params[key] = hasValue ? decode(urlOrSearch.slice(equals + 1, to)) : "";
    from = to + 1;
  }
  return params;
}

function decode(text: string): string {
  if (text.indexOf("%") === -1 && text.indexOf("+") === -1) return text;
  const spaced = text.replaceAll("+", " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
