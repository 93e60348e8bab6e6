// Monthly review form: say before saving when the reviewer's score is 2+ points
// from the computed one (a static file: the Content-Security-Policy forbids inline scripts).
document.addEventListener("change", function (event) {
  if (event.target.name !== "manual_score") return;
  var hint = document.getElementById("divergence-hint");
  if (!hint) return;
  var gap = Math.abs(Number(event.target.value) - Number(hint.dataset.computed));
  hint.hidden = gap < 2;
});
