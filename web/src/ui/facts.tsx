import { Box, Text } from "@mantine/core";
import type { ReactNode } from "react";

/** Short label-over-value facts in a row that wraps; a description list underneath. */
export function Facts({ children }: { children: ReactNode }) {
  return (
    <Box
      component="dl"
      m={0}
      style={{
        display: "grid",
        gridTemplateColumns: "repeat(auto-fit, minmax(170px, 1fr))",
        gap: "var(--mantine-spacing-md)",
      }}
    >
      {children}
    </Box>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4}>
        {label}
      </Text>
      <Text component="dd" m={0} mt={2} fw={500}>
        {children}
      </Text>
    </div>
  );
}
