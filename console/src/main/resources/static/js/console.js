// The console's only script (a static file: the Content-Security-Policy allows no inline script).
// The variable palette: a button inserts its {VARIABLE} at the caret of the message, then the preview follows.
document.addEventListener("click", function (event) {
  var button = event.target.closest("button[data-insert]");
  if (!button) {
    return;
  }
  var message = document.getElementById("message");
  if (!message) {
    return;
  }
  var text = button.getAttribute("data-insert");
  var start = message.selectionStart || 0;
  var end = message.selectionEnd || 0;
  message.value = message.value.slice(0, start) + text + message.value.slice(end);
  message.focus();
  message.setSelectionRange(start + text.length, start + text.length);
  message.dispatchEvent(new Event("input", { bubbles: true }));
});
