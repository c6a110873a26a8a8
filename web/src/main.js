// The Tacitus dashboard: one page over the HTTP API (/api/...). Every asset is bundled; no network
// beyond the server that serves this page.
import "uplot/dist/uPlot.min.css";
import "./style.css";

import { geoNaturalEarth1, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import uPlot from "uplot";
import atlasUrl from "world-atlas/countries-50m.json?url";

const QUAD = {
  1: { name: "verbal cooperation", colour: "#2b83ba" },
  2: { name: "material cooperation", colour: "#1a9641" },
  3: { name: "verbal conflict", colour: "#fdae61" },
  4: { name: "material conflict", colour: "#d7191c" },
};
const NO_QUAD = "#888888";
const $ = (id) => document.getElementById(id);
const state = { events: [], mentions: [], claims: [], alerts: [], stats: null, world: null, loads: 0, openEvent: null };

function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

async function api(path, params = {}, body = undefined) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null));
  const url = path + (query.toString() ? "?" + query : "");
  const resp = await fetch(url, body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  const data = await resp.json();
  if (!resp.ok) throw new Error(data.error ? `${data.error.code}: ${data.error.message}` : resp.statusText);
  return data;
}

function scope() {
  return {
    source: $("source").value, target: $("target").value, since: $("since").value, until: $("until").value,
    freq: $("freq").value, mode: $("mode").value,
  };
}

function sideParams(s) {
  if (s.source && s.target) return { dyad: `${s.source}-${s.target}` };
  return { source: s.source, target: s.target };
}

function quadColour(q) {
  return (QUAD[q] || {}).colour || NO_QUAD;
}

function arrow(e) {
  return `${esc(e.source_side || "?")} → ${esc(e.target_side || "?")}`;
}

function statusBadge(status, testid = "") {
  const t = testid ? ` data-testid="${testid}"` : "";
  return `<span class="status status-${esc(status)}"${t}>${esc(String(status).replace(/_/g, " "))}</span>`;
}

// ---- start-up ----------------------------------------------------------------------------------
async function init() {
  const [all, stats] = await Promise.all([api("/api/events", { limit: 10000, review: "all" }), api("/api/stats")]);
  state.stats = stats;
  const counts = new Map();
  for (const e of all.items) {
    for (const side of [e.source_side, e.target_side]) {
      if (side && /^[A-Z]{3}$/.test(side)) counts.set(side, (counts.get(side) || 0) + 1);
    }
  }
  const sides = [...counts.keys()].sort();
  for (const id of ["source", "target"]) {
    $(id).innerHTML = `<option value="">any</option>` + sides.map((s) => `<option value="${s}">${s}</option>`).join("");
  }
  const days = stats.articles_per_day.map((r) => r.day).sort();
  if (days.length) {
    $("since").value = days[0];
    $("until").value = days[days.length - 1];
  }
  for (const id of ["source", "target", "since", "until", "freq", "mode"]) $(id).addEventListener("change", load);
  $("gold").addEventListener("change", () => drawLines(state.series));
  $("swap").addEventListener("click", () => {
    const s = $("source").value;
    $("source").value = $("target").value;
    $("target").value = s;
    load();
  });
  $("drawer-close").addEventListener("click", closeDrawer);
  try {
    const topo = await (await fetch(atlasUrl)).json();
    state.world = feature(topo, topo.objects.countries);
  } catch (err) {
    state.world = null;
    console.warn("no boundaries", err);
  }
  renderLegend();
  await load();
}

function renderLegend() {
  $("map-legend").innerHTML = Object.entries(QUAD)
    .map(([, q]) => `<span><i style="background:${q.colour}"></i>${q.name}</span>`).join("");
}

