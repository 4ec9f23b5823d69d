import { Stack } from "@mantine/core";
import { useState } from "react";
import { type CreatedSource, CreateSourceForm } from "./create-source-form";
import { NewSourceNotice } from "./new-source-notice";
import { SourcesTable } from "./sources-table";
import { useCanManageEvents } from "./use-can-manage-events";

export function SourcesPage() {
  // Held in memory only: once dismissed or the page is left, the write key is gone for good.
  const [created, setCreated] = useState<CreatedSource | null>(null);
  const canManage = useCanManageEvents();
  return (
    <Stack gap="lg">
      {created ? (
        <NewSourceNotice created={created} onDone={() => setCreated(null)} />
      ) : (
        canManage && <CreateSourceForm onCreated={setCreated} />
      )}
      <SourcesTable />
    </Stack>
  );
}
