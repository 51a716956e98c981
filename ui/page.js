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
