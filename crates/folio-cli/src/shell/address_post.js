(function () {
  var head = document.head;
  var preload = function (href) {
    var link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = href;
    head.appendChild(link);
  };
  // What the app needs first (its preloads, which 404.html holds back in #folio-app-preloads,
  // and on a post's address the post's own file), and then the app itself.
  var appStarted = false;
  var appData = null;
  var startApp = function () {
    if (appStarted) return;
    appStarted = true;
    if (appData) preload(appData);
    var preloads = document.getElementById("folio-app-preloads");
    if (preloads) head.appendChild(document.importNode(preloads.content, true));
    if (window.folioStartApp) window.folioStartApp();
  };
  var content = function (name) {
    var meta = document.querySelector('meta[name="' + name + '"]');
    return meta ? meta.content : null;
  };
  var base = content("folio:base") || "/";
  var posts = base + "posts/";
  var address = location.pathname;
  var path = address.slice(posts.length);
  if (path.slice(-1) === "/") path = path.slice(0, -1);
  var segments = [];
  var names = [];
  try {
    if (address.indexOf(posts) !== 0 || /\.(md|markdown)$/i.test(path)) throw 0;
    path.split("/").forEach(function (segment) {
      var name = decodeURIComponent(segment);
      if (!name.trim() || name.charAt(0) === "." ||
          /[\/\\:?#%\u0000-\u001f\u007f-\u009f]/.test(name) ||
          new TextEncoder().encode(name).length > 200) throw 0;
      names.push(name);
      segments.push(encodeURIComponent(name).replace(/[!'()*]/g, function (c) {
        return "%" + c.charCodeAt(0).toString(16).toUpperCase();
      }));
    });
  } catch (e) {
    // Not a post's address: the app starts at once.
    startApp();
    return;
  }
  // A post's address: the app waits (its script awaits this) until the post is on the page or
  // this script cannot show it, and five seconds at most, whatever holds this script up.
  window.folioFirstPaint = new Promise(function (resolve) {
    window.folioStartApp = resolve;
  });
  setTimeout(startApp, 5000);
  try {
    showPost();
  } catch (e) {
    startApp();
  }

  function showPost() {
    var url = posts + segments.join("/");
    var data = url + "/post.json";
    var markdown = url + ".md";
    // The Markdown at once, for the renderer below and then the app; the post's own file when
    // the app starts, long before it can ask (the link is left to what is shown first).
    preload(markdown);
    appData = data;

    // Shows `first`, a page's first paint, titled `title`, until the app takes over from it, and
    // scrolls to the address's fragment.
    var show = function (first, title) {
      // The app came first: it shows the post itself.
      if (document.getElementById("folio-content")) return;
      document.body.insertBefore(first, document.body.firstChild);
      document.title = title;
      var target = null;
      try {
        var id = location.hash && decodeURIComponent(location.hash.slice(1));
        target = id && document.getElementById(id);
      } catch (e) {}
      if (target) target.scrollIntoView();
    };
    var parsed = new Promise(function (resolve) {
      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", resolve);
      else resolve();
    });

    // The renderer alone, when the build wrote it: started at once, beside the look for the
    // post's page below, so that a post with no page is not a round trip later. Its wasm is
    // fetched here, after what the page needs first (low priority), and dropped when the post
    // has a page.
    var module = content("folio:extras-unindexed");
    var abort = window.AbortController ? new AbortController() : null;
    var renderer = null;
    if (module) {
      var wasm = fetch(module.replace(/\.js$/, "_bg.wasm"), {
        credentials: "same-origin",
        priority: "low",
        signal: abort ? abort.signal : undefined
      });
      wasm.catch(function () {});
      renderer = import(module).then(function (exports) {
        return exports.default({ module_or_path: wasm }).then(function () {
          return exports;
        });
      });
      renderer.catch(function () {});
    }

    // The post's own page, when the build wrote one, by its file name (which every host
    // serves): its first paint is shown until the app takes over, as where the host serves that
    // page. It is this post's only if it preloads this post's file: a host may answer a missing
    // file with another page and a 200.
    fetch(url + "/index.html", { credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.text() : "";
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var first = page.querySelector("body > #folio-prerender");
        if (first && page.querySelector('link[rel="preload"][href="' + data + '"]')) {
          if (abort) abort.abort();
          return parsed.then(function () {
            show(document.adoptNode(first), page.title);
          });
        }
        // No page: the renderer shows the post from its Markdown, in the post page the app
        // would show for it (#folio-unindexed), until the app takes over.
        if (!renderer) return;
        var source = fetch(markdown, { credentials: "same-origin" }).then(function (response) {
          if (!response.ok) throw 0;
          return response.text();
        });
        return Promise.all([source, renderer, parsed]).then(function (done) {
          var template = document.getElementById("folio-unindexed");
          if (!template) return;
          var lang = document.documentElement.lang;
          var post = done[1].unindexed(done[0], names.join("/"), base, lang);
          var paint = document.importNode(template.content, true).firstElementChild;
          var heading = paint.querySelector(".post-title");
          var body = paint.querySelector(".post-body");
          var minutes = paint.querySelector(".reading-time");
          if (!heading || !body) return;
          heading.textContent = post[0];
          body.innerHTML = post[1];
          var toc = paint.querySelector(".toc");
          var list = toc && toc.querySelector(".toc-list");
          var model = list && list.firstElementChild;
          if (model && post.length > 3) {
            list.textContent = "";
            for (var i = 3; i + 2 < post.length; i += 3) {
              var item = model.cloneNode(true);
              var link = item.querySelector("a");
              item.className = "toc-level-" + post[i];
              link.setAttribute("href", "#" + post[i + 1]);
              link.textContent = post[i + 2];
              list.appendChild(item);
            }
          } else if (toc) {
            toc.remove();
          }
          var marks = template.dataset;
          if (minutes) minutes.textContent = minutes.textContent.replace(marks.minutes, post[2]);
          show(paint, marks.titleBefore + post[0] + marks.titleAfter);
        });
      })
      .catch(function () {})
      .then(startApp);
  }
})();
