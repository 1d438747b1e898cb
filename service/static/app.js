// The editors' page: sends the draft to /v1/analyze and shows the result. No library, no build step.
// All text from the draft or the server is inserted with textContent, never as HTML.
"use strict";

(function () {
  const ACTIONS = { redact: "去标识化", review: "人工审核", withhold: "不予公开" };
  const GROUNDS = {
    state_secret: "国家秘密", security_stability: "危及“三安全一稳定”", privacy: "个人隐私",
    trade_secret: "商业秘密", internal_affairs: "内部事务信息", process_info: "过程性信息",
    enforcement_file: "行政执法案卷",
  };
  const SEVERITY = { redact: 1, review: 2, withhold: 3 };
  const VERDICTS = { publish: "可公开", redact: "去标识化后公开", review: "需人工审核", withhold: "不予公开" };
  const WITHHELD_TEXT = "结论为不予公开：本稿没有可公开的内容，不提供去标识化文本。";
  const FIELDS = { title: "标题", body: "正文" };
  const KEY_STORE = "gongkai.apiKey";

  const $ = (id) => document.getElementById(id);
  let pending = null; // a request waiting for the API key
  let keyRejected = false; // the last key sent was refused

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function groundText(f) {
    return (GROUNDS[f.ground] || f.ground) + "（《政府信息公开条例》" + (f.article || "") + "）";
  }

  // --- API ----------------------------------------------------------------------------------
  async function api(path, options) {
    const headers = Object.assign({ Accept: "application/json" }, (options && options.headers) || {});
    const key = sessionStorage.getItem(KEY_STORE);
    if (key) headers["X-API-Key"] = key;
    const response = await fetch(path, Object.assign({}, options, { headers }));
    if (options && options.raw && response.ok) { if (key) keyRejected = false; return response; }
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (response.status === 401) {
      if (key) { keyRejected = true; sessionStorage.removeItem(KEY_STORE); }
      const err = new Error(keyRejected ? "API 密钥不正确，请重新输入：" : "本服务需要 API 密钥，请输入：");
      err.needsKey = true;
      throw err;
    }
    if (key) keyRejected = false;
    if (!response.ok) {
      const message = data && data.error ? data.error.message : "请求失败（HTTP " + response.status + "）。";
      const err = new Error(message);
      err.code = data && data.error ? data.error.code : "http_" + response.status;
      throw err;
    }
    return data;
  }

  function askForKey(message) {
    $("key-panel").hidden = false;
    $("key-panel").querySelector("label").textContent = message || "本服务需要 API 密钥";
    $("api-key").focus();
  }

  // --- rendering ----------------------------------------------------------------------------
  // Offsets are Unicode code points; JavaScript strings are UTF-16, so work on Array.from(text).
  function renderMarked(container, text, findings) {
    container.replaceChildren();
    const chars = Array.from(text || "");
    const cuts = new Set([0, chars.length]);
    for (const { f } of findings) {
      cuts.add(Math.max(0, Math.min(f.start, chars.length)));
      cuts.add(Math.max(0, Math.min(f.end, chars.length)));
    }
    const points = Array.from(cuts).sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i], b = points[i + 1];
      const piece = chars.slice(a, b).join("");
      const covering = findings.filter(({ f }) => f.start <= a && b <= f.end);
      if (!covering.length) { container.append(document.createTextNode(piece)); continue; }
      const worst = covering.reduce((x, y) => ((SEVERITY[y.f.action] || 0) > (SEVERITY[x.f.action] || 0) ? y : x));
      const mark = el("mark", {
        class: "finding action-" + worst.f.action,
        "data-finding": covering.map((c) => c.index).join(" "),
        "data-action": worst.f.action,
        "data-ground": worst.f.ground,
        title: covering.map((c) => c.f.reason + " · " + groundText(c.f) + " · " + (ACTIONS[c.f.action] || c.f.action)).join("\n"),
        tabindex: "0",
      }, piece);
      container.append(mark);
    }
  }

  function showDetail(indexes, findings) {
    const box = $("finding-detail");
    box.replaceChildren();
    document.querySelectorAll(".active").forEach((n) => n.classList.remove("active"));
    for (const i of indexes) {
      const f = findings[i];
      const line = el("div");
      line.append(el("strong", {}, "#" + (i + 1) + " " + (ACTIONS[f.action] || f.action) + "："));
      line.append(document.createTextNode(f.reason + "。依据：" + groundText(f) +
        (f.replacement ? "。建议替换为“" + f.replacement + "”" : "")));
      box.append(line);
      document.querySelectorAll('mark[data-finding~="' + i + '"], tr[data-finding="' + i + '"]')
        .forEach((n) => n.classList.add("active"));
    }
    box.hidden = indexes.length === 0;
  }

  function render(result, draft) {
    $("error").hidden = true;
    $("result").hidden = false;
    $("category").textContent = result.category_name;
    $("category").dataset.code = result.category;
    $("confidence").textContent = "置信度 " + (result.confidence * 100).toFixed(1) + "%";
    $("needs-review").hidden = !result.needs_review;
    const verdict = $("verdict");
    verdict.textContent = result.verdict_name || result.verdict;  // the name comes with the result (one home)
    verdict.className = "badge verdict-" + result.verdict;
    verdict.dataset.verdict = result.verdict;
    const terms = (result.explanation || []).map((e) => e.term);
    $("explanation").textContent = terms.length ? "主要依据词：" + terms.join("、") : "";

    const findings = result.findings || [];
    const indexed = findings.map((f, index) => ({ f, index }));
    renderMarked($("marked-title"), draft.title, indexed.filter(({ f }) => f.field === "title"));
    renderMarked($("marked-body"), draft.body, indexed.filter(({ f }) => f.field === "body"));
    $("finding-detail").hidden = true;

    $("finding-count").textContent = findings.length ? "（" + findings.length + " 处）" : "";
    $("no-findings").hidden = findings.length > 0;
    const table = $("findings");
    table.hidden = findings.length === 0;
    const tbody = table.querySelector("tbody");
    tbody.replaceChildren();
    findings.forEach((f, i) => {
      const row = el("tr", { "data-finding": String(i) });
      row.append(el("td", {}, i + 1));
      row.append(el("td", { class: "pos" }, FIELDS[f.field] + " " + f.start + "–" + f.end));
      row.append(el("td", { class: "text" }, f.text));
      row.append(el("td", {}, groundText(f)));
      row.append(el("td", { class: "action-label action-" + f.action }, ACTIONS[f.action] || f.action));
      row.append(el("td", {}, f.reason));
      row.append(el("td", { class: "text" }, f.replacement || "—"));
      tbody.append(row);
    });
    // withhold: nothing of the draft is publishable, so nothing is offered for copying
    const withheld = result.redacted === null;
    const red = result.redacted || { title: "", body: "" };
    $("redacted").textContent = withheld ? WITHHELD_TEXT : [red.title, red.body].filter((s) => s).join("\n\n");
    $("redacted").classList.toggle("withheld", withheld);
    $("copy").disabled = withheld;
    $("copy-status").textContent = "";
    $("result").onclick = (event) => {
      const target = event.target.closest("[data-finding]");
      if (target) showDetail(target.dataset.finding.split(" ").map(Number), findings);
    };
  }

  // --- actions ------------------------------------------------------------------------------
  async function check() {
    const draft = { title: $("title").value, body: $("body").value };
    if (!draft.title.trim() && !draft.body.trim()) {
      showError("标题和正文不能同时为空。");
      return;
    }
    const button = $("check");
    button.disabled = true;
    $("status").textContent = "检查中…";
    try {
      const result = await analyzeAndKeep(draft);
      render(result, draft);
      showReview(result);
      $("status").textContent = "检查完成。";
    } catch (err) {
      $("status").textContent = "";
      if (err.needsKey) { pending = check; askForKey(err.message); } else showError(err.message);
    } finally {
      button.disabled = false;
    }
  }

  function showError(message) {
    const box = $("error");
    box.textContent = message;
    box.hidden = false;
  }

  async function copyRedacted() {
    const text = $("redacted").textContent;
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) { // clipboard API needs a secure context; fall back to a selection copy
      const area = el("textarea");
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    $("copy-status").textContent = "已复制";
  }

  async function loadModelInfo() {
    try {
      const m = await api("/v1/model");
      $("model-info").textContent = "模型 " + m.name + " " + m.version;
    } catch (err) {
      if (err.needsKey) { pending = loadModelInfo; askForKey(err.message); }
    }
  }

  // --- review records -----------------------------------------------------------------------
  // A check from the page is kept as a review (POST /v1/reviews). The editor then records a
  // decision, dismisses findings with a reason and corrects the category; every action is a new
  // event on the server. Without a usable database (503 database_unavailable) the page falls
  // back to /v1/analyze and hides this part.
  const DECISIONS = { publish: "公开", redact: "去标识化后公开", withhold: "不予公开" };
  let current = null; // { id, result } of the review on screen
  let categories = null;

  function formatTime(iso) {
    return iso ? new Date(iso).toLocaleString("zh-CN", { hour12: false }) : "";
  }

  async function analyzeAndKeep(draft) {
    const request = { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(draft) };
    try {
      return await api("/v1/reviews", request);
    } catch (err) {
      if (err.code !== "database_unavailable") throw err;
      return api("/v1/analyze", request);
    }
  }

  function postJson(path, body) {
    return api(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  }

  function reviewStatus(message, isError) {
    const status = $("review-status");
    status.textContent = message;
    status.classList.toggle("review-error", Boolean(isError));
  }

  async function showReview(result) {
    current = result.review_id ? { id: result.review_id, result } : null;
    $("review-panel").hidden = !current;
    $("dismiss-form").hidden = true;
    if (!current) return;
    $("review-id").textContent = "编号 " + result.review_id;
    $("review-by").textContent = "提交人 " + result.created_by + "，" + formatTime(result.created_at);
    $("decision").value = DECISIONS[result.verdict] ? result.verdict : "withhold";
    $("decision-note").value = "";
    reviewStatus("");
    addDismissButtons();
    renderEvents([]);
    try {
      await fillCategories(result.category);
    } catch (err) { reviewStatus(err.message, true); }
    loadHistory();
  }

  function addDismissButtons() {
    const table = $("findings");
    const head = table.querySelector("thead tr");
    if (!head.querySelector(".review-col")) head.append(el("th", { class: "review-col" }, "审核"));
    table.querySelectorAll("tbody tr").forEach((row) => {
      const n = Number(row.dataset.finding);
      const cell = el("td", { class: "review-cell" });
      const button = el("button", { type: "button", class: "secondary", "data-dismiss": String(n) }, "驳回");
      button.addEventListener("click", () => openDismiss(n));
      cell.append(button);
      row.append(cell);
    });
  }

  function openDismiss(n) {
    $("dismiss-n").textContent = String(n + 1);
    $("dismiss-form").dataset.finding = String(n);
    $("dismiss-form").hidden = false;
    $("dismiss-reason").value = "";
    $("dismiss-reason").focus();
  }

  async function dismiss() {
    const n = Number($("dismiss-form").dataset.finding);
    const reason = $("dismiss-reason").value.trim();
    if (!reason) { reviewStatus("请写明驳回理由。", true); return; }
    const finding = current.result.findings[n];
    try {
      // Dismissing declares the text not secret: it is sent so that repeated dismissals can become exemptions.
      await postJson("/v1/reviews/" + current.id + "/findings/" + n + "/dismiss", { reason, text: finding.text });
      const row = document.querySelector('#findings tbody tr[data-finding="' + n + '"]');
      row.classList.add("dismissed");
      row.querySelector(".review-cell").replaceChildren(document.createTextNode("已驳回"));
      $("dismiss-form").hidden = true;
      reviewStatus("已驳回第 " + (n + 1) + " 项发现。");
      await refreshReview();
    } catch (err) { reviewStatus(err.message, true); }
  }

  async function decide() {
    const decision = $("decision").value;
    const note = $("decision-note").value.trim();
    try {
      await postJson("/v1/reviews/" + current.id + "/decision", note ? { decision, note } : { decision });
      reviewStatus("已记录决定：" + DECISIONS[decision] + "。");
      await refreshReview();
      loadHistory();
    } catch (err) { reviewStatus(err.message, true); }
  }

  async function correctCategory() {
    const category = $("category-fix").value;
    try {
      await postJson("/v1/reviews/" + current.id + "/category", { category, title: $("title").value });
      reviewStatus("已更正类别：" + $("category-fix").selectedOptions[0].textContent + "。");
      await refreshReview();
    } catch (err) { reviewStatus(err.message, true); }
  }

  async function fillCategories(selected) {
    if (!categories) categories = await api("/v1/categories");
    const select = $("category-fix");
    select.replaceChildren(...categories.map((c) => el("option", { value: c.code }, c.name)));
    select.value = selected;
  }

  function eventText(e) {
    const who = formatTime(e.at) + " " + e.by + "：";
    if (e.kind === "decision") return who + "决定" + DECISIONS[e.decision] + (e.note ? "（" + e.note + "）" : "");
    if (e.kind === "dismissal") return who + "驳回第 " + (e.finding + 1) + " 项发现（" + e.reason + "）";
    return who + "更正类别为" + e.category_name + (e.note ? "（" + e.note + "）" : "");
  }

  function renderEvents(events) {
    $("review-events").replaceChildren(...events.map((e) => el("li", { "data-kind": e.kind }, eventText(e))));
  }

  async function refreshReview() {
    const review = await api("/v1/reviews/" + current.id);
    renderEvents(review.events);
  }

  async function loadHistory() {
    let page;
    try {
      const decision = $("history-filter").value;
      page = await api("/v1/reviews?limit=20" + (decision ? "&decision=" + encodeURIComponent(decision) : ""));
    } catch (err) {
      if (err.code === "database_unavailable") $("history").hidden = true;
      return; // no key yet, or no records: the history stays as it is
    }
    $("history").hidden = false;
    const rows = page.reviews.map((r) => {
      const row = el("tr", { "data-review": String(r.review_id) });
      const decision = r.decision ? DECISIONS[r.decision.decision] + "（" + r.decision.by + "）" : "未决定";
      for (const text of [r.review_id, formatTime(r.created_at), r.id || "—", r.created_by, r.category_name,
        r.verdict_name, r.findings + "/" + r.dismissed, decision]) row.append(el("td", {}, text));
      row.addEventListener("click", () => showHistoryItem(r.review_id));
      return row;
    });
    $("history-table").querySelector("tbody").replaceChildren(...rows);
    $("history-table").hidden = rows.length === 0;
    $("history-empty").hidden = rows.length > 0;
  }

  async function showHistoryItem(id) {
    const box = $("history-detail");
    try {
      const r = await api("/v1/reviews/" + id);
      const lines = [
        "审查 " + r.review_id + (r.id ? "（记录 " + r.id + "）" : "") + "：" + formatTime(r.created_at) + " " + r.created_by +
          "，" + r.current_category_name + "，" + r.verdict_name + "，发现 " + r.findings.length + " 项",
        ...r.findings.map((f, i) => "#" + (i + 1) + " " + (GROUNDS[f.ground] || f.ground) + "：" + f.reason +
          (f.replacement ? " → " + f.replacement : "") + (f.dismissed ? "（已驳回）" : "")),
        ...r.events.map(eventText),
      ];
      box.replaceChildren(...lines.map((line) => el("div", {}, line)));
    } catch (err) {
      box.replaceChildren(el("div", {}, err.message));
    }
    box.hidden = false;
  }

  function bindReviews() {
    $("decision-form").addEventListener("submit", (event) => { event.preventDefault(); decide(); });
    $("dismiss-form").addEventListener("submit", (event) => { event.preventDefault(); dismiss(); });
    $("dismiss-cancel").addEventListener("click", () => { $("dismiss-form").hidden = true; });
    $("category-form").addEventListener("submit", (event) => { event.preventDefault(); correctCategory(); });
    $("history-refresh").addEventListener("click", loadHistory);
    $("history-filter").addEventListener("change", loadHistory);
    loadHistory();
  }
  // Shared with files.js, the attachment section of the page.
  window.gongkai = {
    api, el, groundText, VERDICTS, ACTIONS, GROUNDS,
    requestKey(retry, message) { pending = retry; askForKey(message); },
  };

  document.addEventListener("DOMContentLoaded", () => {
    bindReviews();
    $("draft-form").addEventListener("submit", (event) => { event.preventDefault(); check(); });
    $("clear").addEventListener("click", () => {
      $("title").value = ""; $("body").value = ""; $("result").hidden = true; $("error").hidden = true;
      $("status").textContent = "";
    });
    $("copy").addEventListener("click", copyRedacted);
    $("key-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const key = $("api-key").value.trim();
      if (!key) return;
      sessionStorage.setItem(KEY_STORE, key);
      $("api-key").value = "";
      $("key-panel").hidden = true;
      const retry = pending; pending = null;
      loadModelInfo();
      if (retry && retry !== loadModelInfo) retry();
    });
    $("result").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && event.target.matches("mark[data-finding]")) event.target.click();
    });
    loadModelInfo();
  });
})();