// ---- one load per change of scope ---------------------------------------------------------------
async function load() {
  const s = scope();
  document.body.dataset.ready = "0";
  const window_ = { since: s.since, until: s.until };
  const side = sideParams(s);
  const requests = [
    api("/api/events", { ...side, ...window_, limit: 10000 }),
    s.mode === "mentions" ? api("/api/mentions", { ...side, ...window_, limit: 10000 }) : Promise.resolve({ items: [] }),
    api("/api/claims", s.source && s.target ? { dyad: `${s.source}-${s.target}` } : {}),
    api("/api/alerts", { freq: s.freq }),
    api("/api/stats"),
  ];
  const bothWays = s.source && s.target && s.source !== s.target;
  if (bothWays) {
    const common = { freq: s.freq, dedup: s.mode === "events" ? "true" : "false", ...window_ };
    requests.push(api("/api/series", { dyad: `${s.source}-${s.target}`, ...common }));
    requests.push(api("/api/series", { dyad: `${s.target}-${s.source}`, ...common }));
  }
  try {
    const [events, mentions, claims, alerts, stats, fwd, back] = await Promise.all(requests);
    state.events = events.items;
    state.mentions = mentions.items;
    state.claims = claims.items.filter((c) => inScope(c, s));
    state.alerts = alerts.items;
    state.stats = stats;
    state.series = bothWays ? { s, fwd: fwd.items, back: back.items } : { s, fwd: [], back: [] };
    renderSummary(s);
    drawMap(s);
    drawLines(state.series);
    renderTracker();
  } catch (err) {
    $("summary").textContent = "error: " + err.message;
  }
  state.loads += 1;
  document.body.dataset.loads = String(state.loads);
  document.body.dataset.ready = "1";
}

function inScope(c, s) {
  if (s.source && c.source_side !== s.source) return false;
  if (s.target && c.target_side !== s.target) return false;
  if (s.since && c.last_date < s.since) return false;
  if (s.until && c.first_date > s.until) return false;
  return true;
}

function renderSummary(s) {
  const nMentions = state.events.reduce((n, e) => n + e.n_mentions, 0);
  const wrong = state.stats ? state.stats.reviews.wrong : 0;
  const correct = state.stats ? state.stats.reviews.correct : 0;
  const what = s.mode === "events"
    ? `<b data-testid="n-events">${state.events.length}</b> events · <b data-testid="n-mentions">${nMentions}</b> mentions`
    : `<b data-testid="n-mentions">${state.mentions.length}</b> raw mentions · <b data-testid="n-events">${state.events.length}</b> events`;
  $("summary").innerHTML = `${what} · reviewed: <b data-testid="n-correct">${correct}</b> correct, ` +
    `<b data-testid="n-wrong">${wrong}</b> wrong`;
}

// ---- map -----------------------------------------------------------------------------------------
function mapItems(s) {
  if (s.mode === "mentions") {
    return state.mentions.map((m) => ({
      kind: "mention", id: m.mention_id, quad: m.cameo.quad_class, size: 1,
      lat: m.place && ["city", "admin1"].includes(m.place.precision) ? m.place.lat : null,
      lon: m.place && ["city", "admin1"].includes(m.place.precision) ? m.place.lon : null,
      place: m.place, label: m.cameo.label, date: m.date.start,
      dyad: `${(m.source && (m.source.country || m.source.code)) || "?"} → ${(m.target && (m.target.country || m.target.code)) || "?"}`,
      item: m,
    }));
  }
  return state.events.map((e) => ({
    kind: "event", id: e.event_id, quad: e.quad_class, size: e.n_sources,
    lat: e.place ? e.place.lat : null, lon: e.place ? e.place.lon : null, place: e.place,
    label: e.label, date: e.first_date, dyad: arrow(e), item: e,
  }));
}

