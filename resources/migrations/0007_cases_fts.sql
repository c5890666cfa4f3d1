-- Full-text index of cases' summary and place as bigram tokens (main/core/cases/search.ts).
-- Contentless: the text lives in `cases` only; contentless_delete lets edits and tombstones remove rows.
-- Its triggers are installed at start, which also fills the index from the cases already there.
CREATE VIRTUAL TABLE `cases_fts` USING fts5(summary, place, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
