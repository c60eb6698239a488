/**
 * What the stage builder (build-stages.ts) hands back: the stages, the facts the advice rules
 * need about each, its notes, and the first reason BuildKit would refuse the file.
 */
import type { Advice, DockerStage } from "../types";

/** Facts about a stage that only the advice rules need. */
export interface StageFacts {
	/** The `AS` name exactly as written. */
	rawName: string | null;
	/** The `--platform` value as written, or null. */
	writtenPlatform: string | null;
	lastUser: { value: string; line: number } | null;
	/** Whether a COPY/ADD of the stage copies anything. */
	copies: boolean;
	/** …CA certificates (`ca-certificates`, `ssl/certs`), for the scratch reminder. */
	copiesCerts: boolean;
	/** …time zone files (`zoneinfo`, `tzdata`). */
	copiesZoneinfo: boolean;
	/** Each COPY/ADD: its `--from` (null for the build context) and its arguments after the flags. */
	copyItems: { from: string | null; rest: string }[];
	/** Whether a RUN installs production dependencies only (`npm ci --omit=dev` and the like). */
	prunesDevDependencies: boolean;
}

/** A reason BuildKit refuses the whole file, and the line it points at. */
interface Rejection {
	line: number;
	reason: string;
}

export interface BuiltStages {
	stages: DockerStage[];
	facts: StageFacts[];
	notes: Advice[];
	/** The first reason BuildKit would refuse the file, or null. */
	rejection: Rejection | null;
	/** The global scope FROM lines saw: values (platform args included) and every declared name. */
	globals: { env: ReadonlyMap<string, string>; declared: ReadonlySet<string> };
}
