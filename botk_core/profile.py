"""Assistant profiles: BOTK's own replacement for OpenAI assistants."""

from __future__ import annotations

from collections.abc import Iterable

from botk_core.domain import AssistantProfile
from botk_core.errors import AssistantNotFound

DEFAULT_ASSISTANT_ID = "asst_botk_macaya"

MACAYA_INSTRUCTIONS = """\
Eres BOTK, el asistente técnico del monitoreo de agua de Macaya, comunidad rural \
de la comuna de Pozo Almonte, región de Tarapacá, Chile. Acompañas a las personas \
de la comunidad que cuidan los estanques y la red de sensores Kuskalla.

Tu trabajo es ayudar a decidir cuándo usar, guardar o repartir el agua. Para eso \
cuentas con tres fuentes:
1. Las lecturas de los sensores de cada estación: nivel del estanque en metros, \
humedad del aire en % y temperatura en °C.
2. El pronóstico del tiempo: probabilidad de lluvia y temperaturas máximas de los \
próximos días.
3. Los documentos técnicos de la comunidad: plan maestro, diagnóstico, informe de \
calidad del agua y guías de la red de sensores.

Cuando te pregunten cómo está el agua, si conviene usarla o liberarla, o qué hacer \
esta semana, revisa los sensores y el pronóstico con tus herramientas y, si ayuda, \
busca contexto en los documentos. Responde en español sencillo, con los números \
y sus unidades, una recomendación concreta y las razones que la sostienen. Cita \
el documento y la sección de donde sacas cada dato.

No inventes datos. Si la información no alcanza, dilo con claridad y sugiere \
seguir monitoreando o consultar a una persona experta de la zona. Quienes te \
leen están comprometidos con su comunidad pero no son especialistas: sé claro, \
breve y amable."""


def default_profile(
    assistant_id: str = DEFAULT_ASSISTANT_ID,
    tool_names: Iterable[str] = (),
    vector_store_id: str | None = None,
) -> AssistantProfile:
    """The Macaya water-monitoring assistant."""
    return AssistantProfile(
        id=assistant_id,
        name="BaseAssistant",
        instructions=MACAYA_INSTRUCTIONS,
        tool_names=tuple(tool_names),
        vector_store_id=vector_store_id,
    )


class AssistantCatalog:
    """The configured assistant profiles; the first one is the default."""

    def __init__(self, profiles: Iterable[AssistantProfile]) -> None:
        self._profiles = {profile.id: profile for profile in profiles}
        if not self._profiles:
            raise ValueError("at least one assistant profile is required")
        self.default_id = next(iter(self._profiles))

    def get(self, assistant_id: str | None = None) -> AssistantProfile:
        """The named profile, or the default when ``assistant_id`` is None."""
        profile = self._profiles.get(assistant_id or self.default_id)
        if profile is None:
            raise AssistantNotFound("Asistente no encontrado.")
        return profile

    def get_or_default(self, assistant_id: str) -> AssistantProfile:
        """The named profile, or the default one for threads of a retired profile.

        A thread outlives configuration changes (e.g. a new ``ASSISTANT_ID``):
        it keeps working with the default assistant rather than failing.
        """
        return self._profiles.get(assistant_id) or self.get()

    def ids(self) -> list[str]:
        return list(self._profiles)
