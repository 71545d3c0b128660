/* The frame side of iframe-worker.js (iframe-worker 1.0.4, MIT, Martin Donath): what the
   original wrote into the frame as an inline script, as a file of the site's own. */
"use strict";
(() => {
  const worker = document.currentScript.dataset.worker;
  self.postMessage = (message, origin) => parent.postMessage(message, origin || "*");
  self.importScripts = (...urls) =>
    urls.reduce(
      (loaded, url) =>
        loaded.then(
          () =>
            new Promise((resolve) => {
              const script = document.createElement("script");
              script.src = url;
              script.onload = resolve;
              document.body.appendChild(script);
            }),
        ),
      Promise.resolve(),
    );
  addEventListener("error", ({ error }) => {
    parent.dispatchEvent(new ErrorEvent("error", { filename: worker, error }));
  });
})();
