export { authenticateWriteKey } from "./authenticate-write-key";
export { createWriteKey, type TSource, ZCreateWriteKeyInput, ZSource } from "./create-write-key";
export { getSource } from "./get-source";
export { listSources } from "./list-sources";
export { revokeWriteKey } from "./revoke-write-key";
