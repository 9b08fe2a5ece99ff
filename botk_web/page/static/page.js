/* BOTK chat page. Every text shown (answers, quotes, questions) is untrusted: it is
   only ever put into the page as text nodes, never parsed as HTML. */
(() => {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const ui = {
    log: $("log"), messages: $("messages"), welcome: $("welcome"), older: $("older"),
    form: $("composer"), input: $("question"), send: $("send"), stop: $("stop"),
    newThread: $("new-thread"), openThreads: $("open-threads"), announcer: $("announcer"),
    keyDialog: $("key-dialog"), keyForm: $("key-form"), keyInput: $("key-input"), keyError: $("key-error"),
    sourceDialog: $("source-dialog"), threadsDialog: $("threads-dialog"), threadList: $("thread-list"),
    forgetKey: $("forget-key"),
  };
  const AUTH_REQUIRED = document.body.dataset.auth === "required";
  const PAGE = 50;
  const RECENT = 8;
  const RECOVERY_WAITS = [0, 1000, 2000, 3000, 5000, 8000, 13000];

  // ---------------------------------------------------------------- storage
  const memory = new Map();
  const store = {
    get(key) {
      try { return JSON.parse(localStorage.getItem(key)); } catch (_) { return memory.has(key) ? memory.get(key) : null; }
    },
    set(key, value) {
      memory.set(key, value);
      try { localStorage.setItem(key, JSON.stringify(value)); } catch (_) { /* private mode: memory only */ }
    },
    remove(key) {
      memory.delete(key);
      try { localStorage.removeItem(key); } catch (_) { /* nothing stored */ }
    },
  };
  const K = { thread: "botk.thread", threads: "botk.threads", key: "botk.key", pending: "botk.pending" };

  const state = { threadId: store.get(K.thread), busy: false, controller: null, oldestId: null, lastId: null };

  // ---------------------------------------------------------------- small helpers
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function button(label, className, onClick) {
    const node = el("button", "btn " + (className || ""), label);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  function newId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return "web-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  function announce(text) {
    ui.announcer.textContent = "";
    // A fresh text node after a tick makes screen readers read it even when it repeats.
    setTimeout(() => { ui.announcer.textContent = text.length > 600 ? text.slice(0, 600) + "…" : text; }, 50);
  }
  function nearBottom() {
    return ui.log.scrollHeight - ui.log.scrollTop - ui.log.clientHeight < 96;
  }
  function toBottom() { ui.log.scrollTop = ui.log.scrollHeight; }

  // ---------------------------------------------------------------- errors in Spanish
  const ERRORS = {
    network: "No hay conexión con BOTK. Revisa tu conexión a internet y vuelve a intentar.",
    cut: "Se cortó la conexión antes de recibir la respuesta.",
    unauthorized: "La clave de acceso no es correcta.",
    rate_limited: "Hiciste muchas consultas seguidas. Espera un momento y vuelve a intentar.",
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
  const NOT_RETRYABLE = new Set([
    "payload_too_large", "missing_fields", "invalid_input", "idempotency_key_reused",
    "context_too_long", "unsupported_media_type",
  ]);
  const SPANISH_WORDS = new Set("el la los las de del que un una por para con se es está están hay su sus al lo como más pero ya y en".split(" "));
  const ENGLISH_WORDS = new Set("the is are of to and not or be was for with this that missing invalid too try again found".split(" "));

  function looksSpanish(text) {
    if (/[áéíóúñ¿¡]/i.test(text)) return true;
    let spanish = 0;
    let english = 0;
    for (const word of text.toLowerCase().split(/[^a-zñ]+/)) {
      if (SPANISH_WORDS.has(word)) spanish += 1;
      if (ENGLISH_WORDS.has(word)) english += 1;
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
    get spanish() {
      if (this.code === "rate_limited" && this.retryAfter) {
        return `Hiciste muchas consultas seguidas. Espera ${this.retryAfter} segundos y vuelve a intentar.`;
      }
      if (this.serverMessage && looksSpanish(this.serverMessage)) return this.serverMessage;
      if (ERRORS[this.code]) return ERRORS[this.code];
      if (this.status >= 500) return ERRORS.upstream_error;
      return ERRORS.internal_error;
    }
  }

  // ---------------------------------------------------------------- HTTP
  function authHeaders(key) {
    const value = key === undefined ? store.get(K.key) : key;
    return value ? { Authorization: "Bearer " + value } : {};
  }

  async function errorFrom(response) {
    let data = {};
    try { data = await response.json(); } catch (_) { /* not JSON */ }
    const message = typeof data.error === "string" ? data.error : "";
    const code = typeof data.code === "string" ? data.code : "http_" + response.status;
    return new ApiError(response.status, code, message, Number(response.headers.get("Retry-After")) || 0);
  }

  async function request(method, path, body, signal, key) {
    let response;
    try {
      response = await fetch(path, { method, body, signal, headers: authHeaders(key), cache: "no-store" });
    } catch (error) {
      if (error.name === "AbortError") throw error;
      throw new ApiError(0, "network", "");
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  /** A request that asks for the access key when the server refuses it, then repeats. */
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
  async function getJSON(path) { return (await call("GET", path)).json(); }
  const historyPath = (threadId, query) => "/threadHistory?" + new URLSearchParams({ thread_id: threadId, ...query });

  // ---------------------------------------------------------------- access key
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
  ui.keyDialog.addEventListener("cancel", (event) => event.preventDefault()); // nothing works without it
  ui.keyForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const key = ui.keyInput.value.trim();
    if (!key) { ui.keyError.textContent = "Escribe la clave de acceso."; return; }
    if (!/^[\x21-\x7e]+$/.test(key)) { ui.keyError.textContent = "La clave no es correcta. Revísala e inténtalo de nuevo."; return; }
    ui.keyError.textContent = "Revisando la clave…";
    try {
      await request("GET", "/listAssistants", undefined, undefined, key);
    } catch (error) {
      ui.keyError.textContent = error.status === 401
        ? "La clave no es correcta. Revísala e inténtalo de nuevo."
        : error.spanish || ERRORS.network;
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
  });
  ui.forgetKey.hidden = !AUTH_REQUIRED;
  ui.forgetKey.addEventListener("click", () => {
    ui.threadsDialog.close();
    store.remove(K.key);
    askForKey("");
  });

  // ---------------------------------------------------------------- light formatting
  const BOLD = /\*\*([^*\s](?:[^*]*[^*\s])?)\*\*/;

  function inline(parent, text) {
    const parts = text.split(BOLD);
    parts.forEach((part, index) => {
      if (!part) return;
      parent.append(index % 2 ? el("strong", "", part) : document.createTextNode(part));
    });
  }

  /** Paragraphs, bulleted and numbered lists, headings and bold, built as DOM nodes. */
  function renderRich(container, text) {
    container.replaceChildren();
    for (const block of text.replace(/\r\n?/g, "\n").split(/\n{2,}/)) {
      let list = null;
      let para = null;
      for (const line of block.split("\n")) {
        if (!line.trim()) continue;
        const item = /^\s*(?:[-*•]|(\d{1,3})[.)])\s+(.*)$/.exec(line);
        const heading = /^\s*#{1,6}\s+(.*)$/.exec(line);
        if (item) {
          const kind = item[1] ? "OL" : "UL";
          if (!list || list.tagName !== kind) {
            list = container.appendChild(el(kind));
            if (item[1] && item[1] !== "1") list.start = Number(item[1]);
          }
          inline(list.appendChild(el("li")), item[2]);
          para = null;
        } else if (heading) {
          container.appendChild(el("p")).appendChild(el("strong", "", heading[1].replace(/\*\*/g, "")));
          list = para = null;
        } else {
          list = null;
          if (para) para.append(el("br"));
          else para = container.appendChild(el("p"));
          inline(para, line.trim());
        }
      }
    }
  }

  // ---------------------------------------------------------------- tool runs in words
  const TOOLS = {
    search_documents: ["Busqué", "buscar", "en los documentos", ""],
    get_promedio: ["Consulté", "consultar", "los sensores", "estacion"],
    get_promedio_estacional: ["Consulté", "consultar", "los promedios por estación del año", "estacion"],
    get_clima: ["Consulté", "consultar", "el pronóstico del tiempo", "location"],
    diagnostico_hidrico_integrado: ["Revisé", "revisar", "los sensores y el pronóstico del tiempo", ""],
    modify_document: ["Actualicé", "actualizar", "el informe", "Section"],
  };

  function toolLine(name, args, failed) {
    const tool = TOOLS[name];
    if (!tool) return failed ? `No pude usar la herramienta ${name}` : `Usé la herramienta ${name}`;
    const [done, todo, what, field] = tool;
    const value = field && args && typeof args[field] === "string" ? args[field].trim().slice(0, 60) : "";
    const detail = !value ? "" : field === "Section" ? ` (sección ${value})` : ` de ${value}`;
    return failed ? `No pude ${todo} ${what}${detail}` : `${done} ${what}${detail}`;
  }

  // ---------------------------------------------------------------- messages
  function hideWelcome() { ui.welcome.hidden = true; }

  function userView(text, before) {
    const node = el("article", "msg user", text);
    node.setAttribute("aria-label", "Tu pregunta");
    ui.messages.insertBefore(node, before || null);
    return node;
  }

  function botView(before) {
    const root = el("article", "msg bot");
    root.setAttribute("aria-label", "Respuesta de BOTK");
    const view = {
      root, text: "", citations: [], toolLines: new Set(), dirty: false,
      who: el("p", "who", "BOTK"), tools: el("ul", "tools"), body: el("div", "body"),
      state: el("p", "state"), extra: el("div", "extra"),
    };
    view.tools.hidden = view.state.hidden = true;
    view.tools.setAttribute("aria-label", "Lo que consulté");
    root.append(view.who, view.tools, view.body, view.state, view.extra);
    ui.messages.insertBefore(root, before || null);
    return view;
  }

  function setState(view, text) {
    view.state.textContent = text;
    view.state.hidden = !text;
  }

  function addTool(view, line, failed) {
    if (view.toolLines.has(line)) return;
    view.toolLines.add(line);
    const item = view.tools.appendChild(el("li", failed ? "failed" : "", line));
    item.dataset.tool = "";
    view.tools.hidden = false;
  }

  function scheduleRender(view) {
    if (view.dirty) return;
    view.dirty = true;
    requestAnimationFrame(() => {
      view.dirty = false;
      const pinned = nearBottom();
      renderRich(view.body, view.text);
      if (pinned) toBottom();
    });
  }

  function sameSource(a, b) { return a.document === b.document && a.location === b.location && a.quote === b.quote; }

  function finish(view, text, citations, tools) {
    const pinned = nearBottom();
    view.text = text;
    renderRich(view.body, text);
    view.body.classList.remove("incomplete");
    view.root.removeAttribute("aria-busy");
    setState(view, "");
    view.extra.replaceChildren();
    for (const run of tools || []) addTool(view, toolLine(run.name, null, run.is_error), run.is_error);
    const unique = [];
    for (const c of citations) if (c && c.document && !unique.some((u) => sameSource(u, c))) unique.push(c);
    if (unique.length) {
      view.extra.append(el("p", "sources-title", unique.length === 1 ? "Fuente" : "Fuentes"));
      const list = view.extra.appendChild(el("ul", "sources"));
      unique.forEach((c) => list.appendChild(el("li")).appendChild(sourceChip(c)));
    }
    const meta = view.extra.appendChild(el("div", "meta"));
    meta.append(copyButton(view));
    if (pinned) toBottom();
  }

  function sourceChip(citation) {
    const chip = el("button", "chip");
    chip.type = "button";
    chip.setAttribute("aria-haspopup", "dialog");
    chip.append(el("span", "sr-only", "Ver la cita de "), el("span", "chip-doc", citation.document));
    const place = String(citation.location || "").split("›").pop().trim();
    if (place) chip.append(document.createTextNode(" · " + place));
    chip.addEventListener("click", () => showSource(citation));
    return chip;
  }

  function showSource(citation) {
    $("source-title").textContent = citation.document;
    $("source-location").textContent = citation.location || "";
    $("source-location").hidden = !citation.location;
    $("source-quote").textContent = citation.quote || "El documento no trae la cita textual de este dato.";
    ui.sourceDialog.showModal();
  }

  function copyButton(view) {
    const node = button("Copiar respuesta", "small", async () => {
      const ok = await copyText(view.text);
      node.textContent = ok ? "Copiada" : "No se pudo copiar";
      announce(ok ? "Respuesta copiada." : "No se pudo copiar la respuesta.");
      setTimeout(() => { node.textContent = "Copiar respuesta"; }, 2500);
    });
    return node;
  }

  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (_) {
      // Without HTTPS (a server on the local network) the clipboard API is missing.
      const area = el("textarea", "sr-only");
      area.value = text;
      document.body.append(area);
      area.select();
      let ok = false;
      try { ok = document.execCommand("copy"); } catch (_) { ok = false; }
      area.remove();
      ui.input.focus();
      return ok;
    }
  }

  function notice(view, text, actions, info) {
    const box = el("div", "notice" + (info ? " info" : ""));
    box.setAttribute("role", info ? "status" : "alert");
    box.append(el("p", "", text));
    if (actions.length) box.appendChild(el("div", "meta")).append(...actions);
    view.extra.replaceChildren(box);
    return box;
  }

  // ---------------------------------------------------------------- conversations on this device
  function recent() { return Array.isArray(store.get(K.threads)) ? store.get(K.threads) : []; }

  function remember(threadId, question) {
    const list = recent();
    const found = list.find((t) => t.id === threadId);
    const entry = found || { id: threadId, title: question.slice(0, 80) };
    entry.at = Date.now();
    store.set(K.threads, [entry, ...list.filter((t) => t.id !== threadId)].slice(0, RECENT));
    refreshThreadsButton();
  }

  function forget(threadId) {
    store.set(K.threads, recent().filter((t) => t.id !== threadId));
    if (store.get(K.thread) === threadId) store.remove(K.thread);
    refreshThreadsButton();
  }

  function refreshThreadsButton() {
    ui.openThreads.hidden = !recent().some((t) => t.id !== state.threadId) && !AUTH_REQUIRED;
  }

  ui.openThreads.addEventListener("click", () => {
    ui.threadList.replaceChildren();
    const when = new Intl.DateTimeFormat("es-CL", { dateStyle: "medium", timeStyle: "short" });
    for (const thread of recent()) {
      const item = ui.threadList.appendChild(el("li"));
      const pick = item.appendChild(button(thread.title || "Conversación", "", () => {
        ui.threadsDialog.close();
        openThread(thread.id);
      }));
      pick.append(el("span", "when", when.format(new Date(thread.at || Date.now()))));
      if (thread.id === state.threadId) pick.setAttribute("aria-current", "true");
    }
    if (!recent().length) ui.threadList.append(el("li", "", "Todavía no hay conversaciones guardadas."));
    ui.threadsDialog.showModal();
  });

  function resetView() {
    if (state.controller) state.controller.abort();
    ui.messages.replaceChildren();
    ui.older.hidden = true;
    state.oldestId = state.lastId = null;
  }

  function newConversation() {
    resetView();
    state.threadId = null;
    store.remove(K.thread);
    ui.welcome.hidden = false;
    refreshThreadsButton();
    ui.input.focus();
  }
  ui.newThread.addEventListener("click", newConversation);

  function openThread(threadId) {
    resetView();
    state.threadId = threadId;
    store.set(K.thread, threadId);
    refreshThreadsButton();
    loadHistory();
  }

  async function ensureThread(question) {
    if (!state.threadId) {
      const started = await (await call("POST", "/start")).json();
      state.threadId = started.thread_id;
      store.set(K.thread, state.threadId);
    }
    remember(state.threadId, question);
    return state.threadId;
  }

  // ---------------------------------------------------------------- history
  function messageText(message) {
    const part = Array.isArray(message.content) ? message.content[0] : null;
    return part && part.text && typeof part.text.value === "string" ? part.text.value : "";
  }
  function messageCitations(message) {
    const part = Array.isArray(message.content) ? message.content[0] : null;
    const annotations = (part && part.text && part.text.annotations) || [];
    return annotations.map((a) => a.file_citation || { document: a.text });
  }

  function showStored(message, before) {
    if (message.role === "user") return userView(messageText(message), before);
    const view = botView(before);
    finish(view, messageText(message), messageCitations(message), message.tool_calls);
    return view.root;
  }

  async function loadHistory() {
    if (!state.threadId) return;
    const threadId = state.threadId;
    hideWelcome();
    const loading = botView();
    setState(loading, "Cargando la conversación…");
    let page;
    try {
      page = await getJSON(historyPath(threadId, { order: "desc", limit: PAGE }));
    } catch (error) {
      if (threadId !== state.threadId) return;
      if (error.code === "thread_not_found") {
        forget(threadId);
        state.threadId = null;
        loading.root.remove();
        ui.welcome.hidden = false;
        const view = botView();
        notice(view, "No encontré la conversación guardada en el servidor. Escribe una pregunta para empezar una nueva.", [], true);
        return;
      }
      setState(loading, "");
      notice(loading, "No pude cargar la conversación. " + error.spanish, [button("Reintentar", "", () => {
        loading.root.remove();
        loadHistory();
      })]);
      return;
    }
    if (threadId !== state.threadId) return;
    loading.root.remove();
    const messages = page.data.slice().reverse();
    messages.forEach((m) => showStored(m));
    state.oldestId = messages.length ? messages[0].id : null;
    state.lastId = messages.length ? messages[messages.length - 1].id : null;
    ui.older.hidden = !page.has_more;
    if (!messages.length) ui.welcome.hidden = false;
    toBottom();
    resumePending(messages);
  }

  ui.older.addEventListener("click", async () => {
    if (!state.oldestId) return;
    const threadId = state.threadId;
    const first = ui.messages.firstChild;
    const height = ui.log.scrollHeight;
    let page;
    try {
      page = await getJSON(historyPath(threadId, { order: "asc", before: state.oldestId, limit: PAGE }));
    } catch (error) {
      announce("No pude cargar los mensajes anteriores. " + error.spanish);
      return;
    }
    if (threadId !== state.threadId) return;
    page.data.forEach((m) => showStored(m, first));
    if (page.data.length) state.oldestId = page.data[0].id;
    ui.older.hidden = !page.has_more;
    ui.log.scrollTop += ui.log.scrollHeight - height;
  });

  /** After a reload: the last question that had no answer yet is waited for, or offered again. */
  function resumePending(messages) {
    const pending = store.get(K.pending);
    const last = messages[messages.length - 1];
    const mine = pending && pending.threadId === state.threadId ? pending : null;
    const answeredAt = (i) => messages[i + 1] && messages[i + 1].role === "assistant";
    if (mine && messages.some((m, i) => m.role === "user" && messageText(m) === mine.text && answeredAt(i))) {
      store.remove(K.pending);
      return;
    }
    if (last && last.role === "user" && last.status === "in_progress") {
      const turn = mine && mine.text === messageText(last) ? mine : { threadId: state.threadId, text: messageText(last) };
      const view = botView();
      recover(turn, view, "BOTK está preparando la respuesta…");
    } else if (mine) {
      const isLast = last && last.role === "user" && messageText(last) === mine.text;
      if (!isLast) userView(mine.text);
      const view = botView();
      failed(mine, view, new ApiError(0, isLast ? "incomplete" : "cut", ""),
        isLast ? "Esta pregunta quedó sin respuesta." : "Esta pregunta no alcanzó a llegar a BOTK.");
    }
  }

  /** The stored answer to ``turn``'s question, looked up in the history after the turn began. */
  async function findAnswer(turn) {
    const query = { order: "asc", limit: 1000 };
    if (turn.afterId) query.after = turn.afterId;
    const page = await getJSON(historyPath(turn.threadId, query));
    const index = page.data.findIndex((m) => m.role === "user" && messageText(m) === turn.text);
    if (index < 0) return { user: null, answer: null };
    const next = page.data[index + 1];
    return { user: page.data[index], answer: next && next.role === "assistant" ? next : null };
  }

  // ---------------------------------------------------------------- one turn
  function setBusy(busy) {
    state.busy = busy;
    const hadFocus = document.activeElement;
    ui.send.hidden = busy;
    ui.stop.hidden = !busy;
    if (busy && hadFocus === ui.send) ui.stop.focus();
    if (!busy && hadFocus === ui.stop) ui.input.focus();
  }

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

  /** True when the stream delivered the stored answer (``done``); throws on an ``error`` event. */
  function handleEvent(event, view) {
    const data = event.data || {};
    if (event.name === "delta" && typeof data.text === "string") {
      view.text += data.text;
      setState(view, "");
      scheduleRender(view);
    } else if (event.name === "tool") {
      addTool(view, toolLine(data.name, data.arguments, data.is_error), data.is_error);
    } else if (event.name === "citation") {
      view.citations.push(data);
    } else if (event.name === "done") {
      view.messageId = data.message_id;
      finish(view, typeof data.response === "string" ? data.response : view.text, view.citations);
      return true;
    } else if (event.name === "error") {
      throw new ApiError(200, data.code || "internal_error", data.error || "");
    }
    return false;
  }

  async function streamTurn(turn, view) {
    const controller = new AbortController();
    state.controller = controller;
    const body = new URLSearchParams({ thread_id: turn.threadId, message: turn.text, client_message_id: turn.clientId });
    const response = await call("POST", "/chat/stream", body, controller.signal);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return false;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, "");
        const event = parseFrame(frame);
        if (event && handleEvent(event, view)) return true;
      }
    }
  }

  async function runTurn(turn, view) {
    setBusy(true);
    view.root.setAttribute("aria-busy", "true");
    view.text = "";
    view.citations = [];
    view.body.replaceChildren();
    view.extra.replaceChildren();
    setState(view, "Escribiendo…");
    try {
      if (await streamTurn(turn, view)) answered(turn, view);
      else await recover(turn, view);
    } catch (error) {
      if (error.name === "AbortError") stopped(turn, view);
      else if (error instanceof ApiError && error.status > 0) failed(turn, view, error);
      else await recover(turn, view);
    } finally {
      state.controller = null;
      setBusy(false);
    }
  }

  function answered(turn, view) {
    const pending = store.get(K.pending);
    if (pending && pending.clientId === turn.clientId) store.remove(K.pending);
    if (view.messageId && state.threadId === turn.threadId) state.lastId = view.messageId;
    view.root.removeAttribute("aria-busy");
    announce("Respuesta de BOTK: " + view.text);
  }

  /** A cut connection: show the stored answer when the server kept one, never the half received. */
  async function recover(turn, view, waiting) {
    view.text = "";
    view.body.replaceChildren();
    view.extra.replaceChildren();
    setState(view, waiting || "Se cortó la conexión. Busco la respuesta guardada…");
    for (const wait of RECOVERY_WAITS) {
      await sleep(wait);
      let found;
      try { found = await findAnswer(turn); } catch (_) { continue; }
      if (found.answer) {
        view.messageId = found.answer.id;
        finish(view, messageText(found.answer), messageCitations(found.answer), found.answer.tool_calls);
        answered(turn, view);
        return;
      }
      if (!found.user && wait >= 2000) break; // the question never reached BOTK
      if (found.user && found.user.status === "incomplete") break; // the turn failed
    }
    setState(view, "");
    failed(turn, view, new ApiError(0, "cut", ""));
  }

  function stopped(turn, view) {
    view.root.removeAttribute("aria-busy");
    view.body.classList.add("incomplete");
    setState(view, "Detuviste la respuesta: este texto está incompleto.");
    const full = button("Ver la respuesta completa", "small", async () => {
      full.disabled = true;
      await recover(turn, view, "Busco la respuesta completa…");
    });
    const meta = el("div", "meta");
    meta.append(full);
    view.extra.replaceChildren(meta);
    announce("Respuesta detenida.");
  }

  function failed(turn, view, error, text) {
    view.root.removeAttribute("aria-busy");
    view.body.replaceChildren();
    view.text = "";
    setState(view, "");
    const message = text || error.spanish;
    const actions = [];
    if (turn.clientId && !NOT_RETRYABLE.has(error.code)) {
      actions.push(button("Reintentar", "primary small", () => {
        if (error.code === "thread_not_found") {
          forget(turn.threadId);
          newConversation();
          send(turn.text);
          return;
        }
        runTurn(turn, view);
      }));
    }
    if (NOT_RETRYABLE.has(error.code) && !ui.input.value) ui.input.value = turn.text;
    if (error.code === "context_too_long") actions.push(button("Nueva conversación", "small", newConversation));
    notice(view, message, actions);
    announce(message);
  }

  async function send(text) {
    const question = text.trim();
    if (!question || state.busy) return;
    hideWelcome();
    const user = userView(question);
    const view = botView();
    setState(view, "Escribiendo…");
    toBottom();
    let threadId;
    try {
      threadId = await ensureThread(question);
    } catch (error) {
      user.remove();
      view.root.remove();
      if (!ui.input.value) ui.input.value = question;
      const box = botView();
      notice(box, error.spanish, [button("Reintentar", "primary small", () => { box.root.remove(); send(ui.input.value); ui.input.value = ""; })]);
      return;
    }
    const turn = { threadId, text: question, clientId: newId(), afterId: state.lastId };
    store.set(K.pending, turn);
    await runTurn(turn, view);
  }

  // ---------------------------------------------------------------- composer
  function grow() {
    ui.input.style.height = "auto";
    ui.input.style.height = Math.min(ui.input.scrollHeight + 2, window.innerHeight * 0.4) + "px";
  }
  ui.input.addEventListener("input", grow);
  ui.input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ui.form.requestSubmit();
    }
  });
  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (state.busy) return;
    const text = ui.input.value;
    if (!text.trim()) { ui.input.focus(); return; }
    ui.input.value = "";
    grow();
    send(text);
  });
  ui.stop.addEventListener("click", () => { if (state.controller) state.controller.abort(); });
  for (const example of document.querySelectorAll(".example")) {
    example.addEventListener("click", () => { send(example.textContent); ui.input.focus(); });
  }

  // ---------------------------------------------------------------- start
  ui.input.disabled = ui.send.disabled = false;
  refreshThreadsButton();
  performance.mark("botk:ready");
  document.body.dataset.ready = "true";
  (async () => {
    if (AUTH_REQUIRED && !store.get(K.key)) await askForKey("");
    if (state.threadId) await loadHistory();
  })();
})();
