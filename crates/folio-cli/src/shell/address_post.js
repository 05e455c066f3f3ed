(function () {
  var meta = document.querySelector('meta[name="folio:base"]');
  var posts = (meta ? meta.content : "/") + "posts/";
  var address = location.pathname;
  if (address.indexOf(posts) !== 0) return;
  var path = address.slice(posts.length);
  if (path.slice(-1) === "/") path = path.slice(0, -1);
  if (/\.(md|markdown)$/i.test(path)) return;
  var segments = [];
  try {
    path.split("/").forEach(function (segment) {
      var name = decodeURIComponent(segment);
      if (!name.trim() || name.charAt(0) === "." ||
          /[\/\\:?#%\u0000-\u001f\u007f-\u009f]/.test(name) ||
          new TextEncoder().encode(name).length > 200) throw 0;
      segments.push(encodeURIComponent(name).replace(/[!'()*]/g, function (c) {
        return "%" + c.charCodeAt(0).toString(16).toUpperCase();
      }));
    });
  } catch (e) {
    return;
  }
  var url = posts + segments.join("/");
  var data = url + "/post.json";
  [data, url + ".md"].forEach(function (href) {
    var link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = href;
    document.head.appendChild(link);
  });

  // The post's own page, when the build wrote one, by its file name (which every host serves):
  // its first paint is shown until the app takes over, as where the host serves that page. It
  // is this post's only if it preloads this post's file: a host may answer a missing file with
  // another page and a 200.
  fetch(url + "/index.html", { credentials: "same-origin" })
    .then(function (response) {
      return response.ok ? response.text() : "";
    })
    .then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var first = page.querySelector("body > #folio-prerender");
      if (!first || !page.querySelector('link[rel="preload"][href="' + data + '"]')) return;
      var show = function () {
        // The app came first (its wasm was cached): it renders the post itself.
        if (document.getElementById("folio-content")) return;
        document.body.insertBefore(document.adoptNode(first), document.body.firstChild);
        document.title = page.title;
        var target = null;
        try {
          target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
        } catch (e) {}
        if (target) target.scrollIntoView();
      };
      if (document.body) show();
      else document.addEventListener("DOMContentLoaded", show);
    })
    .catch(function () {});
})();
