// Kumo's dashboard: reads /events (server-sent events, one JSON message a second) and draws it. No libraries.
"use strict";
(function () {
  const token = document.querySelector('meta[name="kumo-token"]').content;
  const $ = (id) => document.getElementById(id);
  const fmt = (n) => Number(n).toLocaleString("en");
  const statusColor = (s) => s < 300 ? "#4a9d4a" : s < 400 ? "#4a78c0" : s < 500 ? "#d89a2b" : "#c0392b";

  // Pages per second between samples, at each sample's time.
  function rates(t) {
    const xs = [], ys = [];
    for (let i = 1; i < t.millis.length; i++) {
      const dt = (t.millis[i] - t.millis[i - 1]) / 1000;
      if (dt > 0) { xs.push(t.millis[i] / 1000); ys.push((t.pages[i] - t.pages[i - 1]) / dt); }
    }
    return { xs, ys };
  }

  // A line plot with a zero-based y axis, its maximum labelled, and the time span along x.
  function plot(canvas, xs, ys, color) {
    const g = canvas.getContext("2d"), w = canvas.width, h = canvas.height, pad = 36;
    g.clearRect(0, 0, w, h);
    g.strokeStyle = "#ccc"; g.lineWidth = 1;
    g.beginPath(); g.moveTo(pad, 8); g.lineTo(pad, h - 20); g.lineTo(w - 8, h - 20); g.stroke();
    if (xs.length === 0) { return; }
    const x0 = xs[0], x1 = Math.max(xs[xs.length - 1], x0 + 1);
    const yMax = Math.max(1, ...ys) * 1.1;
    g.fillStyle = "#666"; g.font = "11px sans-serif";
    g.fillText(yMax >= 10 ? Math.round(yMax) : yMax.toFixed(1), 2, 14);
    g.fillText("0", 2, h - 20);
    g.fillText(Math.round(x0) + " s", pad, h - 6);
    g.fillText(Math.round(x1) + " s", w - 44, h - 6);
    g.strokeStyle = color; g.lineWidth = 2; g.beginPath();
    for (let i = 0; i < xs.length; i++) {
      const x = pad + (xs[i] - x0) / (x1 - x0) * (w - pad - 8);
      const y = (h - 20) - ys[i] / yMax * (h - 28);
      if (i === 0) { g.moveTo(x, y); } else { g.lineTo(x, y); }
    }
    g.stroke();
  }

  function cell(row, text, cls) {
    const td = row.insertCell(); td.textContent = text; if (cls) { td.className = cls; }
  }

  function render(m) {
    const crawlWide = m.workers !== null; // every worker of a crawl on Redis (kumo dashboard)
    const state = m.finished ? (crawlWide ? m.finished : "finished (" + m.finished + ")")
      : m.paused ? "paused" : "running";
    $("state").textContent = state;
    $("state").className = "state " + (m.finished ? "finished" : m.paused ? "paused" : "running");
    for (const k of ["pages", "items", "queued", "inFlight", "parseQueue", "errors"]) { $(k).textContent = fmt(m[k]); }
    $("elapsed").textContent = Math.round(m.elapsedMillis / 1000) + " s";
    $("workersBox").hidden = !crawlWide;
    if (crawlWide) {
      $("workers").textContent = m.workers.alive + (m.workers.paused ? " (" + m.workers.paused + " paused)" : "");
    }
    const r = rates(m.timeline);
    $("rate").textContent = r.ys.length ? r.ys[r.ys.length - 1].toFixed(1) : "0";
    plot($("ratePlot"), r.xs, r.ys, "#2a6fdb");
    plot($("itemsPlot"), m.timeline.millis.map((t) => t / 1000), m.timeline.items, "#2b9a5a");
    $("ratePlot").dataset.points = r.xs.length;

    const total = Object.values(m.statuses).reduce((a, b) => a + b, 0);
    $("statusBar").replaceChildren(); $("statusLegend").replaceChildren();
    for (const [status, n] of Object.entries(m.statuses)) {
      const part = document.createElement("div");
      part.style.width = (100 * n / total) + "%"; part.style.background = statusColor(Number(status));
      part.title = status + ": " + n; $("statusBar").appendChild(part);
      const key = document.createElement("span");
      key.innerHTML = '<i style="background:' + statusColor(Number(status)) + '"></i>';
      key.append(status + " " + fmt(n)); $("statusLegend").appendChild(key);
    }

    $("slotCount").textContent = "(" + m.slotCount + " in all)";
    const slots = $("slots"); slots.replaceChildren();
    for (const s of m.slots) {
      const row = slots.insertRow();
      cell(row, s.key); cell(row, s.inFlight + " / " + s.limit);
      cell(row, (s.delaySeconds * 1000).toFixed(0) + " ms"); cell(row, fmt(s.started));
    }
    const errs = $("recentErrors"); errs.replaceChildren();
    for (const e of m.recentErrors) {
      const row = errs.insertRow();
      cell(row, new Date(e.epochMillis).toLocaleTimeString()); cell(row, e.reason); cell(row, e.url, "url");
    }
    document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
  }

  function control(action) {
    fetch("control/" + action, { method: "POST", headers: { "X-Kumo-Token": token } })
      .then((r) => { if (!r.ok) { $("state").textContent = action + " refused (" + r.status + ")"; } });
  }
  for (const action of ["pause", "resume", "stop"]) { $(action).addEventListener("click", () => control(action)); }

  const events = new EventSource("events?token=" + encodeURIComponent(token));
  events.onmessage = (e) => render(JSON.parse(e.data));
  events.onerror = () => { $("state").textContent = "disconnected"; $("state").className = "state"; };
})();
