"""Names kept and chrF of the offline chain on NTREX (it->en against the English original).

Documents are split by a hash of their id: dev (two thirds, used to choose post-edits)
and held-out (one third, reported, never tuned on). For raw Apertium and the protected,
post-edited chain it prints: the share of capitalised names that the reference keeps and
the translation keeps too, chrF (sacrebleu), and sentences per second (NER excluded: it
runs at import time). Each row adds one step: names protected, the Italian words the pivot
lacks looked up through Catalan (when apertium-cat-ita and apertium-eng-cat are installed),
post-edits. Run: PYTHONPATH=src python benchmarks/bench_names.py [--limit N]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
import zlib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src")]

from lettore.analyse.run import find_entities  # noqa: E402
from lettore.model import Article  # noqa: E402
from lettore.segment import make_block  # noqa: E402
from lettore.translate.engines.apertium import ApertiumEngine  # noqa: E402
from lettore.translate.engines.base import TextHints  # noqa: E402
from lettore.translate.names import hints_from_entities, sentence_hints  # noqa: E402
from lettore.translate.postedit import RULES, post_edit  # noqa: E402

_CAPITAL = re.compile(r"\b[A-Z][\w'’.-]*\w|\b[A-Z]\b")


def shared_data() -> Path:
    """$LETTORE_SHARED_DATA or ../shared/data beside the checkout."""
    return Path(os.environ.get("LETTORE_SHARED_DATA", ROOT.parent / "shared" / "data"))


def documents(folder: Path) -> dict[str, list[tuple[str, str]]]:
    """Document id -> [(Italian, English reference)] in order."""
    ids = (folder / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    ita = (folder / "newstest2019-ref.ita.txt").read_text(encoding="utf-8").splitlines()
    eng = (folder / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    docs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for doc, it, en in zip(ids, ita, eng, strict=True):
        docs[doc.strip()].append((it.strip(), en.strip()))
    return dict(docs)


def is_held_out(doc: str) -> bool:
    """One document in three, by a stable hash of its id."""
    return zlib.crc32(doc.encode()) % 3 == 0


def names_in(italian: str, reference: str) -> list[str]:
    """Capitalised words of the Italian, not sentence-initial, that the reference keeps."""
    words = [m.group(0) for m in _CAPITAL.finditer(italian) if m.start() > 0]
    return [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", reference)]


def hints_for(docs: dict[str, list[tuple[str, str]]]) -> list[TextHints]:
    """Each sentence's hints from the reader's own entity analysis of its document."""
    out: list[TextHints] = []
    for doc, pairs in docs.items():
        article = Article(title=doc, blocks=tuple(make_block(i, "paragraph", it) for i, (it, _) in enumerate(pairs)),
                          content_hash=doc)
        by_key = hints_from_entities(find_entities(article))
        for block in article.blocks:
            first = block.sentences[0].index if block.sentences else 0
            merged = [by_key.get((block.index, s.index), TextHints()) for s in block.sentences] or [TextHints()]
            keep = tuple(n for h in merged for n in h.keep)
            terms = tuple(t for h in merged for t in h.terms)
            out.append(sentence_hints(block.text, TextHints(first, keep, terms)))
    return out


def translate(engine: ApertiumEngine, sources: list[str], hints: list[TextHints] | None) -> list[str]:
    """One pipeline run; a sentence that failed counts as an empty translation."""
    out = [""] * len(sources)
    for index, result in engine.translate_stream(sources, "it", "en", hints=hints):
        out[index] = result if isinstance(result, str) else ""
    return out


def score(name: str, sources: list[str], refs: list[str], hyps: list[str], seconds: float) -> None:
    """Print names kept, chrF and speed for one system."""
    import sacrebleu  # benchmark only: not a runtime dependency

    wanted = kept = 0
    for it, ref, hyp in zip(sources, refs, hyps, strict=True):
        for word in names_in(it, ref):
            wanted += 1
            kept += bool(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", hyp))
    chrf = sacrebleu.corpus_chrf(hyps, [refs]).score
    print(f"  {name:<24} names kept {kept}/{wanted} = {kept / max(wanted, 1):.4f}   chrF {chrf:.2f}"
          f"   {len(hyps) / seconds:.0f} sentences/s")


def main() -> int:
    """Translate dev and held-out with both chains and print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0, help="documents per split (0: all)")
    parser.add_argument("--split", choices=("dev", "held-out", "both"), default="both")
    options = parser.parse_args()
    limit = options.limit
    docs = documents(shared_data() / "ntrex")
    for split in ("dev", "held-out") if options.split == "both" else (options.split,):
        chosen = {d: p for d, p in docs.items() if is_held_out(d) == (split == "held-out")}
        if limit:
            chosen = dict(list(chosen.items())[:limit])
        sources = [it for pairs in chosen.values() for it, _ in pairs]
        refs = [en for pairs in chosen.values() for _, en in pairs]
        hints = hints_for(chosen)
        print(f"{split}: {len(chosen)} documents, {len(sources)} sentences")
        for label, engine, with_hints in (
            ("raw apertium", ApertiumEngine(protect=False), False),
            ("protected", ApertiumEngine(post_edits=False, look_up_unknown=False), True),
            ("+ unknowns via Catalan", ApertiumEngine(post_edits=False), True),
            ("+ post-edited", ApertiumEngine(), True),
        ):
            start = time.perf_counter()
            hyps = translate(engine, sources, hints if with_hints else None)
            score(label, sources, refs, hyps, time.perf_counter() - start)
        ablation(refs, translate(ApertiumEngine(post_edits=False), sources, hints))
        without_pre_edits(sources, refs, hints)
        if split == "dev":
            speed(sources, hints)
    return 0


