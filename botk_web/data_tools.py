"""Wiring of the data tools: sensor readings, weather and reports."""

from __future__ import annotations

import attrs

from botk_adapters.reports import FilesystemReportStore
from botk_adapters.sensors import synthetic_readings
from botk_adapters.sensors.config import parse_rules, parse_stations
from botk_adapters.weather import parse_places, weather_provider
from botk_core.ports import MeasurementRepository, ReportStore, WeatherProvider
from botk_core.sensors.stations import Stations
from botk_core.tools import Tool
from botk_core.tools.diagnosis import diagnostico_tool
from botk_core.tools.events import eventos_tool
from botk_core.tools.measurements import promedio_estacional_tool, promedio_tool
from botk_core.tools.report import modify_document_tool
from botk_core.tools.weather import clima_tool
from botk_core.usecases.import_measurements import load_synthetic_if_empty
from botk_web.parts import Parts
from botk_web.settings import Settings


@attrs.frozen
class DataTools:
    """The sensor, weather and report adapters and the tools built on them."""

    measurements: MeasurementRepository
    weather: WeatherProvider
    reports: ReportStore
    tools: tuple[Tool, ...]
    stations: Stations


def build_data_tools(settings: Settings, measurements: MeasurementRepository, parts: Parts) -> DataTools:
    """The given parts, or the default adapters; the storage's readings (not a
    replacement's) get synthetic demonstration readings while they have none."""
    clock = parts.clock
    rules = parse_rules(settings.sensor_rules)
    stations = Stations(measurements, parse_stations(settings.stations), rules, clock)
    if parts.measurements is None and settings.synthetic_data:
        load_synthetic_if_empty(measurements, lambda: synthetic_readings(clock()))
    weather = parts.weather or weather_provider(
        settings.weatherapi_key, parse_places(settings.weather_places), settings.openmeteo_url
    )
    reports = parts.reports or FilesystemReportStore(
        settings.reports_dir, settings.latex_template_path, max_bytes=settings.report_max_bytes
    )
    tools = (
        promedio_tool(stations),
        promedio_estacional_tool(stations),
        clima_tool(weather, forecast_place=stations.forecast_place),
        diagnostico_tool(stations, weather),
        eventos_tool(stations),
        modify_document_tool(reports),
    )
    return DataTools(measurements, weather, reports, tools, stations)
