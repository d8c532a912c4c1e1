"""Typed inputs: what a dict with the wire field names says, with names and types a
type checker can see. The Rust core checks them with the same messages as dicts get."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal, Optional

NumberType = Literal["GEOGRAPHIC", "NATIONAL", "TOLLFREE"]
LinkMethod = Literal["BY AREA", "BY VOXNUMBER", "BY POSTCODE"]
OrderStatus = Literal["PENDING", "FULFILLED"]
AssignedStatus = Literal["ASSIGNED", "UNASSIGNED"]
CallStatus = Literal["ON", "NO RULES", "ACTIVE", "OFF"]
VoxnumberType = Literal["LOCAL", "NATIONAL"]


def _present(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(obj):
        value = getattr(obj, f.name)
        if value is None:
            continue
        out[f.name] = value.to_dict() if hasattr(value, "to_dict") else value
    return out


@dataclass(frozen=True)
class AdditionalInformation:
    """The billing contact some countries require; every field is required once given."""

    firstname: str
    lastname: str
    company: str
    street: str
    building_number: int
    city: str
    zipcode: str

    def to_dict(self) -> dict[str, Any]:
        """The wire fields, as ``purchase_vox_numbers`` also accepts them."""
        return _present(self)


@dataclass(frozen=True)
class PurchaseItem:
    """One line of a purchase: ``quantity`` (1 to 250) numbers of ``number_type`` in
    ``country_code``, within ``area_code`` (or ``post_code``, UK and FR only)."""

    country_code: int
    number_type: NumberType
    quantity: int
    area_code: Optional[int] = None
    post_code: Optional[str] = None
    city_name: Optional[str] = None
    additional_information: Optional[AdditionalInformation] = None

    def to_dict(self) -> dict[str, Any]:
        """The wire fields, as ``purchase_vox_numbers`` also accepts them."""
        return _present(self)


@dataclass(frozen=True)
class Link:
    """One link of ``attach_voxnumber_to_link``. Make it with ``Link.by_area``,
    ``Link.by_voxnumber`` or ``Link.by_postcode``; the fields of the other methods stay
    None."""

    link_id: str
    method: LinkMethod
    voxnumber_idd: Optional[int] = None
    area_code: Optional[int] = None
    fallback_city: Optional[bool] = None
    fallback_region: Optional[bool] = None
    fallback_country: Optional[bool] = None
    full_voxnumber: Optional[str] = None
    voxnumber_country: Optional[str] = None
    postcode: Optional[str] = None
    fallback_area_distance: Optional[int] = None

    @classmethod
    def by_area(
        cls,
        link_id: str,
        voxnumber_idd: int,
        area_code: int,
        *,
        fallback_city: bool = False,
        fallback_region: bool = False,
        fallback_country: bool = False,
    ) -> Link:
        """A number from the account in this area; with fallbacks, from the same city,
        region (Canada and United States) or country when the area has none."""
        return cls(
            link_id,
            "BY AREA",
            voxnumber_idd=voxnumber_idd,
            area_code=area_code,
            fallback_city=fallback_city,
            fallback_region=fallback_region,
            fallback_country=fallback_country,
        )

    @classmethod
    def by_voxnumber(cls, link_id: str, full_voxnumber: str) -> Link:
        """This very number, from the account."""
        return cls(link_id, "BY VOXNUMBER", full_voxnumber=full_voxnumber)

    @classmethod
    def by_postcode(
        cls,
        link_id: str,
        voxnumber_country: str,
        postcode: str,
        *,
        fallback_area_distance: Optional[int] = None,
    ) -> Link:
        """A number covering this postcode; or one within ``fallback_area_distance`` km."""
        return cls(
            link_id,
            "BY POSTCODE",
            voxnumber_country=voxnumber_country,
            postcode=postcode,
            fallback_area_distance=fallback_area_distance,
        )

    def to_dict(self) -> dict[str, Any]:
        """The wire fields, as ``attach_voxnumber_to_link`` also accepts them."""
        return _present(self)
