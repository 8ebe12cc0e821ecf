"""The reader screen's parts: one module per feature (translation, entities, claims,
search, lookup), each a `ReaderPart` (base.py) that owns its state, keys and widgets.
The screen assembles them in `screens/reader.py` PARTS."""
