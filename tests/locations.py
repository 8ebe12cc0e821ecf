"""Where the tests find the repository's own files, wherever a test module sits."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The project's shared data sets (../shared/data beside the checkout, as CI lays it out).
SHARED_DATA = Path(os.environ.get("LETTORE_SHARED_DATA") or REPO.parent / "shared" / "data")
