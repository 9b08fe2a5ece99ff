"""Sensor data as the committee needs it: stations, reading quality, events, trend and decision."""

from botk_core.sensors.rules import DecisionRules, QualityRules, SensorRules, StationConfig
from botk_core.sensors.stations import ALL, StationCatalog, Stations, station_key

__all__ = [
    "ALL",
    "DecisionRules",
    "QualityRules",
    "SensorRules",
    "StationCatalog",
    "StationConfig",
    "Stations",
    "station_key",
]
