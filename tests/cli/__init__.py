"""Tests of the kimono-interop console script (kimono_interop.cli)."""
