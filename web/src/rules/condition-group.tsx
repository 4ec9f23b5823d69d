import { ActionIcon, Box, Button, Checkbox, Group, SegmentedControl, Stack, Text } from "@mantine/core";
import { Fragment } from "react";
import { useI18n } from "../i18n/use-i18n";
import { CloseIcon, PlusIcon } from "../ui/icons";
import { useConditionEditing } from "./condition-context";
import { childrenPath, type GroupDraft, newGroup, newRow } from "./condition-draft";
import { ConditionRow } from "./condition-row";

/** The server's limit on nesting, counting every group, every "not" and the rows themselves. */
const MAX_DEPTH = 8;

interface ConditionGroupProps {
  group: GroupDraft;
  /** How deep the group sits, the root being 1; a "not" adds a level. */
  level: number;
  root?: boolean;
}

/** A group of conditions: all must hold or any one, optionally turned around, with rows and groups inside. */
export function ConditionGroup({ group, level, root = false }: ConditionGroupProps) {
  const { t } = useI18n();
  const { paths, problems, disabled, update } = useConditionEditing();
  const words = t.rules.condition;
  const path = paths.get(group.id) ?? "condition";
  const ownLevel = level + (group.negated ? 1 : 0);
  const change = (patch: Partial<GroupDraft>) =>
    update(group.id, (node) => (node.kind === "group" ? { ...node, ...patch } : node));
  const faults = [problems.at(path), problems.at(childrenPath(group, path))].filter(Boolean).join(" ");
  const body = (
    <Stack gap="sm">
      <Group gap="sm" justify="space-between" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <SegmentedControl
            size="xs"
            aria-label={words.join}
            value={group.join}
            onChange={(join) => change({ join: join === "any" ? "any" : "all" })}
            data={[
              { value: "all", label: words.all },
              { value: "any", label: words.any },
            ]}
            disabled={disabled}
          />
          <Checkbox
            size="xs"
            label={words.not}
            title={words.notHint}
            checked={group.negated}
            onChange={(event) => change({ negated: event.currentTarget.checked })}
            disabled={disabled}
          />
          <Text size="xs" c="dimmed">
            {group.negated ? words.notHint : words.joinHints[group.join]}
          </Text>
        </Group>
        {!root && !disabled && (
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={words.removeGroup}
            onClick={() => update(group.id, () => null)}
          >
            <CloseIcon size={16} />
          </ActionIcon>
        )}
      </Group>
      {group.children.map((child, index) => (
        <Fragment key={child.id}>
          {index > 0 && (
            <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4} aria-hidden>
              {group.join === "all" ? words.and : words.or}
            </Text>
          )}
          {child.kind === "row" ? (
            <ConditionRow row={child} removable={!root || group.children.length > 1} />
          ) : (
            <ConditionGroup group={child} level={ownLevel + 1} />
          )}
        </Fragment>
      ))}
      {faults && (
        <Text size="xs" c="red.7" role="alert">
          {faults}
        </Text>
      )}
      {!disabled && (
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<PlusIcon size={14} />}
            onClick={() => change({ children: [...group.children, newRow()] })}
          >
            {words.addRow}
          </Button>
          {ownLevel + 2 <= MAX_DEPTH && (
            <Button
              size="xs"
              variant="subtle"
              leftSection={<PlusIcon size={14} />}
              onClick={() => change({ children: [...group.children, newGroup(group.join === "all" ? "any" : "all")] })}
            >
              {words.addGroup}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
  if (root) return body;
  return (
    <Box
      p="sm"
      bg="gray.0"
      style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: "var(--mantine-radius-md)" }}
      role="group"
      aria-label={words.groupName}
    >
      {body}
    </Box>
  );
}
