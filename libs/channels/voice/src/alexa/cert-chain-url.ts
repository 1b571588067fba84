/**
 * Amazon's rules for SignatureCertChainUrl, checked after normalising the URL (scheme and host lower-cased,
 * `..` segments resolved, the default port dropped): https, host s3.amazonaws.com, path under /echo.api/
 * (case-sensitive), port 443 if one is given. Returns the normalised URL, or why it is refused.
 */
export function checkCertChainUrl(raw: string | undefined): { url: string } | { problem: string } {
  if (!raw) return { problem: 'SignatureCertChainUrl header is missing' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: 'SignatureCertChainUrl is not a URL' };
  }
  if (url.protocol !== 'https:') return { problem: 'SignatureCertChainUrl must use https' };
  if (url.hostname !== 's3.amazonaws.com') return { problem: 'SignatureCertChainUrl must be on s3.amazonaws.com' };
  if (url.port !== '' && url.port !== '443') return { problem: 'SignatureCertChainUrl must use port 443' };
  if (url.username || url.password) return { problem: 'SignatureCertChainUrl must not carry credentials' };
  if (!url.pathname.startsWith('/echo.api/')) return { problem: 'SignatureCertChainUrl path must start with /echo.api/' };
  return { url: url.href };
}
