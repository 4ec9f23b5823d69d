import { Group, Paper, Title } from "@mantine/core";
import type { ReactNode } from "react";

interface SectionCardProps {
  title: string;
  /** A button or two beside the title; on a narrow screen they go below it. */
  action?: ReactNode;
  children: ReactNode;
}

/** One titled card of a record page; a named region, so assistive technology can jump to it. */
export function SectionCard({ title, action, children }: SectionCardProps) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={title}>
      <Group justify="space-between" align="center" mb="md" gap="xs" mih={28}>
        <Title order={2} fz="md" fw={650}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}
