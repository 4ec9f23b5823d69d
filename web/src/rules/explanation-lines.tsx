import { Box, Text } from "@mantine/core";

/**
 * A decision's reasons as the server words them in the reader's language, one comparison a line:
 * "✓ complaint_calls_90d = 4, mer än 3". Field names and values are the rule language's own, like
 * the condition's text; held parts are green, failed ones red, and nesting keeps its indentation.
 */
export function ExplanationLines({ lines }: { lines: readonly string[] }) {
  // Two groups can read alike, so a line is keyed by its text and how often it came before.
  const seen = new Map<string, number>();
  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: "none" }} data-testid="explanation">
      {lines.map((line) => {
        const occurrence = (seen.get(line) ?? 0) + 1;
        seen.set(line, occurrence);
        const held = line.trimStart().startsWith("✓");
        return (
          <Text
            key={`${occurrence}:${line}`}
            component="li"
            size="xs"
            ff="monospace"
            c={held ? "pine.8" : "red.8"}
            style={{ whiteSpace: "pre-wrap" }}
          >
            {line}
          </Text>
        );
      })}
    </Box>
  );
}
