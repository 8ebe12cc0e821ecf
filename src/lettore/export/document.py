"""The JSON export: the machine-readable contract of an article, its sentence-aligned
translation, and its analyses. Later features add top-level keys, never rename them."""

from __future__ import annotations

from typing import Any

from lettore.export.claims import claim_to_dict
from lettore.model import Article, Claim, Entity, SentenceKey, Translation


def article_document(
    article: Article,
    translations: dict[SentenceKey, Translation],
    entities: list[Entity],
    claims: list[Claim],
) -> dict[str, Any]:
    """The export dict: metadata, blocks with aligned sentences, entities, claims."""
    return {
        "id": article.id,
        "title": article.title,
        "date": article.date,
        "source_url": article.source_url,
        "author": article.author,
        "site_name": article.site_name,
        "source_lang": article.source_lang,
        "target_lang": article.target_lang,
        "blocks": [
            {
                "index": block.index,
                "kind": block.kind,
                "text": block.text,
                "sentences": [
                    _sentence(block.index, s.index, s.text, s.start, s.end, translations)
                    for s in block.sentences
                ],
            }
            for block in article.blocks
        ],
        "entities": [entity_dict(e) for e in entities],
        "claims": [_claim_with_current_translation(c, translations) for c in claims],
    }


def provenance(article: Article) -> str:
    """Where and when the article appeared, for reports: "site · author · date · URL"."""
    parts = (article.site_name, article.author, article.date, article.source_url or article.source_path)
    return " · ".join(part for part in parts if part)


def _sentence(
    block: int, index: int, text: str, start: int, end: int, translations: dict[SentenceKey, Translation]
) -> dict[str, Any]:
    """One sentence with its translation (null when there is none yet)."""
    translation = translations.get((block, index))
    return {
        "index": index,
        "text": text,
        "start": start,
        "end": end,
        "translation": translation.text if translation else None,
        "translation_source": translation.source if translation else None,
        "translation_rough": translation.rough if translation else None,
    }


def entity_dict(entity: Entity) -> dict[str, Any]:
    """An entity as exported: {"text","label","block","sentence","start","end","value","english"}."""
    return {
        "text": entity.text,
        "label": entity.label,
        "block": entity.block,
        "sentence": entity.sentence,
        "start": entity.start,
        "end": entity.end,
        "value": entity.value,
        "english": entity.english,
    }


def _claim_with_current_translation(
    claim: Claim, translations: dict[SentenceKey, Translation]
) -> dict[str, Any]:
    """A claim as exported, its translation taken from the store as it is now (a later
    `prepare` or a manual edit may have changed it since the analysis)."""
    data = claim_to_dict(claim)
    current = translations.get((claim.block, claim.sentence))
    data["translation"] = current.text if current else None
    return data