function drawMap(s) {
  const items = mapItems(s);
  const located = items.filter((i) => i.lat != null && i.lon != null);
  const unlocated = items.filter((i) => i.lat == null || i.lon == null);
  const el = $("map");
  const width = Math.max(el.clientWidth || 600, 300);
  const height = Math.round(width * 0.62);
  const projection = geoNaturalEarth1();
  if (located.length) {
    const lons = located.map((i) => i.lon), lats = located.map((i) => i.lat);
    let [x0, x1, y0, y1] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
    const span = Math.max(x1 - x0, (y1 - y0) * 1.6, 14);
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    [x0, x1, y0, y1] = [cx - span / 2 - 2, cx + span / 2 + 2, cy - span / 3.2 - 2, cy + span / 3.2 + 2];
    const box = { type: "MultiPoint", coordinates: [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [cx, y0], [cx, y1]] };
    projection.fitExtent([[8, 8], [width - 8, height - 8]], box);
  } else {
    projection.fitExtent([[8, 8], [width - 8, height - 8]], { type: "Sphere" });
  }
  const path = geoPath(projection);
  const countries = state.world
    ? state.world.features.map((f) => `<path class="country" d="${path(f) || ""}"><title>${esc(f.properties.name)}</title></path>`).join("")
    : "";
  const seen = new Map();
  const points = located
    .sort((a, b) => b.size - a.size || a.id.localeCompare(b.id))
    .map((i) => {
      const [x, y] = projection([i.lon, i.lat]);
      const key = `${Math.round(x)}:${Math.round(y)}`;
      const k = seen.get(key) || 0; // spread points at the same place on a small spiral
      seen.set(key, k + 1);
      const dx = k ? Math.cos(k * 2.4) * (4 + 2 * k) : 0, dy = k ? Math.sin(k * 2.4) * (4 + 2 * k) : 0;
      const r = 4 + 3 * Math.sqrt(Math.max(i.size || 1, 1));
      return `<circle class="point" data-testid="map-point" data-${i.kind}-id="${esc(i.id)}" cx="${(x + dx).toFixed(1)}" ` +
        `cy="${(y + dy).toFixed(1)}" r="${r.toFixed(1)}" fill="${quadColour(i.quad)}">` +
        `<title>${esc(i.date)} ${esc(i.dyad)} ${esc(i.label)} — ${esc(i.place.name)} (${esc(i.place.precision)})` +
        `${i.kind === "event" ? `, ${i.size} independent source(s)` : ""}</title></circle>`;
    }).join("");
  el.innerHTML = `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" ` +
    `aria-label="map of located ${s.mode}"><path class="sphere" d="${path({ type: "Sphere" })}"/>${countries}${points}</svg>`;
  el.querySelectorAll("circle.point").forEach((c) => c.addEventListener("click", () => {
    if (c.dataset.eventId) openEvent(c.dataset.eventId);
    else openMention(state.mentions.find((m) => m.mention_id === c.dataset.mentionId));
  }));
  $("unlocated").innerHTML = unlocated
    .sort((a, b) => String(a.date).localeCompare(String(b.date)) || a.id.localeCompare(b.id))
    .map((i) => `<li data-testid="unlocated-item" data-${i.kind}-id="${esc(i.id)}"><i style="background:${quadColour(i.quad)}"></i>` +
      `${esc(i.date)} ${esc(i.dyad)} ${esc(i.label)}${i.place ? ` <small>(${esc(i.place.name)}, ${esc(i.place.precision)})</small>` : ""}</li>`)
    .join("") || "<li class=empty>none</li>";
  $("unlocated").querySelectorAll("li[data-event-id], li[data-mention-id]").forEach((li) => li.addEventListener("click", () => {
    if (li.dataset.eventId) openEvent(li.dataset.eventId);
    else openMention(state.mentions.find((m) => m.mention_id === li.dataset.mentionId));
  }));
}

// ---- dyad lines -----------------------------------------------------------------------------------
const charts = [];

function alignSeries(fwd, back) {
  const periods = [...new Set([...fwd, ...back].map((r) => r.period))].sort();
  const at = (rows) => new Map(rows.map((r) => [r.period, r]));
  return { periods, f: at(fwd), b: at(back) };
}

function alertPlugin(marks) {
  return {
    hooks: {
      draw: [(u) => {
        const { ctx } = u;
        ctx.save();
        ctx.strokeStyle = "#7b3294";
        ctx.lineWidth = 2;
        ctx.setLineDash([5, 4]);
        for (const t of marks) {
          const x = Math.round(u.valToPos(t, "x", true));
          if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
        }
        ctx.restore();
      }],
    },
  };
}

