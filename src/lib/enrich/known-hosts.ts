/** What a referring site or a campaign source is, as far as channel attribution cares. */
export interface KnownHost {
  kind: "search" | "social" | "email";
  name: string;
}

/**
 * Brands recognised under any country domain. A name here matches when it is the label right
 * before the public suffix ("se", "co.uk", "com.au").
 */
export const BRAND_LABELS: Readonly<Record<string, KnownHost>> = {
  google: { kind: "search", name: "google" },
  bing: { kind: "search", name: "bing" },
  yahoo: { kind: "search", name: "yahoo" },
  yandex: { kind: "search", name: "yandex" },
  baidu: { kind: "search", name: "baidu" },
  ecosia: { kind: "search", name: "ecosia" },
  startpage: { kind: "search", name: "startpage" },
  qwant: { kind: "search", name: "qwant" },
  duckduckgo: { kind: "search", name: "duckduckgo" },
  naver: { kind: "search", name: "naver" },
  seznam: { kind: "search", name: "seznam" },
  facebook: { kind: "social", name: "facebook" },
  instagram: { kind: "social", name: "instagram" },
  linkedin: { kind: "social", name: "linkedin" },
  pinterest: { kind: "social", name: "pinterest" },
  reddit: { kind: "social", name: "reddit" },
  tiktok: { kind: "social", name: "tiktok" },
  youtube: { kind: "social", name: "youtube" },
  snapchat: { kind: "social", name: "snapchat" },
  twitter: { kind: "social", name: "x" },
};

/** Whole domains (and their subdomains) that a brand label alone does not catch. */
export const DOMAINS: Readonly<Record<string, KnownHost>> = {
  "mail.google.com": { kind: "email", name: "gmail" },
  "outlook.live.com": { kind: "email", name: "outlook" },
  "outlook.office.com": { kind: "email", name: "outlook" },
  "outlook.office365.com": { kind: "email", name: "outlook" },
  "mail.yahoo.com": { kind: "email", name: "yahoo" },
  "com.google.android.gm": { kind: "email", name: "gmail" },
  "search.brave.com": { kind: "search", name: "brave" },
  "ask.com": { kind: "search", name: "ask" },
  "search.aol.com": { kind: "search", name: "aol" },
  "kagi.com": { kind: "search", name: "kagi" },
  "sogou.com": { kind: "search", name: "sogou" },
  "mojeek.com": { kind: "search", name: "mojeek" },
  "com.google.android.googlequicksearchbox": { kind: "search", name: "google" },
  "fb.com": { kind: "social", name: "facebook" },
  "fb.me": { kind: "social", name: "facebook" },
  "messenger.com": { kind: "social", name: "facebook" },
  "lnkd.in": { kind: "social", name: "linkedin" },
  "x.com": { kind: "social", name: "x" },
  "t.co": { kind: "social", name: "x" },
  "youtu.be": { kind: "social", name: "youtube" },
  "pin.it": { kind: "social", name: "pinterest" },
  "redd.it": { kind: "social", name: "reddit" },
  "threads.net": { kind: "social", name: "threads" },
  "threads.com": { kind: "social", name: "threads" },
  "bsky.app": { kind: "social", name: "bluesky" },
  "mastodon.social": { kind: "social", name: "mastodon" },
  "tumblr.com": { kind: "social", name: "tumblr" },
  "vk.com": { kind: "social", name: "vk" },
  "whatsapp.com": { kind: "social", name: "whatsapp" },
  "wa.me": { kind: "social", name: "whatsapp" },
  "t.me": { kind: "social", name: "telegram" },
  "discord.com": { kind: "social", name: "discord" },
  "quora.com": { kind: "social", name: "quora" },
  "xing.com": { kind: "social", name: "xing" },
  "flickr.com": { kind: "social", name: "flickr" },
};

/** Short names people put in utm_source that are no host. */
export const SOURCE_ALIASES: Readonly<Record<string, KnownHost>> = {
  fb: { kind: "social", name: "facebook" },
  ig: { kind: "social", name: "instagram" },
  li: { kind: "social", name: "linkedin" },
  yt: { kind: "social", name: "youtube" },
  x: { kind: "social", name: "x" },
  threads: { kind: "social", name: "threads" },
  bluesky: { kind: "social", name: "bluesky" },
  mastodon: { kind: "social", name: "mastodon" },
  brave: { kind: "search", name: "brave" },
  gmail: { kind: "email", name: "gmail" },
  email: { kind: "email", name: "email" },
  newsletter: { kind: "email", name: "newsletter" },
};
