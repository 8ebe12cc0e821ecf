"""Any OpenAI-compatible chat server (Ollama, llama.cpp, LM Studio, vLLM, OpenAI...) as an engine.

One request per paragraph: the last user message carries `{"sentences": [...]}` with
the previous paragraph as `"context"` and the names and glossary terms to keep; the
answer must be `{"translations": [...]}` of the same length. A wrong count or an
unreadable answer fails the batch, which is then asked again sentence by sentence, so a
misaligned translation is never stored. The request itself (timeout, retries, backoff,
typed errors) is `HttpClient`'s, like every online engine's.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lettore.translate.engines.base import Result, TextHints, check_answer
from lettore.translate.engines.errors import EngineBadResponse, EngineError
from lettore.translate.engines.http import HttpClient
from lettore.translate.engines.online import OnlineEngine
from lettore.translate.engines.pool import parallel_map

LANGUAGES = {"it": "Italian", "en": "English", "es": "Spanish", "fr": "French", "de": "German"}
MAX_BATCH = 16
_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL | re.IGNORECASE)


@dataclass(frozen=True)
class Batch:
    """One request: positions in the engine's input, their texts and the paragraph before."""

    positions: tuple[int, ...]
    sentences: tuple[str, ...]
    context: str
    keep: tuple[str, ...]
    terms: tuple[tuple[str, str], ...] = ()


def instruction(src: str, tgt: str) -> str:
    """The system message: the task and the answer's shape, for any chat model."""
    source, target = LANGUAGES.get(src, src), LANGUAGES.get(tgt, tgt)
    return (
        f"You translate news from {source} to {target}. The user sends one JSON object"
        ' {"sentences": [...]}, possibly with "context" (the previous paragraph, not to be'
        ' translated), "keep" (names to copy unchanged) and "glossary" (terms with the'
        f" {target} to use). Translate each sentence into {target}, one for one and in order;"
        " keep names and figures exactly as written. Answer only with the JSON object"
        ' {"translations": [...]} holding exactly as many strings as there were sentences.'
    )


def response_schema(count: int) -> dict[str, Any]:
    """The `response_format` asking for exactly `count` translations."""
    return {
        "type": "json_schema",
        "json_schema": {
            "name": "translations",
            "strict": True,
            "schema": {
                "type": "object",
                "properties": {
                    "translations": {
                        "type": "array",
                        "items": {"type": "string"},
                        "minItems": count,
                        "maxItems": count,
                    }
                },
                "required": ["translations"],
                "additionalProperties": False,
            },
        },
    }


def parse_translations(content: object, count: int) -> list[object]:
    """The list of translations in a model's answer: bare JSON, fenced, or inside prose.

    Raises `ValueError` when no JSON object with `translations` of `count` items is found.
    """
    if not isinstance(content, str):
        raise ValueError("the answer has no text")
    candidates = [content, *_FENCE.findall(content)]
    start, end = content.find("{"), content.rfind("}")
    if 0 <= start < end:
        candidates.append(content[start : end + 1])
    for candidate in candidates:
        try:
            data = json.loads(candidate.strip())
        except ValueError:
            continue
        found = data.get("translations") if isinstance(data, dict) else data
        if isinstance(found, list):
            if len(found) != count:
                raise ValueError(f"answered {len(found)} translations for {count} sentences")
            return found
    raise ValueError("the answer held no JSON object with translations")


def batches(
    texts: Sequence[str], hints: Sequence[TextHints] | None, size: int = MAX_BATCH
) -> list[Batch]:
    """Consecutive texts of one paragraph per batch (at most `size`), each with the one before."""
    marks = list(hints) if hints is not None else [TextHints() for _ in texts]
    out: list[Batch] = []
    current: list[int] = []
    previous = ""
    for position in range(len(texts)):
        if current and (marks[position].group != marks[current[0]].group or len(current) >= size):
            out.append(_batch(texts, marks, current, previous))
            previous = " ".join(texts[i] for i in current)
            current = []
        current.append(position)
    if current:
        out.append(_batch(texts, marks, current, previous))
    return out


def _batch(texts: Sequence[str], marks: Sequence[TextHints], at: list[int], context: str) -> Batch:
    """A Batch from positions, with the union of their names to keep."""
    keep = tuple(dict.fromkeys(name for i in at for name in marks[i].keep))
    terms = tuple(dict.fromkeys(term for i in at for term in marks[i].terms))
    return Batch(tuple(at), tuple(texts[i] for i in at), context, keep, terms)


