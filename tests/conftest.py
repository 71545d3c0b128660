"""Shared fixtures: a small sample course copied into tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SAMPLE = Path(__file__).parent / "sample"


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A writable copy of the sample course: mkdocs.yml, docs/ and the content folders."""
    root = tmp_path / "course"
    shutil.copytree(SAMPLE, root)
    return root


REPOSITORY = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def course_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own course, built once per test run with a real, strict MkDocs run."""
    from helpers import build_site

    return build_site(REPOSITORY, tmp_path_factory.mktemp("course") / "site")
