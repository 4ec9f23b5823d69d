/*
 * Lanthandel tracking snippet: page views, form submissions and the lanthandel.* API, sent as
 * Segment-spec messages to <host>/v1/batch. No dependencies, no build step; see
 * docs/tracking-snippet.md. The only global is window.lanthandel.
 */
(() => {
  // biome-ignore lint/suspicious/noRedundantUseStrict: browsers run this file as a classic script, not a module
  "use strict";

  const current = window.lanthandel;
  if (current?.loaded) return;

  const VERSION = "1";
  const COOKIE = "lh_aid";
  const USER_KEY = "lh_uid";
  const YEAR_SECONDS = 365 * 24 * 60 * 60;
  const FLUSH_MS = 1000;
  const BATCH_SIZE = 20;
  /** Messages held in memory while consent is pending; a visit never needs more. */
  const MAX_PENDING = 100;
  const MAX_FIELD_LENGTH = 1000;
  const MAX_FIELDS = 50;
  const SKIPPED_TYPES = ["password", "hidden", "file", "submit", "button", "reset", "image"];
  const SENSITIVE_NAME = /pass|pwd|card|kortnummer|cvc|cvv|iban|personnummer|personnr|ssn|token|secret/i;
  const EMAIL_NAME = /e-?mail|e-?post/i;
  const TRAIT_NAMES = {
    firstName: /^(first[-_ ]?name|fname|given[-_ ]?name|f(ö|o)rnamn)$/i,
    lastName: /^(last[-_ ]?name|lname|surname|family[-_ ]?name|efternamn)$/i,
    name: /^(name|full[-_ ]?name|namn)$/i,
    phone: /^(phone|tel|telephone|mobile|telefon|telefonnummer|mobil|mobilnummer)$/i,
  };

  const script = document.currentScript || document.querySelector("script[data-write-key]");
  const writeKey = script?.getAttribute("data-write-key") || "";
  const consentRequired = script?.getAttribute("data-consent") === "required";
  const host = (script?.getAttribute("data-host") || originOf(script?.src) || location.origin).replace(/\/+$/, "");

  // null: not decided yet (only in consent-required mode), true: may send and store, false: may not.
  let allowed = consentRequired ? null : true;
  let anonymousId = allowed ? readOrCreateAnonymousId() : null;
  let userId = allowed ? readStorage(USER_KEY) : null;
  let queue = [];
  let pending = [];
  let timer = null;
  let lastPageUrl = null;
  let currentReferrer = document.referrer;

  const api = {
    loaded: true,
    identify(id, traits) {
      if (id !== null && typeof id === "object") {
        traits = id;
        id = null;
      }
      if (id !== null && id !== undefined && id !== "") {
        userId = String(id);
        if (allowed) writeStorage(USER_KEY, userId);
      }
      enqueue({ type: "identify", traits: traits || {} });
    },
    track(event, properties) {
      enqueue({ type: "track", event: String(event), properties: properties || {} });
    },
    page(properties) {
      // After an in-app navigation the previous page is the referrer, not the site that linked here.
      if (lastPageUrl !== null && lastPageUrl !== location.href) currentReferrer = lastPageUrl;
      const page = pageInfo();
      lastPageUrl = page.url;
      enqueue({ type: "page", properties: Object.assign({}, page, properties || {}) });
    },
    consent(granted) {
      if (granted) {
        if (allowed === true) return;
        allowed = true;
        anonymousId = readOrCreateAnonymousId();
        userId = userId || readStorage(USER_KEY);
        if (userId) writeStorage(USER_KEY, userId);
        const held = pending;
        pending = [];
        held.forEach(add);
        return;
      }
      allowed = false;
      pending = [];
      queue = [];
      clearTimeout(timer);
      timer = null;
      anonymousId = null;
      userId = null;
      deleteCookie();
      removeStorage(USER_KEY);
    },
    reset() {
      userId = null;
      removeStorage(USER_KEY);
      anonymousId = null;
      if (allowed) {
        deleteCookie();
        anonymousId = readOrCreateAnonymousId();
      }
    },
  };
  // A page that kept a stub function pushes onto q; run such calls at once.
  api.q = { push: (call) => run(call) };
  window.lanthandel = api;

  function run(call) {
    const method = call && api[call[0]];
    if (typeof method === "function" && call[0] !== "q") method.apply(api, call[1] || []);
  }

  function enqueue(fields) {
    if (allowed === false) return;
    const message = Object.assign(
      { messageId: uuid(), timestamp: new Date().toISOString(), context: contextInfo() },
      fields,
    );
    if (allowed === null) {
      if (pending.length < MAX_PENDING) pending.push(message);
      return;
    }
    add(message);
  }

  /** Stamps the ids only once sending is allowed, so nothing identifying exists before consent. */
  function add(message) {
    message.anonymousId = anonymousId;
    if (userId) message.userId = userId;
    queue.push(message);
    if (queue.length >= BATCH_SIZE) flush();
    else if (timer === null) timer = setTimeout(flush, FLUSH_MS);
  }

  function flush() {
    clearTimeout(timer);
    timer = null;
    if (!allowed || queue.length === 0) return;
    const batch = queue;
    queue = [];
    const sentAt = new Date().toISOString();
    for (const message of batch) message.sentAt = sentAt;
    const body = JSON.stringify({ batch, sentAt, writeKey });
    const url = `${host}/v1/batch`;
    // text/plain keeps this a simple request: no CORS preflight, and no-cors needs no CORS
    // headers from the collector. keepalive lets it finish while the page unloads.
    try {
      fetch(url, {
        method: "POST",
        body,
        headers: { "Content-Type": "text/plain" },
        keepalive: true,
        mode: "no-cors",
        credentials: "omit",
      }).catch(() => beacon(url, body));
    } catch {
      beacon(url, body);
    }
  }

  function beacon(url, body) {
    try {
      navigator.sendBeacon?.(url, new Blob([body], { type: "text/plain" }));
    } catch {
      // Nothing more can be done for this batch; the page must not break over tracking.
    }
  }

  function pageInfo() {
    return {
      url: location.href,
      path: location.pathname,
      search: location.search,
      title: document.title,
      referrer: currentReferrer,
    };
  }

  function contextInfo() {
    const context = {
      page: pageInfo(),
      screen: { width: screen.width, height: screen.height },
      locale: navigator.language,
      userAgent: navigator.userAgent,
      library: { name: "lanthandel.js", version: VERSION },
    };
    try {
      context.timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch {
      // Very old engines: the server falls back to its default zone.
    }
    const campaign = campaignInfo();
    if (campaign) context.campaign = campaign;
    return context;
  }

  function campaignInfo() {
    const params = new URLSearchParams(location.search);
    const campaign = {};
    const names = { name: "utm_campaign", source: "utm_source", medium: "utm_medium" };
    Object.assign(names, { term: "utm_term", content: "utm_content", id: "utm_id" });
    let found = false;
    for (const key of Object.keys(names)) {
      const value = params.get(names[key]);
      if (value) {
        campaign[key] = value;
        found = true;
      }
    }
    return found ? campaign : null;
  }

  function onSubmit(event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.hasAttribute("data-lh-ignore")) return;
    const fields = {};
    const traits = {};
    let count = 0;
    for (const element of Array.from(form.elements)) {
      const name = element.name || element.id;
      const type = (element.type || "").toLowerCase();
      if (!name || element.disabled || count >= MAX_FIELDS || !("value" in element)) continue;
      if (SKIPPED_TYPES.includes(type) || isSensitive(element, name) || element.hasAttribute("data-lh-ignore"))
        continue;
      const value = fieldValue(element, type);
      if (value === undefined) continue;
      addField(fields, name, value);
      count++;
      if (typeof value !== "string" || value === "") continue;
      if ((type === "email" || EMAIL_NAME.test(name)) && value.includes("@")) traits.email ??= value.trim();
      for (const trait of Object.keys(TRAIT_NAMES)) {
        if (TRAIT_NAMES[trait].test(name) || (trait === "phone" && type === "tel")) traits[trait] ??= value.trim();
      }
    }
    if (traits.email) api.identify(traits);
    const action = form.getAttribute("action");
    api.track("Form Submitted", {
      formId: form.id || null,
      formName: form.getAttribute("name"),
      action: new URL(action || location.href, location.href).href,
      fields,
    });
    // A submission usually leaves the page: send now rather than after the batching delay.
    flush();
  }

  function isSensitive(element, name) {
    const autocomplete = (element.getAttribute("autocomplete") || "").toLowerCase();
    return (
      SENSITIVE_NAME.test(name) ||
      SENSITIVE_NAME.test(element.id || "") ||
      autocomplete.startsWith("cc-") ||
      autocomplete.endsWith("password")
    );
  }

  function fieldValue(element, type) {
    if (type === "checkbox") return element.checked ? element.value === "on" || element.value : undefined;
    if (type === "radio") return element.checked ? element.value : undefined;
    if (type === "select-multiple") return Array.from(element.selectedOptions, (option) => option.value);
    return String(element.value).slice(0, MAX_FIELD_LENGTH);
  }

  function addField(fields, name, value) {
    if (!(name in fields)) fields[name] = value;
    else if (Array.isArray(fields[name])) fields[name].push(value);
    else fields[name] = [fields[name], value];
  }

  function readOrCreateAnonymousId() {
    const match = document.cookie.match(/(?:^|;\s*)lh_aid=([^;]+)/);
    const id = match ? decodeURIComponent(match[1]) : uuid();
    // Written on every load so the year runs from the last visit.
    writeCookie(id, YEAR_SECONDS);
    return id;
  }

  function writeCookie(value, maxAge) {
    const secure = location.protocol === "https:" ? "; Secure" : "";
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is asynchronous and not in every browser we serve
    document.cookie = `${COOKIE}=${encodeURIComponent(value)}; Max-Age=${maxAge}; Path=/; SameSite=Lax${secure}`;
  }

  function deleteCookie() {
    writeCookie("", 0);
  }

  function readStorage(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  function writeStorage(key, value) {
    try {
      localStorage.setItem(key, value);
    } catch {
      // Storage may be full or blocked; the id then lasts for this page only.
    }
  }

  function removeStorage(key) {
    try {
      localStorage.removeItem(key);
    } catch {
      // Blocked storage holds nothing to remove.
    }
  }

  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    // randomUUID exists only in secure contexts; a plain-http site gets the same from random bytes.
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  function originOf(src) {
    try {
      return src ? new URL(src, location.href).origin : null;
    } catch {
      return null;
    }
  }

  function onNavigation() {
    // Routers update the title after changing the URL; let them finish first.
    setTimeout(() => {
      if (location.href.split("#")[0] !== (lastPageUrl || "").split("#")[0]) api.page();
    }, 0);
  }

  const pushState = history.pushState;
  history.pushState = function (...args) {
    const result = pushState.apply(this, args);
    onNavigation();
    return result;
  };
  addEventListener("popstate", onNavigation);
  document.addEventListener("submit", onSubmit, true);
  addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });

  const calls = Array.isArray(current?.q) ? current.q : [];
  const pageCalled = calls.some((call) => call && call[0] === "page");
  calls.forEach(run);
  if (!pageCalled) api.page();
})();
