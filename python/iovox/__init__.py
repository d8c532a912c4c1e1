"""SDK for the IOVOX Enterprise REST API v3: buy VoxNumbers (``purchase_vox_numbers``) and
attach them to links (``attach_voxnumber_to_link``).

The work is done by the Rust core (``iovox._native``): every check the request alone
allows is made before anything is sent, with IOVOX's own messages.
"""

from iovox._async import AsyncClient
from iovox._errors import (
    ApiError,
    ConfigError,
    ConnectionError,
    DecodeError,
    IovoxError,
    Position,
    TimeoutError,
    ValidationError,
    ValidationIssue,
)
from iovox._models import AdditionalInformation, Link, LinkMethod, NumberType, OrderStatus, PurchaseItem
from iovox._native import (
    PRODUCTION_URL,
    SANDBOX_URL,
    Client,
    Order,
    VoxNumber,
    __version__,
    attach_request_xml,
    parse_callback,
    purchase_request_xml,
)

# Errors print as `iovox.ApiError`, and pickle by that name too.
for _error in (ApiError, ConfigError, ConnectionError, DecodeError, IovoxError, Position,
               TimeoutError, ValidationError, ValidationIssue):
    _error.__module__ = __name__
del _error

__all__ = [
    "PRODUCTION_URL",
    "SANDBOX_URL",
    "AdditionalInformation",
    "ApiError",
    "AsyncClient",
    "Client",
    "ConfigError",
    "ConnectionError",
    "DecodeError",
    "IovoxError",
    "Link",
    "LinkMethod",
    "NumberType",
    "Order",
    "OrderStatus",
    "Position",
    "PurchaseItem",
    "TimeoutError",
    "ValidationError",
    "ValidationIssue",
    "VoxNumber",
    "__version__",
    "attach_request_xml",
    "parse_callback",
    "purchase_request_xml",
]
