"""pre-commit hooks (.pre-commit-hooks.yaml): `lintkit` and `lintkit-fix` for .txt/.md, `lintkit-docx` for .docx.

The end-to-end test runs the real `pre-commit` (a test dependency) on a temporary git repository with
`pre-commit try-repo`, which installs the hook environments from this checkout (uncommitted changes included) with
pip, so it needs a package index: it is marked `network` and skipped when no index is reachable."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

B = "并对202 2年全县妇联工作进行安排部署。\n"


def hooks() -> dict:
    yaml = pytest.importorskip("yaml")
    data = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return {h["id"]: h for h in data}


def test_hook_definitions():
    h = hooks()
    assert set(h) == {"lintkit", "lintkit-fix", "lintkit-docx"}
    for hook in h.values():
        assert hook["language"] == "python" and hook["entry"].startswith("lintkit check")
    for name in ("a.txt", "b.md", "dir/c.markdown"):
        assert re.search(h["lintkit"]["files"], name) and re.search(h["lintkit-fix"]["files"], name)
        assert not re.search(h["lintkit-docx"]["files"], name)
    assert re.search(h["lintkit-docx"]["files"], "报告.docx") and not re.search(h["lintkit"]["files"], "报告.docx")
    assert "--fix" in h["lintkit-fix"]["entry"] and "--exit-non-zero-on-fix" in h["lintkit-fix"]["entry"]
    assert "--fix" not in h["lintkit-docx"]["entry"]
    assert any("python-docx" in dep for dep in h["lintkit-docx"]["additional_dependencies"])


def _index_reachable(tmp_path) -> bool:
    """Can pip fetch a package (the hook environments need setuptools to build lintkit)?"""
    try:
        r = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d",
                            str(tmp_path / "probe"), "setuptools>=68"], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return r.returncode == 0


@pytest.mark.network
def test_hooks_with_real_pre_commit(tmp_path):
    pytest.importorskip("pre_commit")
    docx = pytest.importorskip("docx")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if not _index_reachable(tmp_path):
        pytest.skip("no package index reachable: pre-commit cannot install the hook environments")
    repo = tmp_path / "drafts"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
           "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("VIRTUAL_ENV", None)

    def git(*args):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)

    git("init", "-q")
    (repo / "a.txt").write_text(B, encoding="utf-8")
    (repo / "b.md").write_text("# 标题\n\n见 `202 2年` 代码。\n", encoding="utf-8")
    d = docx.Document()
    d.add_paragraph(B.strip())
    d.save(repo / "c.docx")
    git("add", "-A")

    def try_repo(*hook):
        r = subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), *hook, "--all-files",
                            "--color", "never"], cwd=repo, env=env, capture_output=True, text=True, timeout=300)
        return r.returncode, r.stdout + r.stderr

    code, out = try_repo()
    assert code == 1, out
    assert "a.txt:1:3: error SPC001" in out  # lintkit (check)
    assert "c.docx:1:3: error SPC001" in out  # lintkit-docx
    assert "files were modified by this hook" in out  # lintkit-fix
    assert "b.md:" not in out  # the Markdown code span is masked: b.md has no finding
    assert (repo / "a.txt").read_text(encoding="utf-8") == B.replace("202 2", "2022")
    assert [p.text for p in docx.Document(repo / "c.docx").paragraphs] == [B.strip()]  # never rewritten

    git("add", "-A")
    code, out = try_repo("lintkit")
    assert code == 0 and "Passed" in out, out

