// The renderer's Content Security Policy. index.html carries it as a meta tag and the app:// protocol
// (and the browser shell) send it as a header; tests pin that all three agree.
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
