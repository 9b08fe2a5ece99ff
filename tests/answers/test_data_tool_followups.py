"""A follow-up can reach a data tool too: "¿y en Mamiña?" after asking the weather in Iquiuca."""

from __future__ import annotations

from pathlib import Path

from botk_adapters.memory.weather import FakeWeather, sample_report
from botk_web import Settings, create_app


def test_the_weather_follow_up_asks_for_the_new_place_and_says_so(tmp_path: Path) -> None:
    weather = FakeWeather({"Mamiña": sample_report("Mamiña"), "Iquiuca": sample_report("Iquiuca")})
    settings = Settings(database_path=str(tmp_path / "b.sqlite3"), reports_dir=str(tmp_path / "r"))
    client = create_app(settings, weather=weather).test_client()
    thread = client.get("/start").get_json()["thread_id"]

    def ask(text: str) -> str:
        return str(client.post("/chat", data={"thread_id": thread, "message": text}).get_json()["response"])

    assert ask("¿qué temperatura hace en Iquiuca?").startswith("Clima en Iquiuca ahora:")
    answer = ask("¿y en Mamiña?")
    assert answer.startswith("Entendí: «el tiempo en Mamiña».\nClima en Mamiña ahora:")
