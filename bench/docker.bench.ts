/**
 * Dockerfile analysis speed: median time for a 50-line and a 2,000-line Dockerfile.
 * Target: linear in length, ≤ 5 ms for 2,000 lines.
 */
import { analyseDockerfile } from "../src/docker/analyse";

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

function medianMs(text: string, runs: number): number {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		analyseDockerfile(text);
		times.push(performance.now() - t0);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

const small = dockerfile(50);
const large = dockerfile(2000);
for (let i = 0; i < 50; i++) analyseDockerfile(large); // warm up the JIT
const a = medianMs(small, 2000);
const b = medianMs(large, 200);
console.log(`analyseDockerfile, 50 lines:    median ${a.toFixed(3)} ms (${((a * 1000) / 50).toFixed(2)} µs/line)`);
console.log(`analyseDockerfile, 2,000 lines: median ${b.toFixed(3)} ms (${((b * 1000) / 2000).toFixed(2)} µs/line)  target ≤ 5 ms`);
console.log(
	`stages in the large file: ${(() => {
		const r = analyseDockerfile(large);
		return r.error ?? r.stages.length;
	})()}`,
);
