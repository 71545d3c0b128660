"""Shared fixtures: the sample course, as a writable copy or built once; the real course."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import REPOSITORY, SAMPLE, build_site


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A writable copy of the sample course: mkdocs.yml, docs/ and the content folders."""
    root = tmp_path / "course"
    shutil.copytree(SAMPLE, root)
    return root


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample course as it is, built once per test run, for tests that only read it."""
    root = tmp_path_factory.mktemp("sample") / "course"
    shutil.copytree(SAMPLE, root)
    return build_site(root)


@pytest.fixture(scope="session")
def course_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own course, built once per test run with a real, strict MkDocs run."""
    return build_site(REPOSITORY, tmp_path_factory.mktemp("course") / "site")


@pytest.fixture(scope="session")
def course_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's course as a SCORM package (package.zip), unpacked under package/
    beside the LMS harness pages."""
    from helpers import make_package

    return make_package(REPOSITORY, tmp_path_factory.mktemp("course-package"))
