import type { Command } from "../io";
import { dockerCommand } from "./docker";

/** Every command of `shared/spec/cli.md`, by name. Each lives in its own module. */
export const COMMANDS: Record<string, Command> = {
	docker: dockerCommand,
};
