import { Center, Loader } from "@mantine/core";

export function PendingPage() {
  return (
    <Center mih="50vh">
      <Loader color="pine" type="dots" />
    </Center>
  );
}
