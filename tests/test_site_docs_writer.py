"""build/docs/ is written incrementally: unchanged files are left alone, changed ones rewritten (even at
the same size), stale copies copied again, and files a build did not produce removed."""

import os

from tertial.site.build import DocsWriter


def test_unchanged_left_alone_changed_rewritten(tmp_path):
    w = DocsWriter(tmp_path)
    page = tmp_path / "a" / "index.md"
    w(page, "hej")
    assert page.read_text() == "hej" and w.written == 1
    w2 = DocsWriter(tmp_path)
    w2(page, "hej")
    assert w2.written == 0
    w2(page, "hoj")  # same size, other bytes: written
    assert page.read_text() == "hoj" and w2.written == 1


def test_copy_again_when_the_source_changed(tmp_path):
    src, docs = tmp_path / "src", tmp_path / "docs"
    src.mkdir()
    (src / "t.csv").write_text("a,b\n1,2\n")
    w = DocsWriter(docs)
    w.copytree(src, docs / "data")
    assert (docs / "data" / "t.csv").read_text() == "a,b\n1,2\n"
    (src / "t.csv").write_text("a,b\n1,3\n")  # same size, new content and time
    st = (src / "t.csv").stat()
    os.utime(src / "t.csv", ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    w2 = DocsWriter(docs)
    w2.copytree(src, docs / "data")
    assert (docs / "data" / "t.csv").read_text() == "a,b\n1,3\n" and w2.written == 1
    w3 = DocsWriter(docs)
    w3.copytree(src, docs / "data")
    assert w3.written == 0


def test_copy_again_when_only_the_bytes_changed(tmp_path):
    """Same size and the same modification time (as rsync -t or tar can leave it), other bytes: copied."""
    src, docs = tmp_path / "src", tmp_path / "docs"
    src.mkdir()
    (src / "t.csv").write_text("a,b\n1,2\n")
    DocsWriter(docs).copytree(src, docs / "data")
    st = (src / "t.csv").stat()
    (src / "t.csv").write_text("a,b\n1,3\n")
    os.utime(src / "t.csv", ns=(st.st_atime_ns, st.st_mtime_ns))
    os.utime(docs / "data" / "t.csv", ns=(st.st_atime_ns, st.st_mtime_ns))
    w = DocsWriter(docs)
    w.copytree(src, docs / "data")
    assert (docs / "data" / "t.csv").read_text() == "a,b\n1,3\n" and w.written == 1


def test_prune_removes_what_the_build_did_not_make(tmp_path):
    w = DocsWriter(tmp_path)
    w(tmp_path / "keep" / "index.md", "x")
    w(tmp_path / "chart.svg", None)  # made by a render worker
    (tmp_path / "chart.svg").write_text("<svg/>")
    (tmp_path / "old" / "sub").mkdir(parents=True)
    (tmp_path / "old" / "sub" / "index.md").write_text("gammal")
    w.prune()
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "chart.svg", "keep", "keep/index.md"]
