// The attachment section of the editors' page: uploads a file to /v1/check-file, shows the findings grouped by
// place (page, paragraph, sheet and cell …), and downloads the redacted file from /v1/redact-file.
// Shares api() and the API-key prompt with app.js (window.gongkai). Text is inserted with textContent only.
"use strict";

(function () {
  const SHOWN_GROUPS = 300; // places listed on the page; the downloaded file covers every finding
  const $ = (id) => document.getElementById(id);
  let chosen = null; // the File being checked

  function g() { return window.gongkai; }

  function choose(file) {
    if (!file) return;
    chosen = file;
    $("file-name").textContent = file.name + "（" + Math.max(1, Math.round(file.size / 1024)) + " KB）";
    $("file-check").disabled = false;
    checkFile();
  }

  function form() {
    const data = new FormData();
    data.append("file", chosen, chosen.name);
    return data;
  }

  function showFileError(message) {
    $("file-error").textContent = message;
    $("file-error").hidden = false;
    $("file-result").hidden = true;
  }

  async function checkFile() {
    if (!chosen) return;
    const button = $("file-check");
    button.disabled = true;
    $("file-error").hidden = true;
    $("file-status").textContent = "检查中…";
    try {
      const result = await g().api("/v1/check-file", { method: "POST", body: form() });
      renderFile(result);
      $("file-status").textContent = "检查完成。";
    } catch (err) {
      $("file-status").textContent = "";
      if (err.needsKey) g().requestKey(checkFile, err.message); else showFileError(err.message);
    } finally {
      button.disabled = false;
    }
  }

  function groups(findings) {
    const out = [];
    findings.forEach((f, i) => {
      const last = out[out.length - 1];
      if (last && last.place === f.place) last.items.push({ f, i });
      else out.push({ place: f.place, hidden: f.hidden, items: [{ f, i }] });
    });
    return out;
  }

  function renderFile(result) {
    const { el, groundText, VERDICTS, ACTIONS } = g();
    $("file-result").hidden = false;
    const info = result.file;
    const extent = info.pages ? info.pages + " 页" : info.sheets ? info.sheets.length + " 个工作表" : "";
    $("file-info").textContent = info.name + "（" + info.type_name + (extent ? "，" + extent : "") + "，" + info.chars + " 字）";
    $("file-category").textContent = result.category_name || "";
    const verdict = $("file-verdict");
    verdict.textContent = VERDICTS[result.verdict] || result.verdict;
    verdict.className = "badge verdict-" + result.verdict;
    verdict.dataset.verdict = result.verdict;
    const notices = $("file-notices");
    notices.replaceChildren(...(result.notices || []).map((n) => el("li", { "data-code": n.code }, n.message)));

    const findings = result.findings || [];
    $("file-finding-count").textContent = findings.length ? "（" + findings.length + " 处）" : "";
    $("file-no-findings").hidden = findings.length > 0;
    const box = $("file-findings");
    box.replaceChildren();
    const all = groups(findings);
    for (const group of all.slice(0, SHOWN_GROUPS)) {
      const section = el("div", { class: "place-group", "data-place": group.place });
      const head = el("h3", {}, group.place);
      if (group.hidden) head.append(el("span", { class: "hidden-label" }, group.hidden));
      section.append(head);
      const table = el("table", { class: "findings" });
      const tbody = el("tbody");
      for (const { f, i } of group.items) {
        const row = el("tr", { "data-finding": String(i), "data-type": f.type });
        row.append(el("td", {}, i + 1));
        row.append(el("td", { class: "pos" }, f.start + "–" + f.end));
        row.append(el("td", { class: "text" }, f.text));
        row.append(el("td", {}, groundText(f)));
        row.append(el("td", { class: "action-label action-" + f.action }, ACTIONS[f.action] || f.action));
        row.append(el("td", {}, f.reason));
        row.append(el("td", { class: "text" }, f.replacement === null || f.replacement === undefined ? "—" : f.replacement || "（清除）"));
        tbody.append(row);
      }
      table.append(tbody);
      section.append(table);
      box.append(section);
    }
    if (all.length > SHOWN_GROUPS) {
      box.append(el("p", { class: "hint" }, "另有 " + (all.length - SHOWN_GROUPS) + " 个位置未列出；下载的去标识化文件已处理全部发现。"));
    }

    const red = result.redacted;
    const download = $("file-download");
    download.hidden = !red;
    $("file-download-status").textContent = "";
    $("file-redacted-text").hidden = !(red && red.text);
    $("file-redacted-text").textContent = red && red.text ? red.text : "";
    $("file-download-note").textContent = !red
      ? (result.verdict === "withhold" ? "结论为不予公开：不提供去标识化文件。" : "无法读取文件中的文字，不能生成去标识化文件，请人工审核。")
      : (red.note || "下载的文件与原文件同类型，格式保留，只遮盖了上面列出的内容；文档属性中的作者等已清除。");
  }

  async function downloadRedacted() {
    if (!chosen) return;
    const status = $("file-download-status");
    status.textContent = "生成中…";
    try {
      const response = await g().api("/v1/redact-file", { method: "POST", body: form(), raw: true });
      const blob = await response.blob();
      const match = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get("Content-Disposition") || "");
      const name = match ? decodeURIComponent(match[1]) : "去标识化文件";
      const link = g().el("a", { href: URL.createObjectURL(blob), download: name });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      status.textContent = "已下载：" + name;
    } catch (err) {
      status.textContent = "";
      if (err.needsKey) g().requestKey(downloadRedacted, err.message); else showFileError(err.message);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    const zone = $("drop-zone");
    $("file-input").addEventListener("change", (event) => choose(event.target.files[0]));
    $("file-form").addEventListener("submit", (event) => { event.preventDefault(); checkFile(); });
    $("file-download").addEventListener("click", downloadRedacted);
    zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("dragging"); });
    zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("dragging");
      choose(event.dataTransfer.files[0]);
    });
  });
})();