function drawLines(series) {
  while (charts.length) charts.pop().destroy();
  const s = series ? series.s : scope();
  const boxG = $("chart-goldstein"), boxQ = $("chart-quad");
  if (!(s.source && s.target && s.source !== s.target)) {
    $("lines-title").textContent = "";
    boxG.innerHTML = boxQ.innerHTML = "<p class=empty>Pick a source and a target country to draw the dyad both ways.</p>";
    $("alerts").innerHTML = "";
    return;
  }
  const fwdName = `${s.source}→${s.target}`, backName = `${s.target}→${s.source}`;
  $("lines-title").textContent = `${fwdName} and ${backName}, per ${s.freq}, ${s.mode === "events" ? "de-duplicated events" : "raw mentions"}`;
  const { periods, f, b } = alignSeries(series.fwd, series.back);
  const xs = periods.map((p) => Date.parse(p + "T00:00:00Z") / 1000);
  const measure = $("gold").value;
  const val = (m, p, k) => (m.has(p) ? m.get(p)[k] : 0);
  const mine = state.alerts.filter((a) => a.dyad === `${s.source}-${s.target}` || a.dyad === `${s.target}-${s.source}`);
  const marks = mine.map((a) => Date.parse(a.period + "T00:00:00Z") / 1000);
  const width = Math.max(boxG.clientWidth || 520, 300);
  boxG.innerHTML = boxQ.innerHTML = "";
  if (!periods.length) {
    boxG.innerHTML = boxQ.innerHTML = "<p class=empty>No events in this dyad and window.</p>";
  } else {
    const gold = (m) => periods.map((p) => (m.has(p) ? m.get(p)[measure] : null));
    charts.push(new uPlot({
      width, height: 200, plugins: [alertPlugin(marks)], scales: { x: { time: true } },
      series: [{}, { label: fwdName, stroke: "#d7191c", width: 2, spanGaps: true },
        { label: backName, stroke: "#2b83ba", width: 2, spanGaps: true }],
      axes: [{}, { label: measure === "goldstein_sum" ? "Goldstein sum" : "Goldstein mean", size: 50 }],
    }, [xs, gold(f), gold(b)], boxG));
    const quadSeries = [{}];
    const data = [xs];
    for (const [m, name, dash] of [[f, fwdName, undefined], [b, backName, [6, 4]]]) {
      for (const q of [1, 2, 3, 4]) {
        quadSeries.push({ label: `${name} q${q}`, stroke: QUAD[q].colour, width: 2, dash });
        data.push(periods.map((p) => val(m, p, `q${q}`)));
      }
    }
    charts.push(new uPlot({
      width, height: 200, plugins: [alertPlugin(marks)], scales: { x: { time: true } }, series: quadSeries,
      axes: [{}, { label: "count", size: 50 }],
    }, data, boxQ));
  }
  $("alerts").innerHTML = mine.length
    ? mine.map((a) => `<li data-testid="alert"><b>${esc(a.kind)}</b> ${esc(a.dyad)} ${esc(a.period)}: ${esc(a.detail)}</li>`).join("")
    : "<li class=empty>no escalation alerts for this dyad</li>";
}

// ---- announcement tracker ---------------------------------------------------------------------------
function renderTracker() {
  const labels = new Map(state.events.map((e) => [e.event_id, e.label]));
  const sentences = (c, side) => c.evidence.filter((e) => e.side === side).slice(0, 4).map((e) =>
    `<li class="${side}">${side === "for" ? "✔" : "✘"} <q>${esc(e.evidence_text)}</q> <small>${esc(e.outlet)}, ` +
    `${esc(String(e.published).slice(0, 10))}, ${esc(e.modality)}${e.attr_by_code ? ", said by " + esc(e.attr_by_code) : ""}</small></li>`).join("");
  $("tracker").innerHTML = state.claims.map((c) => {
    const nFor = c.evidence.filter((e) => e.side === "for").length;
    const nAgainst = c.evidence.filter((e) => e.side === "against").length;
    return `<li class="claim" data-testid="claim" data-event-id="${esc(c.event_id)}" data-status="${esc(c.status)}">
      <div class="claim-head">${statusBadge(c.status)} <b>${esc(c.first_date)}</b> ${arrow(c)}
        <span class="code">${esc(c.base_code)} ${esc(labels.get(c.event_id) || "")}</span>
        <small data-testid="claim-counts">${c.n_mentions} mentions · ${c.n_sources} independent sources ·
        ${nFor} for · ${nAgainst} against${c.repeats && c.repeats.length ? ` · repeats ${c.repeats.length} earlier announcement(s)` : ""}</small></div>
      <ul class="sentences">${sentences(c, "for")}${sentences(c, "against")}</ul></li>`;
  }).join("") || "<li class=empty>no announcements or claims in scope</li>";
  $("tracker").querySelectorAll("li.claim").forEach((li) => li.addEventListener("click", () => openEvent(li.dataset.eventId)));
}

