import { createTheme, type MantineColorsTuple } from "@mantine/core";

/** A muted pine green: calm enough for a screen people work in all day. */
const pine: MantineColorsTuple = [
  "#eef6f2",
  "#dcebe3",
  "#b6d5c5",
  "#8dbfa5",
  "#6bab8a",
  "#559f78",
  "#48976e",
  "#39835d",
  "#2e7452",
  "#1e6444",
];

export const theme = createTheme({
  primaryColor: "pine",
  primaryShade: 7,
  colors: { pine },
  defaultRadius: "md",
  fontFamily: "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  headings: {
    fontWeight: "650",
    sizes: { h1: { fontSize: "1.75rem", lineHeight: "1.3" } },
  },
});
