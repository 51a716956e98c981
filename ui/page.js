// Page behaviour that Gradio's components do not offer; loaded in <head> by ui/layout.py.
// 1. Screen readers: Gradio labels each chat message "bot's message: <raw HTML>"; the label
//    is dropped so the message's own text is read, and English button labels become Chinese.
(() => {
  "use strict";
  const LABELS = { "Liked": "已赞", "Disliked": "已踩", "Like": "赞", "Dislike": "踩",
                   "Empty value": "空", "Copy message": "复制", "Copied message": "已复制",
                   "chatbot conversation": "对话记录", "Close": "关闭" };

  function fixLabels(el) {
    if (!(el instanceof Element)) return;
    const label = el.getAttribute("aria-label");
    if (label && label.includes("'s message:")) {
      el.removeAttribute("aria-label");
      el.setAttribute("role", "article");
    } else if (label && LABELS[label]) {
      el.setAttribute("aria-label", LABELS[label]);
    }
    const title = el.getAttribute("title");
    if (title && LABELS[title]) el.setAttribute("title", LABELS[title]);
  }

  function scan(root) {
    if (!(root instanceof Element)) return;
    fixLabels(root);
    root.querySelectorAll("[aria-label], [title]").forEach(fixLabels);
    // A toast's header is a role=button holding the close button (nested interactive).
    root.querySelectorAll(".toast-header[role=button]").forEach((h) => {
      h.removeAttribute("role");
      h.removeAttribute("tabindex");
    });
  }

  const observer = new MutationObserver((mutations) => {
    for (const m of mutations) {
      if (m.type === "attributes") fixLabels(m.target);
      else m.addedNodes.forEach(scan);
    }
  });
  observer.observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ["aria-label", "title"],
  });
})();

// 2. Source view: clicking (or Enter/Space on) a [n] marker or a source card asks the server
//    for the original at that place, through the hidden #fz-view-key box and #fz-view-go.
(() => {
  "use strict";

  function openSource(target) {
    const answer = target.closest(".fz-final");
    const n = ([...target.classList].find((c) => c.startsWith("fz-cite-")) || "").slice(8);
    if (!answer || !n) return false;
    const answers = [...document.querySelectorAll("#chatbot .fz-final")];
    const turn = answers.indexOf(answer);
    const box = document.querySelector("#fz-view-key textarea, #fz-view-key input");
    const go = document.querySelector("#fz-view-go");
    if (turn < 0 || !box || !go) return false;
    box.value = `${turn}:${n}:${Date.now()}`;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    setTimeout(() => go.click(), 50);
    return true;
  }

  function trigger(event) {
    if (!(event.target instanceof Element)) return;
    const target = event.target.closest("#chatbot .fz-ref-link, #chatbot .fz-source");
    if (!target) return;
    if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") return;
    if (openSource(target)) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  document.addEventListener("click", trigger, true);
  document.addEventListener("keydown", trigger, true);
})();
