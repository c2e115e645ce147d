/* customer-metrics: makes each <iframe data-customer-metrics> embed as tall as
   its content. The embed posts { type: "customer-metrics:height", height } to this
   page; a message counts only when it comes from the embed's own origin and from
   one of those iframes, and holds a height in pixels. Nothing is sent back.
   A classic script (not a module), loaded once even if pasted several times. */
(function () {
  if (window.customerMetricsResize) return;
  window.customerMetricsResize = true;
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src).origin : location.origin;
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.type !== "customer-metrics:height") return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height < 0) return;
    var frames = document.querySelectorAll("iframe[data-customer-metrics]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.max(Math.round(height), 150), 20000) + "px";
      }
    }
  });
})();
