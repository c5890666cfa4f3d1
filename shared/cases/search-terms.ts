/**
 * Full-text search terms for Chinese without a word segmenter. Text is cut into runs of letters and
 * digits (NFKC, so full-width Ａ３ match A3; lower-cased), and each run is indexed as its overlapping
 * bigrams plus its last character alone: 漏水管 → `漏水 水管 管`. A query run of two or more
 * characters is then the FTS5 phrase of its bigrams (consecutive tokens, so 水管道 cannot match
 * 水管…管道 apart), and a single character is a prefix query, since every character of the text
 * starts one token. FTS5's trigram tokenizer cannot find two-character words (噪音, 漏水), which are
 * most of what clerks type; bigrams can, at about the same index size.
 */

const RUN = /[\p{L}\p{N}]+/gu;

/** The letter/digit runs of a text, normalised the same way for indexing and querying. */
export function searchRuns(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(RUN) ?? [];
}

function bigrams(run: string): string[] {
  const chars = [...run];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** What goes into the FTS5 column: space-separated tokens (unicode61 splits on the spaces). */
export function searchTokens(text: string | null): string {
  if (!text) return '';
  return searchRuns(text)
    .map((run) => [...bigrams(run), [...run].at(-1)!].join(' '))
    .join(' ');
}

/**
 * The FTS5 MATCH expression for what a clerk typed: every run must occur (AND). Tokens contain only
 * letters and digits, so quoting them needs no escaping. Null when the text has no letter or digit.
 */
export function searchQuery(text: string): string | null {
  const runs = searchRuns(text);
  if (!runs.length) return null;
  return runs.map((run) => ([...run].length === 1 ? `"${run}"*` : `"${bigrams(run).join(' ')}"`)).join(' AND ');
}
