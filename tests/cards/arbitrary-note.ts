/** Arbitrary note bodies built from the parser's hard parts, for property tests. */
import fc from "fast-check";

const linePiece = fc.constantFrom(
	"?",
	"??",
	"Q::A",
	"Q:::A",
	"==c==",
	"==1;;x;;h==",
	"```",
	"~~~",
	"````js",
	"$$",
	"<!--",
	"-->",
	"<!-- x -->",
	"%%",
	"<!--SR:!2025-01-02,3,250-->",
	"<!--SR:!bad,x,y-->",
	"<!--SR:!fsrs,2025-01-01T00:00:00Z,1,1,5,2,1,0,0,--->",
	"<!--SR:!2025-01-02,3,250!2025-02-01,5,230-->",
	"<!--SR:!fsrs,2025-03-01T10:00:00Z,2,3.1,4.2,3,4,1,0,2025-02-27T10:00:00Z-->",
	"<!--SR:!2000-01-01,1,250-->",
	"<!--SR:!2025-01-02,3,250",
	"<!--SR:!",
	"> [!sr|card-metadata]",
	"#flashcards",
	"#flashcards/a",
	"# Heading",
	"## Sub",
	"---",
	"+++",
	"text",
	"`a::b`",
	"[[x::y]]",
	"| a::b |",
	"^id",
	"",
	" ",
);
const prefix = fc.constantFrom("", "", "> ", "> > ", "  ", "- ", "    ", ">");
const ending = fc.constantFrom("\n", "\n", "\r\n", "\r");
export const noteText = fc
	.array(fc.tuple(prefix, fc.array(linePiece, { minLength: 1, maxLength: 3 }), ending), { maxLength: 40 })
	.map((lines) => lines.map(([p, pieces, e]) => p + pieces.join(" ") + e).join(""));
