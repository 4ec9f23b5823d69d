/**
 * Mailbox providers common among Swedish private customers, for realistic demo addresses and
 * for benchmarks that group by domain. These are real domains, so generated addresses can belong
 * to real people: never let a demo or load test send mail to them.
 */
export const EMAIL_DOMAINS: readonly string[] = [
  "gmail.com",
  "hotmail.com",
  "hotmail.se",
  "outlook.com",
  "live.se",
  "yahoo.se",
  "icloud.com",
  "telia.com",
  "bredband.net",
  "comhem.se",
];
