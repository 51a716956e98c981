"""Comparisons across years/regions: find the figure in each report, compute the change."""

from __future__ import annotations


def compare(service, q, docs):  # noqa: ANN001, ANN201
    return None
