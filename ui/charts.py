"""Indicator charts in the chat: a PNG drawn with matplotlib (server side, no JS chart
library), a table of the values with their sources, and the same table for the exports.

The data comes from :func:`bot.series.indicator_series`. Each table row's source
(``fz-cite-<CHART_BASE + k>``) opens the original at that sentence through the chat's source
view, like a ``[n]`` marker; its title shows the quoted sentence.
"""

from __future__ import annotations

import base64
import functools
import io
import logging
from html import escape
from pathlib import Path
from typing import Any

from bot.series import Series, SeriesPoint

logger = logging.getLogger(__name__)

CHART_BASE = 100  # chart rows are citations CHART_BASE+1, CHART_BASE+2, … of their turn
# Chinese fonts, the first one present is used (fonts-wqy-microhei on Debian, as in .ci/run)
CJK_FONT_FILES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
)
CJK_FONT_NAMES = ("WenQuanYi", "Noto Sans CJK", "Source Han Sans", "SimHei", "Microsoft YaHei",
                  "PingFang", "Heiti")
NO_FONT_NOTE = ("图中文字未显示：服务器缺少中文字体（请安装 fonts-wqy-microhei），"
                "数值见下表。")
COLORS = ("#b91c1c", "#1d4ed8", "#047857", "#7c3aed", "#b45309", "#0f766e")
FIG_SIZE = (5.6, 2.9)  # inches, at DPI: 560 × 290 px
DPI = 100


@functools.cache
def cjk_font() -> str | None:
    """The family name of a Chinese font matplotlib can use, or None (logged once)."""
    from matplotlib import font_manager

    for path in CJK_FONT_FILES:
        if Path(path).exists():
            font_manager.fontManager.addfont(path)
            return font_manager.FontProperties(fname=path).get_name()
    for entry in font_manager.fontManager.ttflist:
        if any(name in entry.name for name in CJK_FONT_NAMES):
            return entry.name
    logger.warning("no Chinese font for the charts: their labels are left out "
                   "(apt-get install fonts-wqy-microhei)")
    return None


def kind(series: Series) -> str:
    """'line' over years (one line per region), 'bar' for regions in one year."""
    return "line" if len(series.years) >= 2 else "bar"


