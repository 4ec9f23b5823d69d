import { Loader, Table, Text } from "@mantine/core";

interface TableStateProps {
  columns: number;
  loading: boolean;
  error: string | null;
  /** Shown when loaded and there are no rows; null when the list is never empty. */
  empty: string | null;
  rows?: number;
}

/** The one row a table shows while it loads, when it failed, or when it has nothing. */
export function TableState({ columns, loading, error, empty, rows }: TableStateProps) {
  const message = loading ? null : (error ?? (rows === 0 ? empty : null));
  if (!loading && !message) return null;
  return (
    <Table.Tr>
      <Table.Td colSpan={columns} py="lg" ta="center">
        {loading ? (
          <Loader size="sm" type="dots" />
        ) : (
          <Text size="sm" c={error ? "red.7" : "dimmed"} role={error ? "alert" : undefined}>
            {message}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
