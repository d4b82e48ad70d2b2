// asyl serve: keeps a page of the preview in step with the builds. The
// server says, when the page connects and after every build, which build
// the site is at and what the check found. A page of an older build
// reloads; findings are shown over the page, which stays the last good
// build when the last save broke it.
(function () {
  "use strict";
  var loaded = Number(document.currentScript.dataset.generation);

  function overlay(state) {
    var box = document.getElementById("asyl-preview-findings");
    var lines = state.lines || [];
    if (!lines.length) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement("div");
      box.id = "asyl-preview-findings";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:45vh;overflow:auto;z-index:2147483647;" +
        "margin:0;padding:.75em 1em;font:14px/1.4 monospace;white-space:pre-wrap;color:#fff;" +
        "box-shadow:0 -2px 8px rgba(0,0,0,.4)";
      document.body.appendChild(box);
    }
    box.style.background = state.stopped ? "#8b1a1a" : "#5c4a00";
    box.textContent = lines.join("\n");
  }

  function connect() {
    var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/_/asyl-live");
    socket.onmessage = function (event) {
      var state = JSON.parse(event.data);
      if (state.generation === undefined) return;
      if (state.generation !== loaded) {
        location.reload();
        return;
      }
      overlay(state);
    };
    socket.onclose = function () { setTimeout(connect, 1000); };
  }
  connect();
})();
