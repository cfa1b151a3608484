// "Print" buttons (data-print): open the browser's print dialog. A file of its own, as the
// Content-Security-Policy allows no inline script or on* attribute.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-print]");
  if (button) {
    window.print();
  }
});
