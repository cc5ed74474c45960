"""``python -m quotable`` runs the command-line interface."""

from quotable.cli import main

raise SystemExit(main())
