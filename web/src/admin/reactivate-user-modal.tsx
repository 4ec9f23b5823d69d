import { Alert, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { api } from "../api/api";
import type { User } from "../api/types";
import { useI18n } from "../i18n/use-i18n";
import { useRefreshAdmin } from "./queries";
import { userProblem } from "./user-problem";

interface ReactivateUserModalProps {
  user: User | null;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function ReactivateUserModal({ user, onClose, onDone }: ReactivateUserModalProps) {
  const { t } = useI18n();
  const words = t.userAdmin;
  const refreshAdmin = useRefreshAdmin();
  const reactivate = useMutation({
    mutationFn: (target: User) => api<User>(`/api/users/${target.id}`, { method: "PATCH", body: { active: true } }),
    onSuccess: async (saved) => {
      onDone(words.reactivated(saved.name));
      onClose();
      await refreshAdmin();
    },
  });
  const close = () => {
    reactivate.reset();
    onClose();
  };
  return (
    <Modal opened={user !== null} onClose={close} title={user ? words.reactivateTitle(user.name) : ""} size="md">
      {user && (
        <Stack gap="md">
          <Text size="sm">{words.reactivateText(user.name)}</Text>
          {reactivate.isError && (
            <Alert color="red" variant="light" role="alert">
              {userProblem(reactivate.error, t)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {words.cancel}
            </Button>
            <Button loading={reactivate.isPending} onClick={() => reactivate.mutate(user)} data-autofocus>
              {words.reactivate}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
