"""The periodic sensor import of a serving process (``SENSOR_DATA_URL`` every N minutes)."""

from __future__ import annotations

from botk_adapters.sensors import PeriodicImport, load_records, parse_records
from botk_core.usecases.import_measurements import ImportMeasurements, ImportMeasurementsInput, ImportSummary
from botk_web.bootstrap import Services
from botk_web.limits import source_budget


def start_sensor_refresh(services: Services) -> PeriodicImport | None:
    """Re-import ``SENSOR_DATA_URL`` every ``SENSOR_REFRESH_MINUTES`` while serving (0 = never)."""
    job = sensor_import_job(services)
    if job is not None:
        job.start()
    return job


def sensor_import_job(services: Services) -> PeriodicImport | None:
    """The periodic import the settings ask for, not started; None when they ask for none."""
    settings = services.settings
    url = settings.sensor_data_url
    if not (url and settings.sensor_refresh_minutes):
        return None
    known = [config.name for config in services.stations.catalog.configured]
    use_case = ImportMeasurements(services.measurements, known=known)
    budget = source_budget(settings)

    def run_once() -> ImportSummary:
        readings, rejected = parse_records(load_records(url, budget))
        return use_case.execute(ImportMeasurementsInput(readings, rejected))

    return PeriodicImport(run_once, settings.sensor_refresh_minutes * 60)