def speed(sources: list[str], hints: list[TextHints], repeat: int = 3) -> None:
    """Sentences per second, best of `repeat` runs each, raw against protected+post-edited."""
    best: dict[str, float] = {}
    for _ in range(repeat):
        for label, engine, marks in (("raw", ApertiumEngine(protect=False), None),
                                     ("protected", ApertiumEngine(), hints)):
            start = time.perf_counter()
            translate(engine, sources, marks)
            best[label] = min(best.get(label, float("inf")), time.perf_counter() - start)
    print(f"  speed (best of {repeat}): raw {len(sources) / best['raw']:.0f} sentences/s,"
          f" protected+post-edited {len(sources) / best['protected']:.0f} sentences/s,"
          f" cost {best['protected'] / best['raw']:.2f}x (target <= 1.5x)")


def ablation(refs: list[str], protected: list[str]) -> None:
    """chrF change when each post-edit rule is left out (negative: the rule helps)."""
    import sacrebleu  # benchmark only

    full = sacrebleu.corpus_chrf([post_edit(h) for h in protected], [refs]).score
    parts = []
    for label in RULES:
        without = sacrebleu.corpus_chrf([post_edit(h, skip=[label]) for h in protected], [refs]).score
        parts.append(f"{label} {without - full:+.2f}")
    print("  without each post-edit: " + ", ".join(parts))


def without_pre_edits(sources: list[str], refs: list[str], hints: list[TextHints]) -> None:
    """chrF change when the Italian is not pre-edited (`postedit.pre_edit`) before the pivot,
    all of them and each one (negative: it helps)."""
    import sacrebleu  # benchmark only

    from lettore.translate import postedit

    full = sacrebleu.corpus_chrf(translate(ApertiumEngine(), sources, hints), [refs]).score
    kept = postedit.pre_edit
    parts = []
    for label in ("all", *postedit.PRE_EDITS):
        skip = list(postedit.PRE_EDITS) if label == "all" else [label]
        postedit.pre_edit = lambda text, skip=skip: kept(text, skip=skip)
        try:
            without = sacrebleu.corpus_chrf(translate(ApertiumEngine(), sources, hints), [refs]).score
        finally:
            postedit.pre_edit = kept
        parts.append(f"{label} {without - full:+.2f}")
    print("  without the pre-edits: " + ", ".join(parts))


if __name__ == "__main__":
    raise SystemExit(main())
