// Dates are typed as дд.мм.гггг in a text field (webapp/reporting/fields.py, ReportDateField), whose `pattern`
// tells a finished date from a half-typed one. While a date is half typed, an autosave fired by typing waits;
// leaving the field (a change event) still sends it, so the clerk sees the server's message if it is wrong.
(function () {
  "use strict";

  function halfTyped(input) {
    return input && input.matches && input.matches("input[data-date-field]") &&
      input.value.trim() !== "" && input.validity.patternMismatch;
  }

  document.addEventListener("htmx:confirm", function (event) {
    var trigger = event.detail.triggeringEvent;
    if (trigger && trigger.type === "input" && halfTyped(trigger.target)) {
      event.preventDefault();
    }
  });
}());
