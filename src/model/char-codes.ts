/**
 * UTF-16 code units the parsers compare `charCodeAt` results with, by name instead of a bare
 * number. A `const enum`, unlike the `as const` objects elsewhere (`LineKind`, `Mark`): esbuild
 * replaces each `Char.X` by its number in the bundles, so the hot loops compare with literals as
 * before. (Under `isolatedModules` it is compiled like a plain enum, which tests import as usual.)
 * In src/model, the bottom layer, so every layer can use it.
 */
export const enum Char {
	/** Tab through CarriageReturn (9–13, line feed 10 among them) are the ASCII controls that `trim` and `\s` treat as whitespace. */
	Tab = 9,
	VerticalTab = 0x0b,
	FormFeed = 0x0c,
	CarriageReturn = 13,
	Space = 32,
	/** `!` */
	Bang = 33,
	/** `"` */
	DoubleQuote = 34,
	/** `#` */
	Hash = 35,
	/** `$` */
	Dollar = 36,
	/** `%` */
	Percent = 37,
	/** `'` */
	SingleQuote = 39,
	/** `(` */
	OpenParen = 40,
	/** `)` */
	CloseParen = 41,
	/** `*` */
	Asterisk = 42,
	/** `+` */
	Plus = 43,
	/** `,` */
	Comma = 44,
	/** `-` (hyphen-minus) */
	Dash = 45,
	/** `.` */
	Dot = 46,
	/** `/` */
	Slash = 47,
	Digit0 = 48,
	Digit9 = 57,
	/** `:` */
	Colon = 58,
	/** `<` */
	LessThan = 60,
	/** `>` */
	GreaterThan = 62,
	/** `?` */
	UpperA = 65,
	UpperR = 82,
	UpperS = 83,
	UpperT = 84,
	UpperZ = 90,
	/** `[` */
	OpenBracket = 91,
	/** `\` */
	Backslash = 92,
	/** `]` */
	CloseBracket = 93,
	/** `^` */
	Caret = 94,
	/** `_` */
	Underscore = 95,
	/** `` ` `` */
	Backtick = 96,
	LowerA = 97,
	LowerD = 100,
	LowerF = 102,
	LowerG = 103,
	LowerM = 109,
	LowerS = 115,
	LowerT = 116,
	LowerZ = 122,
	/** `|` */
	Pipe = 124,
	/** `~`, the last visible ASCII character. */
	Tilde = 126,
	/** DEL, the last ASCII code: anything above it is not ASCII. */
	LastAscii = 0x7f,
	/** U+00A0 no-break space (whitespace for `trim` and `\s`). */
	NoBreakSpace = 0xa0,
	/** First low (trailing) surrogate: the second code unit of a character above U+FFFF. */
	LowSurrogateFirst = 0xdc00,
	/** Last low (trailing) surrogate. */
	LowSurrogateLast = 0xdfff,
	/** U+FEFF, the byte order mark (zero-width no-break space), whitespace for `trim`. */
	ByteOrderMark = 0xfeff,
}
