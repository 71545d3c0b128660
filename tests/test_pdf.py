"""PDFs made at build time: worksheets as fillable forms, and the facilitator's pack."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from helpers import SAMPLE, QuietHandler, build_site, enable_pdfs, page_text, serve


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pdf") / "course"
    shutil.copytree(SAMPLE, root)
    enable_pdfs(root)
    return build_site(root)


def test_worksheet_pdf_is_a_fillable_form_with_text(pdf_site: Path) -> None:
    reader = PdfReader(pdf_site / "worksheets/starter-agreement.pdf")
    assert reader.metadata is not None and reader.metadata.title == "Starter agreement"
    assert len(reader.pages) == 1
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == (612, 792)  # US Letter, in points
    text = reader.pages[0].extract_text()
    for words in ("Starter agreement", "Records behavior data", "How will we check in each day?"):
        assert words in text
    fields = reader.get_fields() or {}
    # Named as on screen: by block, group and row, so a saved entry stays on its row.
    assert "starter-agreement:fields:teacher" in fields
    assert "starter-agreement:who-does-what:planning:plans-lessons" in fields  # a choice
    assert "starter-agreement:who-does-what:planning:plans-lessons:notes" in fields
    assert "starter-agreement:prompts:how-will-we-check-in-each-day" in fields
    assert "starter-agreement:checklist:we-asked-administration-what-is-already-decided" in fields
    assert "starter-agreement:signatures:teacher:date" in fields


def test_worksheet_page_links_its_pdf(pdf_site: Path) -> None:
    html = page_text(pdf_site, "worksheets/starter-agreement")
    assert '<a href="../starter-agreement.pdf">Download the PDF</a> (US Letter)' in html


def test_facilitator_pack(pdf_site: Path) -> None:
    reader = PdfReader(pdf_site / "downloads/facilitator-pack.pdf")
    assert reader.metadata is not None
    assert reader.metadata.title == "Sample course: facilitator's print pack"
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "A 30-minute session" in text and "Agree roles" in text  # the session plans
    assert "Pair people who do not know each other." in text  # generated facilitator notes
    assert "Talk first." in text and "What will you ask your partner on day one?" in text
    assert "You are Ms. Rivera, the teacher" in text and "You are Mr. Chen, the IA" in text
    assert "Starter agreement" in text and "Records behavior data" in text
    assert len(reader.pages) == 6  # cover, guide, modules, cards' cover and cards, worksheet
    assert "starter-agreement:fields:teacher" in (reader.get_fields() or {})


def test_a4_paper(course: Path) -> None:
    enable_pdfs(course, paper="a4")
    site = build_site(course)
    page = PdfReader(site / "worksheets/starter-agreement.pdf").pages[0]
    assert (round(page.mediabox.width), round(page.mediabox.height)) == (595, 842)
    assert "(A4)" in page_text(site, "worksheets/starter-agreement")


def test_pdfs_can_be_switched_off(sample_site: Path) -> None:
    assert not list(sample_site.rglob("*.pdf"))
    assert "Download the PDF" not in page_text(sample_site, "worksheets/starter-agreement")


def test_a_pdf_reads_only_the_site_s_own_files(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from sidebyside.pdf import html_to_pdf

    asked: list[str] = []

    class Recording(QuietHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            super().do_GET()

    served = tmp_path / "served"
    served.mkdir()
    (served / "x.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    base, server = serve(served, Recording)
    docs = tmp_path / "docs"
    (docs / "images").mkdir(parents=True)
    (docs / "images/own.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    secret = tmp_path / "secret.svg"
    secret.write_text('<svg xmlns="http://www.w3.org/2000/svg"><text>secret</text></svg>')
    try:
        pdf = html_to_pdf(
            f'<img src="{base}/x.svg"><img src="{secret.as_uri()}"><img src="images/own.svg">',
            docs,
        )
    finally:
        server.shutdown()
    assert pdf.startswith(b"%PDF") and asked == []
    refused = [r.getMessage() for r in caplog.records if r.name == "mkdocs.plugins.sidebyside.pdf"]
    assert refused == [
        f"A PDF asked for {base}/x.svg, which is not a file of the site; refused",
        f"A PDF asked for {secret.as_uri()}, which is not a file of the site; refused",
    ]


def link_targets(pdf: Path) -> list[str]:
    return [
        annotation.get_object()["/A"]["/URI"]
        for page in PdfReader(pdf).pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/Subtype") == "/Link"
    ]


def test_pack_links_lead_to_the_built_pages(pdf_site: Path) -> None:
    links = link_targets(pdf_site / "downloads/facilitator-pack.pdf")
    assert "../modules/first-steps/" in links
    assert "../worksheets/starter-agreement/#who-does-what" in links
    for link in links:  # relative to the pack, which sits in downloads/
        target = (pdf_site / "downloads" / link.partition("#")[0]).resolve()
        assert target.is_file() or (target / "index.html").is_file(), link


def test_pack_links_are_absolute_when_the_site_has_an_address(course: Path) -> None:
    enable_pdfs(course)
    config = course / "mkdocs.yml"
    config.write_text("site_url: https://pd.example.org/side-by-side/\n" + config.read_text())
    links = link_targets(build_site(course) / "downloads/facilitator-pack.pdf")
    assert "https://pd.example.org/side-by-side/modules/first-steps/" in links
    assert all(link.startswith("https://pd.example.org/side-by-side/") for link in links)


def bookmarks(outline: list) -> list:
    """The outline as (title, [children]) pairs."""
    shown: list = []
    for entry in outline:
        if isinstance(entry, list):
            shown[-1] = (shown[-1][0], bookmarks(entry))
        else:
            shown.append((entry.title, []))
    return shown


def test_role_play_cards_have_their_own_bookmarks(pdf_site: Path) -> None:
    outline = dict(bookmarks(PdfReader(pdf_site / "downloads/facilitator-pack.pdf").outline))
    assert outline["Role-play cards"] == [
        (
            "Late for the bus",
            [("You are Ms. Rivera, the teacher", []), ("You are Mr. Chen, the IA", [])],
        )
    ]


def test_each_session_plan_has_a_pack_of_what_it_uses(pdf_site: Path) -> None:
    reader = PdfReader(pdf_site / "downloads/session-short-session.pdf")
    assert reader.metadata is not None
    assert (
        reader.metadata.title == "Sample course: print pack for the session “A 30-minute session”"
    )
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Agree roles" in text and "First steps together" in text  # the plan, its module
    assert "Starter agreement" in text and "Records behavior data" in text  # its worksheet
    assert "You are Ms. Rivera" in text  # its scenario's role-play cards
    assert "Discussion sheet: Late for the bus" in text and "The situation" in text
    assert "Notes by module" not in text  # the rest of the guide stays out
    assert len(reader.pages) == 7  # cover, plan, module, cards' cover and cards, discussion
    # sheet, worksheet


def test_the_guide_links_every_pack(pdf_site: Path) -> None:
    html = page_text(pdf_site, "facilitator-guide")
    assert (
        '<a href="../downloads/facilitator-pack.pdf">Facilitator&#39;s print pack</a> '
        "(PDF, US Letter)" in html
    )
    assert html.count('href="../downloads/session-short-session.pdf"') == 2  # list, plan
    assert 'href="../sessions/short-session/">Open this session</a>' in html


def test_a_rebuild_remakes_only_the_pdfs_whose_content_changed(
    course: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import markdown

    from sidebyside import pdf
    from sidebyside.load import load_course
    from sidebyside.render import Renderer
    from sidebyside.setaside import SetAsideExtension

    enable_pdfs(course)
    made: list[str] = []
    real = pdf.html_to_pdf

    def counting(html: str, root: Path) -> bytes:
        made.append(html.split("<title>")[1].split("</title>")[0])
        return real(html, root)

    monkeypatch.setattr(pdf, "html_to_pdf", counting)
    cache = pdf.PdfCache()
    docs, guide = course / "docs", course / "docs/facilitator-guide.md"

    def build() -> dict[str, bytes]:
        printing = pdf.Printing(
            load_course(course),
            Renderer(site_name="Sample course"),
            "letter",
            docs,
            guide,
            link=lambda uri: uri,
            to_html=lambda text: markdown.markdown(text, extensions=[SetAsideExtension()]),
        )
        documents = pdf.course_pdfs(printing, cache)
        return {document.uri: document.content for document in documents}

    first = build()
    assert len(made) == 3  # the worksheet, the whole pack, the session's pack
    made.clear()
    assert build() == first and made == []
    worksheet = course / "worksheets/starter-agreement.yml"
    worksheet.write_text(worksheet.read_text().replace("Plans lessons", "Plans the lessons"))
    changed = build()
    # The worksheet and both packs hold the row; nothing else was made again.
    assert sorted(made) == [
        "Sample course: facilitator&#39;s print pack",
        "Sample course: print pack for the session “A 30-minute session”",
        "Starter agreement",
    ]
    made.clear()
    module = course / "modules/first-steps.yml"
    module.write_text(module.read_text().replace("Talk first.", "Talk first, then plan."))
    assert (
        build()["worksheets/starter-agreement.pdf"] == changed["worksheets/starter-agreement.pdf"]
    )
    assert "Starter agreement" not in made  # the module is in the packs only


def form_fields(reader: PdfReader) -> dict[str, list[str]]:
    """Each form field's name (/T) -> the accessible names (/TU) it and its widgets carry."""
    named: dict[str, list[str]] = {}
    catalog: Any = reader.trailer["/Root"]
    for reference in catalog["/AcroForm"]["/Fields"]:
        field = reference.get_object()
        if "/Parent" in field:  # a radio button, listed again by WeasyPrint beside its group
            continue
        widgets = [kid.get_object() for kid in field.get("/Kids", [])] or [field]
        named[str(field["/T"])] = [str(w.get("/TU", field.get("/TU", ""))) for w in widgets]
    return named


