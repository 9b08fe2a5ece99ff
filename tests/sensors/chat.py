"""A committee's chat through /chat on the offline assistant: real SQLite, the sample documents,
readings of several stations imported as the CLI does, a fixed clock and a fake forecast."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from flask.testing import FlaskClient

from botk_adapters.memory.weather import FakeWeather, sample_report
from botk_adapters.sensors.legacy_db import load_readings
from botk_core.domain import Reading
from botk_core.usecases.import_measurements import ImportMeasurements, ImportMeasurementsInput
from botk_core.usecases.ingest import IngestDocumentsInput
from botk_web import Settings, create_app
from tests.sensors.field_data import falling_and_steady, readings_of, troubled
from tests.sensors.legacy_data import make_legacy_db
from tests.tools.helpers import NOW

TOOL_NAMES = (
    "get_clima", "get_promedio", "get_eventos", "diagnostico_hidrico_integrado", "search_documents",
    "modify_document",
)  # fmt: skip
RAIN = FakeWeather({"Mamiña": sample_report("Mamiña", rain=(10.0, 60.0, 0.0))})


class Committee:
    """One conversation; ``ask`` returns the answer text (never naming a tool)."""

    def __init__(
        self,
        tmp_path: Path,
        readings: Sequence[Reading],
        documents: Path | None = None,
        weather: Any = RAIN,
        stations: str = "",
    ) -> None:
        settings = Settings(
            database_path=str(tmp_path / "botk.sqlite3"),
            reports_dir=str(tmp_path / "reports"),
            documents_dir=str(documents or tmp_path / "sin_documentos"),
            stations=stations,
        )
        app = create_app(settings, weather=weather, clock=lambda: NOW)
        services = app.extensions["botk"]
        if documents is not None:
            services.document_use_cases.ingest.execute(IngestDocumentsInput(str(documents)))
        ImportMeasurements(services.stations.repo).execute(ImportMeasurementsInput(readings))
        self.client: FlaskClient = app.test_client()
        self.new_thread()

    def new_thread(self) -> None:
        self.thread = self.client.get("/start").get_json()["thread_id"]

    def ask(self, message: str) -> str:
        response = self.client.post("/chat", data={"thread_id": self.thread, "message": message})
        assert response.status_code == 200, response.get_data(as_text=True)
        text = str(response.get_json()["response"])
        assert not any(name in text for name in TOOL_NAMES), text
        return text


def field_readings(tmp_path: Path) -> list[Reading]:
    """The old data.db of Iquiuca (April 2023) and this week's readings of five other stations."""
    legacy = load_readings(str(make_legacy_db(tmp_path / "data.db").path)).readings
    week, _ = falling_and_steady(NOW)
    return [*legacy, *readings_of(week), *readings_of(troubled(NOW))]
