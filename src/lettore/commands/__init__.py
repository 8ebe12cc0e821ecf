"""Subcommands of `reader`, one module each.

Every module listed here exposes `add_parser(subparsers)` and `run(args, ctx) -> int`;
cli.py imports a module only when its command runs, so start-up stays light.
"""

from __future__ import annotations

# (command name, module path): the name is what the user types after `reader`.
COMMAND_MODULES: tuple[tuple[str, str], ...] = (
    ("add", "lettore.commands.add"),
    ("open", "lettore.commands.open"),
    ("list", "lettore.commands.list"),
    ("export", "lettore.commands.export"),
    ("prepare", "lettore.commands.prepare"),
    ("tm", "lettore.commands.tm"),
    ("glossary", "lettore.commands.glossary"),
    ("eval-ner", "lettore.commands.eval_ner"),
    ("eval-subjectivity", "lettore.commands.eval_subjectivity"),
    ("export-words", "lettore.commands.export_words"),
    ("completion", "lettore.commands.completion"),
    ("feed", "lettore.commands.feed"),
)
