import { io, type Socket } from 'socket.io-client';

export interface LiveMessage {
  id: string;
  conversationId: string;
  from: 'visitor' | 'bot' | 'agent';
  text: string;
  at: string;
}

export interface LiveConversation {
  id: string;
  contactId?: string;
  channel?: string;
  owner: 'bot' | 'human';
  updatedAt: string;
  contactName?: string;
  lastMessage?: { from: string; text: string; at: string };
}

let socket: Socket | undefined;

/** One socket per page, authenticated by the session cookie the browser sends with its handshake. */
export function liveFeed(): Socket {
  socket ??= io('/dashboard', { withCredentials: true, transports: ['websocket', 'polling'] });
  return socket;
}

export function closeLiveFeed(): void {
  socket?.close();
  socket = undefined;
}
