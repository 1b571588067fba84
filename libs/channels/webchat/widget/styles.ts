/** Lives inside the shadow root: host page CSS cannot reach in, and ours cannot leak out. */
export const css = /* css */ `
:host { all: initial; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.root {
  --brand: #2563eb; --ink: #0f172a; --muted: #64748b; --line: #e2e8f0; --canvas: #f8fafc;
  font-family: Inter, -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, system-ui, sans-serif;
  font-size: 15px; line-height: 1.45; color: var(--ink);
  -webkit-font-smoothing: antialiased; -moz-osx-font-smoothing: grayscale;
}
button { font: inherit; }
.icon { width: 24px; height: 24px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

.launcher {
  position: fixed; right: 24px; bottom: 24px; z-index: 2147483000;
  width: 60px; height: 60px; border: 0; border-radius: 50%; padding: 0;
  display: grid; place-items: center; cursor: pointer; color: #fff; background: var(--brand);
  box-shadow: 0 10px 24px -6px rgba(37, 99, 235, .55), 0 4px 10px rgba(15, 23, 42, .14);
  transition: transform .2s ease, filter .2s ease;
}
.launcher:hover { transform: translateY(-2px) scale(1.04); filter: brightness(.94); }
.launcher:active { transform: scale(.96); }
.launcher:focus-visible, .close:focus-visible, .send:focus-visible, .quick-reply:focus-visible, .log:focus-visible {
  outline: 3px solid rgba(37, 99, 235, .45); outline-offset: 3px;
}
.launcher .icon { width: 28px; height: 28px; transition: transform .2s ease, opacity .2s ease; }
.launcher .icon-close, .launcher[aria-expanded="true"] .icon-open { display: none; }
.launcher[aria-expanded="true"] .icon-close { display: block; }
.badge {
  position: absolute; top: -4px; right: -4px; min-width: 22px; height: 22px; padding: 0 6px;
  border-radius: 11px; border: 2px solid #fff; background: #ef4444; color: #fff;
  font-size: 12px; font-weight: 700; line-height: 18px; text-align: center;
}

.panel {
  position: fixed; right: 24px; bottom: 100px; z-index: 2147483000;
  width: 384px; height: min(640px, calc(100vh - 124px)); min-height: 320px;
  display: flex; flex-direction: column; overflow: hidden;
  background: #fff; border-radius: 20px;
  box-shadow: 0 24px 60px -12px rgba(15, 23, 42, .28), 0 8px 20px -8px rgba(15, 23, 42, .12), 0 0 0 1px rgba(15, 23, 42, .05);
  opacity: 0; visibility: hidden; transform: translateY(16px) scale(.98); transform-origin: bottom right;
  transition: opacity .2s ease, transform .24s cubic-bezier(.2, .8, .2, 1), visibility 0s linear .24s;
}
.panel[data-open] { opacity: 1; visibility: visible; transform: none; transition: opacity .2s ease, transform .24s cubic-bezier(.2, .8, .2, 1), visibility 0s; }

.header {
  display: flex; align-items: center; gap: 12px; padding: 18px 14px 18px 20px; color: #fff;
  background: var(--brand) linear-gradient(135deg, rgba(255, 255, 255, .1), rgba(0, 0, 0, .14));
}
.avatar {
  position: relative; flex: none; width: 42px; height: 42px; border-radius: 50%;
  display: grid; place-items: center; font-size: 18px; font-weight: 700;
  background: rgba(255, 255, 255, .2); box-shadow: inset 0 0 0 1px rgba(255, 255, 255, .25);
}
.avatar::after {
  content: ""; position: absolute; right: -1px; bottom: -1px; width: 12px; height: 12px; border-radius: 50%;
  background: #94a3b8; border: 2px solid var(--brand); transition: background-color .2s ease;
}
.root[data-status="online"] .avatar::after { background: #22c55e; }
.heading { min-width: 0; }
.title { margin: 0; font-size: 16px; font-weight: 650; line-height: 1.3; letter-spacing: -.01em; }
.status { margin: 2px 0 0; font-size: 13px; opacity: .85; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.close {
  margin-left: auto; flex: none; width: 38px; height: 38px; border: 0; border-radius: 12px; padding: 0;
  display: grid; place-items: center; cursor: pointer; color: #fff; background: transparent; transition: background-color .15s ease;
}
.close:hover { background: rgba(255, 255, 255, .16); }
.close .icon { width: 20px; height: 20px; }
.close:focus-visible { outline-color: rgba(255, 255, 255, .8); outline-offset: 0; }

.log {
  flex: 1; min-height: 0; overflow-y: auto; overscroll-behavior: contain;
  padding: 20px 16px 12px; background: var(--canvas); display: flex; flex-direction: column;
}
.row { display: flex; flex-direction: column; align-items: flex-start; margin-top: 14px; }
.row:first-child { margin-top: 0; }
.row[data-from="visitor"] { align-items: flex-end; }
.row[data-from="bot"] + .row[data-from="bot"], .row[data-from="agent"] + .row[data-from="agent"],
.row[data-from="visitor"] + .row[data-from="visitor"] { margin-top: 4px; }
.row[data-from="bot"] + .row[data-from="bot"] .sender, .row[data-from="agent"] + .row[data-from="agent"] .sender { display: none; }
.sender { margin: 0 0 5px 4px; font-size: 12px; font-weight: 600; color: var(--muted); }
.bubble {
  margin: 0; max-width: 84%; padding: 10px 14px; border-radius: 18px; font-size: 15px;
  white-space: pre-wrap; overflow-wrap: anywhere;
}
.row[data-from="bot"] .bubble { background: #fff; border: 1px solid var(--line); border-bottom-left-radius: 6px; box-shadow: 0 1px 2px rgba(15, 23, 42, .04); }
.row[data-from="agent"] .bubble { background: #eef2ff; color: #1e1b4b; border: 1px solid #c7d2fe; border-bottom-left-radius: 6px; }
.row[data-from="visitor"] .bubble { background: var(--brand); color: #fff; border-bottom-right-radius: 6px; box-shadow: 0 2px 6px -2px rgba(37, 99, 235, .5); }
.row[data-status="sending"] .bubble { opacity: .65; }
.row:not(.typing) { animation: parley-in .22s ease both; }
@keyframes parley-in { from { opacity: 0; transform: translateY(6px); } }

.quick-replies { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0 2px; }
.quick-reply {
  padding: 8px 16px; border-radius: 999px; border: 1.5px solid var(--brand); background: #fff; color: var(--brand);
  font-size: 14px; font-weight: 600; cursor: pointer; transition: background-color .15s ease, color .15s ease;
}
.quick-reply:hover { background: var(--brand); color: #fff; }

.typing { margin-top: 14px; }
.dots { display: flex; gap: 5px; align-items: center; padding: 14px 16px; }
.dots span { width: 7px; height: 7px; border-radius: 50%; background: #94a3b8; animation: parley-bounce 1.2s infinite ease-in-out; }
.dots span:nth-child(2) { animation-delay: .15s; }
.dots span:nth-child(3) { animation-delay: .3s; }
@keyframes parley-bounce { 0%, 70%, 100% { transform: translateY(0); opacity: .5; } 35% { transform: translateY(-4px); opacity: 1; } }

.notice {
  margin: 0; padding: 10px 16px; font-size: 13px; color: #92400e; background: #fffbeb; border-top: 1px solid #fde68a;
}
.composer { display: flex; align-items: center; gap: 8px; padding: 12px 12px 8px 16px; background: #fff; border-top: 1px solid var(--line); }
.input {
  flex: 1; min-width: 0; height: 44px; padding: 0 18px; font: inherit; font-size: 15px; color: var(--ink);
  background: var(--canvas); border: 1px solid var(--line); border-radius: 999px; outline: none;
  transition: border-color .15s ease, box-shadow .15s ease, background-color .15s ease;
}
.input::placeholder { color: #94a3b8; }
.input:focus { background: #fff; border-color: var(--brand); box-shadow: 0 0 0 4px rgba(37, 99, 235, .14); }
.send {
  flex: none; width: 44px; height: 44px; border: 0; border-radius: 50%; padding: 0;
  display: grid; place-items: center; cursor: pointer; color: #fff; background: var(--brand);
  transition: background-color .15s ease, transform .15s ease, filter .15s ease;
}
.send:hover:not(:disabled) { filter: brightness(.92); }
.send:active:not(:disabled) { transform: scale(.94); }
.send:disabled { cursor: default; background: #cbd5e1; }
.send .icon { width: 20px; height: 20px; stroke-width: 2.4; }
.footer { margin: 0; padding: 2px 0 10px; text-align: center; font-size: 11px; color: #94a3b8; background: #fff; letter-spacing: .01em; }

@media (max-width: 479.98px) {
  .panel { inset: 0; width: 100%; height: 100%; min-height: 0; border-radius: 0; transform-origin: bottom center; }
  .launcher { right: 16px; bottom: 16px; }
  .launcher[aria-expanded="true"] { display: none; }
  .input { font-size: 16px; }
  .composer { padding-bottom: max(8px, env(safe-area-inset-bottom)); }
}
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation-duration: .01ms !important; animation-iteration-count: 1 !important; transition-duration: .01ms !important; }
}
`;
