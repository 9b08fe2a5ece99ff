"""Sensor readings: the original record format from URLs, JSON and CSV, the old ``data.db``;
synthetic demo data; stations and rules from their settings text."""

from botk_adapters.sensors.config import parse_rules, parse_stations
from botk_adapters.sensors.legacy_db import LoadedReadings, load_readings
from botk_adapters.sensors.readers import load_records, records_from_csv, records_from_json
from botk_adapters.sensors.records import BadRecord, parse_record, parse_records
from botk_adapters.sensors.refresh import PeriodicImport
from botk_adapters.sensors.synthetic import SYNTHETIC_DEVICE, synthetic_readings

__all__ = [
    "SYNTHETIC_DEVICE",
    "BadRecord",
    "LoadedReadings",
    "PeriodicImport",
    "load_readings",
    "load_records",
    "parse_record",
    "parse_records",
    "parse_rules",
    "parse_stations",
    "records_from_csv",
    "records_from_json",
    "synthetic_readings",
]
