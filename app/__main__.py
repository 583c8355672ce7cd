"""``python -m app`` is the same as the ``bonmun`` command."""
from app.cli import main

raise SystemExit(main())
