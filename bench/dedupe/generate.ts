import { seededRandom } from "../../src/lib/se";
import type { Dataset, Entity, GeneratedRecord } from "./dataset";
import { makeNamesake, makeParentOrChild, makePerson, makeTwin } from "./entities";
import type { PeopleContext } from "./people";
import { type DraftRecord, recordsOf } from "./records";

export interface GenerateOptions {
  records: number;
  seed?: number;
  /** "absent" leaves the personnummer out of every record, as in a register that never asked for it. */
  personnummer?: "present" | "absent";
}

/**
 * A synthetic register of Swedish people with known duplicates: each person gets an original
 * record and 0-5 duplicates with tagged errors, and some get a twin, a parent or child of the
 * same name at the same address, or a namesake in the same town, who must stay apart. Records
 * are shuffled and get ids r0, r1, …; the same options give the same data set.
 */
export function generateDataset(options: GenerateOptions): Dataset {
  const seed = options.seed ?? 1;
  const mode = options.personnummer ?? "present";
  const context: PeopleContext = {
    random: seededRandom(seed),
    nextId: 0,
    usedPersonnummer: new Set(),
    usedEmails: new Set(),
    usedPhones: new Set(),
  };
  const { random } = context;
  const entities: Entity[] = [];
  const drafts: DraftRecord[] = [];
  const add = (entity: Entity) => {
    entities.push(entity);
    for (const draft of recordsOf(context, entity, mode)) drafts.push(draft);
  };
  while (drafts.length < options.records) {
    const person = makePerson(context);
    add(person);
    const r = random();
    if (r < 0.01) {
      const twin = makeTwin(context, person);
      if (twin) add(twin);
    } else if (r < 0.03) add(makeParentOrChild(context, person));
    else if (r < 0.05) add(makeNamesake(context, person));
  }
  drafts.length = options.records;
  for (let i = drafts.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [drafts[i], drafts[j]] = [drafts[j] as DraftRecord, drafts[i] as DraftRecord];
  }
  const records: GeneratedRecord[] = drafts.map((draft, index) => ({
    ...draft,
    record: { id: `r${index}`, ...draft.record },
  }));
  return { records, entities, personnummer: mode, seed };
}
