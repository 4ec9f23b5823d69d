import type { Ctx } from "../kernel/ctx";
import { refreshActivityStatistics, sampledActivityCount } from "../modules/activities";
import { refreshOrderStatistics, sampledOrderCount } from "../modules/orders";
import { refreshRegisterStatistics, sampledRegisterSize } from "../modules/register";
import type { TImportEntity } from "./import-csv";

/** Rows written after which the tables an import wrote are sampled again at its end. */
const RESAMPLE_AFTER_ROWS = 1_000;

const TABLES: Record<TImportEntity, { sampled(ctx: Ctx): Promise<number>; resample(ctx: Ctx): Promise<void> }> = {
  people: { sampled: sampledRegisterSize, resample: refreshRegisterStatistics },
  organizations: { sampled: sampledRegisterSize, resample: refreshRegisterStatistics },
  orders: { sampled: sampledOrderCount, resample: refreshOrderStatistics },
  activities: { sampled: sampledActivityCount, resample: refreshActivityStatistics },
};

/**
 * Keeps the planner's picture of the tables an import writes true while the import runs. The
 * planner judges a query by the database's last sample of a table; one it sampled small, or never,
 * it takes for small, with every value rare. So an import of a million new people into an empty
 * register looked up each batch's external ids by reading every id it had written so far, its
 * bitmap scan growing with the register (102 ms a batch at 660 000 people, where a probe of the
 * index per id takes 2 ms): 40 % of PostgreSQL's time in the whole import. PostgreSQL's
 * autovacuum samples a growing table now and then, if it is on; the embedded store never does.
 * Now the tables are sampled again each time the import has written as many rows as they held at
 * the last sample (at least a thousand; for the register, as many as it held people and
 * organisations): ten samples for a million rows into an empty register, none for a file of a
 * few thousand into a large one, and once more at the end.
 */
export class ImportStatistics {
  private writtenAtSample = 0;

  private constructor(
    private readonly ctx: Ctx,
    private readonly entity: TImportEntity,
    private sampledRows: number,
  ) {}

  static async start(ctx: Ctx, entity: TImportEntity): Promise<ImportStatistics> {
    return new ImportStatistics(ctx, entity, await TABLES[entity].sampled(ctx));
  }

  /** After the batches written so far: samples again once they have doubled the tables. */
  async written(rows: number): Promise<void> {
    if (rows - this.writtenAtSample >= Math.max(RESAMPLE_AFTER_ROWS, this.sampledRows)) await this.resample(rows);
  }

  /** At the end of the import: samples again if much was written since the last sample. */
  async finished(rows: number): Promise<void> {
    if (rows - this.writtenAtSample >= RESAMPLE_AFTER_ROWS) await this.resample(rows);
  }

  private async resample(rows: number): Promise<void> {
    await TABLES[this.entity].resample(this.ctx);
    this.sampledRows = await TABLES[this.entity].sampled(this.ctx);
    this.writtenAtSample = rows;
  }
}
