"""Stage 5, text: what a reader reads, in both languages, bound to the tidy tables; the fonts."""
