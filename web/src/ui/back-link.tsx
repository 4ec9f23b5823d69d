import { Anchor, Group } from "@mantine/core";
import { Link } from "@tanstack/react-router";
import { BackIcon } from "./icons";

/** The way back from a record to its list. */
export function BackLink({
  to,
  label,
}: {
  to: "/people" | "/people/duplicates" | "/organizations" | "/events/sources" | "/rules";
  label: string;
}) {
  return (
    <Anchor size="sm" c="dimmed" renderRoot={(props) => <Link to={to} {...props} />} w="fit-content">
      <Group gap={4} wrap="nowrap">
        <BackIcon size={16} />
        {label}
      </Group>
    </Anchor>
  );
}
