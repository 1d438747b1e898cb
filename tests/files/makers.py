"""Files made in the tests (never real documents): DOCX and an Excel-style XLSX written as XML, XLSX with openpyxl, PDF with
reportlab (its built-in CID font STSong-Light needs no font file), encrypted files with pypdf and
msoffcrypto-tool. All values are invented; identifiers are computed with valid check digits.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from tests.assertions import make_id

ID = make_id("330106", "19850612", "123")
ID2 = make_id("110105", "19720304", "456")
MOBILE = "13812345678"


def by_type(result: dict, kind: str) -> list[dict]:
    """The findings of one type in a result."""
    return [f for f in result["findings"] if f["type"] == kind]


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>
</Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>"""


def run(text: str, bold: bool = False, hidden: bool = False) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:vanish/>" if hidden else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*runs: str) -> str:
    """A paragraph of run XML strings (plain strings become plain runs)."""
    return "<w:p>" + "".join(r if r.startswith("<") else run(r) for r in runs) + "</w:p>"


def inserted(text: str, author: str = "审核人") -> str:
    return f'<w:ins w:id="1" w:author="{escape(author)}" w:date="2025-01-01T00:00:00Z">{run(text)}</w:ins>'


def deleted(text: str) -> str:
    return (f'<w:del w:id="2" w:author="审核人" w:date="2025-01-01T00:00:00Z"><w:r>'
            f'<w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>')


