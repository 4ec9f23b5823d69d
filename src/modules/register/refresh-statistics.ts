import { getTableName } from "drizzle-orm";
import { resampleTables, sampledRowCount } from "../../db/statistics";
import type { Ctx } from "../../kernel/ctx";
import { authorize } from "../../kernel/permissions";
import {
  addresses,
  emails,
  externalIds,
  nameVocabulary,
  organizations,
  people,
  personNameWords,
  phones,
  roles,
} from "./schema";

const TABLES = [people, organizations, roles, addresses, emails, phones, externalIds, personNameWords, nameVocabulary];

/**
 * Has the database sample the register's tables again, after a bulk load changed their size.
 * Without it the planner keeps judging them by their size before the load: right after an
 * import of 3 000 people into an empty register, looking up one of them to match it read every
 * address, 90 ms a person instead of 0.4 ms. PostgreSQL's autovacuum catches up within minutes;
 * the embedded store has no autovacuum at all.
 */
export async function refreshRegisterStatistics(ctx: Ctx): Promise<void> {
  authorize(ctx.actor, "register", "write");
  await resampleTables(
    ctx.db,
    TABLES.map((table) => getTableName(table)),
  );
}

/**
 * The records (people and organisations) the planner counted when it last sampled the register:
 * the size an import must double before the register is worth sampling again, since a sample
 * reads all of its tables, the people's contact points among them, also for a file of companies.
 */
export async function sampledRegisterSize(ctx: Ctx): Promise<number> {
  return sampledRowCount(ctx.db, [getTableName(people), getTableName(organizations)]);
}
