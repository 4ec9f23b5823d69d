/** The tag a site pastes into its pages; the snippet is served by this same server. */
export function snippetTag(origin: string, writeKey: string): string {
  return `<script async src="${origin}/sdk/lanthandel.js" data-write-key="${writeKey}"></script>`;
}
