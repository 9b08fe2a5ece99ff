/* BOTK chat page, part 4: conversations kept on this device and their history from BOTK. */
(() => {
  "use strict";
  const B = window.BOTK;
  const { ui, store, K, el, button } = B;
  const PAGE = 50;
  const RECENT = 8;

  // threadId: the open conversation; oldestId/lastId: the first and last message on screen.
  const state = { threadId: store.get(K.thread), busy: false, controller: null, oldestId: null, lastId: null };

  const recent = () => (Array.isArray(store.get(K.threads)) ? store.get(K.threads) : []);

  function refreshThreadsButton() {
    ui.openThreads.hidden = !B.authRequired && !recent().some((t) => t.id !== state.threadId);
  }

  function remember(threadId, question) {
    const list = recent();
    const entry = list.find((t) => t.id === threadId) || { id: threadId, title: question.slice(0, 80) };
    entry.at = Date.now();
    store.set(K.threads, [entry, ...list.filter((t) => t.id !== threadId)].slice(0, RECENT));
    refreshThreadsButton();
  }

  function forget(threadId) {
    store.set(K.threads, recent().filter((t) => t.id !== threadId));
    if (store.get(K.thread) === threadId) store.remove(K.thread);
    refreshThreadsButton();
  }

  function showThreads() {
    ui.threadList.replaceChildren();
    const when = new Intl.DateTimeFormat("es-CL", { dateStyle: "medium", timeStyle: "short" });
    for (const thread of recent()) {
      const pick = button(thread.title || "Conversación", "", () => {
        ui.threadsDialog.close();
        openThread(thread.id);
      });
      pick.append(el("span", "when", when.format(new Date(thread.at || Date.now()))));
      if (thread.id === state.threadId) pick.setAttribute("aria-current", "true");
      ui.threadList.appendChild(el("li")).append(pick);
    }
    if (!recent().length) ui.threadList.append(el("li", "", "Todavía no hay conversaciones guardadas."));
    ui.threadsDialog.showModal();
  }

  function resetView() {
    if (state.controller) state.controller.abort(); // BOTK still finishes and stores that answer
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

  function openThread(threadId) {
    resetView();
    state.threadId = threadId;
    store.set(K.thread, threadId);
    refreshThreadsButton();
    loadHistory();
  }

  /** The open conversation's id, started on the first question. */
  async function ensureThread(question) {
    if (!state.threadId) {
      const started = await (await B.call("POST", "/start")).json();
      state.threadId = started.thread_id;
      store.set(K.thread, state.threadId);
    }
    remember(state.threadId, question);
    return state.threadId;
  }

  function historyFailed(view, threadId, error) {
    if (error.code === "thread_not_found") {
      forget(threadId);
      state.threadId = null;
      ui.welcome.hidden = false;
      B.notice(view, "No encontré la conversación guardada en el servidor. Escribe una pregunta para empezar una nueva.", [], true);
      return;
    }
    B.notice(view, "No pude cargar la conversación. " + error.spanish, [button("Reintentar", "", () => {
      view.root.remove();
      loadHistory();
    })]);
  }

  /** The last messages of the open conversation, then whatever question was left unanswered. */
  async function loadHistory() {
    const threadId = state.threadId;
    if (!threadId) return;
    ui.welcome.hidden = true;
    const loading = B.botView();
    B.setState(loading, "Cargando la conversación…");
    let page;
    try {
      page = await B.getJSON(B.historyPath(threadId, { order: "desc", limit: PAGE }));
    } catch (error) {
      if (threadId !== state.threadId) return;
      B.setState(loading, "");
      historyFailed(loading, threadId, error);
      return;
    }
    if (threadId !== state.threadId) return;
    loading.root.remove();
    const messages = page.data.slice().reverse();
    messages.forEach((m) => B.showStored(m));
    state.oldestId = messages.length ? messages[0].id : null;
    state.lastId = messages.length ? messages[messages.length - 1].id : null;
    ui.older.hidden = !page.has_more;
    ui.welcome.hidden = messages.length > 0;
    B.toBottom();
    B.resumePending(messages);
  }

  async function loadOlder() {
    const threadId = state.threadId;
    if (!state.oldestId) return;
    const first = ui.messages.firstChild;
    const height = ui.log.scrollHeight;
    let page;
    try {
      page = await B.getJSON(B.historyPath(threadId, { order: "asc", before: state.oldestId, limit: PAGE }));
    } catch (error) {
      B.announce("No pude cargar los mensajes anteriores. " + error.spanish);
      return;
    }
    if (threadId !== state.threadId) return;
    page.data.forEach((m) => B.showStored(m, first));
    if (page.data.length) state.oldestId = page.data[0].id;
    ui.older.hidden = !page.has_more;
    ui.log.scrollTop += ui.log.scrollHeight - height; // keep the same messages in view
  }

  ui.openThreads.addEventListener("click", showThreads);
  ui.newThread.addEventListener("click", newConversation);
  ui.older.addEventListener("click", loadOlder);

  Object.assign(B, { state, refreshThreadsButton, forget, newConversation, ensureThread, loadHistory });
})();
