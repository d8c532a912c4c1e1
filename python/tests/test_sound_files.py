"""Sound files from Python: audio is bytes (bytes, bytearray, memoryview) on the way in and
bytes on the way out, never text; every rule the request alone shows is refused before
sending, the account's with IOVOX's words; the same from asyncio."""

from __future__ import annotations

import asyncio

import pytest
from conftest import KEY

import iovox
from iovox_sandbox import Sandbox

# Every byte value: audio is not text.
AUDIO = bytes(range(256)) * 300


def test_audio_goes_up_as_bytes_and_comes_back_byte_for_byte(client: iovox.Client) -> None:
    client.create_sound_files(
        [
            {"sound_label": "Welcome", "sound_group": "Greetings", "sound_file": AUDIO, "notes": "Spring"},
            {"sound_label": "Hold", "sound_file": bytearray(b"\x00\xff\r\n")},
            {"sound_label": "Menu", "sound_file": memoryview(b"ID3\x04")[1:]},
        ]
    )
    page = client.get_sound_files()
    assert [(f.sound_label, f.sound_group, f.content_length) for f in page.results] == [
        ("Welcome", "Greetings", len(AUDIO)),
        ("Hold", None, 4),
        ("Menu", None, 3),
    ]
    got = client.get_sound_file_data("Welcome", sound_group="Greetings")
    assert isinstance(got, bytes) and got == AUDIO
    assert client.get_sound_file_data("Hold") == b"\x00\xff\r\n"
    assert client.get_sound_file_data("Menu") == b"D3\x04"

    client.update_sound_files([{"sound_label": "Hold", "new_sound_label": "Wait", "sound_file": b"new"}])
    assert client.get_sound_file_data("Wait") == b"new"
    with pytest.raises(iovox.ApiError) as e:
        client.update_sound_files([{"sound_label": "Hold"}, {"sound_label": "Menu", "new_sound_label": "Wait"}])
    assert e.value.messages == [
        "Sound File 1 of 2 Does not exist",
        "Sound Label 2 of 2 already exists in Sound Group",
    ]

    client.delete_sound_files(["Welcome;Greetings", "Wait"])
    assert [f.sound_label for f in client.iter_sound_files()] == ["Menu"]
    with pytest.raises(iovox.ApiError) as e:
        client.delete_sound_files(["Wait"])
    assert e.value.messages == ["Sound File 1 of 1 Does not exist"]


def test_text_is_never_taken_as_audio_nor_bytes_as_text(sandbox: Sandbox, client: iovox.Client) -> None:
    before = sandbox.stats["requests"]
    with pytest.raises(iovox.ValidationError) as e:
        client.create_sound_files(
            [
                {"sound_label": "A", "sound_file": "SUQzBA=="},
                {"sound_label": "B", "sound_file": b"x", "notes": b"not text"},
                {"sound_label": " ", "sound_file": b""},
                {"sound_label": "C", "sound_file": [1, 2, 3]},
            ]
        )
    assert [(i.code, i.field, i.message) for i in e.value.errors] == [
        ("not_bytes", "sound_file", "Sound File 1 of 4 must be bytes"),
        ("not_text", "notes", "Notes 2 of 4 must be text, not bytes"),
        ("empty", "sound_label", "Sound Label 3 of 4 Empty"),
        ("empty", "sound_file", "Sound File 3 of 4 Empty"),
        ("not_bytes", "sound_file", "Sound File 4 of 4 must be bytes"),
    ]
    with pytest.raises(iovox.ValidationError, match="Duplicate Sound File Received"):
        client.create_sound_files([{"sound_label": "A", "sound_file": b"1"}, {"sound_label": "A ", "sound_file": b"2"}])
    with pytest.raises(iovox.ValidationError, match="Sound Files Empty"):
        client.delete_sound_files([])
    # A query's argument is text: bytes there are refused by the shape of the call.
    with pytest.raises(TypeError, match="^sound_label must be a text, a number or a list, not bytes$"):
        client.get_sound_files(sound_label=b"A")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="^sound_label must be a text, a number or a list, not bytes$"):
        client.get_sound_file_data(b"A")  # type: ignore[arg-type]
    assert sandbox.stats["requests"] == before, "nothing was sent"


def test_the_same_from_asyncio(sandbox: Sandbox) -> None:
    async def main() -> bytes:
        async with iovox.AsyncClient(sandbox.username, KEY, sandbox.url, retries=0) as a:
            await a.create_sound_files([{"sound_label": "Welcome", "sound_file": AUDIO}])
            pages = [f async for f in a.iter_sound_files(req_fields=["sl", "cl"])]
            assert [(f.sound_label, f.content_length, f.notes) for f in pages] == [("Welcome", len(AUDIO), None)]
            return await a.get_sound_file_data("Welcome")

    assert asyncio.run(main()) == AUDIO
