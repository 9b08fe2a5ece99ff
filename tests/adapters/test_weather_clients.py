"""Weather clients against a stub HTTP server on 127.0.0.1 with each provider's real shapes."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from botk_adapters.weather import JsonGetter, OpenMeteoWeather, TtlCache, WeatherApiWeather
from botk_core.errors import UpstreamAuthError, UpstreamError, UpstreamTimeout

GEOCODING = {
    "results": [
        {
            "id": 3879200, "name": "Mamiña", "latitude": -20.0706, "longitude": -69.2211,
            "elevation": 2750.0, "feature_code": "PPL", "country_code": "CL", "timezone": "America/Santiago",
            "country": "Chile", "admin1": "Tarapacá",
        }
    ],
    "generationtime_ms": 0.71,
}  # fmt: skip
FORECAST = {
    "latitude": -20.07, "longitude": -69.22, "timezone": "America/Santiago", "utc_offset_seconds": -10800,
    "current_units": {"time": "iso8601", "temperature_2m": "°C", "relative_humidity_2m": "%"},
    "current": {"time": "2026-01-15T12:00", "interval": 900, "temperature_2m": 24.3,
                "relative_humidity_2m": 21, "is_day": 1, "weather_code": 2},
    "daily_units": {"time": "iso8601", "temperature_2m_max": "°C"},
    "daily": {"time": ["2026-01-15", "2026-01-16", "2026-01-17"], "temperature_2m_max": [27.1, 26.4, 25.0],
              "temperature_2m_min": [9.8, 10.2, 9.1], "temperature_2m_mean": [17.9, 18.0, 16.8],
              "precipitation_probability_max": [5, 55, 0]},
}  # fmt: skip
WEATHERAPI = {
    "location": {"name": "Mamina", "region": "Tarapaca", "country": "Chile", "lat": -20.07, "lon": -69.22},
    "current": {"temp_c": 24.0, "humidity": 22, "is_day": 1,
                "condition": {"text": "Soleado", "icon": "//cdn.weatherapi.com/x.png", "code": 1000}},
    "forecast": {"forecastday": [
        {"date": "2026-01-15", "day": {"maxtemp_c": 27.2, "mintemp_c": 9.9, "avgtemp_c": 18.1,
                                       "daily_chance_of_rain": 0, "condition": {"text": "Soleado"}}},
        {"date": "2026-01-16", "day": {"maxtemp_c": 26.0, "mintemp_c": 10.0, "avgtemp_c": 17.5,
                                       "daily_chance_of_rain": 71, "condition": {"text": "Lluvia"}}},
    ]},
}  # fmt: skip


class Stub:
    """Answers each path from a queue of (status, body, delay); the last answer repeats."""

    def __init__(self) -> None:
        self.answers: dict[str, list[tuple[int, object, float]]] = {}
        self.requests: list[tuple[str, dict[str, list[str]]]] = []

    def on(self, path: str, *answers: tuple[int, object, float]) -> None:
        self.answers[path] = list(answers)

    def handler(self) -> type[BaseHTTPRequestHandler]:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                url = urlparse(self.path)
                stub.requests.append((url.path, parse_qs(url.query)))
                queue = stub.answers.get(url.path, [(404, {"error": "no route"}, 0.0)])
                status, body, delay = queue.pop(0) if len(queue) > 1 else queue[0]
                time.sleep(delay)
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        return Handler


@pytest.fixture
def stub() -> Iterator[tuple[Stub, str]]:
    fake = Stub()
    server = ThreadingHTTPServer(("127.0.0.1", 0), fake.handler())
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield fake, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def fast_http(read_timeout: float = 2.0) -> JsonGetter:
    return JsonGetter(connect_timeout=1.0, read_timeout=read_timeout, backoff_seconds=0.0)


def open_meteo(base: str, **kwargs: object) -> OpenMeteoWeather:
    return OpenMeteoWeather(
        fast_http(), geocoding_url=f"{base}/v1/search", forecast_url=f"{base}/v1/forecast", **kwargs
    )  # type: ignore[arg-type]


def test_open_meteo_resolves_the_place_and_maps_the_forecast(stub: tuple[Stub, str]) -> None:
    fake, base = stub
    fake.on("/v1/search", (200, GEOCODING, 0.0))
    fake.on("/v1/forecast", (200, FORECAST, 0.0))
    report = open_meteo(base).weather("Mamiña", 3)
    assert report.location == "Mamiña"
    assert (report.current.temp_c, report.current.humidity, report.current.condition) == (
        24.3,
        21.0,
        "Parcialmente nublado",
    )
    assert [d.daily_chance_of_rain for d in report.forecast] == [5.0, 55.0, 0.0]
    assert report.forecast[0].avgtemp_c == 17.9
    search, forecast = fake.requests
    assert search[1]["name"] == ["Mamiña"] and search[1]["countryCode"] == ["CL"]
    assert forecast[1]["latitude"] == ["-20.0706"] and forecast[1]["forecast_days"] == ["3"]


def test_open_meteo_unknown_place_is_a_clear_error(stub: tuple[Stub, str]) -> None:
    fake, base = stub
    fake.on("/v1/search", (200, {"generationtime_ms": 0.4}, 0.0))
    with pytest.raises(
        UpstreamError, match="No pude consultar el pronóstico del tiempo: no encontré el lugar 'Atlantis'"
    ):
        open_meteo(base).weather("Atlantis")


def test_a_500_is_retried_once(stub: tuple[Stub, str]) -> None:
    fake, base = stub
    fake.on("/v1/search", (500, {"error": True}, 0.0), (200, GEOCODING, 0.0))
    fake.on("/v1/forecast", (200, FORECAST, 0.0))
    assert open_meteo(base).weather("Mamiña").current.temp_c == 24.3
    assert [path for path, _ in fake.requests] == ["/v1/search", "/v1/search", "/v1/forecast"]


def test_repeated_500s_become_an_upstream_error(stub: tuple[Stub, str]) -> None:
    fake, base = stub
    fake.on("/v1/search", (503, b"<html>down</html>", 0.0))
    with pytest.raises(
        UpstreamError,
        match="No pude consultar el pronóstico del tiempo: el servicio respondió con error 503",
    ):
        open_meteo(base).weather("Mamiña")
    assert len(fake.requests) == 2


def test_a_slow_service_times_out(stub: tuple[Stub, str]) -> None:
    fake, base = stub
    fake.on("/v1/search", (200, GEOCODING, 0.6))
    client = OpenMeteoWeather(fast_http(read_timeout=0.2), geocoding_url=f"{base}/v1/search")
    with pytest.raises(
        UpstreamTimeout,
        match="No pude consultar el pronóstico del tiempo: el servicio no respondió a tiempo",
    ):
        client.weather("Mamiña")


def test_an_unreachable_service_is_retried_then_reported() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = OpenMeteoWeather(fast_http(), geocoding_url=f"http://127.0.0.1:{port}/v1/search")
    with pytest.raises(
        UpstreamError, match="No pude consultar el pronóstico del tiempo: sin conexión con el servicio"
    ):
        client.weather("Mamiña")


@pytest.mark.parametrize("body", [b"{not json", {"current": {"temperature_2m": 20}}, ["a list"]])
def test_malformed_bodies_are_reported_not_crashed_on(stub: tuple[Stub, str], body: object) -> None:
    fake, base = stub
    fake.on("/v1/search", (200, GEOCODING, 0.0))
    fake.on("/v1/forecast", (200, body, 0.0))
    with pytest.raises(UpstreamError, match="No pude consultar el pronóstico del tiempo: el servicio"):
        open_meteo(base).weather("Mamiña")


def test_results_are_cached_for_a_few_minutes(stub: tuple[Stub, str]) -> None:
    fake, base = stub
    fake.on("/v1/search", (200, GEOCODING, 0.0))
    fake.on("/v1/forecast", (200, FORECAST, 0.0))
    now = [1000.0]
    client = open_meteo(base, cache=TtlCache(300, clock=lambda: now[0]))
    client.weather("Mamiña")
    client.weather(" mamiña ")
    assert len(fake.requests) == 2
    now[0] += 301
    client.weather("Mamiña")
    assert len(fake.requests) == 4


def weatherapi(base: str) -> WeatherApiWeather:
    return WeatherApiWeather("k-123", fast_http(), forecast_url=f"{base}/v1/forecast.json")


def test_weatherapi_maps_its_forecast(stub: tuple[Stub, str]) -> None:
    fake, base = stub
    fake.on("/v1/forecast.json", (200, WEATHERAPI, 0.0))
    report = weatherapi(base).weather("Mamiña", 2)
    assert (report.location, report.current.condition, report.current.is_day) == ("Mamina", "Soleado", True)
    assert [(d.date, d.daily_chance_of_rain) for d in report.forecast] == [
        ("2026-01-15", 0.0),
        ("2026-01-16", 71.0),
    ]
    query = fake.requests[0][1]
    assert query["key"] == ["k-123"] and query["q"] == ["Mamiña"] and query["days"] == ["2"]


def test_weatherapi_errors_name_the_problem(stub: tuple[Stub, str]) -> None:
    fake, base = stub
    fake.on(
        "/v1/forecast.json", (400, {"error": {"code": 1006, "message": "No matching location found."}}, 0.0)
    )
    with pytest.raises(UpstreamError, match="no encontré el lugar 'Atlantis'"):
        weatherapi(base).weather("Atlantis")
    fake.on("/v1/forecast.json", (401, {"error": {"code": 2006, "message": "API key is invalid."}}, 0.0))
    with pytest.raises(UpstreamAuthError, match="WEATHERAPI_KEY"):
        weatherapi(base).weather("Mamiña")
    fake.on("/v1/forecast.json", (200, {"location": {"name": "x"}}, 0.0))
    with pytest.raises(UpstreamError, match="respuesta incompleta"):
        weatherapi(base).weather("Quipisca")


def test_open_meteo_keeps_an_unknown_rain_chance_unknown(stub: tuple[Stub, str]) -> None:
    fake, base = stub
    daily = {**FORECAST["daily"], "precipitation_probability_max": [None, 40, None]}  # type: ignore[dict-item]
    fake.on("/v1/search", (200, GEOCODING, 0.0))
    fake.on("/v1/forecast", (200, {**FORECAST, "daily": daily}, 0.0))
    report = open_meteo(base).weather("Mamiña", 3)
    assert [d.daily_chance_of_rain for d in report.forecast] == [None, 40.0, None]


def test_open_meteo_without_rain_chances_reports_them_unknown(stub: tuple[Stub, str]) -> None:
    fake, base = stub
    daily = {k: v for k, v in FORECAST["daily"].items() if k != "precipitation_probability_max"}  # type: ignore[attr-defined]
    fake.on("/v1/search", (200, GEOCODING, 0.0))
    fake.on("/v1/forecast", (200, {**FORECAST, "daily": daily}, 0.0))
    report = open_meteo(base).weather("Mamiña", 3)
    assert [d.daily_chance_of_rain for d in report.forecast] == [None, None, None]


def test_a_failure_is_remembered_for_a_minute_then_tried_again(stub: tuple[Stub, str]) -> None:
    fake, base = stub
    fake.on("/v1/search", (503, {"error": True}, 0.0), (503, {"error": True}, 0.0), (200, GEOCODING, 0.0))
    fake.on("/v1/forecast", (200, FORECAST, 0.0))
    now = [1000.0]
    getter = JsonGetter(connect_timeout=1.0, backoff_seconds=0.0, clock=lambda: now[0])
    client = OpenMeteoWeather(
        getter,
        cache=TtlCache(clock=lambda: now[0]),
        geocoding_url=f"{base}/v1/search",
        forecast_url=f"{base}/v1/forecast",
    )
    with pytest.raises(UpstreamError, match="error 503"):
        client.weather("Mamiña")
    assert len(fake.requests) == 2
    for place in ("Mamiña", "Iquiuca"):  # the same place, and another one on the same service
        with pytest.raises(UpstreamError, match="error 503"):
            client.weather(place)
    assert len(fake.requests) == 2
    now[0] += 61
    assert client.weather("Mamiña").current.temp_c == 24.3
    assert len(fake.requests) == 4


def test_the_cache_keeps_a_bounded_number_of_fresh_entries() -> None:
    now = [0.0]
    cache = TtlCache(ttl_seconds=300, clock=lambda: now[0], max_entries=3)
    for place in range(10):
        cache.get_or_compute(place, lambda place=place: f"report {place}")
        now[0] += 1
    assert cache.size() == 3
    assert cache.get_or_compute(9, lambda: "again") == "report 9"
    assert cache.get_or_compute(0, lambda: "again") == "again"  # the oldest went first
    now[0] += 1000
    cache.get_or_compute("new", lambda: "x")
    assert cache.size() == 1  # expired entries are dropped
