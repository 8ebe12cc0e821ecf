"""How a claim's kind and speaker are shown (status line and claims panel alike); kept apart
from the panel widget so the status line does not import the panel at start-up."""

from __future__ import annotations

from lettore.model import Claim

KIND_TAGS = {
    "quote": ("❝", "quote", "bold magenta"),
    "reported": ("»", "reported", "bold cyan"),
    "statistic": ("#", "statistic", "bold yellow"),
    "speculation": ("?", "speculation", "bold blue"),
    "assertion": ("!", "assertion", "bold green"),
}
UNATTRIBUTED = "unattributed"


def kind_tag(kind: str) -> tuple[str, str, str]:
    """Icon, tag and style of a claim kind (an unknown kind shows as itself)."""
    return KIND_TAGS.get(kind, ("•", kind, "bold"))


def speaker(claim: Claim) -> str:
    """Who the claim is attributed to, for display and the speaker filter."""
    return claim.attributed_to or UNATTRIBUTED
