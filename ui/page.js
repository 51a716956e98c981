// Page behaviour that Gradio's components do not offer; loaded in <head> by ui/layout.py.
// 1. Screen readers: Gradio labels each chat message "bot's message: <raw HTML>"; the label
//    is dropped so the message's own text is read, and English button labels become Chinese.
(() => {
  "use strict";
  const LABELS = { "Liked": "已赞", "Disliked": "已踩", "Like": "赞", "Dislike": "踩",
                   "Empty value": "空", "Copy message": "复制", "Copied message": "已复制",
                   "chatbot conversation": "对话记录", "Close": "关闭", "Feedback": "反馈原因" };

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
    const target = event.target.closest(
      "#chatbot .fz-ref-link, #chatbot .fz-source, #chatbot .fz-chart-cite");
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

// 3. Answer actions: copy (the answer and its sources as plain text an official can paste),
//    regenerate (through the hidden #fz-regen-key / #fz-regen-go), suggested follow-ups
//    (typed into the question box and sent).
(() => {
  "use strict";

  function plainText(answer) {
    const text = answer.querySelector(".fz-answer-text")?.innerText.trim() || "";
    const sources = [...answer.querySelectorAll(".fz-source")].map((card) => {
      const head = [".fz-n", ".fz-title", ".fz-meta"]
        .map((c) => card.querySelector(c)?.innerText.trim()).filter(Boolean).join(" ");
      const section = card.querySelector(".fz-section")?.innerText.trim() || "";
      const quote = card.querySelector("mark")?.innerText.trim() || "";
      return [head, section && `  ${section}`, quote && `  原文：${quote}`]
        .filter(Boolean).join("\n");
    });
    return sources.length ? `${text}\n\n出处：\n${sources.join("\n")}` : text;
  }

  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {
      const area = document.createElement("textarea");
      area.value = text;
      document.body.appendChild(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
  }

  function send(boxSelector, goSelector, value) {
    const box = document.querySelector(`${boxSelector} textarea, ${boxSelector} input`);
    const go = document.querySelector(goSelector);
    if (!box || !go) return;
    box.value = value;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    setTimeout(() => go.click(), 50);
  }

  document.addEventListener("click", (event) => {
    if (!(event.target instanceof Element)) return;
    const button = event.target.closest("#chatbot .fz-act, #chatbot .fz-suggest");
    if (button?.classList.contains("fz-chart-png")) {  // the chart's PNG (an inline data: URL)
      event.preventDefault();
      event.stopPropagation();
      const img = button.closest(".fz-chart")?.querySelector("img.fz-chart-img");
      if (!img) return;
      const link = document.createElement("a");
      link.href = img.src;
      link.download = "指标图表.png";
      document.body.appendChild(link);
      link.click();
      link.remove();
      return;
    }
    if (!button) return;
    event.preventDefault();
    event.stopPropagation();
    const answer = button.closest(".fz-final");
    if (button.classList.contains("fz-copy") && answer) {
      window.__fzCopied = plainText(answer);
      copy(window.__fzCopied).then(() => {
        button.textContent = "已复制";
        setTimeout(() => { button.textContent = "复制"; }, 2000);
      });
    } else if (button.classList.contains("fz-regen") && answer) {
      const turn = [...document.querySelectorAll("#chatbot .fz-final")].indexOf(answer);
      button.textContent = "正在重新生成…";
      send("#fz-regen-key", "#fz-regen-go", `${turn}:${Date.now()}`);
    } else if (button.classList.contains("fz-suggest")) {
      const box = document.querySelector("#question textarea");
      if (!box) return;
      box.value = button.textContent;
      box.dispatchEvent(new Event("input", { bubbles: true }));
      setTimeout(() => document.querySelector("#ask")?.click(), 50);
    }
  }, true);
})();

// 4. Phone: filters start closed; after each new answer its first line (the figure) is
//    scrolled to the top of the chat, not its end.
(() => {
  "use strict";
  const narrow = () => window.matchMedia("(max-width: 640px)").matches;
  let closed = false;
  let clicks = 0;
  const started = Date.now();
  const timer = setInterval(() => {
    if (closed || !narrow() || Date.now() - started > 20000) {
      clearInterval(timer);
      return;
    }
    // clicked until it closes (a click before the page is live does nothing), then never
    // again, so a user who opens the filters keeps them open
    const toggle = document.querySelector("#filters .label-wrap");
    if (!toggle) return;
    if (!toggle.classList.contains("open")) closed = clicks > 0;
    else {
      toggle.click();
      clicks += 1;
    }
  }, 400);
  let answers = 0;
  const observer = new MutationObserver(() => {
    const finals = document.querySelectorAll("#chatbot .fz-final");
    if (finals.length !== answers) {
      const grew = finals.length > answers;
      answers = finals.length;
      if (grew && answers) {
        const latest = finals[answers - 1];
        setTimeout(() => {
          let log = latest.parentElement;
          while (log && !(log.scrollHeight > log.clientHeight + 2
                 && /(auto|scroll)/.test(getComputedStyle(log).overflowY))) {
            log = log.parentElement;
          }
          if (log === document.documentElement || log === document.body) log = null;
          if (log) log.scrollTop = latest.getBoundingClientRect().top
            - log.getBoundingClientRect().top + log.scrollTop - 8;
          if (narrow()) {
            const rect = latest.getBoundingClientRect();
            if (rect.top < 0 || rect.top > window.innerHeight * 0.6) {
              window.scrollBy({ top: rect.top - 8 });
            }
          }
        }, 100);
      }
    }
  });
  observer.observe(document.documentElement, { subtree: true, childList: true });
})();
