"""The wheel carries what a non-editable install needs to open the seed offline."""

from __future__ import annotations

import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_wheel_ships_seed_models_and_styles(tmp_path: Path) -> None:
    from hatchling.builders.wheel import WheelBuilder

    built = list(WheelBuilder(str(REPO)).build(directory=str(tmp_path), versions=["standard"]))
    names = set(zipfile.ZipFile(built[0]).namelist())
    for member in (
        "lettore/seeds/kim-tanks-russia.it.txt",
        "lettore/seeds/kim-tanks-russia.en.tmx",
        "lettore/analyse/ner/model.npz",
        "lettore/analyse/ner/window_net.npz",
        "lettore/analyse/ner/lexicon.pack",
        "lettore/analyse/ner/municipalities.txt.gz",
        "lettore/analyse/ner/NOTICE",
        "lettore/analyse/subjectivity/subjectivity.json.gz",
        "lettore/analyse/subjectivity/subjectivity_e5.json.gz",
        "lettore/analyse/subjectivity/subjectivity_e5_bitfit.npz",
        "lettore/analyse/subjectivity/NOTICE",
        "lettore/tui/lettore.tcss",
    ):
        assert member in names, member
    # Training code and the fitted CRF stay in the repository (training/), out of the wheel.
    assert not any(n.endswith(".crfsuite") or n.startswith("training/") for n in names)
    assert not any(n.startswith("lettore/analyse/ner/") and n.endswith(("train.py", "resources.py")) for n in names)
    subjectivity = [n for n in names if n.startswith("lettore/analyse/subjectivity/")]
    assert not any(n.endswith(("train.py", "embeddings.py")) for n in subjectivity)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "reader = lettore.cli:main" in zipfile.ZipFile(built[0]).read(entry_points).decode()
