// Keyboard review: j/k move between items, b confirms, c opens the correction, x ticks for bulk confirm.
// A file of its own (no inline script): the Content-Security-Policy allows scripts from this site only.
// Every action also works without this script.
(function () {
  const cards = Array.from(document.querySelectorAll("li.card"));
  function current() { return document.activeElement && document.activeElement.closest("li.card"); }
  function go(step) {
    const at = cards.indexOf(current());
    const next = cards[Math.min(cards.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
    if (next) { next.focus(); next.scrollIntoView({block: "nearest"}); }
  }
  if (location.hash && /^#item-\d+$/.test(location.hash)) {
    const target = document.querySelector(location.hash);
    if (target) target.focus();
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest("input, select, textarea")) return;
    const card = current();
    if (e.key === "j") { go(1); e.preventDefault(); }
    else if (e.key === "k") { go(-1); e.preventDefault(); }
    else if (e.key === "b" && card) {
      const form = card.querySelector("form.confirm-form");
      if (form) { form.requestSubmit(); e.preventDefault(); }
    } else if (e.key === "c" && card) {
      const link = card.querySelector("a.correct-link");
      if (link) { location.href = link.href; e.preventDefault(); }
    } else if (e.key === "x" && card) {
      const box = card.querySelector("input.select");
      if (box) { box.checked = !box.checked; e.preventDefault(); }
    }
  });
})();
