"""``python -m kimono_interop.cli``: the ``kimono-interop`` console script."""

from kimono_interop.cli import main

raise SystemExit(main())
