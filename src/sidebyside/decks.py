"""A session's slides as an editable PowerPoint deck (.pptx), made with python-pptx.

The deck holds the same slides as present mode (``slides.session_slides``), each with a
real title (so that PowerPoint's accessibility check and a screen reader find it) and the
presenter's notes as speaker notes, in the site's colors. PowerPoint, Google Slides and
LibreOffice all open it, so a district can add its logo and its local rules.
"""

from __future__ import annotations

import datetime
import html
import io
import re
import zipfile

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.slide import Slide as PptxSlide
from pptx.util import Emu, Inches, Length, Pt

from .interface import ENGLISH, VERDICT_NAMES, Interface
from .keys import short_hash, source_date
from .load import Course
from .model import Session
from .slides import Slide, session_slides
from .text import SafeMarkdown

# The site's colors in its light scheme: Material's indigo, and our verdict colors.
INDIGO = RGBColor(0x40, 0x51, 0xB5)
TEXT = RGBColor(0x21, 0x21, 0x21)
VERDICT_COLORS = {
    "bad": RGBColor(0xB3, 0x26, 0x1E),
    "mixed": RGBColor(0x7A, 0x4F, 0x00),
    "good": RGBColor(0x1B, 0x6E, 0x20),
}
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9, as projectors and PowerPoint expect
MARGIN = Inches(0.6)
TITLE_ONLY = 5  # the layout, in python-pptx's default template, with a title and nothing else
BODY_SIZE = Pt(24)

_BLOCK_END = re.compile(r"</(p|li|h\d|tr|div)>|<br\s*/?>")
_TAG = re.compile(r"<[^>]+>")


def plain_paragraphs(markdown: str, converter: SafeMarkdown) -> list[str]:
    """Markdown as the paragraphs of plain text a slide holds: its words, without markup."""
    marked = _BLOCK_END.sub("\n", str(converter.block(markdown)))
    lines = (" ".join(html.unescape(_TAG.sub("", line)).split()) for line in marked.split("\n"))
    return [line for line in lines if line]


def _fixed_time() -> datetime.datetime:
    # Office files cannot date themselves before 1980.
    return datetime.datetime.fromtimestamp(max(source_date(), 315532800), datetime.UTC)


class _DeckWriter:
    def __init__(self, converter: SafeMarkdown, interface: Interface = ENGLISH) -> None:
        self.interface = interface
        self.converter = converter
        self.deck = Presentation()
        self.deck.slide_width, self.deck.slide_height = WIDTH, HEIGHT

    def text(self, markdown: str) -> list[str]:
        return plain_paragraphs(markdown, self.converter)

    def add(self, slide: Slide) -> None:
        page = self.deck.slides.add_slide(self.deck.slide_layouts[TITLE_ONLY])
        band = page.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, WIDTH, Inches(0.25))
        band.fill.solid()
        band.fill.fore_color.rgb = INDIGO
        band.line.fill.background()
        title = page.shapes.title
        assert title is not None  # the layout has one
        title.left, title.top = MARGIN, Inches(0.45)
        title.width, title.height = Emu(WIDTH - 2 * MARGIN), Inches(1.1)
        title.text = slide.title
        for paragraph in title.text_frame.paragraphs:
            for run in paragraph.runs:
                run.font.color.rgb = INDIGO
                run.font.size = Pt(36)
                run.font.bold = True
        top = Inches(1.7)
        if slide.table:
            self._table(page, slide, top)
        else:
            self._body(page, slide, top)
        notes = [line for note in slide.notes for line in self.text(note)]
        if notes:
            assert page.notes_slide.notes_text_frame is not None
            page.notes_slide.notes_text_frame.text = "\n".join(notes)

    def _body(self, page: PptxSlide, slide: Slide, top: Length) -> None:
        box = page.shapes.add_textbox(MARGIN, top, Emu(WIDTH - 2 * MARGIN), Emu(HEIGHT - top))
        frame = box.text_frame
        frame.word_wrap = True
        lines: list[tuple[str, str | None]] = [
            (line, None) for text in slide.text for line in self.text(text)
        ]
        lines += [(f"• {line}", None) for point in slide.points for line in self.text(point)]
        for choice in slide.choices:
            if slide.kind == "reveal":
                name = self.interface.gettext(VERDICT_NAMES[choice.verdict])
                lines.append((f"{choice.letter}  {choice.label}: {name}", choice.verdict))
            else:
                lines.append((f"{choice.letter}  {choice.label}", None))
        for number, (line, verdict) in enumerate(lines):
            paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
            paragraph.space_after = Pt(10)
            run = paragraph.add_run()
            run.text = line
            run.font.size = BODY_SIZE
            run.font.color.rgb = VERDICT_COLORS[verdict] if verdict else TEXT
            run.font.bold = verdict is not None

    def _table(self, page: PptxSlide, slide: Slide, top: Length) -> None:
        rows, columns = len(slide.table), len(slide.table[0])
        width, height = Emu(WIDTH - 2 * MARGIN), Emu(min(HEIGHT - top - MARGIN, Inches(0.5) * rows))
        table = page.shapes.add_table(rows, columns, MARGIN, top, width, height).table
        for r, row in enumerate(slide.table):
            for c, cell_text in enumerate(row):
                cell = table.cell(r, c)
                cell.text = " ".join(self.text(cell_text)) if r else cell_text
                for paragraph in cell.text_frame.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(18)
                if r == 0:
                    cell.fill.solid()
                    cell.fill.fore_color.rgb = INDIGO

    def bytes(self, session: Session, site_name: str) -> bytes:
        properties = self.deck.core_properties
        properties.title = session.title
        properties.author = properties.last_modified_by = site_name
        properties.subject = self.interface.gettext("Slides for a professional development session")
        properties.language = self.interface.language
        properties.created = properties.modified = _fixed_time()
        properties.revision = 1
        out = io.BytesIO()
        self.deck.save(out)
        return _with_fixed_times(out.getvalue())


def _with_fixed_times(package: bytes) -> bytes:
    """The same zip with every entry's time fixed: the same session builds the same bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(entry))
    return out.getvalue()


class DeckCache:
    """Decks made before, by what they show: a preview rebuilt after an edit elsewhere makes
    no deck again (python-pptx takes a moment for each slide)."""

    def __init__(self) -> None:
        self._made: dict[str, bytes] = {}

    def decks(
        self,
        course: Course,
        site_name: str,
        glossary: dict[str, str] | None = None,
        interface: Interface = ENGLISH,
    ) -> dict[str, bytes]:
        """Each session's deck, by the session's id, in the interface's language."""
        made, kept = {}, {}
        for session in course.sessions:
            slides = session_slides(session, course, interface)
            key = short_hash(repr((slides, session.title, site_name, glossary, interface)))
            if key not in self._made:
                writer = _DeckWriter(SafeMarkdown(glossary), interface)
                for slide in slides:
                    writer.add(slide)
                self._made[key] = writer.bytes(session, site_name)
            made[session.id] = kept[key] = self._made[key]
        self._made = kept
        return made
