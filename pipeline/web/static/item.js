// The inbox's "c" key and "Corrigeren" link land on #corrigeren: put the cursor in the first field.
// After load and the browser's own scroll to the fragment (which would take the focus away again).
// A file of its own (no inline script): the Content-Security-Policy allows scripts from this site only.
(function () {
  if (location.hash !== "#corrigeren") return;
  window.addEventListener("load", function () {
    setTimeout(function () {
      const field = document.querySelector("#corrigeren select");
      if (field) field.focus();
    }, 0);
  });
})();
