"""Sensor readings: the seed's record format from URLs, JSON and CSV; synthetic demo data."""

from botk_adapters.sensors.readers import load_records, records_from_csv, records_from_json
from botk_adapters.sensors.records import BadRecord, parse_record, parse_records
from botk_adapters.sensors.refresh import PeriodicImport
from botk_adapters.sensors.synthetic import SYNTHETIC_DEVICE, synthetic_readings

__all__ = [
    "SYNTHETIC_DEVICE",
    "BadRecord",
    "PeriodicImport",
    "load_records",
    "parse_record",
    "parse_records",
    "records_from_csv",
    "records_from_json",
    "synthetic_readings",
]
