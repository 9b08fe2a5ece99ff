/* BOTK chat page, part 5: one turn — send, stream, stop, recover a cut, retry — and the composer. */
(() => {
  "use strict";
  const B = window.BOTK;
  const { ui, store, K, el, button, state } = B;
  // Seconds apart at which a cut turn's answer is looked for in the history.
  const RECOVERY_WAITS = [0, 1000, 2000, 3000, 5000, 8000, 13000];

  function setBusy(busy) {
    state.busy = busy;
    const focused = document.activeElement;
    ui.send.hidden = busy;
    ui.stop.hidden = !busy;
    if (busy && focused === ui.send) ui.stop.focus();
    if (!busy && focused === ui.stop) ui.input.focus();
  }

  /** True when the event is the stored answer (``done``); an ``error`` event throws. */
  function handleEvent(event, view) {
    const data = event.data || {};
    if (event.name === "delta" && typeof data.text === "string") {
      view.text += data.text;
      B.setState(view, "");
      B.scheduleRender(view);
    } else if (event.name === "tool") {
      B.addTool(view, B.toolLine(data.name, data.arguments, data.is_error), data.is_error);
    } else if (event.name === "citation") {
      view.citations.push(data);
    } else if (event.name === "done") {
      view.messageId = data.message_id;
      B.finish(view, typeof data.response === "string" ? data.response : view.text, view.citations);
      return true;
    } else if (event.name === "error") {
      throw new B.ApiError(200, data.code || "internal_error", data.error || "");
    }
    return false;
  }

  async function streamTurn(turn, view) {
    const controller = new AbortController();
    state.controller = controller;
    const body = new URLSearchParams({ thread_id: turn.threadId, message: turn.text, client_message_id: turn.clientId });
    const response = await B.call("POST", "/chat/stream", body, controller.signal);
    return B.readEvents(response, (event) => handleEvent(event, view));
  }

  function startView(view) {
    view.root.setAttribute("aria-busy", "true");
    view.text = "";
    view.citations = [];
    view.toolLines.clear();
    view.tools.replaceChildren();
    view.tools.hidden = true;
    view.body.replaceChildren();
    view.extra.replaceChildren();
    B.setState(view, "Escribiendo…");
  }

  async function runTurn(turn, view) {
    setBusy(true);
    startView(view);
    try {
      if (await streamTurn(turn, view)) answered(turn, view);
      else await recover(turn, view);
    } catch (error) {
      if (error.name === "AbortError") stopped(turn, view);
      else if (error instanceof B.ApiError && error.status > 0) failed(turn, view, error);
      else await recover(turn, view); // the connection broke while reading
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
    B.announce("Respuesta de BOTK: " + view.text);
  }

  /** The stored answer to the turn's question, looked up after the last message seen before it. */
  async function findAnswer(turn) {
    const query = { order: "asc", limit: 1000 };
    if (turn.afterId) query.after = turn.afterId;
    const page = await B.getJSON(B.historyPath(turn.threadId, query));
    const index = page.data.findIndex((m) => m.role === "user" && B.messageText(m) === turn.text);
    if (index < 0) return { user: null, answer: null };
    const next = page.data[index + 1];
    return { user: page.data[index], answer: next && next.role === "assistant" ? next : null };
  }

  /** A cut connection: the answer BOTK stored when there is one, never the half that arrived. */
  async function recover(turn, view, waiting) {
    view.text = "";
    view.body.replaceChildren();
    view.extra.replaceChildren();
    B.setState(view, waiting || "Se cortó la conexión. Busco la respuesta guardada…");
    for (const wait of RECOVERY_WAITS) {
      await B.sleep(wait);
      let found;
      try { found = await findAnswer(turn); } catch (_) { continue; }
      if (found.answer) {
        view.messageId = found.answer.id;
        B.finish(view, B.messageText(found.answer), B.messageCitations(found.answer), found.answer.tool_calls);
        answered(turn, view);
        return;
      }
      if (!found.user && wait >= 2000) break; // the question never reached BOTK
      if (found.user && found.user.status === "incomplete") break; // the turn failed
    }
    failed(turn, view, new B.ApiError(0, "cut", ""));
  }

  function stopped(turn, view) {
    if (!view.root.isConnected) return; // left for another conversation
    view.root.removeAttribute("aria-busy");
    view.body.classList.add("incomplete");
    B.setState(view, "Detuviste la respuesta: este texto está incompleto.");
    const full = button("Ver la respuesta completa", "small", () => {
      full.disabled = true;
      recover(turn, view, "Busco la respuesta completa…");
    });
    const meta = el("div", "meta");
    meta.append(full);
    view.extra.replaceChildren(meta);
    B.announce("Respuesta detenida.");
  }

  function retry(turn, view, error) {
    if (error.code !== "thread_not_found") return runTurn(turn, view);
    B.forget(turn.threadId); // the server lost it: ask again in a new conversation
    B.newConversation();
    return send(turn.text);
  }

  function failed(turn, view, error, text) {
    view.root.removeAttribute("aria-busy");
    view.body.replaceChildren();
    view.text = "";
    B.setState(view, "");
    const message = text || error.spanish;
    const actions = [];
    if (turn.clientId && error.retryable) {
      actions.push(button("Reintentar", "primary small", () => retry(turn, view, error)));
    }
    if (!error.retryable && !ui.input.value) ui.input.value = turn.text; // to correct and send again
    if (error.code === "context_too_long") actions.push(button("Nueva conversación", "small", B.newConversation));
    B.notice(view, message, actions); // an alert: screen readers read it at once
  }

  /** After a reload: wait for the answer still being written, or offer the unanswered question again. */
  function resumePending(messages) {
    const pending = store.get(K.pending);
    const mine = pending && pending.threadId === state.threadId ? pending : null;
    const last = messages[messages.length - 1];
    const isMine = (m) => mine && m && m.role === "user" && B.messageText(m) === mine.text;
    if (mine && messages.some((m, i) => isMine(m) && messages[i + 1] && messages[i + 1].role === "assistant")) {
      store.remove(K.pending);
      return;
    }
    if (last && last.role === "user" && last.status === "in_progress") {
      const turn = isMine(last) ? mine : { threadId: state.threadId, text: B.messageText(last) };
      recover(turn, B.botView(), "BOTK está preparando la respuesta…");
    } else if (mine) {
      if (!isMine(last)) B.userView(mine.text);
      const why = isMine(last) ? "Esta pregunta quedó sin respuesta." : "Esta pregunta no alcanzó a llegar a BOTK.";
      failed(mine, B.botView(), new B.ApiError(0, "cut", ""), why);
    }
  }

  async function send(text) {
    const question = text.trim();
    if (!question || state.busy) return;
    ui.welcome.hidden = true;
    const user = B.userView(question);
    const view = B.botView();
    B.setState(view, "Escribiendo…");
    B.toBottom();
    let threadId;
    try {
      threadId = await B.ensureThread(question);
    } catch (error) {
      user.remove();
      B.notice(view, error.spanish, [button("Reintentar", "primary small", () => {
        view.root.remove();
        send(question);
      })]);
      B.setState(view, "");
      return;
    }
    const turn = { threadId, text: question, clientId: B.newId(), afterId: state.lastId };
    store.set(K.pending, turn); // a reload or a closed tab can still find or retry it
    await runTurn(turn, view);
  }

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
    if (state.busy || !ui.input.value.trim()) return;
    const text = ui.input.value;
    ui.input.value = "";
    grow();
    send(text);
  });
  ui.stop.addEventListener("click", () => { if (state.controller) state.controller.abort(); });
  for (const example of document.querySelectorAll(".example")) {
    example.addEventListener("click", () => {
      send(example.textContent);
      ui.input.focus();
    });
  }

  B.resumePending = resumePending;
  ui.input.disabled = ui.send.disabled = false;
  B.refreshThreadsButton();
  performance.mark("botk:ready");
  document.body.dataset.ready = "true";
  (async () => {
    if (B.authRequired && !store.get(K.key)) await B.askForKey("");
    if (state.threadId) await B.loadHistory();
  })();
})();
