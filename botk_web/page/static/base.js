/* BOTK chat page, part 1: the page's elements, storage, and text built as DOM nodes.
   Every text shown (answers, quotes, questions) is untrusted: it only ever enters
   the page as text nodes, never parsed as HTML. The parts share window.BOTK. */
(() => {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const ui = {
    app: $("app"), bar: $("bar"), log: $("log"), messages: $("messages"), welcome: $("welcome"), older: $("older"),
    form: $("composer"), input: $("question"), send: $("send"), stop: $("stop"),
    newThread: $("new-thread"), openThreads: $("open-threads"), announcer: $("announcer"),
    keyDialog: $("key-dialog"), keyForm: $("key-form"), keyInput: $("key-input"), keyError: $("key-error"),
    sourceDialog: $("source-dialog"), sourceTitle: $("source-title"), sourceLocation: $("source-location"),
    sourceQuote: $("source-quote"), threadsDialog: $("threads-dialog"), threadList: $("thread-list"),
    forgetKey: $("forget-key"),
  };

  // localStorage may be missing or full (private browsing): memory keeps the page working.
  const memory = new Map();
  const store = {
    get(key) {
      try { return JSON.parse(localStorage.getItem(key)); } catch (_) { return memory.has(key) ? memory.get(key) : null; }
    },
    set(key, value) {
      memory.set(key, value);
      try { localStorage.setItem(key, JSON.stringify(value)); } catch (_) { /* memory only */ }
    },
    remove(key) {
      memory.delete(key);
      try { localStorage.removeItem(key); } catch (_) { /* nothing stored */ }
    },
  };
  const K = { thread: "botk.thread", threads: "botk.threads", key: "botk.key", pending: "botk.pending" };

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

  /** A random id; crypto.getRandomValues also works without HTTPS, unlike randomUUID. */
  function newId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return "web-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  const BOLD = /\*\*([^*\s](?:[^*]*[^*\s])?)\*\*/;

  function inline(parent, text) {
    text.split(BOLD).forEach((part, index) => {
      if (part) parent.append(index % 2 ? el("strong", "", part) : document.createTextNode(part));
    });
  }

  function addListItem(container, list, item) {
    const kind = item[1] ? "OL" : "UL";
    if (!list || list.tagName !== kind) {
      list = container.appendChild(el(kind));
      if (item[1] && item[1] !== "1") list.start = Number(item[1]);
    }
    inline(list.appendChild(el("li")), item[2]);
    return list;
  }

  /** The assistant's light formatting: paragraphs, bulleted and numbered lists, headings, bold. */
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
          list = addListItem(container, list, item);
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

  // What each tool did, in words: [done, to do, what, the argument that names a place or section].
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

  // With large text the bar grows; then it scrolls away instead of covering the conversation.
  const pinHeader = () => ui.app.classList.toggle("pin-header", ui.bar.offsetHeight <= window.innerHeight * 0.2);
  new ResizeObserver(pinHeader).observe(ui.bar);
  window.addEventListener("resize", pinHeader);

  window.BOTK = {
    ui, store, K, el, button, sleep, newId, renderRich, toolLine,
    authRequired: document.body.dataset.auth === "required",
  };
})();
