import { Stack } from "@mantine/core";
import { useState } from "react";
import { ApiKeysTable } from "./api-keys-table";
import { CreateApiKeyForm, type CreatedApiKey } from "./create-api-key-form";
import { NewApiKeyNotice } from "./new-api-key-notice";

export function ApiKeysPanel() {
  // Held in memory only: once dismissed or the page is left, the key is gone for good.
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  return (
    <Stack gap="lg">
      {created ? (
        <NewApiKeyNotice created={created} onDone={() => setCreated(null)} />
      ) : (
        <CreateApiKeyForm onCreated={setCreated} />
      )}
      <ApiKeysTable />
    </Stack>
  );
}
