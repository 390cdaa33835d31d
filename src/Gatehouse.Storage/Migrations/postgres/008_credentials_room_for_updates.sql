-- Nearly every grant rewrites its card's row (the last grant, R-GYM-10). With full pages one update in ten found no
-- room on its page and was not a HOT update, so it also inserted into each of the card's three indexes, one of them
-- over the card's text value. A fifth of each page is left free for the new row versions; pages written from now on
-- (and those already full as updates prune them) keep it.
ALTER TABLE credentials SET (fillfactor = 80);
