"""News feeds (RSS, Atom) newsboat-style: subscribe, update, import each new item in full."""
