/**
 * Test builders shared by every test folder, in the spirit of obsidian-tasks' TaskBuilder: each
 * builds a valid object from documented defaults and takes overrides, so a test states only the
 * values it depends on.
 */
export * from "./cards";
export * from "./notes";
export * from "./schedules";
export * from "./segments";
export * from "./settings";
export * from "./vaults";
