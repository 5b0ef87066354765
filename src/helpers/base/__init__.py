"""Foundations every stage uses: repository paths, the one error type, whole-file writes, and the checks that
stop a build in one line (the environment against the lock and the shipped font, printed PDFs, stale pages)."""
