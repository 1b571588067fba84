const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}
button{font-size:1rem;padding:.6rem 1.2rem;border-radius:6px;border:1px solid #444;background:#222;color:#fff;cursor:pointer}</style>
</head><body><h1>${escape(title)}</h1>${body}</body></html>`;
}

/** GET: nothing changes until the button is pressed (link scanners and previews follow GETs). */
export function confirmPage(token: string): string {
  return page(
    'Unsubscribe',
    `<p>Stop receiving marketing emails from us?</p>
<form method="post" action="/u/${encodeURIComponent(token)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`,
  );
}

export function donePage(): string {
  return page('You are unsubscribed', '<p>You will not receive marketing emails from us any more. Transactional emails (receipts, password resets) may still reach you.</p>');
}

export function badLinkPage(): string {
  return page('This link does not work', '<p>The unsubscribe link is incomplete or was changed. Please use the link from the email as it is, or reply to the email and ask us to unsubscribe you.</p>');
}
