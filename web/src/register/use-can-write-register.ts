import { useMe } from "../auth/me-query";
import { mayWriteRegister } from "./register-access";

/**
 * Whether the signed-in user's role may change people and organisations at all, merges included.
 * Mirrors the server's permission matrix, which refuses read-only users; the app only spares them
 * the buttons. Which records of the register are theirs to change is `useRecordWritable`'s concern.
 */
export function useCanWriteRegister(): boolean {
  return mayWriteRegister(useMe());
}
