"""A minimal OFD (GB/T 33190) writer for tests: pages of text lines, each line one TextObject."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = "http://www.ofdspec.org/2016"


def write_ofd(path: Path, pages: list[list[tuple[float, float, str]]], size: float = 5.0,
              images: dict[int, bytes] | None = None) -> None:
    """``pages``: per page, (x mm, baseline y mm, text) lines; A4 pages, font size in mm.
    ``images``: page index → PNG bytes drawn over the whole page (a scanned page)."""
    images = images or {}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" '
                   'Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>t</ofd:DocID>'
                   "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody>"
                   "</ofd:OFD>")
        page_refs = "".join(f'<ofd:Page ID="{10 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>'
                            for i in range(len(pages)))
        z.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document '
                   f'xmlns:ofd="{NS}"><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID>'
                   "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                   "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
                   "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData>"
                   f"<ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>")
        z.writestr("Doc_0/PublicRes.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res '
                   f'xmlns:ofd="{NS}" BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="宋体" '
                   'FamilyName="宋体"/></ofd:Fonts></ofd:Res>')
        media = "".join(f'<ofd:MultiMedia ID="{500 + i}" Type="Image" Format="PNG">'
                        f"<ofd:MediaFile>image_{i}.png</ofd:MediaFile></ofd:MultiMedia>"
                        for i in images)
        z.writestr("Doc_0/DocumentRes.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res '
                   f'xmlns:ofd="{NS}" BaseLoc="Res"><ofd:MultiMedias>{media}</ofd:MultiMedias>'
                   "</ofd:Res>")
        for i, data in images.items():
            z.writestr(f"Doc_0/Res/image_{i}.png", data)
        for i, lines in enumerate(pages):
            objects = []
            if i in images:
                objects.append(f'<ofd:ImageObject ID="{400 + i}" ResourceID="{500 + i}" '
                               'Boundary="0 0 210 297" CTM="210 0 0 297 0 0"/>')
            for n, (x, y, text) in enumerate(lines):
                width = size * len(text)
                objects.append(
                    f'<ofd:TextObject ID="{100 + n}" Boundary="{x} {y - size} {width} {size * 1.2}" '
                    f'Font="1" Size="{size}"><ofd:TextCode X="0" Y="{size}" '
                    f'DeltaX="g {len(text) - 1} {size}">{escape(text)}</ofd:TextCode>'
                    "</ofd:TextObject>")
            z.writestr(f"Doc_0/Pages/Page_{i}/Content.xml",
                       f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}">'
                       f'<ofd:Content><ofd:Layer ID="{50 + i}">{"".join(objects)}</ofd:Layer>'
                       "</ofd:Content></ofd:Page>")
