"""Start and stop real gunicorn processes (deploy/gunicorn.conf.py) for end-to-end tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import attrs

from tests.e2e.conftest import ROOT, free_port, wait_until_up

GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
LATENCY_APP = "tests.e2e.latency_app:app"


@attrs.define
class Server:
    """A running gunicorn master (own process group, so kill -9 reaches every worker)."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> int:
        if self.process.poll() is None:
            os.killpg(self.process.pid, sig)
        return self.process.wait(timeout=timeout)

    def crash(self) -> None:
        """kill -9 the master and every worker at once."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


def start_gunicorn(tmp_path: Path, app: str = LATENCY_APP, port: int | None = None, **env: str) -> Server:
    """gunicorn with BOTK's deploy config on 127.0.0.1, its database in ``tmp_path``."""
    port = port or free_port()
    environment = {k: v for k, v in os.environ.items() if "API_KEY" not in k and not k.startswith("BOTK_")}
    environment.pop("API_HASH", None)
    environment.update(
        BOTK_DATABASE=str(tmp_path / "botk.sqlite3"),
        BOTK_HOST="127.0.0.1",
        PORT=str(port),
        BOTK_REPORTS_DIR=str(tmp_path / "reports"),
        PYTHONPATH=str(ROOT),
        **env,
    )
    log = tmp_path / f"gunicorn-{port}.log"
    process = subprocess.Popen(
        [GUNICORN, "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), app],
        cwd=tmp_path,
        env=environment,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process, seconds=30)
    except RuntimeError as error:
        raise RuntimeError(f"{error}\n{log.read_text(errors='replace')[-3000:]}") from None
    return Server(url, process, log)
