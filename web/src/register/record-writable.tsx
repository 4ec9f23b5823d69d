import { createContext, type ReactNode, useContext } from "react";
import { useMe } from "../auth/me-query";
import { mayChangeTask, mayWriteRecord, mayWriteRegister, type OwnedRecord } from "./register-access";

interface RecordOnPage {
  /** False for a person merged into another or erased: the server takes no changes to them. */
  takesChanges: boolean;
  owner: OwnedRecord;
}

/** Outside a record page nothing is owned, and the role alone decides. */
const RecordWritable = createContext<RecordOnPage>({
  takesChanges: true,
  owner: { ownerId: null, ownerTeamId: null },
});

/**
 * The record a page shows, for its cards to ask whether to offer changes. A person merged into
 * another takes none (the survivor is where they belong), and a customer owned by another user
 * or team takes none from a role whose reach is its own team's.
 */
export function RecordWritableProvider({
  takesChanges,
  owner,
  children,
}: {
  takesChanges: boolean;
  owner: OwnedRecord;
  children: ReactNode;
}) {
  return (
    <RecordWritable.Provider
      value={{ takesChanges, owner: { ownerId: owner.ownerId, ownerTeamId: owner.ownerTeamId } }}
    >
      {children}
    </RecordWritable.Provider>
  );
}

/** The record's own state, its owner and the signed-in user's role together: whether to show write actions. */
export function useRecordWritable(): boolean {
  const record = useContext(RecordWritable);
  const user = useMe();
  return record.takesChanges && mayWriteRecord(user, record.owner);
}

/**
 * Whether the record is closed to the user because another user or team owns it (not because
 * of their role, or because it was merged away): the page then says so.
 */
export function useRecordOwnedElsewhere(): boolean {
  const record = useContext(RecordWritable);
  const user = useMe();
  return record.takesChanges && mayWriteRegister(user) && !mayWriteRecord(user, record.owner);
}

/** Whether the user may close or reopen a task in the record's timeline: its assignee always may. */
export function useMayChangeTask(assigneeId: string | null): boolean {
  return mayChangeTask(useMe(), assigneeId, useRecordWritable());
}
