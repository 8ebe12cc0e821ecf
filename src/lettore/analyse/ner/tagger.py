"""The shipped Italian NER tagger: a CRF over hand-made features (trained with
python-crfsuite by training.ner.train), decoded in numpy from its compiled tables
(model.npz) and seconded by a window network, then the local-news rules. Loading is
lazy and cached; tagging works on tokens, raw text or a whole article."""

from __future__ import annotations

import threading
from pathlib import Path

from lettore.analyse.ner.boundaries import attach_org_heads, mark_news_outlets, name_after_outlet_noun
from lettore.analyse.ner.consistency import harmonise
from lettore.analyse.ner.features import FeatureExtractor
from lettore.analyse.ner.gazetteer import MUNICIPALITIES_PATH, Gazetteer
from lettore.analyse.ner.gold import spans
from lettore.analyse.ner.lexicon import Lexicon, load_lexicon
from lettore.analyse.ner.postrules import apply_local_rules
from lettore.analyse.ner.scores import CompiledCRF
from lettore.analyse.ner.tokenizer import tokenize
from lettore.analyse.ner.window_net import WindowNet
from lettore.errors import UserError

PACKAGE_DIR = Path(__file__).parent
MODEL_PATH = PACKAGE_DIR / "model.npz"
LEXICON_PATH = PACKAGE_DIR / "lexicon.pack"

_lock = threading.Lock()


def net_path(model_path: Path) -> Path:
    """Where the window network that seconds a model lives, beside the model file."""
    return model_path.with_name("window_net.npz")


_cache: dict[tuple[Path, Path], Tagger] = {}


class Tagger:
    """Tags Italian tokens with IOB2 PER/ORG/LOC using a compiled CRF (model.npz)."""

    def __init__(self, model_path: Path, lexicon: Lexicon) -> None:
        self.model_path = model_path
        self.features = FeatureExtractor(lexicon)
        self.gazetteer = Gazetteer.load(lexicon, model_path.with_name(MUNICIPALITIES_PATH.name))
        self._compiled = CompiledCRF.open(model_path)
        self._net: WindowNet | None = None
        if net_path(model_path).exists():
            # The network was trained with the lexicon's capitalisation cues (training.ner.train).
            self._net = WindowNet.open(net_path(model_path), lexicon.caps)
            self._net_columns = [self._net.labels.index(label) for label in self._compiled.labels]
        self._lock = threading.Lock()

    @classmethod
    def load(cls, model_path: Path | None = None, lexicon_path: Path | None = None) -> Tagger:
        """The tagger for the shipped (or given) model, loaded once per process."""
        model_path = Path(model_path or MODEL_PATH)
        lexicon_path = Path(lexicon_path or model_path.with_name(LEXICON_PATH.name))
        key = (model_path, lexicon_path)
        with _lock:
            tagger = _cache.get(key)
            if tagger is None:
                for path in key:
                    if not path.exists():
                        raise UserError(f"NER model file missing: {path} (reinstall lettore)")
                tagger = cls(model_path, load_lexicon(lexicon_path))
                _cache[key] = tagger
        return tagger

    def tag_tokens(self, sentences: list[list[str]]) -> list[list[str]]:
        """IOB2 tags for each token of each (already tokenized) sentence.

        Nearby sentences of the list count as one article for the document cues.
        """
        with self._lock:
            tagged = self._tag_features(sentences)
        repaired = [
            mark_news_outlets(tokens, name_after_outlet_noun(tokens, attach_org_heads(tokens, tags)))
            for tokens, tags in zip(sentences, tagged, strict=True)
        ]
        return apply_local_rules(sentences, repaired, self.gazetteer)

    def _tag_features(self, sentences: list[list[str]]) -> list[list[str]]:
        """The CRF's tags, its scores seconded by the window network; caller holds the lock."""
        emissions = self._compiled.emissions(self.features, sentences)
        if self._net is not None:
            weight = self._net.weight
            for scores, log_probs in zip(emissions, self._net.log_probs(sentences), strict=True):
                scores += weight * log_probs[:, self._net_columns]
        return self._compiled.viterbi(emissions)

    def tag_text(self, text: str) -> list[tuple[int, int, str]]:
        """Entity character spans (start, end, label) in one piece of text."""
        return self.tag_document([text])[0] if text.strip() else []

    def tag_document(self, sentences: list[str]) -> list[list[tuple[int, int, str]]]:
        """Entity spans per sentence, made consistent across the sentences of one article."""
        offsets = [tokenize(text) for text in sentences]
        tokens = [[text[s:e] for s, e in spans_] for text, spans_ in zip(sentences, offsets, strict=True)]
        tags = harmonise(tokens, self.tag_tokens(tokens))
        result: list[list[tuple[int, int, str]]] = []
        for token_spans, sentence_tags in zip(offsets, tags, strict=True):
            result.append(
                [
                    (token_spans[first][0], token_spans[last - 1][1], label)
                    for first, last, label in spans(sentence_tags)
                ]
            )
        return result
