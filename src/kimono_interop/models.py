"""The API's models, generated from openapi/interop-v2.yaml (re-exported from the generated client).

Every model keeps fields it does not know in ``additional_properties``, every enum keeps values
it does not know, and ``to_dict()`` gives both back unchanged.
"""

from kimono_interop_client.models import *  # noqa: F403
from kimono_interop_client.models import __all__ as __all__
from kimono_interop_client.types import UNSET as UNSET
from kimono_interop_client.types import Unset as Unset