class OpenAIEngine(OnlineEngine):
    """`POST {url}/chat/completions`, one paragraph per request, `jobs` requests at once."""

    name = "openai"
    accepts_hints = True

    def __init__(
        self,
        client: HttpClient,
        url: str | None = None,
        jobs: int = 4,
        api_key: str | None = None,
        model: str | None = None,
        temperature: float = 0.0,
        glossary: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(client, jobs)
        self.url = url.rstrip("/") if url else None
        self.api_key = api_key
        self.model = model
        self.temperature = temperature
        self.glossary = dict(glossary or {})
        self._schema = True

    def __repr__(self) -> str:
        return f"OpenAIEngine(url={self.url!r}, model={self.model!r}, jobs={self.jobs})"

    def available(self) -> str | None:
        """The engine needs a server URL and a model name; the key is optional."""
        if not self.url:
            return "no server URL: pass --engine-url URL or set openai.url in config.yaml"
        if not self.model:
            return "no model: pass --model NAME or set openai.model in config.yaml"
        return None

    def translate_stream(
        self,
        texts: list[str],
        src: str,
        tgt: str,
        cancel: threading.Event | None = None,
        hints: Sequence[TextHints] | None = None,
    ) -> Iterator[tuple[int, Result]]:
        """Translate paragraph by paragraph on up to `jobs` threads, yielding per sentence."""
        refused = self.refusals(len(texts), cancel)
        if refused:
            yield from refused
            return
        work = batches(texts, hints)
        for _, results in parallel_map(
            lambda batch: self._guarded_batch(batch, src, tgt), work, self.jobs, self.client.cancel
        ):
            yield from results

    def request_one(self, text: str, src: str, tgt: str) -> str:
        """One sentence as a batch of one (the fallback path, and `translate_text`)."""
        return str(self._ask(Batch((0,), (text,), "", ()), src, tgt)[0])

    def _guarded_batch(self, batch: Batch, src: str, tgt: str) -> list[tuple[int, Result]]:
        """One batch through the circuit breaker; a misaligned answer goes sentence by sentence."""
        with self._lock:
            tripped = self._tripped
        if tripped is not None:
            return [(position, tripped) for position in batch.positions]
        try:
            answers = self._ask(batch, src, tgt)
        except EngineBadResponse as error:
            if len(batch.positions) == 1:
                self._record(error)
                return [(batch.positions[0], error)]
            return [self._one(batch, i, src, tgt) for i in range(len(batch.positions))]
        except EngineError as error:
            self._record(error)
            return [(position, error) for position in batch.positions]
        self._record("")
        return [
            (position, self._checked(source, answer))
            for position, source, answer in zip(batch.positions, batch.sentences, answers, strict=True)
        ]

    def _one(self, batch: Batch, i: int, src: str, tgt: str) -> tuple[int, Result]:
        """Sentence `i` of a failed batch asked alone, with the same context and names."""
        single = Batch((batch.positions[i],), (batch.sentences[i],), batch.context, batch.keep, batch.terms)
        return self._guarded_batch(single, src, tgt)[0]

    def _checked(self, source: str, answer: object) -> Result:
        """One translation of a good batch, or the error for that sentence alone."""
        try:
            return check_answer(self.name, source, answer)
        except EngineError as error:
            return error

    def _ask(self, batch: Batch, src: str, tgt: str) -> list[object]:
        """Send one batch; return exactly one answer per sentence or raise `EngineError`."""
        payload: dict[str, Any] = {"sentences": list(batch.sentences)}
        if batch.context:
            payload["context"] = batch.context
        if batch.keep:
            payload["keep"] = list(batch.keep)
        terms = {k: v for k, v in self.glossary.items() if any(k in s for s in batch.sentences)}
        terms.update(dict(batch.terms))
        if terms:
            payload["glossary"] = terms
        body: dict[str, Any] = {
            "model": self.model,
            "temperature": self.temperature,
            "messages": [
                {"role": "system", "content": instruction(src, tgt)},
                {"role": "user", "content": json.dumps(payload, ensure_ascii=False)},
            ],
        }
        if self._schema:
            body["response_format"] = response_schema(len(batch.sentences))
        try:
            data = self._post(body)
        except EngineBadResponse:
            if not self._schema:
                raise
            self._schema = False  # this server refuses response_format: ask without it
            body.pop("response_format")
            data = self._post(body)
        try:
            content = data["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise EngineBadResponse(self.name, "the answer had no choices[0].message") from None
        try:
            return parse_translations(content, len(batch.sentences))
        except ValueError as error:
            raise EngineBadResponse(self.name, str(error)) from None

    def _post(self, body: dict[str, Any]) -> Any:
        """POST the chat request and decode its JSON body."""
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        response = self.client.request(
            "POST", f"{self.url}/chat/completions", json=body, headers=headers
        )
        try:
            return response.json()
        except ValueError:
            raise EngineBadResponse(self.name, "answered something that is not JSON") from None
