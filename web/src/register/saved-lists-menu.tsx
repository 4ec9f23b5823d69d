import { Button, Checkbox, Group, Menu, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { api } from "../api/api";
import { ApiProblem } from "../api/api-problem";
import { useI18n } from "../i18n/use-i18n";
import { BookmarkIcon } from "../ui/icons";
import { useNames } from "./directory";
import { FormProblemAlert } from "./form-problem-alert";
import { formProblems } from "./form-problems";
import { activeSavedList, type ListQuery, type SavedList, type SavedListEntity, savedListsQuery } from "./saved-lists";

interface SavedListsMenuProps {
  entity: SavedListEntity;
  /** The list's query now, as the API takes it. */
  query: ListQuery;
  /** Opens a saved list: the list's address from its query. */
  onOpen: (query: ListQuery) => void;
}

/**
 * *Sparade listor*: the user's lists and those colleagues share, each opening the list with its
 * search, filters and order; *Spara listan…* keeps the list as it is now under a name. The button
 * bears the name of the saved list shown, if one is.
 */
export function SavedListsMenu({ entity, query, onOpen }: SavedListsMenuProps) {
  const { t } = useI18n();
  const names = useNames(t);
  const queryClient = useQueryClient();
  const lists = useQuery(savedListsQuery(entity));
  const [saving, saver] = useDisclosure(false);
  const items = lists.data?.items ?? [];
  const active = activeSavedList(items, query);
  // The list last opened from this menu: changed since, the user may keep the change in it.
  const [openedId, setOpenedId] = useState<string | null>(null);
  const opened = items.find((list) => list.id === openedId && list.mine);
  const changedOpened = opened && opened.id !== active?.id ? opened : undefined;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["saved-lists", entity] });
  const change = useMutation({
    mutationFn: ({ list, shared }: { list: SavedList; shared: boolean }) =>
      api(`/api/saved-lists/${list.id}`, { method: "PATCH", body: { shared } }),
    onSettled: refresh,
  });
  const keep = useMutation({
    mutationFn: (list: SavedList) => api(`/api/saved-lists/${list.id}`, { method: "PATCH", body: { query } }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (list: SavedList) => api(`/api/saved-lists/${list.id}`, { method: "DELETE" }),
    onSettled: refresh,
  });
  const item = (list: SavedList) => (
    <Menu.Item
      key={list.id}
      onClick={() => {
        setOpenedId(list.id);
        onOpen(list.query);
      }}
      fw={list.id === active?.id ? 700 : undefined}
    >
      <Text size="sm" inherit>
        {list.name}
      </Text>
      {!list.mine && (
        <Text size="xs" c="dimmed">
          {t.savedLists.sharedBy(names?.user(list.userId) ?? "")}
        </Text>
      )}
    </Menu.Item>
  );
  const mine = items.filter((list) => list.mine);
  const shared = items.filter((list) => !list.mine);
  return (
    <>
      <Menu position="bottom-end" shadow="md" width={300}>
        <Menu.Target>
          <Button variant="subtle" size="compact-sm" leftSection={<BookmarkIcon size={14} />}>
            {active ? active.name : t.savedLists.button}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {mine.length > 0 && <Menu.Label>{t.savedLists.mine}</Menu.Label>}
          {mine.map(item)}
          {shared.length > 0 && <Menu.Label>{t.savedLists.shared}</Menu.Label>}
          {shared.map(item)}
          {items.length === 0 && <Menu.Item disabled>{t.savedLists.none}</Menu.Item>}
          <Menu.Divider />
          {changedOpened && (
            <Menu.Item onClick={() => keep.mutate(changedOpened)}>
              {t.savedLists.keepChanges(changedOpened.name)}
            </Menu.Item>
          )}
          <Menu.Item onClick={saver.open}>{t.savedLists.save}</Menu.Item>
          {active?.mine && (
            <>
              <Menu.Item onClick={() => change.mutate({ list: active, shared: !active.shared })}>
                {active.shared ? t.savedLists.stopSharing(active.name) : t.savedLists.startSharing(active.name)}
              </Menu.Item>
              <Menu.Item color="red" onClick={() => remove.mutate(active)}>
                {t.savedLists.remove(active.name)}
              </Menu.Item>
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={saving} onClose={saver.close} title={t.savedLists.saveTitle}>
        {saving && <SaveListForm entity={entity} query={query} onClose={saver.close} onSaved={refresh} />}
      </Modal>
    </>
  );
}

function SaveListForm({
  entity,
  query,
  onClose,
  onSaved,
}: {
  entity: SavedListEntity;
  query: ListQuery;
  onClose: () => void;
  onSaved: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const save = useMutation({
    mutationFn: () => api<SavedList>("/api/saved-lists", { method: "POST", body: { entity, name, query, shared } }),
    onSuccess: async () => {
      await onSaved();
      onClose();
    },
  });
  const problems = formProblems(save.error, ["name"], t);
  const nameTaken = save.error instanceof ApiProblem && save.error.fieldError("name")?.code === "duplicate";
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormProblemAlert error={save.error} unplaced={problems.unplaced} />
        <TextInput
          label={t.savedLists.name}
          placeholder={t.savedLists.namePlaceholder}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={nameTaken ? t.savedLists.nameTaken : problems.at("name")}
          required
          data-autofocus
          maxLength={80}
        />
        <Checkbox
          label={t.savedLists.share}
          description={t.savedLists.shareHint}
          checked={shared}
          onChange={(event) => setShared(event.currentTarget.checked)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t.register.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t.savedLists.saveButton}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
