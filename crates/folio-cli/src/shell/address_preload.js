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
  [url + "/post.json", url + ".md"].forEach(function (href) {
    var link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = href;
    document.head.appendChild(link);
  });
})();
