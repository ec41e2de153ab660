"""kimono_interop: the async Python SDK for the Kimono Interop API v2."""

__version__ = "0.1.0"
__all__ = ["__version__"]
