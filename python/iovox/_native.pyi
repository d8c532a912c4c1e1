# Stub of the native module, checked against it by `python -m mypy.stubtest iovox._native`.
# Annotations are read lazily: pdoc (scripts/docs) runs this file to take its types.
from __future__ import annotations
from types import TracebackType
from os import PathLike
from datetime import datetime
import os
from typing import Any, ClassVar, Generic, Iterable, Iterator, Literal, Mapping, Optional, Sequence, TypeVar, Union, final

from iovox._models import AssignedStatus, CallStatus, Link, NumberType, OrderStatus, PurchaseItem, VoxnumberType

__all__ = [
    "__version__",
    "PRODUCTION_URL",
    "SANDBOX_URL",
    "Client",
    "_Cancel",
    "Order",
    "VoxNumber",
    "Page",
    "PageIterator",
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
    "RawResponse",
    "receive_callback",
    "decode_page",
    "parse_callback",
    "purchase_request_xml",
    "attach_request_xml",
    "prepare_request",
    "save_recording",
    "decode_answer",
]

__version__: str
PRODUCTION_URL: str
SANDBOX_URL: str

_Items = Iterable[Union[PurchaseItem, Mapping[str, Any]]]
_Links = Iterable[Union[Link, Mapping[str, Any]]]
_CcList = Union[str, Iterable[str], None]

