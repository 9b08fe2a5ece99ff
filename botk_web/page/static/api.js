/* BOTK chat page, part 2: calls to the API, errors in Spanish, the access key, the event stream. */
(() => {
  "use strict";
  const B = window.BOTK;
  const { ui, store, K } = B;

  const ERRORS = {
    network: "No hay conexión con BOTK. Revisa tu conexión a internet y vuelve a intentar.",
    cut: "Se cortó la conexión antes de recibir la respuesta.",
    unauthorized: "La clave de acceso no es correcta.",
    rate_limited: "Hiciste muchas consultas seguidas. Espera un momento y vuelve a intentar.",
    busy: "BOTK está leyendo otros documentos. Espera un momento y vuelve a intentar.",
    upstream_timeout: "El servicio que redacta las respuestas tardó demasiado. Vuelve a intentar.",
    upstream_rate_limited: "El servicio que redacta las respuestas está ocupado. Espera un momento y vuelve a intentar.",
    upstream_unavailable: "No se pudo contactar al servicio que redacta las respuestas. Vuelve a intentar en un momento.",
    upstream_auth: "BOTK no pudo conectarse al servicio que redacta las respuestas. Avisa a quien administra BOTK.",
    upstream_error: "El servicio que redacta las respuestas falló. Vuelve a intentar.",
    context_too_long: "La conversación ya es demasiado larga. Empieza una nueva conversación.",
    payload_too_large: "El mensaje es demasiado largo. Acórtalo y vuelve a enviarlo.",
    missing_fields: "Escribe una pregunta antes de enviar.",
    invalid_input: "BOTK no pudo leer el mensaje. Revísalo y vuelve a enviarlo.",
    thread_not_found: "Esta conversación ya no existe en el servidor.",
    not_found: "BOTK no encontró lo que se pidió.",
    idempotency_key_reused: "Este envío choca con uno anterior. Escribe la pregunta de nuevo.",
    conflict: "Hay otro envío en curso en esta conversación. Vuelve a intentar.",
    storage_error: "BOTK no pudo guardar la conversación. Vuelve a intentar en un momento.",
    internal_error: "Algo falló en BOTK. Vuelve a intentar.",
  };
  // Failures of the service, not of the question: the page's plain words beat the server's technical ones.
  const PLAIN = new Set([
    "upstream_timeout", "upstream_rate_limited", "upstream_unavailable", "upstream_auth", "upstream_error",
    "storage_error", "internal_error", "conflict", "unauthorized",
  ]);
  // Sending these again cannot help: the question itself has to change.
  const NOT_RETRYABLE = new Set([
    "payload_too_large", "missing_fields", "invalid_input", "idempotency_key_reused",
    "context_too_long", "unsupported_media_type",
  ]);
  const SPANISH = new Set("el la los las de del que un una por para con se es está están hay su sus al lo como más pero ya y en".split(" "));
  const ENGLISH = new Set("the is are of to and not or be was for with this that missing invalid too try again found".split(" "));

  /** Whether a server message reads as Spanish (/chat keeps its English «Missing thread_id or message»). */
  function looksSpanish(text) {
    if (/[áéíóúñ¿¡]/i.test(text)) return true;
    let spanish = 0;
    let english = 0;
    for (const word of text.toLowerCase().split(/[^a-zñ]+/)) {
      if (SPANISH.has(word)) spanish += 1;
      if (ENGLISH.has(word)) english += 1;
    }
    return spanish > english;
  }

  class ApiError extends Error {
    constructor(status, code, message, retryAfter) {
      super(message || code);
      this.status = status;
      this.code = code;
      this.serverMessage = message || "";
      this.retryAfter = retryAfter || 0;
    }

    get retryable() { return !NOT_RETRYABLE.has(this.code); }

    /** What to tell the person: ours for a failure of the service, else the server's words when Spanish. */
    get spanish() {
      if (this.code === "rate_limited" && this.retryAfter) {
        return `Hiciste muchas consultas seguidas. Espera ${this.retryAfter} segundos y vuelve a intentar.`;
      }
      if (PLAIN.has(this.code)) return ERRORS[this.code];
      if (this.serverMessage && looksSpanish(this.serverMessage)) return this.serverMessage;
      if (ERRORS[this.code]) return ERRORS[this.code];
      return this.status >= 500 ? ERRORS.upstream_error : ERRORS.internal_error;
    }
  }

  async function errorFrom(response) {
    let data = {};
    try { data = await response.json(); } catch (_) { /* not JSON */ }
    const message = typeof data.error === "string" ? data.error : "";
    const code = typeof data.code === "string" ? data.code : "http_" + response.status;
    return new ApiError(response.status, code, message, Number(response.headers.get("Retry-After")) || 0);
  }

  /** One request; the key goes in a header, never in the URL. */
  async function request(method, path, body, signal, key) {
    const value = key === undefined ? store.get(K.key) : key;
    const headers = value ? { Authorization: "Bearer " + value } : {};
    let response;
    try {
      response = await fetch(path, { method, body, signal, headers, cache: "no-store" });
    } catch (error) {
      if (error.name === "AbortError") throw error;
      throw new ApiError(0, "network", "");
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  /** A request that, when the server refuses the key, asks for it and then repeats. */
  async function call(method, path, body, signal) {
    for (;;) {
      try {
        return await request(method, path, body, signal);
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 401) throw error;
        await askForKey(store.get(K.key) ? "La clave guardada ya no sirve. Escribe la clave de acceso." : "");
      }
    }
  }

  const getJSON = async (path) => (await call("GET", path)).json();
  const historyPath = (threadId, query) => "/threadHistory?" + new URLSearchParams({ thread_id: threadId, ...query });

  let keyWaiters = [];

  function askForKey(message) {
    ui.keyError.textContent = message;
    if (!ui.keyDialog.open) {
      ui.keyInput.value = "";
      ui.keyDialog.showModal();
      ui.keyInput.focus();
    }
    return new Promise((resolve) => keyWaiters.push(resolve));
  }

  async function checkKey(event) {
    event.preventDefault();
    const key = ui.keyInput.value.trim();
    const wrong = "La clave no es correcta. Revísala e inténtalo de nuevo.";
    if (!key) { ui.keyError.textContent = "Escribe la clave de acceso."; return; }
    if (!/^[\x21-\x7e]+$/.test(key)) { ui.keyError.textContent = wrong; return; } // not sendable in a header
    ui.keyError.textContent = "Revisando la clave…";
    try {
      await request("GET", "/listAssistants", undefined, undefined, key);
    } catch (error) {
      ui.keyError.textContent = error.status === 401 ? wrong : error.spanish;
      ui.keyInput.select();
      return;
    }
    store.set(K.key, key);
    ui.keyError.textContent = "";
    ui.keyDialog.close();
    const waiting = keyWaiters;
    keyWaiters = [];
    waiting.forEach((resolve) => resolve());
    ui.input.focus();
  }

  ui.keyForm.addEventListener("submit", checkKey);
  ui.keyDialog.addEventListener("cancel", (event) => event.preventDefault()); // nothing works without it
  ui.forgetKey.hidden = !B.authRequired;
  ui.forgetKey.addEventListener("click", () => {
    ui.threadsDialog.close();
    store.remove(K.key);
    askForKey("");
  });

  function parseFrame(frame) {
    let name = "message";
    const data = [];
    for (const line of frame.split(/\r?\n/)) {
      if (line.startsWith("event:")) name = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    if (!data.length) return null;
    try { return { name, data: JSON.parse(data.join("\n")) }; } catch (_) { return null; }
  }

  /** Feed each server-sent event to ``onEvent`` until it returns true (true) or the stream ends (false). */
  async function readEvents(response, onEvent) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return false;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const event = parseFrame(buffer.slice(0, cut));
        buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, "");
        if (event && onEvent(event)) return true;
      }
    }
  }

  Object.assign(B, { ApiError, call, getJSON, historyPath, askForKey, readEvents });
})();
