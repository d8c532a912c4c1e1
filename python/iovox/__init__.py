"""SDK for the IOVOX Enterprise REST API v3: find regions (``get_voxnumber_regions``), buy
VoxNumbers (``purchase_vox_numbers``), attach them to links (``attach_voxnumber_to_link``),
list them (``get_voxnumbers``, ``iter_voxnumbers``, ``get_links``), detach them
(``remove_voxnumber_from_link``), give them back (``delete_voxnumbers_from_account``), and
call any other method (``raw_request``).

The work is done by the Rust core (``iovox._native``): every check the request alone
allows is made before anything is sent, with IOVOX's own messages.
"""

from iovox._async import AsyncClient, AsyncPageIterator
from iovox._errors import (
    ApiError,
    AuthenticationError,
    CallbackError,
    ConfigError,
    ConnectionError,
    DecodeError,
    IovoxError,
    Position,
    TimeoutError,
    ValidationError,
    ValidationIssue,
)
from iovox._models import (
    AdditionalInformation,
    AssignedStatus,
    CallStatus,
    Link,
    LinkMethod,
    NumberType,
    OrderStatus,
    PurchaseItem,
    VoxnumberType,
)
from iovox._native import (
    PRODUCTION_URL,
    SANDBOX_URL,
    Client,
    Order,
    Page,
    PageIterator,
    RawResponse,
    VoxNumber,
    __version__,
    attach_request_xml,
    decode_page,
    parse_callback,
    prepare_request,
    save_recording,
    decode_answer,
    purchase_request_xml,
    receive_callback,
)
from iovox._native import (  # the result classes of the list methods
    # <generated: imports>
    Category,
    CategoryMatch,
    ContactDetails,
    Contact,
    AccountLink,
    AccountNode,
    Call,
    CallMetrics,
    CallFlowInfo,
    RuleTemplate,
    SoundFileInfo,
    Country,
    VoxnumberRegion,
    AccountVoxnumber,
    # </generated>
)

# Errors print as `iovox.ApiError`, and pickle by that name too.
for _error in (ApiError, AuthenticationError, CallbackError, ConfigError, ConnectionError, DecodeError, IovoxError, Position,
               TimeoutError, ValidationError, ValidationIssue):
    _error.__module__ = __name__
del _error

__all__ = [
    "PRODUCTION_URL",
    "SANDBOX_URL",
    # <generated: exports>
    "Category",
    "CategoryMatch",
    "ContactDetails",
    "Contact",
    "AccountLink",
    "AccountNode",
    "Call",
    "CallMetrics",
    "CallFlowInfo",
    "RuleTemplate",
    "SoundFileInfo",
    "Country",
    "VoxnumberRegion",
    "AccountVoxnumber",
    # </generated>
    "AdditionalInformation",
    "ApiError",
    "AuthenticationError",
    "AssignedStatus",
    "AsyncClient",
    "AsyncPageIterator",
    "CallStatus",
    "CallbackError",
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
    "Page",
    "PageIterator",
    "Position",
    "PurchaseItem",
    "RawResponse",
    "TimeoutError",
    "ValidationError",
    "ValidationIssue",
    "VoxNumber",
    "VoxnumberType",
    "__version__",
    "attach_request_xml",
    "decode_page",
    "parse_callback",
    "prepare_request",
    "save_recording",
    "decode_answer",
    "purchase_request_xml",
    "receive_callback",
]
