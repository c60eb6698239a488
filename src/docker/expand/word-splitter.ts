/**
 * Splits the result of processing a word into words as BuildKit's `ProcessWords` does (see
 * process-word.ts): white space that an expansion or plain text brings splits, quoted text and
 * escaped characters never do.
 */

const SPACE = /^\s$/u;

/** Collects the result split into words: white space from expansions splits, quoted text does not. */
export class WordSplitter {
	words: string[] = [];
	private buf = "";
	private inWord = false;

	char(ch: string): void {
		if (SPACE.test(ch)) {
			if (this.inWord && this.buf !== "") {
				this.words.push(this.buf);
				this.buf = "";
				this.inWord = false;
			}
		} else this.rawChar(ch);
	}

	rawChar(ch: string): void {
		this.buf += ch;
		this.inWord = true;
	}

	text(s: string): void {
		for (const ch of s) this.char(ch);
	}

	rawText(s: string): void {
		this.buf += s;
		this.inWord = true;
	}

	finish(): string[] {
		if (this.buf !== "") this.words.push(this.buf);
		this.buf = "";
		this.inWord = false;
		return this.words;
	}
}
