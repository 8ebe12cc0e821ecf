"""The closing part of `reader --help`: what a manual page would add to the parser's own text
(the bare command, environment, files, exit status), so `--help` can serve as one."""

from __future__ import annotations

EPILOG = """\
With no COMMAND, reader reopens the last article read (the seed article on a fresh
library, the library screen when there are several to choose from). Every command
has its own --help; in the reader, ? lists every key and ctrl+p every action.

environment:
  LETTORE_HOME         library folder (as --home)
  LETTORE_CONFIG       config file (as --config)
  LETTORE_DEEPL_KEY, LETTORE_MICROSOFT_KEY, LETTORE_LIBRE_KEY
                       API keys of the online engines (better than config.yaml)
  NO_COLOR             no colour in anything the commands print
  TEXTUAL_FPS          the reader's frame cap (default 240)

files:
  ~/.config/lettore/config.yaml      user settings (config.yaml in the source documents every key)
  ~/.local/share/lettore/library.sqlite3
                                     the library: articles, translations, memory, saved words

exit status:
  0 success; 1 a bug; 2 a problem you can fix (one line on stderr says what to do);
  3 partial translation (reader prepare: run it again for the rest); 130 interrupted.

completion: reader completion bash|zsh|fish prints a script for your shell.
"""
