import { Group, Text } from "@mantine/core";

export function Logo({ size = "lg" }: { size?: "lg" | "xl" }) {
  const mark = size === "xl" ? 36 : 28;
  return (
    <Group gap={10} wrap="nowrap">
      <svg width={mark} height={mark} viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="7" fill="var(--mantine-color-pine-7)" />
        <path
          d="M11 8v16h10"
          stroke="white"
          strokeWidth="3.5"
          fill="none"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <Text component="span" fw={650} fz={size === "xl" ? 26 : 20} c="pine.9" lts={-0.3}>
        Lanthandel
      </Text>
    </Group>
  );
}
