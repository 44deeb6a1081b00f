// Keep shareable URLs short: leave empty fields (an empty search, the default sort) out of the
// request htmx makes, and so out of the URL it pushes. The form works the same without this.
document.addEventListener("htmx:configRequest", (event) => {
  const data = event.detail.formData;
  if (!data) return;
  for (const [key, value] of [...data.entries()]) {
    if (value === "") data.delete(key);
  }
});
