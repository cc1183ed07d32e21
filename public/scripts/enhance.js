// Toile's public pages: the small enhancement that follows the HTML (lib/html/scripts.ts). The
// pages are whole without it; it only shows and runs the buttons that need a script.
(function () {
  "use strict";
  function each(selector, run) {
    var nodes = document.querySelectorAll(selector);
    for (var i = 0; i < nodes.length; i++) run(nodes[i]);
  }
  // "Imprimer cette page".
  each("[data-print]", function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
  // "Copier l'adresse": the field's text to the clipboard, then the button says it is done.
  each("[data-copy]", function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        var status = document.getElementById(button.getAttribute("aria-describedby"));
        if (status) status.textContent = button.getAttribute("data-done");
      });
    });
  });
  // "Partager": the phone's own sharing sheet, where there is one.
  each("[data-share]", function (button) {
    if (!navigator.share) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.share({ title: document.title, url: button.getAttribute("data-share") }).catch(function () {});
    });
  });
})();
