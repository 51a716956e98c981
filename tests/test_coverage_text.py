"""What the knowledge base covers, as refusals say it."""

from bot.coverage import describe
from vectorstore.records import DocumentRecord


def test_a_department_report_is_listed_apart_from_its_city():
    def doc(region, year, issuer):
        return DocumentRecord(doc_id=f"{issuer}{year}", source="x.txt", title="t", region=region,
                              year=year, sha256="0", chunks=1, ingested_at="", issuer=issuer)

    docs = [doc("青岚市", 2025, "青岚市人民政府"), doc("青岚市", 2025, "青岚市市场监督管理局"),
            doc("鹤塘县", 2024, "司法局"), doc("鹤塘县", 2023, None)]
    assert describe(docs) == ("青岚市（2025年）；青岚市市场监督管理局（2025年）；"
                              "鹤塘县司法局（2024年）；鹤塘县（2023年）")
