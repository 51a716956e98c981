"""Synthetic knowledge bases of any size, scaled from the real sample reports.

Each synthetic document is one of the sample reports with its region names swapped for a
generated district (city + district, with their short forms), its years shifted to the new
report year (2015–2025), and every other figure of two or more digits perturbed. Wording,
section structure and chunk lengths stay those of real reports, so keyword statistics
(document frequencies, vocabulary growth) stay realistic; the documents differ in exactly
the tokens that distinguish real reports from each other: places, years and figures.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from facts import chunk_facts, facts_to_json
from ingest.pipeline import Prepared, prepare
from vectorstore.records import ChunkRecord, DocumentRecord, chunk_id

REPO = Path(__file__).resolve().parent.parent
SAMPLE_REPORTS = (
    REPO / "data" / "杭州市余杭区2021年法治政府建设年度报告.txt",
    REPO / "tests" / "fixtures" / "samples" / "明湖区_2022.txt",
    REPO / "tests" / "fixtures" / "samples" / "明湖区_2023.txt",
)
SAMPLE_QUESTIONS = REPO / "tests" / "fixtures" / "questions.jsonl"
# Questions on the 余杭 report (the fixture questions are all about 明湖区).
EXTRA_QUESTIONS = (
    ("余杭区2021年引进律师事务所多少家？", "杭州市余杭区2021年法治政府建设年度报告.txt"),
    ("2021年余杭区共走访企业多少家？", "杭州市余杭区2021年法治政府建设年度报告.txt"),
    ("余杭区2021年对多少本行政执法证件进行了换证？", "杭州市余杭区2021年法治政府建设年度报告.txt"),
    ("余杭区2021年“两高一低”专项整治采取了哪些措施？",
     "杭州市余杭区2021年法治政府建设年度报告.txt"),
    ("杭州市余杭区推进“大综合一体化”行政执法改革做了什么？",
     "杭州市余杭区2021年法治政府建设年度报告.txt"),
)
YEARS = range(2015, 2026)
_CITIES = ("临澜", "云岫", "清溪", "青岚", "南屿", "海宁", "宜川", "安平", "丰源", "嘉禾", "东湄",
           "西泠")
_FIRST = "澄溧汀岚沅湄漳滁婺郴邕浔檀枫桐榆柘栖蓼芷"
_SECOND = "川溪阳源浦城塘林湾峰桥坪洲屿岗泉"
_REGION_RE = re.compile(r"^(?P<city>.+?市)(?P<district>.+?[区县])$")
_NUMBER_RE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Region:
    city: str  # 杭州市
    district: str  # 余杭区

    @property
    def full(self) -> str:
        return self.city + self.district

    def names(self) -> list[str]:
        """Longest first: 杭州市余杭区, 余杭区, 杭州市, 余杭, 杭州."""
        return sorted({self.full, self.district, self.city, self.district[:-1],
                       self.city[:-1]}, key=len, reverse=True)


def parse_region(full: str) -> Region:
    m = _REGION_RE.match(full)
    if not m:
        raise ValueError(f"not a city+district region: {full}")
    return Region(m["city"], m["district"])


def synthetic_regions() -> list[Region]:
    """Generated districts: 12 cities x 320 districts, in a fixed shuffled order."""
    districts = [a + b + "区" for a in _FIRST for b in _SECOND]
    regions = [Region(c + "市", d) for d in districts for c in _CITIES]
    random.Random(7).shuffle(regions)
    return regions


class Rewriter:
    """Rewrites a text of one report as if another region had written it in another year."""

    def __init__(self, source: Region, target: Region, year_shift: int, seed: int | None):
        mapping = dict(zip(source.names(), _target_names(source, target), strict=True))
        self._names = mapping
        self._names_re = re.compile("|".join(map(re.escape, mapping)))
        self._shift = year_shift
        self._seed = seed  # None: keep figures (for questions)

    def __call__(self, text: str) -> str:
        text = self._names_re.sub(lambda m: self._names[m[0]], text)
        return _NUMBER_RE.sub(self._number, text)

    def _number(self, m: re.Match) -> str:
        s = m[0]
        after = m.string[m.end():m.end() + 1]
        if re.fullmatch(r"(19|20)\d\d", s) and after and after in "年-—～－至":
            return str(int(s) + self._shift)
        if self._seed is None or float(s) < 10:
            return s  # small numbers: headings (3.), ordinals, counts of a few
        rng = random.Random(f"{self._seed}:{m.start()}:{s}")
        value = float(s) * rng.uniform(0.6, 1.4)
        if "." in s:
            return f"{value:.{len(s.split('.')[1])}f}"
        return str(max(10, round(value)))


def _target_names(source: Region, target: Region) -> list[str]:
    by_source = {source.full: target.full, source.district: target.district,
                 source.city: target.city, source.district[:-1]: target.district[:-1],
                 source.city[:-1]: target.city[:-1]}
    return [by_source[n] for n in source.names()]


@dataclass(frozen=True)
class Base:
    """A real sample report, parsed by the ingest pipeline."""

    source: str
    prepared: Prepared

    @property
    def region(self) -> Region:
        return parse_region(self.prepared.info.region or "")

    @property
    def year(self) -> int:
        return int(self.prepared.info.year or 0)


@cache
def bases() -> tuple[Base, ...]:
    from ingest.loaders import load_blocks

    return tuple(Base(p.name, prepare(load_blocks(p), p.stem)) for p in SAMPLE_REPORTS)


@dataclass(frozen=True)
class SyntheticDoc:
    base: int  # index into bases()
    region: Region
    year: int

    @property
    def source(self) -> str:
        return f"{self.region.full}{self.year}年法治政府建设年度报告.txt"


def plan(n_chunks: int) -> list[SyntheticDoc]:
    """The documents of a corpus of (at least) n_chunks: the three real ones, then variants."""
    real = [SyntheticDoc(i, b.region, b.year) for i, b in enumerate(bases())]
    docs, total = [], 0
    pairs = ((r, y) for r in synthetic_regions() for y in YEARS)
    rng = random.Random(n_chunks)
    variants = (SyntheticDoc(rng.randrange(len(bases())), r, y) for r, y in pairs)
    for doc in itertools.chain(real, variants):
        if total >= n_chunks:
            break
        docs.append(doc)
        total += len(bases()[doc.base].prepared.chunks)
    return docs


def build_document(doc: SyntheticDoc, limit: int | None = None
                   ) -> tuple[DocumentRecord, list[ChunkRecord]]:
    """Records for one synthetic document (the first ``limit`` chunks of it)."""
    base = bases()[doc.base]
    info = base.prepared.info
    real = (doc.region, doc.year) == (base.region, base.year)
    source = base.source if real else doc.source
    sha = hashlib.sha256(source.encode()).hexdigest()
    doc_id = sha[:16]
    seed = None if real else int(sha[:8], 16)  # the real reports stay exactly as they are
    rewrite = Rewriter(base.region, doc.region, doc.year - base.year, seed)
    chunks = base.prepared.chunks[:limit]
    record = DocumentRecord(doc_id=doc_id, source=source, title=rewrite(info.title),
                            region=doc.region.full, year=doc.year, sha256=sha,
                            chunks=len(chunks), ingested_at="2025-01-01T00:00:00")
    records = []
    for i, c in enumerate(chunks):
        text, section = rewrite(c.text), tuple(rewrite(s) for s in c.section)
        records.append(ChunkRecord(
            id=chunk_id(doc_id, i), text=text, section=section, page=c.page, doc_id=doc_id,
            source=source, title=record.title, region=record.region, year=doc.year,
            position=i, facts_json=facts_to_json(chunk_facts(text, " > ".join(section)), text)))
    return record, records


def corpus(n_chunks: int) -> Iterator[tuple[DocumentRecord, list[ChunkRecord]]]:
    """Exactly n_chunks chunks (the last document is cut short and says so in its count)."""
    left = n_chunks
    for doc in plan(n_chunks):
        record, chunks = build_document(doc, left)
        left -= len(chunks)
        yield record, chunks


def questions(docs: list[SyntheticDoc], n: int, seed: int = 0) -> list[dict]:
    """n questions: the sample questions, each rewritten for a random document of the corpus
    that was scaled from the report it asks about (its region and years swapped)."""
    by_source = {b.source: i for i, b in enumerate(bases())}
    rows = [json.loads(line) for line in SAMPLE_QUESTIONS.read_text("utf-8").splitlines()
            if line.strip()]
    pool = [(r["q"], r.get("history") or [], by_source.get(r.get("doc") or "", 1)) for r in rows]
    pool += [(q, [], by_source[doc]) for q, doc in EXTRA_QUESTIONS]
    rng = random.Random(seed)
    out = []
    for i in range(n):
        q, history, base_i = pool[i % len(pool)]
        base = bases()[base_i]
        if i < len(pool):
            target = SyntheticDoc(base_i, base.region, base.year)  # the real report first
        else:
            target = rng.choice([d for d in docs if d.base == base_i] or docs)
        rewrite = Rewriter(base.region, target.region, target.year - base.year, None)
        out.append({"q": rewrite(q), "history": [[rewrite(a), rewrite(b)] for a, b in history]})
    return out


# ---- cheap deterministic vectors ------------------------------------------------------
def hash_vectors(texts: list[str], dim: int) -> np.ndarray:
    """Exactly ``HashEmbeddings(dim).embed_array(texts)``, with each bigram hashed once."""
    return normalized(hash_counts(texts, dim))


def hash_counts(texts: list[str], dim: int) -> np.ndarray:
    """The hash embedder's vectors before normalisation: signed bigram counts (integers, so
    the counts of a text and of an extension of it add up exactly)."""
    out = np.zeros((len(texts), dim), dtype=np.float32)
    for row, text in enumerate(texts):
        grams = [_bigram(text[i:i + 2], dim) for i in range(max(len(text) - 1, 1))]
        buckets, signs = zip(*grams, strict=True)
        out[row] = np.bincount(buckets, weights=signs, minlength=dim)
    return out


def normalized(counts: np.ndarray) -> np.ndarray:
    """``hash_counts`` rows scaled to unit length, in place."""
    norms = np.linalg.norm(counts, axis=1, keepdims=True)
    return np.divide(counts, norms, out=counts, where=norms > 0)


@cache
def _bigram(gram: str, dim: int) -> tuple[int, float]:
    h = hashlib.sha256(gram.encode("utf-8")).digest()
    return int.from_bytes(h[:4], "little") % dim, (1.0 if h[4] & 1 else -1.0)
