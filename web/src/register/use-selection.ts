import { useEffect, useState } from "react";

export interface Selection {
  /** The selected records' ids, in the order they were chosen. */
  ids: string[];
  /**
   * Every record the list's filters match, loaded or not: the change goes to the server as the
   * filters, not as ids. Unticking any row ends it.
   */
  allMatching: boolean;
  chooseAllMatching: () => void;
  has: (id: string) => boolean;
  /** The name a selected record was shown by. */
  nameOf: (id: string) => string;
  set: (id: string, name: string, selected: boolean) => void;
  setAll: (records: ReadonlyArray<{ id: string; name: string }>, selected: boolean) => void;
  remove: (ids: readonly string[]) => void;
  clear: () => void;
}

/**
 * The rows a user has ticked in a list. A new search or filter starts afresh: rows the list no
 * longer shows are not changed behind the user's back.
 */
export function useSelection(resetKey: string): Selection {
  const [chosen, setChosen] = useState<ReadonlyMap<string, string>>(new Map());
  const [allMatching, setAllMatching] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key is what resets the selection
  useEffect(() => {
    setChosen(new Map());
    setAllMatching(false);
  }, [resetKey]);
  const update = (change: (next: Map<string, string>) => void) => {
    setAllMatching(false);
    setChosen((current) => {
      const next = new Map(current);
      change(next);
      return next;
    });
  };
  return {
    ids: [...chosen.keys()],
    allMatching,
    chooseAllMatching: () => setAllMatching(true),
    has: (id) => allMatching || chosen.has(id),
    nameOf: (id) => chosen.get(id) ?? id,
    set: (id, name, selected) => update((next) => (selected ? next.set(id, name) : next.delete(id))),
    setAll: (records, selected) =>
      update((next) => {
        for (const record of records) {
          if (selected) next.set(record.id, record.name);
          else next.delete(record.id);
        }
      }),
    remove: (ids) =>
      update((next) => {
        for (const id of ids) next.delete(id);
      }),
    clear: () => {
      setChosen(new Map());
      setAllMatching(false);
    },
  };
}
