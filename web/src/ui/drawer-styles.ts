/** A form drawer's title reads as the page's second-level heading, which it is. */
export const DRAWER_STYLES = {
  title: { fontSize: "var(--mantine-h2-font-size)", fontWeight: 650 },
  header: { paddingBottom: "var(--mantine-spacing-md)" },
} as const;
