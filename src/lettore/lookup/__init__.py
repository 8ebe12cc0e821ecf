"""Word lookup for the reader: lemma, part of speech and English senses of an Italian
word from offline sources (Apertium's dictionaries, FreeDict), cached in the library.

Import the submodules you need; nothing here starts a process or reads a dictionary.
"""
