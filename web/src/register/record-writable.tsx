import { createContext, type ReactNode, useContext } from "react";
import { useCanWriteRegister } from "./use-can-write-register";

const RecordWritable = createContext(true);

/**
 * Whether the record on the page takes changes. A person merged into another does not: the
 * server refuses them (the survivor is where they belong), so the page offers none.
 */
export function RecordWritableProvider({ writable, children }: { writable: boolean; children: ReactNode }) {
  return <RecordWritable.Provider value={writable}>{children}</RecordWritable.Provider>;
}

/** The record's own state and the signed-in user's role together: whether to show write actions. */
export function useRecordWritable(): boolean {
  const recordTakesChanges = useContext(RecordWritable);
  const userMayWrite = useCanWriteRegister();
  return recordTakesChanges && userMayWrite;
}
