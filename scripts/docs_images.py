"""Regenerate the pictures in docs/ used by README.md (not run by the tests).

    .venv/bin/python scripts/docs_images.py

docs/html-report.png: `lintkit check --format html` on seed 000, opened in headless Chromium (Playwright for
Python driving /usr/bin/chromium), with the first finding's explanation open.
docs/review-docx.png: `lintkit review --track-changes` on seed 000, opened in LibreOffice Writer on a virtual
display (Xvfb) so that the comments show in the margin as writers see them; captured with ImageMagick `import`.

Needs: apt-get install chromium libreoffice-writer xvfb imagemagick fonts-noto-cjk; pip install -e '.[browser]'.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SEED = next((ROOT / "seeds").glob("000_*.txt"))
LINTKIT = [sys.executable, "-m", "lintkit"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
LO_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="ShowTipOfTheDay" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
"""


def html_report(tmp: Path) -> None:
    from playwright.sync_api import sync_playwright

    page_file = tmp / "seed000.html"
    subprocess.run([*LINTKIT, "check", str(SEED.relative_to(ROOT)), "--format", "html", "-o", str(page_file),
                    "--no-config"], cwd=ROOT)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 820})
        page.goto(page_file.as_uri())
        page.hover("mark.m >> nth=0")
        page.screenshot(path=str(DOCS / "html-report.png"))
        browser.close()


def review_docx(tmp: Path) -> None:
    out = tmp / "seed000.reviewed.docx"
    subprocess.run([*LINTKIT, "review", str(SEED), "-o", str(out), "--track-changes", "--no-config"], cwd=ROOT)
    profile = tmp / "lo" / "user"
    profile.mkdir(parents=True)
    (profile / "registrymodifications.xcu").write_text(LO_PROFILE, encoding="utf-8")
    display = ":97"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1500x1000x24"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    env = dict(os.environ, DISPLAY=display)
    lo = None
    try:
        time.sleep(1)
        lo = subprocess.Popen(["soffice", "--norestore", "--nologo", f"-env:UserInstallation={(tmp / 'lo').as_uri()}",
                               str(out)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(15)
        shot = tmp / "screen.png"
        subprocess.run(["import", "-window", "root", str(shot)], env=env, check=True)
        # the page with its comment margin, without the window chrome
        subprocess.run(["convert", str(shot), "-crop", "1060x780+200+110", "+repage", str(DOCS / "review-docx.png")],
                       check=True)
    finally:
        if lo is not None:
            lo.terminate()
            lo.wait(timeout=30)
        xvfb.terminate()
        xvfb.wait(timeout=30)


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as d:
        html_report(Path(d))
        review_docx(Path(d))
    for name in ("html-report.png", "review-docx.png"):  # 256 colours: a third of the size, no visible loss
        subprocess.run(["convert", str(DOCS / name), "-strip", "-colors", "256", str(DOCS / name)], check=True)
    print("wrote", DOCS / "html-report.png", DOCS / "review-docx.png")


if __name__ == "__main__":
    main()