// ---- evidence drawer --------------------------------------------------------------------------------
function highlight(m) {
  const ev = m.evidence;
  const spans = (m.spans || [])
    .filter((s) => s.start >= ev.start && s.end <= ev.end && s.end > s.start)
    .map((s) => ({ ...s, a: s.start - ev.start, b: s.end - ev.start }))
    .sort((x, y) => x.a - y.a || y.b - x.b);
  let out = "", pos = 0;
  for (const s of spans) {
    if (s.a < pos) continue; // overlapping spans: the first wins
    const what = s.kind === "source" || s.kind === "target" ? `actor (${s.kind})` : s.kind;
    const detail = s.code || s.value || s.name || "";
    out += esc(ev.text.slice(pos, s.a)) + `<mark class="hl hl-${s.kind}" data-kind="${s.kind}" title="${esc(what)}${detail ? ": " + esc(detail) : ""}">` +
      esc(ev.text.slice(s.a, s.b)) + "</mark>";
    pos = s.b;
  }
  return out + esc(ev.text.slice(pos));
}

function mentionCard(m, splittable) {
  const by = m.attribution.by ? `${m.attribution.by.code}${m.attribution.by.name ? " (" + m.attribution.by.name + ")" : ""}` : "the outlet";
  const review = m.review ? `<span class="review review-${esc(m.review.verdict)}" data-testid="review-state">reviewed ${esc(m.review.verdict)}` +
    `${m.review.note ? ": " + esc(m.review.note) : ""}</span>` : `<span class="review" data-testid="review-state">not reviewed</span>`;
  const date = m.date.start === m.date.end ? m.date.start : `${m.date.start} – ${m.date.end}`;
  return `<li class="mention${m.review && m.review.verdict === "wrong" ? " is-wrong" : ""}" data-testid="mention" data-mention-id="${esc(m.mention_id)}">
    <div class="meta"><b>${esc(m.outlet || "unknown outlet")}</b>${m.article_title ? ` — <i>${esc(m.article_title)}</i>` : ""}</div>
    <div class="meta">published <b data-testid="published">${esc(String(m.published || "").slice(0, 10))}</b> ·
      event date <b data-testid="event-date">${esc(date)}</b> <small>(${esc(m.date.method)})</small></div>
    <p class="sentence" data-testid="sentence">${highlight(m)}</p>
    <div class="meta">${esc(m.cameo.code)} ${esc(m.cameo.label)} · modality <b data-testid="modality">${esc(m.modality)}</b> ·
      attribution <b data-testid="attribution">${esc(m.attribution.relation)}</b>: ${esc(by)}${m.attribution.cue ? ` <small>(“${esc(m.attribution.cue)}”)</small>` : ""}</div>
    <div class="actions">${review}
      <input class="note" placeholder="note" data-testid="review-note" maxlength="2000" />
      <button type="button" data-verdict="correct" data-testid="review-correct">✔ correct</button>
      <button type="button" data-verdict="wrong" data-testid="review-wrong">✘ wrong</button>
      ${splittable ? `<label class="split"><input type="checkbox" data-testid="split-pick" /> split</label>` : ""}
    </div></li>`;
}

function wireReviews(container, after) {
  container.querySelectorAll("li.mention").forEach((li) => {
    li.querySelectorAll("button[data-verdict]").forEach((btn) => btn.addEventListener("click", async () => {
      btn.disabled = true;
      try {
        await api(`/api/mentions/${encodeURIComponent(li.dataset.mentionId)}/review`, {},
          { verdict: btn.dataset.verdict, note: li.querySelector("input.note").value || null });
      } catch (err) {
        alert(err.message);
      }
      await after();
    }));
  });
}

