"""The BM25 keyword index over token ids: same scores as bm25s on strings, exact DF/IDF."""

import bm25s
import numpy as np
import pytest

from vectorstore.keyword import KeywordIndex, TermCounts, Vocabulary
from vectorstore.tokenizer import JiebaTokenizer

SENTENCES = [
    "2021年引进律师事务所9家，新增律师120名。",
    "全年办理行政复议案件65件，纠错率百分之六十五点五。",
    "开展“法律进企业”活动，走访企业300余家。",
    "",  # a chunk with no tokens (only punctuation, say)
    "引进律师事务所3家，公证机构1家。",
]


@pytest.fixture(scope="module")
def tokenize():
    return JiebaTokenizer()


@pytest.fixture(scope="module")
def corpus(tokenize):
    return [tokenize(s) for s in SENTENCES]


def test_scores_equal_bm25s_on_strings(corpus, tokenize):
    index = KeywordIndex.from_tokens(corpus, tokenize)
    reference = bm25s.BM25()
    reference.index([t or [""] for t in corpus], show_progress=False)
    for query in ["律师事务所", "引进律师事务所九家", "行政复议 纠错率", "走访企业"]:
        tokens = index.query_tokens(query)
        assert tokens, query
        expected = reference.get_scores(tokens)
        np.testing.assert_allclose(index.scores(query), expected, rtol=1e-5)
    assert index.scores("律师事务所").argmax() in (0, 4)


def test_document_frequency_and_idf(corpus, tokenize):
    index = KeywordIndex.from_tokens(corpus, tokenize)
    n = len(corpus)
    df = sum("律师事务所" in t for t in corpus)
    assert df == 2
    assert index.idf("律师事务所") == pytest.approx(np.log(1 + (n - df + 0.5) / (df + 0.5)))
    assert "律师事务所" in index and "火星" not in index
    assert index.idf("火星") > index.idf("律师事务所")  # unseen: the highest weight


def test_unknown_and_empty_queries_score_zero(corpus, tokenize):
    index = KeywordIndex.from_tokens(corpus, tokenize)
    assert not index.scores("火星基地").any()
    assert not index.scores("").any()
    assert len(index.scores("律师")) == len(corpus)


def test_empty_index(tokenize):
    index = KeywordIndex.from_tokens([], tokenize)
    assert len(index) == 0
    assert index.scores("律师事务所").shape == (0,)
    assert "律师" not in index


def test_vocabulary_shares_ids_and_keeps_empty_chunks_scorable():
    vocab = Vocabulary()
    a = vocab.ids(["律师", "事务所", "律师"])
    b = vocab.ids(["事务所"])
    assert a.dtype == np.int32 and a[0] == a[2] and a[1] == b[0]
    assert len(vocab.ids([])) == 1  # the empty token, as bm25s does
    assert len(vocab) == 3


def test_term_counts_do_not_depend_on_the_block_size(corpus):
    from vectorstore.keyword import _term_counts

    vocab = Vocabulary()
    ids = [vocab.ids(t) for t in corpus * 3]
    whole = _term_counts(ids, len(vocab))
    for block in (1, 2, 4):
        for a, b in zip(whole, _term_counts(ids, len(vocab), block=block), strict=True):
            np.testing.assert_array_equal(a, b)
    chunk, token, tf = whole
    assert len(np.unique(chunk)) == len(ids)  # every chunk has at least one token
    assert tf.sum() == sum(len(a) for a in ids)


def test_term_counts_taken_in_blocks_equal_those_taken_at_once():
    tokenize = JiebaTokenizer()
    texts = ["行政复议案件纠错率为8.5%", "", "法律援助案件1200件", "高新区联合执法", "依法行政 依法行政",
             "律师事务所引进9家"]
    vocab = Vocabulary()
    counts = TermCounts.of([vocab.ids(tokenize(t)) for t in texts], len(vocab))
    rows = np.array([5, 0, 3, 3, 1, 4, 2])
    expected = [(counts.tokens[counts.indptr[r]:counts.indptr[r + 1]].tolist(),
                 counts.tf[counts.indptr[r]:counts.indptr[r + 1]].tolist()) for r in rows]
    for block in (1, 2, 3, 100):
        got = counts.take(rows, block=block)
        assert got.lengths.tolist() == counts.lengths[rows].tolist()
        assert [(got.tokens[got.indptr[i]:got.indptr[i + 1]].tolist(),
                 got.tf[got.indptr[i]:got.indptr[i + 1]].tolist())
                for i in range(len(rows))] == expected
