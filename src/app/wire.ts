import type { Services } from "./services";

/**
 * The composition root for reactions: every cross-module event handler and job is registered
 * here, so modules never import each other.
 */
export function wireHandlers(_services: Services): void {}
