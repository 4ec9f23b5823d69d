/**
 * Domains for generated e-mail addresses in demo data and benchmarks. They are the domains
 * reserved for examples (RFC 2606 and RFC 6761), so a demo or load test that sends mail by
 * mistake can never reach a real person.
 */
export const EMAIL_DOMAINS: readonly string[] = [
  "example.com",
  "example.net",
  "example.org",
  "mail.example",
  "post.example",
];
