/**
 * Event enrichment throughput: enrichEvent per event on a realistic mix of browsers, addresses,
 * campaigns, referrers and zones, and the load time and memory of the country table.
 *
 *   npx tsx bench/enrich.ts [seconds=3]
 */
import os from "node:os";
import v8 from "node:v8";
import vm from "node:vm";
import { enrichEvent, loadCountryLookup } from "../src/lib/enrich";
import { seededRandom } from "../src/lib/se";

const seconds = Number(process.argv[2] ?? 3);
const EVENTS = 20_000;

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const USER_AGENTS: ReadonlyArray<readonly [string, number]> = [
  [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    25,
  ],
  [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    10,
  ],
  [
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.122 Mobile Safari/537.36",
    12,
  ],
  [
    "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
    6,
  ],
  [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
    18,
  ],
  [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87",
    8,
  ],
  [
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
    8,
  ],
  ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0", 4],
  [
    "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    4,
  ],
  ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", 3],
  ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36", 2],
];
const PAGES = [
  "https://www.butiken.example/",
  "https://www.butiken.example/produkter/kaffe?sort=pris",
  "https://www.butiken.example/kampanj?utm_source=nyhetsbrev&utm_medium=email&utm_campaign=mars",
  "https://www.butiken.example/erbjudande?gclid=Cj0KCQiA5rGuBhCnARIsAN11vgR",
  "https://www.butiken.example/erbjudande?utm_source=facebook&utm_medium=paid_social&utm_campaign=var&fbclid=IwAR3x",
  "https://www.butiken.example/kontakt",
];
const REFERRERS = [
  "",
  "",
  "https://www.google.se/",
  "https://l.facebook.com/",
  "https://www.butiken.example/",
  "https://forum.example.com/t/1",
];
const ZONES = [
  "Europe/Stockholm",
  "Europe/Stockholm",
  "Europe/Stockholm",
  "Europe/Helsinki",
  "Europe/Oslo",
  "America/New_York",
];
/** Prefixes of public networks; the last octets are random so addresses rarely repeat. */
const V4_PREFIXES = ["193.10.", "130.237.", "81.2.", "8.8.", "78.72.", "85.228.", "213.66."];

const random = seededRandom(7);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const uaWeights = USER_AGENTS.reduce((sum, [, weight]) => sum + weight, 0);
function pickUserAgent(): string {
  let roll = random() * uaWeights;
  for (const [ua, weight] of USER_AGENTS) {
    roll -= weight;
    if (roll < 0) return ua;
  }
  return USER_AGENTS[0]?.[0] ?? "";
}
function pickIp(): string {
  if (random() < 0.2)
    return `2001:6b0:${Math.floor(random() * 65536).toString(16)}::${Math.floor(random() * 65536).toString(16)}`;
  return `${pick(V4_PREFIXES)}${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`;
}

async function main() {
  gc();
  const before = process.memoryUsage();
  const loadStart = performance.now();
  const countries = await loadCountryLookup();
  const loadMs = performance.now() - loadStart;
  gc();
  const after = process.memoryUsage();

  // JSON round trip so each event's strings are fresh, as after parsing a request body.
  const events = JSON.parse(
    JSON.stringify(
      Array.from({ length: EVENTS }, () => ({
        context: {
          ip: pickIp(),
          userAgent: pickUserAgent(),
          timezone: pick(ZONES),
          locale: "sv-SE",
          screen: { width: 390, height: 844 },
          page: { url: pick(PAGES), referrer: pick(REFERRERS) },
          library: { name: "lanthandel.js", version: "1" },
        },
        properties: { title: "Butiken" },
        timestamp: Date.now() - Math.floor(random() * 86_400_000),
      })),
    ),
  ) as Array<{ context: Record<string, unknown>; properties: Record<string, unknown>; timestamp: number }>;
  const timestamps = events.map((event) => new Date(event.timestamp));

  const run = (count: number) => {
    let sink = 0;
    for (let i = 0; i < count; i++) {
      const event = events[i % EVENTS];
      const enrichment = enrichEvent({
        context: event?.context,
        properties: event?.properties,
        timestamp: timestamps[i % EVENTS] ?? new Date(0),
        requestIp: "10.0.0.1",
        requestUserAgent: null,
        ipMode: "truncate",
        countries,
      });
      if (enrichment.country !== null) sink++;
    }
    return sink;
  };
  run(EVENTS * 2);
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    run(10_000);
    done += 10_000;
  }
  const elapsedS = (performance.now() - start) / 1000;
  const perSecond = done / elapsedS;
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`machine: ${os.cpus().length} × ${cpu}, Node ${process.version}`);
  console.log(
    `country table: loaded in ${loadMs.toFixed(0)} ms; retained ${mb(after.arrayBuffers - before.arrayBuffers)} MB typed arrays, ${mb(after.heapUsed - before.heapUsed)} MB heap, RSS +${mb(after.rss - before.rss)} MB`,
  );
  console.log(
    `enrichEvent: ${Math.round(perSecond).toLocaleString("en-US")} events/s on one core (${((1e6 * elapsedS) / done).toFixed(2)} µs/event, ${done.toLocaleString("en-US")} events)`,
  );
}

function mb(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(1);
}

await main();
