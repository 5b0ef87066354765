"""Stage 4, tidy: the tidy tables built, validated, written as one set, loaded, audited."""
