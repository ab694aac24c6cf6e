"""What a GGUF file says about itself, read from its header alone (never the weights).

A small reader of the GGUF key–value header (format versions 2 and 3): the scalar facts
`models show` prints are kept, arrays are skipped — the 262,144-string vocabulary of
gemma-3 included — by walking their lengths in a memory map. Measured on the default
model: see scripts/bench_models.py.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass
from pathlib import Path

from rewriter.errors import ModelError

MAGIC = b"GGUF"
# Fixed sizes of the scalar value types (GGUF spec: 0 u8 … 12 f64; 8 string, 9 array).
_SIZES = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8}
_FORMATS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?", 10: "<Q",
            11: "<q", 12: "<d"}  # fmt: skip
STRING, ARRAY = 8, 9

# llama.cpp's `general.file_type` (enum llama_ftype) → the quantisation people name.
FILE_TYPES = {
    0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K",
    11: "Q3_K_S", 12: "Q3_K_M", 13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S",
    17: "Q5_K_M", 18: "Q6_K", 19: "IQ2_XXS", 20: "IQ2_XS", 21: "Q2_K_S", 22: "IQ3_XS",
    23: "IQ3_XXS", 24: "IQ1_S", 25: "IQ4_NL", 26: "IQ3_S", 27: "IQ3_M", 28: "IQ2_S",
    29: "IQ2_M", 30: "IQ4_XS", 31: "IQ1_M", 32: "BF16", 36: "TQ1_0", 37: "TQ2_0",
}  # fmt: skip

_KEPT = ("general.architecture", "general.name", "general.basename", "general.size_label",
         "general.file_type", "general.parameter_count", "general.license")  # fmt: skip


@dataclass(frozen=True)
class GGUFInfo:
    path: str
    size: int
    architecture: str
    name: str
    size_label: str
    quantisation: str
    context_length: int
    chat_template: bool
    license: str = ""

    @property
    def style(self) -> str:
        """`instruct` when the file carries a chat template, else `base`."""
        return "instruct" if self.chat_template else "base"


def read_info(path: Path) -> GGUFInfo:
    """The header facts of `path`; ModelError when it is not a whole GGUF header."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as m:
            values, template = _parse(m)
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path} n'est pas un fichier GGUF lisible ({exc}).") from exc
    except (struct.error, IndexError, UnicodeDecodeError) as exc:
        raise ModelError(f"{path} : en-tête GGUF tronqué ou corrompu.") from exc
    arch = str(values.get("general.architecture", ""))
    file_type = values.get("general.file_type")
    return GGUFInfo(
        path=str(path),
        size=size,
        architecture=arch,
        name=str(values.get("general.name") or values.get("general.basename") or path.stem),
        size_label=str(values.get("general.size_label", "")),
        quantisation=FILE_TYPES.get(int(file_type), str(file_type))
        if isinstance(file_type, int)
        else _quant_from_name(path.name),
        context_length=context
        if isinstance(context := values.get(f"{arch}.context_length"), int)
        else 0,
        chat_template=template,
        license=str(values.get("general.license", "")),
    )


def _parse(m: mmap.mmap) -> tuple[dict[str, object], bool]:
    if m[:4] != MAGIC:
        raise ValueError("signature GGUF absente")
    version = int(struct.unpack_from("<I", m, 4)[0])
    if version not in (2, 3):
        raise ValueError(f"version GGUF {version} inconnue")
    count = int(struct.unpack_from("<Q", m, 16)[0])
    offset = 24
    values: dict[str, object] = {}
    template = False
    for _ in range(count):
        key, offset = _string(m, offset)
        kind = struct.unpack_from("<I", m, offset)[0]
        offset += 4
        wanted = key in _KEPT or key.endswith(".context_length")
        if key == "tokenizer.chat_template":
            template = True
        if kind == STRING:
            if wanted:
                values[key], offset = _string(m, offset)
            else:
                offset += 8 + struct.unpack_from("<Q", m, offset)[0]
        elif kind == ARRAY:
            offset = _skip_array(m, offset)
        elif kind in _SIZES:
            if wanted:
                values[key] = struct.unpack_from(_FORMATS[kind], m, offset)[0]
            offset += _SIZES[kind]
        else:
            raise ValueError(f"type de valeur GGUF {kind} inconnu")
        if offset > len(m):
            raise IndexError("en-tête plus long que le fichier")
    return values, template


def _string(m: mmap.mmap, offset: int) -> tuple[str, int]:
    length = struct.unpack_from("<Q", m, offset)[0]
    start = offset + 8
    if start + length > len(m):
        raise IndexError("chaîne hors du fichier")
    return m[start : start + length].decode("utf-8"), start + length


def _skip_array(m: mmap.mmap, offset: int) -> int:
    kind, count = struct.unpack_from("<IQ", m, offset)
    offset += 12
    if kind in _SIZES:
        return int(offset + count * _SIZES[kind])
    if kind != STRING:
        raise ValueError(f"tableau GGUF de type {kind} non pris en charge")
    unpack = struct.Struct("<Q").unpack_from
    for _ in range(count):  # a vocabulary: each string's length, then its bytes
        offset += 8 + unpack(m, offset)[0]
    return offset


def _quant_from_name(name: str) -> str:
    upper = name.upper()
    for quant in sorted(FILE_TYPES.values(), key=len, reverse=True):
        if quant in upper.replace("-", "_"):
            return quant
    return ""
