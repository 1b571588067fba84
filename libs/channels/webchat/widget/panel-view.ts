import type { ConnectionStatus } from './connection';
import { ICONS, el, icon } from './dom';
import { MessageList } from './message-list';
import type { QuickReply } from './protocol';

export interface ViewHandlers {
  onOpen(): void;
  onSend(text: string): void;
  onQuickReply(reply: QuickReply): void;
}

const STATUS_TEXT: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  online: 'Online · replies in seconds',
  offline: 'Reconnecting…',
};
const NOTICE_MS = 6000;

/** The launcher bubble and the chat panel; knows nothing about sockets. */
export class PanelView {
  readonly list: MessageList;
  private readonly root: HTMLElement;
  private readonly launcher: HTMLButtonElement;
  private readonly badge: HTMLElement;
  private readonly panel: HTMLElement;
  private readonly status: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly send: HTMLButtonElement;
  private noticeTimer?: number;

  constructor(private readonly shadow: ShadowRoot, title: string, color: string | undefined, private readonly handlers: ViewHandlers) {
    this.list = new MessageList({ bot: title, agent: 'Agent', visitor: 'You' }, (reply) => {
      // The clicked button is gone once a reply is picked; keep keyboard focus inside the chat.
      this.input.focus({ preventScroll: true });
      handlers.onQuickReply(reply);
    });
    this.badge = el('span', { class: 'badge', hidden: true, 'aria-hidden': 'true' });
    this.launcher = el('button', {
      class: 'launcher', type: 'button', 'aria-label': 'Open chat', 'aria-expanded': 'false',
      'aria-controls': 'parley-panel', 'data-testid': 'parley-launcher',
    }, [icon(ICONS.chat, 'icon icon-open'), icon(ICONS.chevronDown, 'icon icon-close'), this.badge]);
    this.status = el('p', { class: 'status' }, [STATUS_TEXT.connecting]);
    const close = el('button', { class: 'close', type: 'button', 'aria-label': 'Close chat' }, [icon(ICONS.close)]);
    const header = el('header', { class: 'header' }, [
      el('span', { class: 'avatar', 'aria-hidden': 'true' }, [title.charAt(0).toUpperCase()]),
      el('div', { class: 'heading' }, [el('h2', { class: 'title', id: 'parley-title' }, [title]), this.status]),
      close,
    ]);
    this.notice = el('p', { class: 'notice', role: 'status', hidden: true, 'data-testid': 'parley-notice' });
    this.input = el('input', {
      class: 'input', id: 'parley-input', type: 'text', autocomplete: 'off', enterkeyhint: 'send',
      maxlength: '4000', placeholder: 'Write a message…', 'data-testid': 'parley-input',
    });
    this.send = el('button', { class: 'send', type: 'submit', 'aria-label': 'Send message', disabled: true, 'data-testid': 'parley-send' }, [
      icon(ICONS.send),
    ]);
    const form = el('form', { class: 'composer' }, [
      el('label', { class: 'sr-only', for: 'parley-input' }, ['Type your message']),
      this.input,
      this.send,
    ]);
    this.panel = el('section', {
      class: 'panel', id: 'parley-panel', role: 'dialog', 'aria-labelledby': 'parley-title', 'data-testid': 'parley-panel',
    }, [header, this.list.element, this.notice, form, el('p', { class: 'footer' }, ['Powered by Parley'])]);
    this.root = el('div', { class: 'root', 'data-status': 'connecting' }, [this.panel, this.launcher]);
    if (color) this.root.style.setProperty('--brand', color);
    shadow.append(this.root);

    this.launcher.addEventListener('click', () => (this.isOpen ? this.close() : this.open()));
    close.addEventListener('click', () => this.close());
    this.root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.isOpen) this.close();
    });
    this.input.addEventListener('input', () => this.syncSend());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = this.input.value.trim();
      if (!text) return;
      this.input.value = '';
      this.syncSend();
      handlers.onSend(text);
    });
  }

  get isOpen(): boolean {
    return this.panel.hasAttribute('data-open');
  }

  open(): void {
    this.panel.setAttribute('data-open', '');
    this.launcher.setAttribute('aria-expanded', 'true');
    this.launcher.setAttribute('aria-label', 'Close chat');
    this.setUnread(0);
    this.handlers.onOpen();
    this.list.scrollToEnd();
    this.input.focus({ preventScroll: true });
  }

  close(): void {
    const active = this.shadow.activeElement;
    const hadFocus = !!active && this.panel.contains(active);
    this.panel.removeAttribute('data-open');
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.setAttribute('aria-label', 'Open chat');
    if (hadFocus) this.launcher.focus();
  }

  setStatus(status: ConnectionStatus): void {
    this.root.dataset.status = status;
    this.status.textContent = STATUS_TEXT[status];
  }

  setUnread(count: number): void {
    this.badge.textContent = count > 9 ? '9+' : String(count);
    this.badge.hidden = count === 0;
    this.launcher.setAttribute('aria-label', this.isOpen ? 'Close chat' : count ? `Open chat (${count} new)` : 'Open chat');
  }

  showNotice(text: string): void {
    this.notice.textContent = text;
    this.notice.hidden = false;
    window.clearTimeout(this.noticeTimer);
    this.noticeTimer = window.setTimeout(() => (this.notice.hidden = true), NOTICE_MS);
  }

  /** Puts an unsent message back so the visitor need not retype it. */
  restoreDraft(text: string): void {
    if (this.input.value) return;
    this.input.value = text;
    this.syncSend();
  }

  private syncSend(): void {
    this.send.disabled = !this.input.value.trim();
  }
}
