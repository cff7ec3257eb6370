// The renderer's Content Security Policy (docs/architecture.md "Security", tightened with base-uri and form-action).
// index.html carries it as a meta tag, and the app:// protocol and the browser shell send it as a
// header; tests pin that all of them agree.
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
