/**
 * The organisation page (`GET /api/organizations/:id`: the company, its e-mails, phones,
 * addresses and people) in a register of many people, with and without the indexes of e-mails
 * and phones by organisation: without them each page read scanned every e-mail and phone of the
 * register, most of them people's. Both measured in one run on the same data: first as migrated,
 * then with the two indexes dropped.
 *
 *   npx tsx bench/organization-view.ts postgres|pglite [people=200000] [reads=300]
 */
import { createReadStream, mkdirSync, statSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { queryRows } from "../src/db/rows";
import type { StoreKind } from "../src/db/types";
import { importCsv } from "../src/flows/import-csv";
import { luhnCheckDigit } from "../src/lib/se/luhn";
import { getOrganization } from "../src/modules/register";
import { writePeopleCsv } from "./people-csv";
import { machine, median, openBenchServices, percentile } from "./support";

const kind = (process.argv[2] ?? "postgres") as StoreKind;
const peopleCount = Number(process.argv[3] ?? 200_000);
const reads = Number(process.argv[4] ?? 300);
const log = (message: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

async function main() {
  const peopleFile = `/tmp/lh-bench-people-${peopleCount}.csv`;
  try {
    statSync(peopleFile);
  } catch {
    await writePeopleCsv(peopleFile, peopleCount);
  }
  const organizationsFile = "/tmp/lh-bench-organizations-view.csv";
  const lines = ["externalId,organisationsnummer,name,email,phone,street,postalCode,city"];
  for (let index = 0; index < 500; index++) {
    const nine = `556${String(index).padStart(6, "0")}`;
    lines.push(
      `V${index},${nine}${luhnCheckDigit(nine, 9)},Vybolaget ${index} AB,info${index}@vybolaget.example,08-${String(5_000_000 + index)},Kungsgatan ${1 + (index % 60)},111 43,Stockholm`,
    );
  }
  writeFileSync(organizationsFile, `${lines.join("\n")}\n`);
  const { services, drop } = await openBenchServices(kind, `lh_bench_org_view_${kind}`);
  const ctx = services.systemCtx("bench");
  const db = services.store.db;
  try {
    await importCsv(ctx, createReadStream(peopleFile), { entity: "people", system: "bench" });
    await importCsv(ctx, createReadStream(organizationsFile), { entity: "organizations", system: "bench" });
    await db.execute(sql`analyze`);
    const ids = (await queryRows<{ id: string }>(db, sql`select id from organizations order by id`)).map(
      (row) => row.id,
    );
    const [counts] = await queryRows<{ emails: number; phones: number }>(
      db,
      sql`select (select count(*)::int from emails) as emails, (select count(*)::int from phones) as phones`,
    );
    log(`${peopleCount} people, ${ids.length} organisations, ${counts?.emails} e-mails, ${counts?.phones} phones`);
    const timeReads = async () => {
      const times: number[] = [];
      for (let read = 0; read < reads; read++) {
        const started = performance.now();
        const organization = await getOrganization(ctx, ids[read % ids.length] as string);
        times.push(performance.now() - started);
        if (organization.emails.length !== 1) throw new Error("an organisation lost its e-mail");
      }
      return { p50Ms: Number(median(times).toFixed(2)), p95Ms: Number(percentile(times, 95).toFixed(2)) };
    };
    const indexed = await timeReads();
    log(`with the indexes: ${JSON.stringify(indexed)}`);
    await db.execute(sql`drop index emails_org_idx`);
    await db.execute(sql`drop index phones_org_idx`);
    await db.execute(sql`analyze emails`);
    await db.execute(sql`analyze phones`);
    const scanned = await timeReads();
    log(`without them: ${JSON.stringify(scanned)}`);
    const results = {
      kind,
      machine: machine(),
      people: peopleCount,
      organizations: ids.length,
      reads,
      ...counts,
      indexed,
      withoutIndexes: scanned,
    };
    mkdirSync("bench/results", { recursive: true });
    writeFileSync(
      `bench/results/organization-view-${kind}-${peopleCount}.json`,
      `${JSON.stringify(results, null, 2)}\n`,
    );
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await drop();
  }
}

await main();
