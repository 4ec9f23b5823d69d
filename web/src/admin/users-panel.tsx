import { Alert, Stack } from "@mantine/core";
import { useState } from "react";
import type { User } from "../api/types";
import { CreateUserForm } from "./create-user-form";
import { DeactivateUserModal } from "./deactivate-user-modal";
import { EditUserDrawer } from "./edit-user-drawer";
import { ReactivateUserModal } from "./reactivate-user-modal";
import { UsersTable } from "./users-table";

type Dialog = { kind: "edit" | "deactivate" | "reactivate"; user: User } | null;

export function UsersPanel() {
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const open = (kind: "edit" | "deactivate" | "reactivate") => (user: User) => {
    setNotice(null);
    setDialog({ kind, user });
  };
  const close = () => setDialog(null);
  const userFor = (kind: "edit" | "deactivate" | "reactivate") => (dialog?.kind === kind ? dialog.user : null);
  return (
    <Stack gap="lg">
      <CreateUserForm />
      {notice && (
        <Alert color="pine" variant="light" role="status" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <UsersTable onEdit={open("edit")} onDeactivate={open("deactivate")} onReactivate={open("reactivate")} />
      <EditUserDrawer user={userFor("edit")} onClose={close} onSaved={setNotice} />
      <DeactivateUserModal user={userFor("deactivate")} onClose={close} onDone={setNotice} />
      <ReactivateUserModal user={userFor("reactivate")} onClose={close} onDone={setNotice} />
    </Stack>
  );
}