@final
class VoxNumber:
    def __new__(cls, country_code: int, area_code: int, full_voxnumber: str) -> VoxNumber: ...
    @property
    def country_code(self) -> int: ...
    @property
    def area_code(self) -> int: ...
    @property
    def full_voxnumber(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Order:
    def __new__(cls, order_reference: str, order_status: OrderStatus, voxnumbers: Iterable[VoxNumber]) -> Order: ...
    @property
    def order_reference(self) -> str: ...
    @property
    def order_status(self) -> OrderStatus: ...
    @property
    def voxnumbers(self) -> tuple[VoxNumber, ...]: ...
    @property
    def is_fulfilled(self) -> bool: ...
    def merge(self, update: Order) -> Order: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def __len__(self) -> int: ...

# <generated: records> (scripts/generate writes this region from the model)
@final
class Category:
    """A category: a label's value, or one under it (getCategories)."""
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def category_id(self) -> Optional[str]: ...
    @property
    def label(self) -> Optional[str]: ...
    @property
    def value(self) -> Optional[str]: ...
    @property
    def child_count(self) -> Optional[int]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class CategoryMatch:
    """A category holding the value asked for, with its path from the top (getCategoryId)."""
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def category_id(self) -> Optional[str]: ...
    @property
    def category_path(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class ContactDetails:
    """Every detail of a contact (getContactDetails)."""
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def contact_id(self) -> Optional[str]: ...
    @property
    def first_name(self) -> Optional[str]: ...
    @property
    def last_name(self) -> Optional[str]: ...
    @property
    def display_name(self) -> Optional[str]: ...
    @property
    def email(self) -> Optional[str]: ...
    @property
    def email_2(self) -> Optional[str]: ...
    @property
    def company(self) -> Optional[str]: ...
    @property
    def title(self) -> Optional[str]: ...
    @property
    def business_phone(self) -> Optional[str]: ...
    @property
    def business_fax(self) -> Optional[str]: ...
    @property
    def work_address_1(self) -> Optional[str]: ...
    @property
    def work_address_2(self) -> Optional[str]: ...
    @property
    def work_city(self) -> Optional[str]: ...
    @property
    def work_postcode(self) -> Optional[str]: ...
    @property
    def work_country(self) -> Optional[str]: ...
    @property
    def home_phone(self) -> Optional[str]: ...
    @property
    def mobile_phone(self) -> Optional[str]: ...
    @property
    def home_address_1(self) -> Optional[str]: ...
    @property
    def home_address_2(self) -> Optional[str]: ...
    @property
    def home_city(self) -> Optional[str]: ...
    @property
    def home_postcode(self) -> Optional[str]: ...
    @property
    def home_country(self) -> Optional[str]: ...
    @property
    def notes(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Contact:
    """A contact: someone calls are put through to (getContacts)."""
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def contact_id(self) -> Optional[str]: ...
    @property
    def display_name(self) -> Optional[str]: ...
    @property
    def company(self) -> Optional[str]: ...
    @property
    def email(self) -> Optional[str]: ...
    @property
    def business_phone(self) -> Optional[str]: ...
    @property
    def assigned_status(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class AccountLink:
    """A link of the account, with its node and number (getLinks)."""
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def node_id(self) -> Optional[str]: ...
    @property
    def node_name(self) -> Optional[str]: ...
    @property
    def node_type(self) -> Optional[str]: ...
    @property
    def link_id(self) -> Optional[str]: ...
    @property
    def link_name(self) -> Optional[str]: ...
    @property
    def link_type(self) -> Optional[str]: ...
    @property
    def click_to_call(self) -> Optional[bool]: ...
    @property
    def voxnumber(self) -> Optional[str]: ...
    @property
    def rule_name(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class AccountNode:
    """A node of the account, once per link (getNodes)."""
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def node_id(self) -> Optional[str]: ...
    @property
    def node_name(self) -> Optional[str]: ...
    @property
    def node_type(self) -> Optional[str]: ...
    @property
    def link_id(self) -> Optional[str]: ...
    @property
    def link_name(self) -> Optional[str]: ...
    @property
    def link_type(self) -> Optional[str]: ...
    @property
    def rule_template_name(self) -> Optional[str]: ...
    @property
    def voxnumber(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Call:
    """A call one of the account's numbers received (getCallData)."""
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def id(self) -> Optional[str]: ...
    @property
    def call_start(self) -> Optional[str]: ...
    @property
    def call_end(self) -> Optional[str]: ...
    @property
    def call_origin(self) -> Optional[str]: ...
    @property
    def call_origin_encoded(self) -> Optional[str]: ...
    @property
    def call_origin_location(self) -> Optional[str]: ...
    @property
    def voxnumber(self) -> Optional[str]: ...
    @property
    def call_destination(self) -> Optional[str]: ...
    @property
    def detail(self) -> Optional[str]: ...
    @property
    def call_time(self) -> Optional[str]: ...
    @property
    def call_time_sec(self) -> Optional[int]: ...
    @property
    def talk_time(self) -> Optional[str]: ...
    @property
    def talk_time_sec(self) -> Optional[int]: ...
    @property
    def call_type(self) -> Optional[str]: ...
    @property
    def call_result(self) -> Optional[str]: ...
    @property
    def rule_result(self) -> Optional[str]: ...
    @property
    def node_id(self) -> Optional[str]: ...
    @property
    def node_name(self) -> Optional[str]: ...
    @property
    def node_type(self) -> Optional[str]: ...
    @property
    def link_id(self) -> Optional[str]: ...
    @property
    def link_name(self) -> Optional[str]: ...
    @property
    def link_type(self) -> Optional[str]: ...
    @property
    def has_recording(self) -> Optional[bool]: ...
    @property
    def email_sent(self) -> Optional[bool]: ...
    @property
    def direction(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class CallMetrics:
    """The figures of one group of calls (of every call, ungrouped) (getCallMetrics)."""
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def total_calls(self) -> Optional[int]: ...
    @property
    def ave_calls_per_day(self) -> Optional[str]: ...
    @property
    def total_call_time(self) -> Optional[str]: ...
    @property
    def total_call_time_sec(self) -> Optional[str]: ...
    @property
    def ave_call_time(self) -> Optional[str]: ...
    @property
    def ave_call_time_sec(self) -> Optional[str]: ...
    @property
    def total_talk_time(self) -> Optional[str]: ...
    @property
    def total_talk_time_sec(self) -> Optional[int]: ...
    @property
    def ave_talk_time(self) -> Optional[str]: ...
    @property
    def ave_talk_time_sec(self) -> Optional[str]: ...
    @property
    def total_unique_callers(self) -> Optional[int]: ...
    @property
    def total_unique_nodes(self) -> Optional[int]: ...
    @property
    def total_unique_links(self) -> Optional[int]: ...
    @property
    def call_date(self) -> Optional[str]: ...
    @property
    def call_weekday(self) -> Optional[str]: ...
    @property
    def call_month(self) -> Optional[str]: ...
    @property
    def call_origin(self) -> Optional[str]: ...
    @property
    def call_origin_encoded(self) -> Optional[str]: ...
    @property
    def voxnumber(self) -> Optional[str]: ...
    @property
    def call_destination(self) -> Optional[str]: ...
    @property
    def detail(self) -> Optional[str]: ...
    @property
    def call_result(self) -> Optional[str]: ...
    @property
    def node_id(self) -> Optional[str]: ...
    @property
    def node_type(self) -> Optional[str]: ...
    @property
    def link_id(self) -> Optional[str]: ...
    @property
    def link_name(self) -> Optional[str]: ...
    @property
    def link_type(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class CallFlowInfo:
    """A call flow: a rule template of the account's own (getCallFlows)."""
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def template_name(self) -> Optional[str]: ...
    @property
    def template_notes(self) -> Optional[str]: ...
    @property
    def template_type(self) -> Optional[str]: ...
    @property
    def created(self) -> Union[datetime, str, None]: ...
    @property
    def advanced(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class RuleTemplate:
    """A rule template: calling rules a link can follow (getRuleTemplates)."""
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def template_name(self) -> Optional[str]: ...
    @property
    def template_notes(self) -> Optional[str]: ...
    @property
    def template_type(self) -> Optional[str]: ...
    @property
    def created(self) -> Union[datetime, str, None]: ...
    @property
    def advanced(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class SoundFileInfo:
    """A sound file of the account: its label, group, size and dates (its audio comes from getSoundFileData) (getSoundFiles)."""
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def sound_id(self) -> Optional[str]: ...
    @property
    def sound_label(self) -> Optional[str]: ...
    @property
    def sound_group(self) -> Optional[str]: ...
    @property
    def content_length(self) -> Optional[int]: ...
    @property
    def created(self) -> Union[datetime, str, None]: ...
    @property
    def updated(self) -> Union[datetime, str, None]: ...
    @property
    def notes(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Country:
    """A country IOVOX sells numbers in (getCountries)."""
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def code(self) -> Optional[int]: ...
    @property
    def name(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class VoxnumberRegion:
    """A region numbers can be bought in (getVoxnumberRegions)."""
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def country_code(self) -> Optional[int]: ...
    @property
    def area_code(self) -> Optional[int]: ...
    @property
    def country_name(self) -> Optional[str]: ...
    @property
    def state_name(self) -> Optional[str]: ...
    @property
    def city_name(self) -> Optional[str]: ...
    @property
    def require_purchase_info(self) -> Optional[bool]: ...
    @property
    def cost(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class AccountVoxnumber:
    """A number of the account. Fields not asked for in `req_fields` are empty (getVoxnumbers)."""
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @property
    def node_id(self) -> Optional[str]: ...
    @property
    def node_name(self) -> Optional[str]: ...
    @property
    def link_id(self) -> Optional[str]: ...
    @property
    def link_name(self) -> Optional[str]: ...
    @property
    def assigned_status(self) -> Optional[Literal["ASSIGNED", "UNASSIGNED"]]: ...
    @property
    def call_status(self) -> Optional[Literal["ON", "NO RULES", "ACTIVE", "OFF"]]: ...
    @property
    def country_code(self) -> Optional[int]: ...
    @property
    def voxnumber(self) -> Optional[str]: ...
    @property
    def voxnumber_type(self) -> Optional[Literal["LOCAL", "NATIONAL"]]: ...
    @property
    def voxnumber_country(self) -> Optional[str]: ...
    @property
    def voxnumber_city(self) -> Optional[str]: ...
    @property
    def purchase_date(self) -> Union[datetime, str, None]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

_Result = Union[Category, CategoryMatch, ContactDetails, Contact, AccountLink, AccountNode, Call, CallMetrics, CallFlowInfo, RuleTemplate, SoundFileInfo, Country, VoxnumberRegion, AccountVoxnumber]
# </generated>

_T = TypeVar("_T")

@final
class Page(Generic[_T]):
    @property
    def results(self) -> list[_T]: ...
    @property
    def current_page(self) -> Optional[int]: ...
    @property
    def total_pages(self) -> Optional[int]: ...
    @property
    def total_results(self) -> Optional[int]: ...
    @property
    def has_next(self) -> bool: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[_T]: ...
    def to_dataframe(self) -> Any:
        """The results as a pandas DataFrame (``pip install iovox[pandas]``)."""
    def to_dict(self) -> dict[str, Any]: ...
    @classmethod
    def __class_getitem__(cls, _item: Any) -> Any: ...

@final
class PageIterator(Generic[_T]):
    def to_dataframe(self) -> Any:
        """Every result still to come as one pandas DataFrame (``pip install iovox[pandas]``)."""
    def __iter__(self) -> PageIterator[_T]: ...
    def __next__(self) -> _T: ...
    def iter_pages(self) -> Iterator[Page[_T]]: ...
    def next_page(self, *, _cancel: Optional[_Cancel] = None) -> Optional[Page[_T]]: ...
    @classmethod
    def __class_getitem__(cls, _item: Any) -> Any: ...

@final
class RawResponse:
    @property
    def status(self) -> int: ...
    @property
    def body(self) -> bytes: ...
    @property
    def text(self) -> str: ...

_Fields = Union[str, Sequence[str], None]

@final
class _Cancel:
    def __new__(cls) -> _Cancel: ...
    def cancel(self) -> bool: ...

@final
class Client:
    def __new__(
        cls,
        username: Optional[str] = None,
        secure_key: Optional[str] = None,
        base_url: Optional[str] = None,
        *,
        timeout: Optional[float] = None,
        connect_timeout: Optional[float] = None,
        retries: Optional[int] = None,
        retry_purchase_after_send: bool = False,
        ca_file: Union[str, PathLike[str], None] = None,
        max_response_bytes: Optional[int] = None,
    ) -> Client: ...
    @property
    def username(self) -> str: ...
    @property
    def base_url(self) -> str: ...
    # <generated: client> (scripts/generate writes this region from the model)
    def get_categories(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        parent_category_id: Optional[str] = None,
        req_fields: _Fields = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> Page[Category]: ...
    def iter_categories(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        parent_category_id: Optional[str] = None,
        req_fields: _Fields = None,
        timeout: Optional[float] = None,
    ) -> PageIterator[Category]: ...
    def get_category_id(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        label: Optional[str] = None,
        value: Optional[str] = None,
        delimiter: Optional[str] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> Page[CategoryMatch]: ...
    def iter_category_id(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        label: Optional[str] = None,
        value: Optional[str] = None,
        delimiter: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> PageIterator[CategoryMatch]: ...
    def get_contact_details(
        self,
        *,
        contact_id: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> Page[ContactDetails]: ...
    def iter_contact_details(
        self,
        *,
        contact_id: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> PageIterator[ContactDetails]: ...
    def get_contacts(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        order: Optional[str] = None,
        req_fields: _Fields = None,
        contact_id: Optional[str] = None,
        display_name: Optional[str] = None,
        company: Optional[str] = None,
        phone_number: Optional[str] = None,
        email: Optional[str] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> Page[Contact]: ...
    def iter_contacts(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        order: Optional[str] = None,
        req_fields: _Fields = None,
        contact_id: Optional[str] = None,
        display_name: Optional[str] = None,
        company: Optional[str] = None,
        phone_number: Optional[str] = None,
        email: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> PageIterator[Contact]: ...
    def get_links(
        self,
        *,
        node_id: Optional[str] = None,
        node_type: Optional[str] = None,
        link_id: Optional[str] = None,
        link_type: Optional[str] = None,
        req_fields: _Fields = None,
        order: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> Page[AccountLink]: ...
    def iter_links(
        self,
        *,
        node_id: Optional[str] = None,
        node_type: Optional[str] = None,
        link_id: Optional[str] = None,
        link_type: Optional[str] = None,
        req_fields: _Fields = None,
        order: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> PageIterator[AccountLink]: ...
    def get_nodes(
        self,
        *,
        node_id: Optional[str] = None,
        node_type: Optional[str] = None,
        link_id: Optional[str] = None,
        link_type: Optional[str] = None,
        voxnumber: Optional[str] = None,
        rule_name: Optional[str] = None,
        req_fields: _Fields = None,
        order: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> Page[AccountNode]: ...
    def iter_nodes(
        self,
        *,
        node_id: Optional[str] = None,
        node_type: Optional[str] = None,
        link_id: Optional[str] = None,
        link_type: Optional[str] = None,
        voxnumber: Optional[str] = None,
        rule_name: Optional[str] = None,
        req_fields: _Fields = None,
        order: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> PageIterator[AccountNode]: ...
    def get_call_data(
        self,
        *,
        sdt: Optional[str] = None,
        edt: Optional[str] = None,
        dconst: Optional[str] = None,
        id: Optional[str] = None,
        node_id: Optional[str] = None,
        node_type: Optional[str] = None,
        link_id: Optional[str] = None,
        link_type: Optional[str] = None,
        ctype: Optional[str] = None,
        call_res: Optional[str] = None,
        rule_res: Optional[str] = None,
        call_origin: Optional[str] = None,
        call_origin_encoded: Optional[str] = None,
        voxnumber: Optional[str] = None,
        call_dest: Optional[str] = None,
        direction: Optional[str] = None,
        detail: Optional[str] = None,
        order: Optional[str] = None,
        req_fields: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> Page[Call]: ...
    def iter_call_data(
        self,
        *,
        sdt: Optional[str] = None,
        edt: Optional[str] = None,
        dconst: Optional[str] = None,
        id: Optional[str] = None,
        node_id: Optional[str] = None,
        node_type: Optional[str] = None,
        link_id: Optional[str] = None,
        link_type: Optional[str] = None,
        ctype: Optional[str] = None,
        call_res: Optional[str] = None,
        rule_res: Optional[str] = None,
        call_origin: Optional[str] = None,
        call_origin_encoded: Optional[str] = None,
        voxnumber: Optional[str] = None,
        call_dest: Optional[str] = None,
        direction: Optional[str] = None,
        detail: Optional[str] = None,
        order: Optional[str] = None,
        req_fields: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> PageIterator[Call]: ...
    def get_call_metrics(
        self,
        *,
        sdt: Optional[str] = None,
        edt: Optional[str] = None,
        node_id: Optional[str] = None,
        node_type: Optional[str] = None,
        link_id: Optional[str] = None,
        link_type: Optional[str] = None,
        call_res: Optional[str] = None,
        rule_res: Optional[str] = None,
        call_origin: Optional[str] = None,
        call_origin_encryption: Optional[str] = None,
        call_dest: Optional[str] = None,
        ctype: Optional[str] = None,
        detail: Optional[str] = None,
        voxnumber: Optional[str] = None,
        req_fields: Optional[str] = None,
        group_fields: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> Page[CallMetrics]: ...
    def iter_call_metrics(
        self,
        *,
        sdt: Optional[str] = None,
        edt: Optional[str] = None,
        node_id: Optional[str] = None,
        node_type: Optional[str] = None,
        link_id: Optional[str] = None,
        link_type: Optional[str] = None,
        call_res: Optional[str] = None,
        rule_res: Optional[str] = None,
        call_origin: Optional[str] = None,
        call_origin_encryption: Optional[str] = None,
        call_dest: Optional[str] = None,
        ctype: Optional[str] = None,
        detail: Optional[str] = None,
        voxnumber: Optional[str] = None,
        req_fields: Optional[str] = None,
        group_fields: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> PageIterator[CallMetrics]: ...
    def get_call_flows(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        order: Optional[str] = None,
        req_fields: _Fields = None,
        template_name: Optional[str] = None,
        template_type: Optional[str] = None,
        advanced: Optional[str] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> Page[CallFlowInfo]: ...
    def iter_call_flows(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        order: Optional[str] = None,
        req_fields: _Fields = None,
        template_name: Optional[str] = None,
        template_type: Optional[str] = None,
        advanced: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> PageIterator[CallFlowInfo]: ...
    def get_rule_templates(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        order: Optional[str] = None,
        req_fields: _Fields = None,
        template_name: Optional[str] = None,
        template_type: Optional[Literal["DEFAULT", "CUSTOM", "ALL"]] = None,
        advanced: Optional[Literal["YES", "NO"]] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> Page[RuleTemplate]: ...
    def iter_rule_templates(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        order: Optional[str] = None,
        req_fields: _Fields = None,
        template_name: Optional[str] = None,
        template_type: Optional[Literal["DEFAULT", "CUSTOM", "ALL"]] = None,
        advanced: Optional[Literal["YES", "NO"]] = None,
        timeout: Optional[float] = None,
    ) -> PageIterator[RuleTemplate]: ...
    def get_sound_files(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        order: Optional[str] = None,
        req_fields: _Fields = None,
        sound_label: Optional[str] = None,
        sound_group: Optional[str] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> Page[SoundFileInfo]: ...
    def iter_sound_files(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        order: Optional[str] = None,
        req_fields: _Fields = None,
        sound_label: Optional[str] = None,
        sound_group: Optional[str] = None,
        timeout: Optional[float] = None,
    ) -> PageIterator[SoundFileInfo]: ...
    def get_countries(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> Page[Country]: ...
    def iter_countries(
        self,
        *,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> PageIterator[Country]: ...
    def get_voxnumber_regions(
        self,
        *,
        number_type: Optional[Literal["NATIONAL", "GEOGRAPHIC", "TOLLFREE"]] = None,
        country_code: Optional[int] = None,
        area_code: Optional[int] = None,
        req_fields: _Fields = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> Page[VoxnumberRegion]: ...
    def iter_voxnumber_regions(
        self,
        *,
        number_type: Optional[Literal["NATIONAL", "GEOGRAPHIC", "TOLLFREE"]] = None,
        country_code: Optional[int] = None,
        area_code: Optional[int] = None,
        req_fields: _Fields = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> PageIterator[VoxnumberRegion]: ...
    def get_voxnumbers(
        self,
        *,
        voxnumber: Union[str, int, None] = None,
        voxnumber_type: Optional[Literal["LOCAL", "NATIONAL"]] = None,
        voxnumber_country: Optional[str] = None,
        voxnumber_city: Optional[str] = None,
        assigned_status: Optional[Literal["ASSIGNED", "UNASSIGNED"]] = None,
        call_status: Optional[Literal["ON", "NO RULES", "ACTIVE", "OFF"]] = None,
        link_id: Optional[str] = None,
        req_fields: _Fields = None,
        order: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> Page[AccountVoxnumber]: ...
    def iter_voxnumbers(
        self,
        *,
        voxnumber: Union[str, int, None] = None,
        voxnumber_type: Optional[Literal["LOCAL", "NATIONAL"]] = None,
        voxnumber_country: Optional[str] = None,
        voxnumber_city: Optional[str] = None,
        assigned_status: Optional[Literal["ASSIGNED", "UNASSIGNED"]] = None,
        call_status: Optional[Literal["ON", "NO RULES", "ACTIVE", "OFF"]] = None,
        link_id: Optional[str] = None,
        req_fields: _Fields = None,
        order: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
    ) -> PageIterator[AccountVoxnumber]: ...
    def create_categories(
        self,
        categories: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def create_category_configurations(
        self,
        categories: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def delete_categories(
        self,
        categories: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def delete_category_configurations(
        self,
        categories_ids: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def create_contacts(
        self,
        contacts: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def delete_contacts(
        self,
        contact_ids: Iterable[Union[str, int]],
        *,
        rm_rules: Optional[bool] = None,
        rm_if_user: Optional[bool] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def update_contacts(
        self,
        contacts: Iterable[Mapping[str, Any]],
        *,
        rm_rules: Optional[bool] = None,
        replace_details: Optional[bool] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def attach_category_to_link(
        self,
        links: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def attach_rule_template_to_links(
        self,
        template_name: str,
        overwrite_existing: bool,
        link_ids: Iterable[Union[str, int]],
        *,
        rules_variable: Optional[Iterable[Mapping[str, Any]]] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def attach_sms_template_to_links(
        self,
        template_name: str,
        overwrite_existing: bool,
        link_ids: Iterable[Union[str, int]],
        *,
        rules_variable: Optional[Iterable[Mapping[str, Any]]] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def attach_voxnumber_to_link(
        self,
        links: Iterable[Union[Link, Mapping[str, Any]]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def create_links(
        self,
        links: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def delete_links(
        self,
        link_ids: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def remove_category_from_link(
        self,
        links: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def remove_rule_template_from_links(
        self,
        link_ids: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def remove_sms_template_from_links(
        self,
        link_ids: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def remove_voxnumber_from_link(
        self,
        link_ids: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def update_links(
        self,
        links: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def create_node_full(
        self,
        node_id: str,
        node_name: str,
        node_type: str,
        links: Iterable[Mapping[str, Any]],
        *,
        node_date: Optional[str] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> dict[str, Any]: ...
    def create_nodes(
        self,
        nodes: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def delete_nodes(
        self,
        node_ids: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def get_node_details(
        self,
        node_id: str,
        *,
        link_id: Optional[str] = None,
        req_fields: Optional[Iterable[Union[str, int]]] = None,
        order: Optional[str] = None,
        return_rule_name: Optional[str] = None,
        return_voxnumber: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> dict[str, Any]: ...
    def update_nodes(
        self,
        nodes: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def get_call_recording(
        self,
        id: str,
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> bytes: ...
    def get_voicemail_recording(
        self,
        id: str,
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> bytes: ...
    def create_call_flow(
        self,
        name: str,
        rules: str,
        *,
        notes: Optional[str] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def delete_call_flows(
        self,
        call_flows: Iterable[Union[str, int]],
        *,
        detach_from_links: Optional[bool] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def get_call_flow(
        self,
        call_flow: str,
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def update_call_flow(
        self,
        name: str,
        rules: str,
        *,
        new_name: Optional[str] = None,
        notes: Optional[str] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def initiate_call(
        self,
        link_id: str,
        *,
        call_variables: Optional[Mapping[str, Union[str, int]]] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def create_blocked_numbers(
        self,
        blocked_numbers: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def create_time_templates(
        self,
        time_templates: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def delete_blocked_numbers(
        self,
        blocked_numbers: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def delete_time_templates(
        self,
        time_template_labels: Iterable[Union[str, int]],
        *,
        force: Optional[bool] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def get_blocked_numbers(
        self,
        *,
        number: Optional[str] = None,
        operator: Optional[str] = None,
        in_or_out: Optional[str] = None,
        req_fields: Optional[Iterable[Union[str, int]]] = None,
        order: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> dict[str, Any]: ...
    def get_time_templates(
        self,
        *,
        time_template_label: Optional[str] = None,
        req_fields: Optional[Iterable[Union[str, int]]] = None,
        order: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> dict[str, Any]: ...
    def get_variable_rules_of_template(
        self,
        template_name: str,
        *,
        link_id: Optional[str] = None,
        page: Optional[int] = None,
        limit: Optional[int] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> dict[str, Any]: ...
    def update_blocked_numbers(
        self,
        blocked_numbers: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def update_time_templates(
        self,
        time_templates: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def create_sound_files(
        self,
        sound_files: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def delete_sound_files(
        self,
        sound_files: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def get_sound_file_data(
        self,
        sound_label: str,
        *,
        sound_group: Optional[str] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> bytes: ...
    def update_sound_files(
        self,
        sound_files: Iterable[Mapping[str, Any]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def purchase_vox_numbers(
        self,
        items: Iterable[Union[PurchaseItem, Mapping[str, Any]]],
        *,
        callback_url: Optional[str] = None,
        cc_list: Union[str, Iterable[str], None] = None,
        dynamic_quantity: Optional[bool] = None,
        allow_unauthenticated_callbacks: Optional[bool] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> Order: ...
    def delete_voxnumbers_from_account(
        self,
        full_voxnumbers: Iterable[Union[str, int]],
        *,
        rm_if_in_use: Optional[bool] = None,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    def set_call_status(
        self,
        call_status: str,
        voxnumbers: Iterable[Union[str, int]],
        *,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> None: ...
    # </generated>
    def raw_request(
        self,
        interface: str,
        method: str,
        verb: Literal["GET", "POST", "PUT", "DELETE", "get", "post", "put", "delete"],
        *,
        query: Union[Mapping[str, Union[str, int]], Iterable[tuple[str, Union[str, int]]], None] = None,
        body: Union[str, bytes, None] = None,
        safe_to_repeat: bool = False,
        timeout: Optional[float] = None,
        _cancel: Optional[_Cancel] = None,
    ) -> RawResponse: ...
    def close(self) -> None: ...
    def __enter__(self) -> Client: ...
    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
        /,
    ) -> bool: ...

def parse_callback(body: Union[bytes, bytearray, str]) -> Order: ...
def decode_page(method: str, body: Union[bytes, bytearray, str]) -> Page[Any]: ...
def receive_callback(
    callback_url: str,
    authorization: Optional[str],
    body: Union[bytes, bytearray, str],
    *,
    allow_unauthenticated_callbacks: bool = False,
) -> Order: ...
def purchase_request_xml(
    items: _Items,
    *,
    callback_url: Optional[str] = None,
    cc_list: _CcList = None,
    dynamic_quantity: Optional[bool] = None,
) -> str: ...
def attach_request_xml(links: _Links) -> str: ...
def prepare_request(method: str, arguments: dict[str, Any]) -> tuple[list[tuple[str, str]], str]:
    """What a typed method that is not a list would send for these arguments (a mapping of
    its argument names), after the same checks as the call: ``(query, body)``. Nothing is
    sent."""
def decode_answer(method: str, body: Union[bytes, str]) -> Union[None, Order, bytes, dict[str, Any]]:
    """What a typed method that is not a list answered, from the body IOVOX sent (for bodies
    fetched with ``raw_request``): ``None``, an ``Order``, ``bytes`` or a ``dict``, as its
    call gives them; ``DecodeError`` for a body it cannot read."""
def save_recording(audio: bytes, path: Union[str, "os.PathLike[str]"]) -> int:
    """Writes a recording's audio (``get_call_recording``) to ``path``, whole or not at all:
    a file beside it first, then renamed over it. Empty audio raises ``ValueError``; a file
    system failure is the ``OSError`` it is. Returns the bytes written."""
