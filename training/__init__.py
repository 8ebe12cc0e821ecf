"""Training code for the shipped models (run from a checkout; not part of the installed package)."""
