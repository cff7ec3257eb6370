// The policy of every exported HTML page, and of the page a PDF is printed from: styles inline only;
// no scripts, frames, fonts, remote images or connections.
export const EXPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
