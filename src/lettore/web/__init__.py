"""The web side of ingest: fetching pages and feeds over HTTP(S) with hard limits."""
