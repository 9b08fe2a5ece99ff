"""A small, accessible SVG of a station's level over time, with its low threshold.

Drawn by hand (no plotting library): a polyline per stretch of data, a dashed
threshold line, the extreme values and dates, a title and a description that
say in words what the picture shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo
from xml.sax.saxutils import escape, quoteattr

import attrs

from botk_core.sensors import spanish

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 36
LINE, THRESHOLD, TEXT = "#1f6fb2", "#c0392b", "#333333"


def _short_day(timestamp: float, zone: tzinfo) -> str:
    moment = datetime.fromtimestamp(timestamp, zone)
    return f"{moment.day} {spanish.MONTHS[moment.month - 1][:3]}"


@attrs.frozen
class _Frame:
    """Maps time and level to the drawing area."""

    since: float
    until: float
    low: float
    high: float

    def x(self, t: float) -> float:
        return LEFT + (t - self.since) / max(self.until - self.since, 1.0) * (WIDTH - LEFT - RIGHT)

    def y(self, v: float) -> float:
        return TOP + (self.high - v) / max(self.high - self.low, 1e-9) * (HEIGHT - TOP - BOTTOM)


def level_chart(
    title: str,
    description: str,
    points: Sequence[tuple[float, float | None]],
    span: tuple[float, float],
    threshold: float,
    zone: tzinfo,
    gap: float,
) -> str:
    """The SVG text; ``points`` are (time, level) in order, None where there is no valid level."""
    levels = [v for _, v in points if v is not None]
    frame = _Frame(span[0], span[1], min([*levels, threshold, 0.0]), max([*levels, threshold]) * 1.1 or 1.0)
    body = [
        f'<rect x="{LEFT}" y="{TOP}" width="{WIDTH - LEFT - RIGHT}" height="{HEIGHT - TOP - BOTTOM}" '
        'fill="#ffffff" stroke="#cccccc"/>',
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{frame.y(threshold):.1f}" y2="{frame.y(threshold):.1f}" '
        f'stroke="{THRESHOLD}" stroke-dasharray="6 4"/>',
        *(_polyline(frame, run) for run in _stretches(points, gap)),
        *_labels(frame, threshold, zone),
    ]
    if not levels:
        body.append(_text(WIDTH / 2, HEIGHT / 2, "Sin lecturas válidas de nivel", anchor="middle"))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-labelledby="title desc">\n'
        f'<title id="title">{escape(title)}</title>\n<desc id="desc">{escape(description)}</desc>\n'
        + "\n".join(body)
        + "\n</svg>\n"
    )


def _polyline(frame: _Frame, run: Sequence[tuple[float, float]]) -> str:
    coordinates = " ".join(f"{frame.x(t):.1f},{frame.y(v):.1f}" for t, v in run)
    return f'<polyline fill="none" stroke="{LINE}" stroke-width="2" points="{coordinates}"/>'


def _labels(frame: _Frame, threshold: float, zone: tzinfo) -> list[str]:
    return [
        _text(4, frame.y(frame.high) + 4, f"{spanish.decimal(frame.high)} m"),
        _text(4, frame.y(frame.low) + 4, f"{spanish.decimal(frame.low)} m"),
        _text(LEFT, HEIGHT - 12, _short_day(frame.since, zone)),
        _text(WIDTH - RIGHT, HEIGHT - 12, _short_day(frame.until, zone), anchor="end"),
        _text(
            WIDTH - RIGHT,
            frame.y(threshold) - 4,
            f"umbral {spanish.decimal(threshold, 1)} m",
            THRESHOLD,
            "end",
        ),
    ]


def _stretches(points: Sequence[tuple[float, float | None]], gap: float) -> list[list[tuple[float, float]]]:
    """Consecutive valid points, split where a value is missing or the data has a gap."""
    runs: list[list[tuple[float, float]]] = [[]]
    for t, v in points:
        if v is None or (runs[-1] and t - runs[-1][-1][0] > gap):
            runs.append([])
        if v is not None:
            runs[-1].append((t, v))
    return [run if len(run) > 1 else run * 2 for run in runs if run]


def _text(x: float, y: float, text: str, color: str = TEXT, anchor: str = "start") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" fill="{color}" font-family="sans-serif" font-size="12" '
        f"text-anchor={quoteattr(anchor)}>{escape(text)}</text>"
    )
