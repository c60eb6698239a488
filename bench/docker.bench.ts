/**
 * Dockerfile analysis speed: median time for a 50-line and a 2,000-line Dockerfile, in each of
 * several runs (bench/measure.ts). Target: linear in length, ≤ 5 ms for 2,000 lines.
 */
import { analyseDockerfile } from "../src/docker/analyse";
import { atMost, linear, medianTime, pick, ratios, repeat, RUNS, runsNote, show } from "./measure";

/** A realistic multi-stage Dockerfile of about `lines` lines. */
function dockerfile(lines: number): string {
	const out = ["# syntax=docker/dockerfile:1", "ARG GO=1.22", "ARG BASE=alpine:3.20"];
	let stage = 0;
	while (out.length < lines) {
		const name = `stage${stage}`;
		out.push(stage % 5 === 0 ? `FROM golang:\${GO} AS ${name}` : `FROM stage${stage - 1} AS ${name}`);
		out.push("WORKDIR /src", "COPY go.mod go.sum ./");
		out.push("RUN --mount=type=cache,target=/go/pkg/mod \\", "    # download first", "    go mod download && \\", "    go build -o /out/app ./cmd/app");
		out.push("RUN <<EOF", "set -e", "FROM this-is-not-a-stage", "EOF");
		if (stage > 0) out.push(`COPY --chown=app:app --from=${stage - 1} /out /out`);
		out.push("ENV CGO_ENABLED=0", "");
		stage++;
	}
	out.push("FROM ${BASE}", `COPY --from=stage${stage - 1} /out/app /app`, 'ENTRYPOINT ["/app"]');
	return out.slice(0, lines).join("\n");
}

const small = dockerfile(50);
const large = dockerfile(2000);
for (let i = 0; i < pick(50, 20); i++) analyseDockerfile(large); // warm up the JIT
// Each run's figure is the median of many analyses (one takes well under a millisecond).
const a = repeat(RUNS, () => medianTime(pick(2000, 300), () => analyseDockerfile(small)));
const b = repeat(RUNS, () => medianTime(pick(200, 30), () => analyseDockerfile(large)));
const perLine = (values: number[], lines: number) => values.map((ms) => (ms * 1000) / lines);
console.log(runsNote());
console.log(`analyseDockerfile, 50 lines:    median ${show(a, 3)}, ${show(perLine(a, 50), 2, " µs/line")}`);
console.log(`analyseDockerfile, 2,000 lines: median ${show(b, 3)}, ${show(perLine(b, 2000), 2, " µs/line")}  ${atMost(b, 5, "≤ 5 ms")}`);
console.log(`growth from 50 to 2,000 lines: ${show(ratios(b, a), 1, "×")}  ${linear(ratios(b, a), 40)}`);
console.log(`stages in the large file: ${(() => { const r = analyseDockerfile(large); return r.error ?? r.stages.length; })()}`);