def chart_figure(series: Series):  # noqa: ANN201 (matplotlib.figure.Figure, imported lazily)
    """The chart as a matplotlib Figure (no pyplot: no global state between threads)."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    font = cjk_font()
    fig = Figure(figsize=FIG_SIZE, dpi=DPI)
    ax = fig.add_subplot()
    text: dict[str, Any] = {"fontfamily": font} if font else {}
    if kind(series) == "line":
        for i, region in enumerate(series.regions):
            points = [p for p in series.points if p.region == region]
            color = COLORS[i % len(COLORS)]
            ax.plot([p.year for p in points], [p.value for p in points], marker="o",
                    color=color, linewidth=2, label=region if font else None)
            for p in points:
                ax.annotate(_label(p, font), (p.year, p.value), textcoords="offset points",
                            xytext=(0, 6), ha="center", fontsize=9, color=color, **text)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlim(min(series.years) - 0.5, max(series.years) + 0.5)
    else:
        names = [p.region for p in series.points]
        bars = ax.bar(range(len(names)), [p.value for p in series.points],
                      color=[COLORS[i % len(COLORS)] for i in range(len(names))])
        ax.set_xticks(range(len(names)),
                      names if font else [str(i + 1) for i in range(len(names))], **text)
        for bar, p in zip(bars, series.points, strict=True):
            ax.annotate(_label(p, font), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        textcoords="offset points", xytext=(0, 3), ha="center", fontsize=9,
                        **text)
    low = min(0.0, min(p.value for p in series.points))
    ax.set_ylim(low, max(p.value for p in series.points) * 1.25 or 1)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", alpha=0.3)
    if font:
        unit = f"（{series.unit}）" if series.unit else ""
        ax.set_title(f"{series.indicator}{unit}", fontsize=11, **text)
        if kind(series) == "line" and len(series.regions) > 1:
            ax.legend(prop={"family": font, "size": 8}, frameon=False)
    fig.tight_layout()
    return fig


def _label(point: SeriesPoint, font: str | None) -> str:
    if font or point.display.isascii():
        return point.display
    return f"{point.value:g}"


def render_png(series: Series) -> bytes:
    """The chart as PNG bytes."""
    buffer = io.BytesIO()
    chart_figure(series).savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def alt_text(series: Series) -> str:
    """What the chart shows, in words (the image's alt text)."""
    shape = "历年数值折线图" if kind(series) == "line" else "各地区数值柱状图"
    values = "；".join(f"{p.region}{p.year}年{p.display}" for p in series.points)
    return f"{series.indicator}{shape}：{values}"


def source_label(point: SeriesPoint) -> str:
    """'报告 · 章节 · 第N页' of a point."""
    c = point.citation
    parts = [c.title or c.source, c.section, f"第{c.page}页" if c.page else ""]
    return " · ".join(p for p in parts if p)


def table_html(series: Series) -> str:
    unit = f"（单位：{escape(series.unit)}）" if series.unit else ""
    rows = []
    for k, p in enumerate(series.points, 1):
        n = CHART_BASE + k
        tip = escape(f"查看原文：{p.citation.quote}")
        rows.append(
            f"<tr><td>{escape(p.region)}</td><td>{p.year}年</td>"
            f"<td>{escape(p.display)}</td>"
            f'<td><span class="fz-chart-cite fz-cite-{n}" role="button" tabindex="0" '
            f'title="{tip}">{escape(source_label(p))}</span></td></tr>')
    return ('<table class="fz-chart-table">'
            f"<caption>{escape(series.indicator)}{unit}</caption>"
            '<thead><tr><th scope="col">地区</th><th scope="col">年份</th>'
            '<th scope="col">数值</th><th scope="col">出处（点击查看原文）</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def chart_html(series: Series, open_: bool = True) -> str:
    """The chart (PNG inline), its table and a PNG download button; folded behind
    「查看历年数据」 unless ``open_``."""
    try:
        png = base64.b64encode(render_png(series)).decode("ascii")
        image = (f'<img class="fz-chart-img" alt="{escape(alt_text(series))}" '
                 f'src="data:image/png;base64,{png}">')
        note = "" if cjk_font() else f'<div class="fz-note">{NO_FONT_NOTE}</div>'
        download = ('<div class="fz-actions"><button class="fz-act fz-chart-png" type="button" '
                    'title="下载图表（PNG 图片）">下载图表</button></div>')
    except Exception:  # a chart is a nicety: the table still shows the values
        logger.exception("drawing the chart of %s", series.indicator)
        image = note = download = ""
    body = f"{image}{note}{table_html(series)}{download}"
    return (f'<details class="fz-chart"{" open" if open_ else ""}>'
            f'<summary class="fz-chart-toggle">查看历年数据</summary>{body}</details>')


def _cell(text: str) -> str:
    return text.replace("|", "｜").replace("\n", " ")


def chart_markdown(series: Series) -> str:
    """The values as a Markdown table with their sources."""
    unit = f"（单位：{series.unit}）" if series.unit else ""
    lines = [f"**{_cell(series.indicator)}{unit}**", "", "| 地区 | 年份 | 数值 | 出处 |",
             "|---|---|---|---|"]
    lines += [f"| {_cell(p.region)} | {p.year}年 | {_cell(p.display)} | "
              f"{_cell(source_label(p))} |" for p in series.points]
    return "\n".join(lines)


def add_chart_to_docx(doc, series: Series) -> None:  # noqa: ANN001 (a docx Document)
    """The chart as a picture, then the table of values with their sources."""
    from docx.shared import Cm

    unit = f"（单位：{series.unit}）" if series.unit else ""
    doc.add_paragraph(f"{series.indicator}{unit}")
    try:
        doc.add_picture(io.BytesIO(render_png(series)), width=Cm(14))
    except Exception:
        logger.exception("drawing the chart of %s for Word", series.indicator)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells, ("地区", "年份", "数值", "出处"), strict=True):
        cell.text = head
    for p in series.points:
        cells = table.add_row().cells
        for cell, value in zip(cells, (p.region, f"{p.year}年", p.display, source_label(p)),
                               strict=True):
            cell.text = value