def _tagged_with_every_field_named(site: Path, language: str) -> None:
    """PDF/UA-1: a structure tree, the document's language and title, and an accessible name
    for each form field, which is what a screen reader says (not its machine name)."""
    pdfs = sorted(site.glob("worksheets/*.pdf")) + sorted(site.glob("downloads/*.pdf"))
    assert len(pdfs) >= 8
    unnamed = {}
    for pdf in pdfs:
        reader = PdfReader(pdf)
        catalog: Any = reader.trailer["/Root"]
        assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"], pdf.name
        assert catalog["/Lang"] == language, pdf.name
        assert reader.metadata is not None and reader.metadata.title, pdf.name
        assert b"pdfuaid:part" in catalog["/Metadata"].get_object().get_data(), pdf.name
        fields = form_fields(reader)
        assert fields, pdf.name
        missing = [name for name, names in fields.items() if not all(names) or name in names]
        if missing:
            unnamed[pdf.name] = missing
    assert unnamed == {}


def test_every_spanish_pdf_is_tagged_in_spanish_with_every_field_named(course_site: Path) -> None:
    _tagged_with_every_field_named(course_site / "es", "es")
    english = form_fields(PdfReader(course_site / "worksheets/role-agreement.pdf"))
    spanish = form_fields(PdfReader(course_site / "es/worksheets/role-agreement.pdf"))
    # The same fields, under the same names, so entries go to the same place; named in Spanish.
    assert spanish.keys() == english.keys()
    row = "role-agreement:matrix:planning-and-instruction:prepares-lesson-materials"
    assert all(name not in english[row] for name in spanish[row])


def test_every_pdf_is_tagged_in_english_with_every_field_named(course_site: Path) -> None:
    _tagged_with_every_field_named(course_site, "en")
    role_agreement = form_fields(PdfReader(course_site / "worksheets/role-agreement.pdf"))
    assert role_agreement[
        "role-agreement:matrix:planning-and-instruction:prepares-lesson-materials"
    ] == [
        "Teacher: Prepares lesson materials",
        "IA: Prepares lesson materials",
        "Shared: Prepares lesson materials",
        "Discuss: Prepares lesson materials",
    ]
