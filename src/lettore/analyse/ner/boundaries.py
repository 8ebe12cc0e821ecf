"""Boundary repair for foreign organisation names in Italian text: the head noun of an
English name ("Korean Central News Agency", "Associated Press") is a word the tagger
rarely saw capitalised at the end of an ORG, and it tends to glue it to the next name
instead ("Agency Kim" as a person). A capitalised head noun right after an ORG belongs
to that ORG."""

from __future__ import annotations

ORG_HEADS = frozenset(
    """Agency Association Authority Bank Board Bureau Center Centre Club College Commission
    Committee Company Corporation Council Court Department Foundation Fund Group Inc
    Institute Institution League Ltd Ministry Network News Office Organisation Organization
    Party Post Press Programme Program Service Society Times Tribune Union University""".split()
)


def attach_org_heads(tokens: list[str], tags: list[str]) -> list[str]:
    """Tags with every ORG-closing head noun moved into the ORG before it."""
    if ORG_HEADS.isdisjoint(tokens):
        return tags
    fixed = list(tags)
    for i in range(1, len(tokens)):
        if tokens[i] not in ORG_HEADS or fixed[i - 1] not in ("B-ORG", "I-ORG") or fixed[i] == "I-ORG":
            continue
        following = fixed[i + 1] if i + 1 < len(fixed) else "O"
        label = fixed[i][2:] if fixed[i] != "O" else ""
        fixed[i] = "I-ORG"
        if label and following == f"I-{label}":
            fixed[i + 1] = f"B-{label}"
    return fixed
