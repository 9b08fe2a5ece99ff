/* BOTK chat page, part 3: messages on screen — questions, answers, tool lines, sources, copy, notices. */
(() => {
  "use strict";
  const B = window.BOTK;
  const { ui, el, button } = B;

  function announce(text) {
    ui.announcer.textContent = "";
    // Set after a tick, so that screen readers read it even when the same text comes twice.
    setTimeout(() => { ui.announcer.textContent = text.length > 600 ? text.slice(0, 600) + "…" : text; }, 50);
  }

  const nearBottom = () => ui.log.scrollHeight - ui.log.scrollTop - ui.log.clientHeight < 96;
  const toBottom = () => { ui.log.scrollTop = ui.log.scrollHeight; };

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
      root, text: "", citations: [], toolLines: new Set(), dirty: false, messageId: null,
      tools: el("ul", "tools"), body: el("div", "body"), state: el("p", "state"), extra: el("div", "extra"),
    };
    view.tools.hidden = view.state.hidden = true;
    view.tools.setAttribute("aria-label", "Lo que consulté");
    root.append(el("p", "who", "BOTK"), view.tools, view.body, view.state, view.extra);
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
    view.tools.appendChild(el("li", failed ? "failed" : "", line));
    view.tools.hidden = false;
  }

  /** Redraw the growing answer at most once a frame, keeping the view at the bottom if it was. */
  function scheduleRender(view) {
    if (view.dirty) return;
    view.dirty = true;
    requestAnimationFrame(() => {
      view.dirty = false;
      const pinned = nearBottom();
      B.renderRich(view.body, view.text);
      if (pinned) toBottom();
    });
  }

  function sameSource(a, b) { return a.document === b.document && a.location === b.location && a.quote === b.quote; }

  function showSource(citation) {
    ui.sourceTitle.textContent = citation.document;
    ui.sourceLocation.textContent = citation.location || "";
    ui.sourceLocation.hidden = !citation.location;
    ui.sourceQuote.textContent = citation.quote || "El documento no trae la cita textual de este dato.";
    ui.sourceDialog.showModal();
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

  function addSources(view, citations) {
    const unique = [];
    for (const c of citations) if (c && c.document && !unique.some((u) => sameSource(u, c))) unique.push(c);
    if (!unique.length) return;
    view.extra.append(el("p", "sources-title", unique.length === 1 ? "Fuente" : "Fuentes"));
    const list = view.extra.appendChild(el("ul", "sources"));
    unique.forEach((c) => list.appendChild(el("li")).appendChild(sourceChip(c)));
  }

  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (_) {
      // Without HTTPS (a server on the local network) there is no clipboard API.
      const area = el("textarea", "sr-only");
      area.value = text;
      document.body.append(area);
      area.select();
      let ok = false;
      try { ok = document.execCommand("copy"); } catch (_) { ok = false; }
      area.remove();
      return ok;
    }
  }

  function copyButton(view) {
    const node = button("Copiar respuesta", "small", async () => {
      const ok = await copyText(view.text);
      node.textContent = ok ? "Copiada" : "No se pudo copiar";
      node.focus();
      announce(ok ? "Respuesta copiada." : "No se pudo copiar la respuesta.");
      setTimeout(() => { node.textContent = "Copiar respuesta"; }, 2500);
    });
    return node;
  }

  /** The whole answer: its text, what it consulted, its sources and a copy button. */
  function finish(view, text, citations, tools) {
    const pinned = nearBottom();
    view.text = text;
    B.renderRich(view.body, text);
    view.body.classList.remove("incomplete");
    view.root.removeAttribute("aria-busy");
    setState(view, "");
    view.extra.replaceChildren();
    for (const run of tools || []) addTool(view, B.toolLine(run.name, null, run.is_error), run.is_error);
    addSources(view, citations);
    view.extra.appendChild(el("div", "meta")).append(copyButton(view));
    if (pinned) toBottom();
  }

  function notice(view, text, actions, info) {
    const box = el("div", "notice" + (info ? " info" : ""));
    box.setAttribute("role", info ? "status" : "alert");
    box.append(el("p", "", text));
    if (actions.length) box.appendChild(el("div", "meta")).append(...actions);
    view.extra.replaceChildren(box);
    return box;
  }

  function messageText(message) {
    const part = Array.isArray(message.content) ? message.content[0] : null;
    return part && part.text && typeof part.text.value === "string" ? part.text.value : "";
  }

  function messageCitations(message) {
    const part = Array.isArray(message.content) ? message.content[0] : null;
    const annotations = (part && part.text && part.text.annotations) || [];
    return annotations.map((a) => a.file_citation || { document: a.text });
  }

  /** A stored message of /threadHistory, shown as a question or a whole answer. */
  function showStored(message, before) {
    if (message.role === "user") return userView(messageText(message), before);
    const view = botView(before);
    view.messageId = message.id;
    finish(view, messageText(message), messageCitations(message), message.tool_calls);
    return view.root;
  }

  Object.assign(B, {
    announce, nearBottom, toBottom, userView, botView, setState, addTool, scheduleRender,
    finish, notice, messageText, messageCitations, showStored,
  });
})();
