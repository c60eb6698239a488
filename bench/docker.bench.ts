/**
 * Dockerfile analysis speed: median time for a 50-line and a 2,000-line Dockerfile, and for a
 * Dockerfile of 5,000 stages, in each of several runs (bench/measure.ts). Targets: linear in
 * length, ≤ 5 ms for 2,000 lines, ≤ 100 ms for 5,000 stages, and linear in the number of stages.
 */
import { analyseDockerfile } from "../src/docker/analyse";
import { atMost, linear, medianTime, pick, ratios, repeat, RUNS, runsNote, show } from "./measure";

/** A realistic multi-stage Dockerfile of about `lines` lines. */
function dockerfile(lines: number): string {
	const out = ["# syntax=docker/dockerfile:1", "ARG GO=1.22", "ARG BASE=alpine:3.20"];
	let stage = 0;
	while (out.length < lines - 3) {
		const name = `stage${stage}`;
		out.push(stage % 5 === 0 ? `FROM golang:\${GO} AS ${name}` : `FROM stage${stage - 1} AS ${name}`);
		out.push("WORKDIR /src", "COPY go.mod go.sum ./");
		out.push("RUN --mount=type=cache,target=/go/pkg/mod \\", "    # download first", "    go mod download && \\", "    go build -o /out/app ./cmd/app");
		out.push("RUN <<EOF", "set -e", "FROM this-is-not-a-stage", "EOF");
		if (stage > 0) out.push(`COPY --chown=app:app --from=${stage - 1} /out /out`);
		out.push("ENV CGO_ENABLED=0", "");
		stage++;
	}
	// Whole stages only: a heredoc cut in half would make BuildKit (and the analysis) refuse the file.
	out.push("FROM ${BASE}", `COPY --from=stage${stage - 1} /out/app /app`, 'ENTRYPOINT ["/app"]');
	return out.join("\n");
}

/**
 * A Dockerfile of `stages` stages: chains of stages built on each other (FROM by name), each
 * copying from the one before by name and from the one before that by index, with cache mounts,
 * and a final stage that takes the last one's output. Every reference is resolved and every
 * stage reached, so nothing is skipped early.
 */
function manyStages(stages: number): string {
	const out = ["# syntax=docker/dockerfile:1", "ARG GO=1.22", "ARG BASE=alpine:3.20"];
	for (let i = 0; i < stages - 1; i++) {
		out.push(i % 5 === 0 ? `FROM golang:\${GO} AS s${i}` : `FROM s${i - 1} AS s${i}`);
		out.push("WORKDIR /src", "RUN --mount=type=cache,target=/root/.cache go build ./...");
		if (i > 0) out.push(`COPY --from=s${i - 1} /out /out`);
		if (i > 1) out.push(`COPY --from=${i - 2} /x /x`);
	}
	out.push("FROM ${BASE}", `COPY --from=s${stages - 2} /out/app /app`, 'ENTRYPOINT ["/app"]');
	return out.join("\n");
}

const small = dockerfile(50);
const large = dockerfile(2000);
for (let i = 0; i < pick(50, 20); i++) analyseDockerfile(large); // warm up the JIT
// Each run's figure is the median of many analyses (one takes well under a millisecond).
const a = repeat(RUNS, () => medianTime(pick(2000, 300), () => analyseDockerfile(small)));
const b = repeat(RUNS, () => medianTime(pick(200, 30), () => analyseDockerfile(large)));
const perLine = (values: number[], lines: number) => values.map((ms) => (ms * 1000) / lines);
const smallLines = small.split("\n").length;
const largeLines = large.split("\n").length;
console.log(runsNote());
console.log(`analyseDockerfile, ${smallLines} lines:    median ${show(a, 3)}, ${show(perLine(a, smallLines), 2, " µs/line")}`);
console.log(
	`analyseDockerfile, ${largeLines.toLocaleString("en")} lines: median ${show(b, 3)}, ${show(perLine(b, largeLines), 2, " µs/line")}  ${atMost(b, 5, "≤ 5 ms")}`,
);
console.log(
	`growth from ${smallLines} to ${largeLines.toLocaleString("en")} lines: ${show(ratios(b, a), 1, "×")}  ${linear(ratios(b, a), Math.round((largeLines / smallLines) * 10) / 10)}`,
);
console.log(
	`stages in the large file: ${(() => {
		const r = analyseDockerfile(large);
		return r.error ?? `${r.stages.length} (${large.split("\n").length} lines)`;
	})()}`,
);

// The growth is taken from 5,000 to 10,000 stages: a file of a thousand stages or two is analysed
// within V8's young heap and so runs faster per stage, which would hide or fake a trend.
const stageCount = pick(5000, 1000);
const many = manyStages(stageCount);
const twice = manyStages(stageCount * 2);
for (let i = 0; i < pick(5, 2); i++) analyseDockerfile(twice); // warm up the JIT
const c = repeat(RUNS, () => medianTime(pick(15, 3), () => analyseDockerfile(many)));
const d = repeat(RUNS, () => medianTime(pick(9, 3), () => analyseDockerfile(twice)));
console.log(`analyseDockerfile, ${stageCount.toLocaleString("en")} stages: median ${show(c, 1)}  ${atMost(c, 100, "≤ 100 ms")}`);
console.log(
	`growth from ${stageCount.toLocaleString("en")} to ${(stageCount * 2).toLocaleString("en")} stages: ${show(ratios(d, c), 1, "×")}  ${linear(ratios(d, c), 2)}`,
);
console.log(
	`stages in that file: ${(() => {
		const r = analyseDockerfile(many);
		return r.error ?? `${r.stages.length}, ${r.stages.filter((s) => s.skipped).length} skipped`;
	})()}`,
);
