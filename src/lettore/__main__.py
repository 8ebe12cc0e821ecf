"""`python -m lettore` runs the same CLI as the `reader` script."""

from lettore.cli import main

raise SystemExit(main())
