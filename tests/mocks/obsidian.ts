/**
 * A small stand-in for the `obsidian` module (which ships only types), enough for the glue
 * and UI tests. It grows with what the plugin uses; behaviour mirrors Obsidian's where tests
 * depend on it. `vitest.config.ts`, `scripts/bench.mjs` and the browser screenshots alias
 * `obsidian` to this file; each part lives in `obsidian/`. No part installs globals or touches
 * prototypes when imported (the DOM helpers are `obsidian-dom.ts`, installed by the tests).
 */
export * from "./obsidian/events";
export * from "./obsidian/plugin";
export * from "./obsidian/vault";
export * from "./obsidian/workspace";
export * from "./obsidian/scope";
export * from "./obsidian/markdown";
export * from "./obsidian/notice";
export * from "./obsidian/modal";
export * from "./obsidian/setting";
export * from "./obsidian/menu";
