import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { problemMessage } from "../i18n/problem-message";
import { useI18n } from "../i18n/use-i18n";
import { choiceOptions } from "../register/custom-values";
import type { CustomAttributeDefinition, CustomEntity } from "../register/types";
import { TableState } from "../ui/table-state";
import { CustomAttributeDrawer } from "./custom-attribute-drawer";
import { customAttributeDefinitionsQuery } from "./queries";
import { RetireCustomAttributeButton } from "./retire-custom-attribute-button";

/** The company's own fields per entity: defined, changed, retired and restored here. */
export function CustomAttributesPanel() {
  const { t } = useI18n();
  const words = t.customFields;
  const [entity, setEntity] = useState<CustomEntity>("person");
  const [editing, setEditing] = useState<CustomAttributeDefinition | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const attributes = useQuery(customAttributeDefinitionsQuery(entity));
  const open = (attribute: CustomAttributeDefinition | null) => {
    setEditing(attribute);
    setDrawerOpen(true);
  };
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed" maw={760}>
        {words.intro}
      </Text>
      <Group justify="space-between">
        <SegmentedControl
          aria-label={words.entity}
          value={entity}
          onChange={(value) => setEntity(value === "organization" ? "organization" : "person")}
          data={[
            { value: "person", label: words.person },
            { value: "organization", label: words.organization },
          ]}
        />
        <Button onClick={() => open(null)}>{words.newField}</Button>
      </Group>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{words.label}</Table.Th>
                <Table.Th>{words.type}</Table.Th>
                <Table.Th>{words.required}</Table.Th>
                <Table.Th>{words.choices}</Table.Th>
                <Table.Th>{words.status}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <TableState
                columns={6}
                loading={attributes.isPending}
                error={attributes.isError ? problemMessage(attributes.error, t) : null}
                empty={words.none}
                rows={attributes.data?.length}
              />
              {attributes.data?.map((attribute) => (
                <Table.Tr key={attribute.id} c={attribute.retired ? "dimmed" : undefined}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {attribute.label}
                    </Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {attribute.key}
                    </Text>
                  </Table.Td>
                  <Table.Td>{words.types[attribute.type] ?? attribute.type}</Table.Td>
                  <Table.Td>{attribute.required ? words.yes : words.no}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {choiceOptions(attribute).map((choice) => (
                        <Badge key={choice} variant="light" color="gray" radius="sm" tt="none">
                          {choice}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={attribute.retired ? "gray" : "pine"} radius="sm" tt="none">
                      {attribute.retired ? words.retired : words.active}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => open(attribute)}
                        aria-label={`${words.edit}: ${attribute.label}`}
                      >
                        {words.edit}
                      </Button>
                      <RetireCustomAttributeButton attribute={attribute} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <CustomAttributeDrawer
        entity={entity}
        attribute={editing}
        opened={drawerOpen}
        onClose={() => setDrawerOpen(false)}
      />
    </Stack>
  );
}
