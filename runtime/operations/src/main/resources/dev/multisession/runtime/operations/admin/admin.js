// The admin page of a multisession hub node: plain JavaScript, no build step.
// The admin token comes from the address's fragment (#token=..., never sent to the server) or
// the form, is kept for this tab only (sessionStorage), and goes with every API call as a
// bearer token. The live feed is a server-sent event stream read through fetch, which, unlike
// EventSource, can send that header.
"use strict";

const tokenKey = "multisession-admin-token";

function token() {
  const fragment = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fragment) {
    sessionStorage.setItem(tokenKey, fragment);
    history.replaceState(null, "", location.pathname);
  }
  return sessionStorage.getItem(tokenKey);
}

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (name.startsWith("on")) {
      node.addEventListener(name.slice(2), value);
    } else if (value !== null && value !== undefined) {
      node.setAttribute(name, value);
    }
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(child === null || child === undefined ? "—" : String(child)));
  }
  return node;
}

function status(text, kind) {
  const node = document.getElementById("status");
  node.textContent = text;
  node.className = kind;
}

async function act(action, session, terminal, question) {
  if (!confirm(question)) {
    return;
  }
  const query = new URLSearchParams({ session });
  if (terminal) {
    query.set("terminal", terminal);
  }
  const response = await fetch("/admin/api/" + action + "?" + query, {
    method: "POST",
    headers: { Authorization: "Bearer " + token() },
  });
  if (!response.ok) {
    alert(action + " failed: " + response.status + " " + (await response.text()));
  }
}

function who(info) {
  if (!info) {
    return "—";
  }
  return [info.terminal, info.user, info.time].filter(Boolean).join(" · ");
}

function renderSession(s) {
  const section = el("section", { id: "session-" + s.session, "data-session": s.session });
  section.append(el("h2", {}, "Session " + s.session + " — run " + s.runId + ", seq " + s.seq + " ",
    el("button", { onclick: () => act("close-day", s.session, null, "Close the day of " + s.session + "? Every open order is removed.") }, "Close the day")));

  section.append(el("h3", {}, "Terminals"));
  const terminals = el("table", { class: "terminals" },
    el("tr", {}, el("th", {}, "terminal"), el("th", {}, "state"), el("th", {}, "user"), el("th", {}, "last seen"),
      el("th", {}, "seq"), el("th", {}, "lag"), el("th", {}, "pending"), el("th", {}, "")));
  for (const t of s.terminals) {
    terminals.append(el("tr", { "data-terminal": t.terminal },
      el("td", {}, t.terminal),
      el("td", { class: t.online ? "online" : "offline" }, t.online ? "online" : "offline"),
      el("td", {}, t.user), el("td", {}, t.lastSeen), el("td", {}, t.seq), el("td", {}, t.lag), el("td", {}, t.pending),
      el("td", {},
        el("button", { onclick: () => act("disconnect", s.session, t.terminal, "Disconnect " + t.terminal + "? It may connect again.") }, "Disconnect"), " ",
        el("button", { onclick: () => act("revoke", s.session, t.terminal, "Revoke the token of " + t.terminal + "? It cannot connect until it gets a new one.") }, "Revoke token"))));
  }
  section.append(terminals);

  section.append(el("h3", {}, "Open orders"));
  const orders = el("table", { class: "orders" },
    el("tr", {}, el("th", {}, "number"), el("th", {}, "order"), el("th", {}, "revision"), el("th", {}, "created"),
      el("th", {}, "changed"), el("th", {}, "data")));
  for (const o of s.orders) {
    orders.append(el("tr", { "data-order": o.uid },
      el("td", {}, o.number), el("td", {}, o.uid), el("td", { class: "revision" }, o.revision),
      el("td", {}, who(o.created)), el("td", {}, who(o.changed)),
      el("td", {}, el("pre", { class: "data" }, JSON.stringify(o.data)))));
  }
  section.append(orders);

  section.append(el("h3", {}, "Recent conflicts and refusals"));
  const incidents = el("table", { class: "incidents" },
    el("tr", {}, el("th", {}, "time"), el("th", {}, "terminal"), el("th", {}, "kind"), el("th", {}, "reason"), el("th", {}, "message")));
  for (const i of s.incidents) {
    incidents.append(el("tr", { class: i.kind },
      el("td", {}, i.at), el("td", {}, i.terminal), el("td", {}, i.kind), el("td", {}, i.reason), el("td", {}, i.message)));
  }
  section.append(incidents);
  return section;
}

function render(state) {
  document.getElementById("node").textContent = "— node " + state.node;
  const main = document.getElementById("sessions");
  main.replaceChildren(...state.sessions.map(renderSession));
  if (state.sessions.length === 0) {
    main.append(el("p", {}, "No session has been served yet."));
  }
}

async function follow() {
  const response = await fetch("/admin/api/events", { headers: { Authorization: "Bearer " + token() } });
  if (response.status === 401) {
    sessionStorage.removeItem(tokenKey);
    status("wrong admin token", "down");
    document.getElementById("login").hidden = false;
    return false;
  }
  if (!response.ok) {
    throw new Error("the live feed answered " + response.status);
  }
  status("live", "live");
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      throw new Error("the live feed ended");
    }
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = event.split("\n").filter((line) => line.startsWith("data: ")).map((line) => line.slice(6)).join("\n");
      if (data) {
        render(JSON.parse(data));
      }
    }
  }
}

async function run() {
  if (!token()) {
    document.getElementById("login").hidden = false;
    return;
  }
  for (;;) {
    try {
      if ((await follow()) === false) {
        return;
      }
    } catch (error) {
      status("reconnecting: " + error.message, "down");
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

document.getElementById("login").addEventListener("submit", (event) => {
  event.preventDefault();
  sessionStorage.setItem(tokenKey, document.getElementById("token").value);
  document.getElementById("login").hidden = true;
  run();
});
run();
