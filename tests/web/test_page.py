"""GET / serves the chat page and its files from the package: small, cached, open, under a strict policy."""

from __future__ import annotations

import gzip
import re
import tomllib
from pathlib import Path

import attrs
from flask.testing import FlaskClient

from botk_web import Settings, create_app

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "botk_web" / "page"


def asset_urls(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="(/page/[^"]+)"', html)


def test_the_page_and_each_file_it_names_are_served(client: FlaskClient) -> None:
    page = client.get("/")
    html = page.get_data(as_text=True)

    assert page.status_code == 200 and page.mimetype == "text/html"
    assert '<html lang="es">' in html and 'data-auth="none"' in html
    kinds = {client.get(url).mimetype for url in asset_urls(html)}
    assert kinds == {"text/javascript", "text/css", "image/svg+xml"}


def test_the_policy_allows_no_inline_script_or_style(client: FlaskClient) -> None:
    page = client.get("/")
    html = page.get_data(as_text=True)

    policy = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe" not in policy
    assert re.findall(r"<script(?![^>]*\ssrc=)", html) == []
    assert " style=" not in html and "<style" not in html
    assert re.findall(r"\son\w+=", html) == []  # no inline event handlers


def test_script_and_styles_stay_under_100_kb() -> None:
    sizes = [path.stat().st_size for path in (PAGE / "static").iterdir() if path.suffix in (".js", ".css")]
    assert sizes and sum(sizes) < 100_000


def test_files_go_gzipped_to_browsers_that_take_it_and_are_cached_under_their_version(
    client: FlaskClient,
) -> None:
    url = next(
        u for u in asset_urls(client.get("/").get_data(as_text=True)) if u.endswith(".js") or ".js?" in u
    )
    plain = client.get(url)
    zipped = client.get(url, headers={"Accept-Encoding": "gzip, br"})

    assert zipped.headers["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain.headers
    assert gzip.decompress(zipped.get_data()) == plain.get_data()
    assert len(zipped.get_data()) < len(plain.get_data()) / 2
    assert "immutable" in plain.headers["Cache-Control"]
    assert client.get(url.split("?")[0]).headers["Cache-Control"] == "no-cache"
    again = client.get(url, headers={"If-None-Match": plain.headers["ETag"]})
    assert again.status_code == 304 and again.get_data() == b""


def test_an_unknown_file_is_a_json_404(client: FlaskClient) -> None:
    for name in ("nada.js", "..%2Fviews.py", "page.js.bak"):
        response = client.get(f"/page/{name}")
        assert response.status_code == 404 and response.get_json()["code"] == "not_found"


def test_with_an_api_key_the_page_is_open_and_says_it_needs_the_key(settings: Settings) -> None:
    client = create_app(attrs.evolve(settings, api_hash="secreto")).test_client()
    page = client.get("/")

    assert page.status_code == 200 and 'data-auth="required"' in page.get_data(as_text=True)
    for url in asset_urls(page.get_data(as_text=True)):
        assert client.get(url).status_code == 200
    assert "secreto" not in page.get_data(as_text=True)
    assert client.get("/start").status_code == 401
    assert client.get("/page/nada.js").status_code == 404


def test_pip_install_carries_every_file_of_the_page() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["botk_web"]
    files = [p.relative_to(ROOT / "botk_web") for p in PAGE.rglob("*") if p.is_file() and p.suffix != ".py"]
    files = [f for f in files if "__pycache__" not in f.parts]

    assert files
    assert [f for f in files if not any(f.match(pattern) for pattern in patterns)] == []
