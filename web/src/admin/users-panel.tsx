import { Stack } from "@mantine/core";
import { CreateUserForm } from "./create-user-form";
import { UsersTable } from "./users-table";

export function UsersPanel() {
  return (
    <Stack gap="lg">
      <CreateUserForm />
      <UsersTable />
    </Stack>
  );
}