async function openEvent(eventId) {
  state.openEvent = eventId;
  const drawer = $("drawer");
  drawer.hidden = false;
  drawer.dataset.ready = "0";
  let d;
  try {
    d = await api(`/api/events/${encodeURIComponent(eventId)}`);
  } catch (err) {
    $("drawer-body").innerHTML = `<p class=empty>${esc(err.message)}</p>`;
    drawer.dataset.ready = "1";
    return;
  }
  const e = d.event;
  const others = state.events.filter((x) => x.event_id !== e.event_id && x.source_side === e.source_side);
  $("drawer-body").innerHTML = `
    <h2 data-testid="drawer-title">${arrow(e)} · ${esc(e.base_code)} ${esc(e.label || "")}</h2>
    <p>${statusBadge(e.status, "drawer-status")} <span data-testid="drawer-counts">${e.n_mentions} mentions · ${e.n_articles} articles ·
      ${e.n_sources} independent sources</span>${e.n_wrong ? ` · <span data-testid="drawer-wrong">${e.n_wrong} reviewed wrong</span>` : ""}</p>
    <p>${esc(e.first_date)}${e.last_date !== e.first_date ? " – " + esc(e.last_date) : ""}
      ${e.place ? ` · ${esc(e.place.name)} (${esc(e.place.precision)})` : " · no place"} · event <code>${esc(e.event_id)}</code></p>
    <p class="outlets" data-testid="drawer-outlets">Outlets: ${d.outlets.map(esc).join(", ") || "none"}</p>
    <p class="key"><mark class="hl hl-source">actor</mark> <mark class="hl hl-action">action</mark>
      <mark class="hl hl-date">date</mark> <mark class="hl hl-place">place</mark></p>
    <ul class="mentions">${d.mentions.map((m) => mentionCard(m, d.mentions.length > 1)).join("")}</ul>
    <div class="cluster">
      ${d.mentions.length > 1 ? `<button type="button" id="split-btn" data-testid="split">Split the ticked mentions into a new event</button>` : ""}
      ${others.length ? `<label>Merge into this event: <select id="merge-pick" data-testid="merge-pick">${others.map((o) =>
        `<option value="${esc(o.event_id)}">${esc(o.first_date)} ${arrow(o)} ${esc(o.base_code)} ${esc(o.label || "")} (${o.n_mentions})</option>`).join("")}</select></label>
        <button type="button" id="merge-btn" data-testid="merge">Merge</button>` : ""}
    </div>`;
  const refresh = async () => {
    await load();
    await openEvent(state.openEvent);
  };
  wireReviews($("drawer-body"), refresh);
  const split = $("split-btn");
  if (split) split.addEventListener("click", async () => {
    const picked = [...$("drawer-body").querySelectorAll("li.mention")]
      .filter((li) => li.querySelector("input[type=checkbox]")?.checked).map((li) => li.dataset.mentionId);
    if (!picked.length) return;
    try {
      const r = await api(`/api/events/${encodeURIComponent(e.event_id)}/split`, {}, { mention_ids: picked });
      state.openEvent = r.new_event.event.event_id;
    } catch (err) {
      alert(err.message);
    }
    await refresh();
  });
  const merge = $("merge-btn");
  if (merge) merge.addEventListener("click", async () => {
    try {
      await api(`/api/events/${encodeURIComponent(e.event_id)}/merge`, {}, { event_ids: [$("merge-pick").value] });
    } catch (err) {
      alert(err.message);
    }
    await refresh();
  });
  drawer.dataset.ready = "1";
}

function openMention(m) {
  if (!m) return;
  state.openEvent = null;
  const drawer = $("drawer");
  drawer.hidden = false;
  const spans = [];
  // a raw mention carries its own article offsets: the same highlights as the event view
  spans.push({ kind: "action", start: m.trigger.start, end: m.trigger.end, code: m.cameo.code });
  for (const role of ["source", "target"]) {
    if (m[role] && m[role].start != null) spans.push({ kind: role, start: m[role].start, end: m[role].end, code: m[role].code });
  }
  if (m.date.span_start != null) spans.push({ kind: "date", start: m.date.span_start, end: m.date.span_end, value: m.date.start });
  if (m.place && m.place.start != null) spans.push({ kind: "place", start: m.place.start, end: m.place.end, name: m.place.name });
  $("drawer-body").innerHTML = `<h2 data-testid="drawer-title">Mention ${esc(m.mention_id)}</h2>
    <ul class="mentions">${mentionCard({ ...m, spans }, false)}</ul>`;
  wireReviews($("drawer-body"), async () => {
    await load();
    openMention(state.mentions.find((x) => x.mention_id === m.mention_id) || m);
  });
  drawer.dataset.ready = "1";
}

function closeDrawer() {
  $("drawer").hidden = true;
  state.openEvent = null;
}

init();
