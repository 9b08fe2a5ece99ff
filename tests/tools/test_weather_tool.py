"""get_clima: the original API BOTK's output shape, default place, unreachable service."""

from __future__ import annotations

from botk_adapters.memory.weather import FakeWeather, sample_report
from botk_core.tools.weather import clima_tool
from tests.tools.helpers import run


def test_default_place_is_iquiuca_with_current_and_three_days() -> None:
    weather = FakeWeather({"Iquiuca": sample_report("Iquiuca")})
    output = run(clima_tool(weather))
    assert output["location"] == "Iquiuca"
    assert output["current"] == {"temp_c": 26.5, "humidity": 35.0, "condition": "Despejado", "is_day": True}
    assert len(output["forecast"]) == 3
    assert set(output["forecast"][0]) == {
        "date",
        "maxtemp_c",
        "mintemp_c",
        "avgtemp_c",
        "daily_chance_of_rain",
    }


def test_named_place_and_failures_reach_the_model_as_errors() -> None:
    weather = FakeWeather({"Mamiña": sample_report("Mamiña")})
    assert run(clima_tool(weather), location="Mamiña")["location"] == "Mamiña"
    assert run(clima_tool(weather), location="Atlantis") == {
        "error": "No pude consultar el pronóstico del tiempo: no encontré el lugar 'Atlantis'."
    }
    assert run(clima_tool(weather), location=" ")["error"].startswith("invalid arguments")
