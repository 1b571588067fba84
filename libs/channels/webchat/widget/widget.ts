import { ChatWidget } from './chat-widget';
import { resolveOptions } from './config';
import { css } from './styles';

declare global {
  interface Window {
    parley?: { open(): void; close(): void };
  }
}

// currentScript is only set while this file's top level runs, so it is read before anything waits.
const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;

const HOST_ID = 'parley-widget';

function mount(): void {
  // Pasted twice (snippet plus tag manager) must still mean one launcher and one socket.
  if (document.getElementById(HOST_ID)) return;
  const host = document.createElement('div');
  host.id = HOST_ID;
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow);
  const widget = new ChatWidget(shadow, resolveOptions(script));
  window.parley = { open: () => widget.open(), close: () => widget.close() };
}

/** Constructed stylesheets are not subject to the host page's style-src CSP; a <style> tag is. */
function adoptStyles(shadow: ShadowRoot): void {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}

if (document.body) mount();
else document.addEventListener('DOMContentLoaded', mount, { once: true });