def table(rows: list[list[str]]) -> str:
    return "<w:tbl>" + "".join(
        "<w:tr>" + "".join(f"<w:tc>{para(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows) + "</w:tbl>"


def _part(tag: str, inner: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{tag} xmlns:w="{W_NS}">{inner}</w:{tag}>'


def docx(body: str, *, header: str = "", footer: str = "", comments: list[str] = (), footnotes: list[str] = (),
         creator: str = "", last_modified_by: str = "", company: str = "", drawing: bool = False,
         extra: dict[str, bytes] | None = None) -> bytes:
    """A DOCX whose body XML is ``body`` (paragraphs/tables), with optional parts and properties."""
    if drawing:
        body += "<w:p><w:r><w:drawing/></w:r></w:p>"
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:creator>{escape(creator)}</dc:creator><cp:lastModifiedBy>{escape(last_modified_by)}</cp:lastModifiedBy>"
            "</cp:coreProperties>")
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
           'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           f"<Company>{escape(company)}</Company></Properties>")
    members = {
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS, "word/_rels/document.xml.rels": DOC_RELS,
        "word/document.xml": _part("document", f"<w:body>{body}<w:sectPr/></w:body>"),
        "word/header1.xml": _part("hdr", header or para("")), "word/footer1.xml": _part("ftr", footer or para("")),
        "word/comments.xml": _part("comments", "".join(
            f'<w:comment w:id="{i}" w:author="甲">{para(c)}</w:comment>' for i, c in enumerate(comments))),
        "word/footnotes.xml": _part("footnotes", "".join(
            f'<w:footnote w:id="{i + 1}">{para(c)}</w:footnote>' for i, c in enumerate(footnotes))),
        "docProps/core.xml": core, "docProps/app.xml": app,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def xlsx(sheets: dict[str, list[list]], *, hidden: dict[str, str] | None = None, creator: str = "",
         comments: dict[tuple[str, str], str] | None = None, hidden_rows: dict[str, list[int]] | None = None,
         hidden_cols: dict[str, list[str]] | None = None) -> bytes:
    import openpyxl
    from openpyxl.comments import Comment

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        if hidden and title in hidden:
            ws.sheet_state = hidden[title]
        for r in (hidden_rows or {}).get(title, []):
            ws.row_dimensions[r].hidden = True
        for c in (hidden_cols or {}).get(title, []):
            ws.column_dimensions[c].hidden = True
    for (title, ref), text in (comments or {}).items():
        wb[title][ref].comment = Comment(text, "甲")
    wb.properties.creator = creator
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


ROSTER_HEADER = ["序号", "姓名", "身份证号", "联系电话", "家庭住址", "补助金额"]


def roster(n: int) -> list[list]:
    """A 低保 名单 of ``n`` invented people under a title row and a header row (6 columns)."""
    rows = [["2025年城乡低保对象名单"], list(ROSTER_HEADER)]
    for i in range(n):
        rows.append([i + 1, f"王{'小大'[i % 2]}{'明红华军刚'[i % 5]}",
                     make_id("330106", f"19{60 + i % 30}0{1 + i % 9}1{i % 10}", f"{100 + i % 900}"),
                     f"138{10000000 + i}", f"青山县城关镇人民路{i + 1}号", 300 + i % 7])
    return rows


XLSX_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""
S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def xlsx_shared(rows: list[list[str]], rich: dict[int, list[tuple[str, bool]]] | None = None) -> bytes:
    """An XLSX as Excel writes it: every string in ``sharedStrings.xml`` (a string used twice is stored once),
    ``rich[i]`` makes shared string ``i`` rich text of (text, bold) runs; a ``#`` prefix makes a number cell."""
    strings: list[str] = []
    cells = []
    for r, row in enumerate(rows, 1):
        out = []
        for c, value in enumerate(row):
            ref = f"{chr(65 + c)}{r}"
            if value.startswith("#"):
                out.append(f'<c r="{ref}" s="0"><v>{value[1:]}</v></c>')
                continue
            if value not in strings:
                strings.append(value)
            out.append(f'<c r="{ref}" t="s" s="0"><v>{strings.index(value)}</v></c>')
        cells.append(f'<row r="{r}">{"".join(out)}</row>')
    items = []
    for i, value in enumerate(strings):
        if rich and i in rich:
            items.append("<si>" + "".join(f'<r><rPr>{"<b/>" if bold else ""}</rPr><t xml:space="preserve">{escape(t)}</t></r>'
                                          for t, bold in rich[i]) + "</si>")
        else:
            items.append(f"<si><t>{escape(value)}</t></si>")
    members = {
        "[Content_Types].xml": XLSX_TYPES,
        "_rels/.rels": ROOT_RELS.replace("word/document.xml", "xl/workbook.xml"),
        "xl/workbook.xml": f'<workbook xmlns="{S_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                           '<sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>",
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{S_NS}"><sheetData>{"".join(cells)}</sheetData></worksheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{S_NS}" count="{len(strings)}" uniqueCount="{len(strings)}">{"".join(items)}</sst>',
        "xl/media/image1.png": b"\x89PNG\r\n\x1a\n" + bytes(64),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def pdf(pages: list[str], *, author: str = "", image_pages: tuple[int, ...] = ()) -> bytes:
    """A PDF with one text page per string (CJK through reportlab's CID font); ``image_pages`` get only an image."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    if author:
        c.setAuthor(author)
    for number, text in enumerate(pages, 1):
        if number in image_pages:
            c.drawImage(ImageReader(_png()), 72, 400, 300, 200)
        else:
            c.setFont("STSong-Light", 11)
            y = 780
            for line in text.split("\n"):
                c.drawString(60, y, line)
                y -= 16
        c.showPage()
    c.save()
    return buf.getvalue()


def pdf_with_caption(caption: str) -> bytes:
    """One page: an image (a scanned sheet) and a short line of real text under it."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawImage(ImageReader(_png()), 72, 300, 400, 450)
    c.drawString(290, 40, caption)
    c.showPage()
    c.save()
    return buf.getvalue()


def _png():
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (60, 40), (200, 200, 200)).save(out, "PNG")
    out.seek(0)
    return out


def encrypted_pdf(text: str, password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf([text]))).pages:
        writer.add_page(page)
    writer.encrypt(password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_office(data: bytes, password: str = "secret") -> bytes:
    import msoffcrypto
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(data)).encrypt(password, out)
    assert msoffcrypto.OfficeFile(io.BytesIO(out.getvalue())).is_encrypted()
    return out.getvalue()


def zip_bomb(member: str = "word/document.xml", size: int = 50_000_000) -> bytes:
    """A DOCX-shaped zip whose main part inflates from ~50 KB to ``size`` bytes of spaces."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr(member, b" " * size)
    return buf.getvalue()
