(function () {
  "use strict";
  // Shows a fact on hover, focus or tap: its value, rule and links; the
  // facts it is about (period, place) and those about it are outlined.
  // Everything shown is set with textContent: the page's data is text.
  var tip = document.getElementById("tip");
  var current = null;

  function byId(id) {
    return id ? document.getElementById(id) : null;
  }

  function linksOf(mark) {
    var found = [];
    ["period", "place"].forEach(function (role) {
      var target = byId(mark.getAttribute("data-" + role));
      if (target) found.push([role, target]);
    });
    return found;
  }

  function pointingAt(mark) {
    var id = CSS.escape(mark.id);
    return document.querySelectorAll(
      'mark[data-period="' + id + '"], mark[data-place="' + id + '"]'
    );
  }

  function add(list, term, text, code) {
    if (!text) return;
    var dt = document.createElement("dt");
    dt.textContent = term;
    var dd = document.createElement("dd");
    if (code) {
      var c = document.createElement("code");
      c.textContent = text;
      dd.appendChild(c);
    } else {
      dd.textContent = text;
    }
    list.appendChild(dt);
    list.appendChild(dd);
  }

  function fill(mark, links, users) {
    tip.className = mark.className.replace(/\bfocus\b|\blinked\S*/g, "");
    tip.textContent = "";
    var head = document.createElement("div");
    head.className = "head";
    var kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = mark.getAttribute("data-kind");
    head.appendChild(kind);
    head.appendChild(document.createTextNode(mark.textContent));
    tip.appendChild(head);
    var list = document.createElement("dl");
    add(list, "value", mark.getAttribute("data-show"));
    add(list, "json", mark.getAttribute("data-value"), true);
    add(list, "subject", mark.getAttribute("data-subject"));
    add(list, "direction", mark.getAttribute("data-direction"));
    links.forEach(function (link) {
      var text = link[1].textContent;
      var value = link[1].getAttribute("data-show");
      add(list, link[0], value && value !== text ? text + " · " + value : text);
    });
    if (users.length) {
      var texts = [];
      users.forEach(function (u) { texts.push(u.textContent); });
      add(list, "about it", texts.join("、"));
    }
    add(list, "rule", mark.getAttribute("data-rule"), true);
    add(list, "bytes", mark.getAttribute("data-start") + "–" + mark.getAttribute("data-end"), true);
    tip.appendChild(list);
  }

  function place(mark) {
    var box = mark.getBoundingClientRect();
    tip.style.left = "0px";
    tip.style.top = "0px";
    var width = tip.offsetWidth;
    var left = Math.max(4, Math.min(box.left, document.documentElement.clientWidth - width - 4));
    tip.style.left = left + window.scrollX + "px";
    tip.style.top = box.bottom + window.scrollY + 6 + "px";
  }

  function hide() {
    if (!current) return;
    current.classList.remove("focus");
    document.querySelectorAll("mark.linked").forEach(function (m) {
      m.classList.remove("linked", "linked-period", "linked-place", "linked-by");
      m.removeAttribute("data-role");
    });
    tip.hidden = true;
    current = null;
  }

  function show(mark) {
    if (mark === current) return;
    hide();
    if (document.body.classList.contains("hide-" + mark.getAttribute("data-kind"))) return;
    current = mark;
    mark.classList.add("focus");
    var links = linksOf(mark);
    links.forEach(function (link) {
      link[1].classList.add("linked", "linked-" + link[0]);
      link[1].setAttribute("data-role", link[0]);
    });
    var users = pointingAt(mark);
    users.forEach(function (u) { u.classList.add("linked", "linked-by"); });
    fill(mark, links, users);
    tip.hidden = false;
    place(mark);
  }

  function markOf(node) {
    return node && node.closest ? node.closest("mark[data-kind]") : null;
  }

  document.addEventListener("mouseover", function (e) {
    var mark = markOf(e.target);
    if (mark) show(mark);
    else if (current && !tip.contains(e.target)) hide();
  });
  document.addEventListener("focusin", function (e) {
    var mark = markOf(e.target);
    if (mark) show(mark);
  });
  document.addEventListener("click", function (e) {
    var mark = markOf(e.target);
    if (mark) show(mark);
    else if (!tip.contains(e.target)) hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") hide();
  });

  // The legend: a kind's button hides or shows its marks; "labels" writes
  // each mark's kind after it.
  document.querySelectorAll("#legend button.key").forEach(function (button) {
    button.addEventListener("click", function () {
      var on = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", on ? "true" : "false");
      document.body.classList.toggle("hide-" + button.getAttribute("data-kind"), !on);
      hide();
    });
  });
  var labels = document.getElementById("labels");
  labels.addEventListener("click", function () {
    var on = labels.getAttribute("aria-pressed") !== "true";
    labels.setAttribute("aria-pressed", on ? "true" : "false");
    document.querySelector("main").classList.toggle("labels", on);
  });

  // A fact's id after the page's address (page.html#d0-0-f30) shows it.
  function showTarget() {
    var mark = markOf(byId(decodeURIComponent(location.hash.slice(1))));
    if (mark) {
      mark.scrollIntoView({ block: "center" });
      show(mark);
    }
  }
  window.addEventListener("hashchange", showTarget);
  showTarget();

  // Opened as page.html#selftest, the page hovers every fact that has a
  // link and records on <html> whether the box and the outlines followed:
  // a browser test reads it from the DOM.
  if (location.hash === "#selftest") {
    var checked = 0;
    var failed = [];
    document.querySelectorAll("mark[data-period], mark[data-place]").forEach(function (mark) {
      mark.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
      var ok = current === mark && !tip.hidden &&
        tip.textContent.indexOf(mark.getAttribute("data-show")) >= 0;
      linksOf(mark).forEach(function (link) {
        ok = ok && link[1].classList.contains("linked-" + link[0]);
      });
      checked += 1;
      if (!ok) failed.push(mark.id);
    });
    hide();
    document.documentElement.setAttribute(
      "data-selftest",
      failed.length ? "failed " + failed.join(" ") : "ok " + checked
    );
  }
  document.documentElement.setAttribute("data-zhfacts", "ready");
})();
