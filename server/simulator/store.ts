import {
  MUTE, accountJson, chatDetails, chatHistory, createGenContext, generateAccounts, generateChatCore,
  type AccountRecord, type AttendeeRecord, type ChatDetails, type GenContext,
} from './data-generator';
import { errors } from './errors';
import { ID_KIND, IdCodec } from './ids';
import { at } from './prng';
import { listAcrossChats, type AllMessagesPage, type AllMessagesQuery, type MessageKey } from './store/all-messages';
import { AttendeeDirectory } from './store/attendees';
import { Binaries, type Binary, type UploadedFile } from './store/binaries';
import { BoundedCache } from './store/bounded-cache';
import { chatJson } from './store/chat-json';
import { ChatTable } from './store/chat-table';
import { ChatMessages, type MessagePage, type UpstreamMessageQuery } from './store/messages';
import { SnapshotIndex, type ChatPosition, type UpstreamChatQuery } from './store/snapshot-index';
import type { AccountJson, AttendeeJson, ChatAction, ChatJson, ChatWithLastMessageJson, MessageJson } from './types';

/**
 * The simulator's state: the generated mailbox plus everything that changed since, behind one facade the routes and
 * tests call. Its parts live in store/: the chat table (mutable columns and list order), the snapshot index (change
 * log and paged walks, see README.md "The simulator"), messages, binaries. Chat indices are the currency between them.
 */

export type { ChatPosition, UpstreamChatQuery } from './store/snapshot-index';
export type { UpstreamMessageQuery } from './store/messages';
export type { AllMessagesQuery, MessageKey } from './store/all-messages';
export type { UploadedFile } from './store/binaries';

/** Serialised chats kept (~0.5 KB each): a 5,000-chat mailbox fits, a 200,000-chat one keeps its most recent pages. */
const CHAT_TEXT_CACHE_SIZE = 10_000;

export interface StoreOptions {
  chats: number;
  seed: number;
  anchor: number;
  now: () => number;
  /** Change-log entries kept for snapshot paging (tests shrink it). */
  changeLogLimit?: number;
}

export interface ChatPage {
  items: ChatJson[];
  next: ChatPosition | null;
}

/** A chat page as JSON text: `items` is the comma-separated chats, ready to go between `[` and `]`. */
export interface ChatPageText {
  items: string;
  next: ChatPosition | null;
}

export interface SendInput {
  text: string | null;
  attachments?: UploadedFile[];
  quoteId?: string;
  accountId?: string;
}

export class SimulatorStore {
  readonly seed: number;
  readonly anchor: number;
  readonly accounts: readonly AccountRecord[];
  /** Chats generated at start-up; indices at or above it were created at run time. */
  readonly generatedCount: number;
  private readonly ctx: GenContext;
  private readonly codec: IdCodec;
  private readonly table: ChatTable;
  private readonly snapshots: SnapshotIndex;
  private readonly chatMessages: ChatMessages;
  private readonly directory: AttendeeDirectory;
  private readonly binaries = new Binaries();
  private readonly chatText = new BoundedCache<number, string>(CHAT_TEXT_CACHE_SIZE);

  constructor(opts: StoreOptions) {
    this.seed = opts.seed;
    this.anchor = opts.anchor;
    this.codec = new IdCodec(opts.seed);
    const accounts = generateAccounts(opts.seed, opts.anchor, this.codec);
    this.accounts = accounts;
    this.ctx = createGenContext(opts.seed, opts.anchor, this.codec, accounts);
    this.table = new ChatTable(opts.chats);
    for (let i = 0; i < opts.chats; i++) this.table.append(this.codec.encode(ID_KIND.chat, i), generateChatCore(this.ctx, i));
    this.table.sortAll();
    this.generatedCount = opts.chats;
    this.snapshots = new SnapshotIndex(this.table, accounts, opts.now, opts.changeLogLimit);
    this.chatMessages = new ChatMessages(this.ctx, this.binaries, opts.now, (idx) =>
      idx < this.generatedCount ? chatHistory(this.ctx, idx, this.table.idAt(idx), this.details(idx)) : []);
    this.directory = new AttendeeDirectory(this.ctx, this.table, (idx) => this.details(idx));
  }

  // ----- lookups ---------------------------------------------------------------------------------------------

  get chatCount(): number {
    return this.table.count;
  }

  /** Chat ids in list order (current keys); for tests. */
  orderedChatIds(): string[] {
    return Array.from({ length: this.table.count }, (_, p) => this.table.idAt(this.table.orderAt(p)));
  }

  chatIdAt(idx: number): string {
    return this.table.idAt(idx);
  }

  chatIndex(id: string): number {
    const d = this.codec.decode(id);
    if (!d || d.kind !== ID_KIND.chat || d.sub !== 0 || d.index >= this.table.count) return -1;
    return d.index;
  }

  accountIndex(id: string): number {
    return this.accounts.findIndex((a) => a.id === id);
  }

  accountJson(idx: number): AccountJson {
    return accountJson(at(this.accounts, idx));
  }

  isDisconnected(chatIdx: number): boolean {
    return this.accountOf(chatIdx).status === 'CREDENTIALS';
  }

  chatJson(idx: number): ChatJson {
    return chatJson(this.table, idx, this.accountOf(idx), this.details(idx));
  }

  /**
   * JSON.stringify(chatJson(idx)), kept until the chat changes: building and serialising chats was most of the cost
   * of a list page, and a page is the request a busy inbox sends most.
   */
  chatJsonText(idx: number): string {
    let text = this.chatText.get(idx);
    if (text === undefined) {
      text = JSON.stringify(this.chatJson(idx));
      this.chatText.set(idx, text);
    }
    return text;
  }

  chatWithLastMessage(idx: number): ChatWithLastMessageJson {
    const all = this.messages(idx);
    return { ...this.chatJson(idx), lastMessage: all[all.length - 1] ?? null };
  }

  // ----- chat list -------------------------------------------------------------------------------------------

  listChats(query: UpstreamChatQuery, limit: number, from?: ChatPosition): ChatPage {
    const { indices, next } = this.snapshots.walk(query, limit, from);
    return { items: indices.map((idx) => this.chatJson(idx)), next };
  }

  /** The same page as listChats, as JSON text (what GET /chats sends). */
  listChatsText(query: UpstreamChatQuery, limit: number, from?: ChatPosition): ChatPageText {
    const { indices, next } = this.snapshots.walk(query, limit, from);
    return { items: indices.map((idx) => this.chatJsonText(idx)).join(','), next };
  }

  /** The change log, oldest first (bounded); for tests and debugging. */
  changeLog(): ReturnType<SnapshotIndex['changeLog']> {
    return this.snapshots.changeLog();
  }

  // ----- changes ---------------------------------------------------------------------------------------------

  patchChat(idx: number, action: ChatAction, value: boolean): void {
    if (this.isDisconnected(idx)) throw errors.disconnectedAccount();
    this.touched(idx);
    this.table.applyAction(idx, action, value);
  }

  /** POST /chats/:id/messages. Sending from this account also marks the chat read, as the providers do. */
  sendMessage(idx: number, input: SendInput): MessageJson {
    if (this.isDisconnected(idx)) throw errors.disconnectedAccount();
    if (input.accountId !== undefined && input.accountId !== this.accountOf(idx).id) throw errors.accountMismatch();
    const d = this.details(idx);
    if (d.readOnly !== 0) throw errors.insufficientPermissions('This chat is read-only: messages cannot be sent to it.');
    const attendees = this.attendeeRecords(idx);
    const self = at(attendees, attendees.length - 1);
    const message = this.addMessage(idx, d, self, input.text, input.attachments ?? [], input.quoteId, true);
    this.table.setUnread(idx, 0);
    this.touched(idx);
    return message;
  }

  /** Simulates an incoming message (moves the chat to the top, unread + 1). Not reachable over HTTP. */
  receiveMessage(idx: number, text: string): MessageJson {
    const d = this.details(idx);
    const attendees = this.attendeeRecords(idx);
    const sender = attendees.find((a) => !a.isSelf && !a.hidden) ?? at(attendees, 0);
    const message = this.addMessage(idx, d, sender, text, [], undefined, false);
    this.table.setUnread(idx, this.table.unreadOf(idx) + 1);
    this.touched(idx);
    return message;
  }

  /** Adds a brand-new chat with one incoming message (for tests of "created after the snapshot"). */
  createChat(text = 'Hi! New conversation here.'): number {
    const idx = this.table.count;
    const core = generateChatCore(this.ctx, idx);
    const createdSeq = this.snapshots.nextCreationSeq();
    // Goes in with a null timestamp (among the last), then receiving its first message moves it to the top.
    this.table.append(this.codec.encode(ID_KIND.chat, idx), { ...core, ts: NaN, unread: 0, archived: false, pinned: false, muted: MUTE.none }, createdSeq);
    this.table.insertLast();
    this.receiveMessage(idx, text);
    return idx;
  }

  // ----- messages, attendees, binaries -------------------------------------------------------------------------

  /** All messages of a chat, oldest first; position j is the message's sub-index in its id. */
  messages(idx: number): MessageJson[] {
    return this.chatMessages.all(idx);
  }

  /** Newest first, continuing below `fromIndex` (exclusive) when given. */
  listMessages(idx: number, query: UpstreamMessageQuery, limit: number, fromIndex?: number): MessagePage {
    return this.chatMessages.list(idx, query, limit, fromIndex);
  }

  /** GET /messages: every chat's messages, newest first, continuing below `below` when given. */
  listAllMessages(query: AllMessagesQuery, limit: number, below?: MessageKey): AllMessagesPage {
    const { table } = this;
    const source = { count: table.count, orderAt: (p: number) => table.orderAt(p), tsOf: (i: number) => table.tsOf(i), accountIdOf: (i: number) => this.accountOf(i).id, messages: (i: number) => this.messages(i) };
    return listAcrossChats(source, query, limit, below);
  }

  findMessage(id: string): { chatIdx: number; message: MessageJson } | null {
    const d = this.codec.decode(id);
    if (!d || d.kind !== ID_KIND.message || d.index >= this.table.count) return null;
    const message = this.messages(d.index)[d.sub];
    return message ? { chatIdx: d.index, message } : null;
  }

  attendeeRecords(idx: number): AttendeeRecord[] {
    return this.directory.records(idx);
  }

  attendees(idx: number): AttendeeJson[] {
    return this.directory.json(idx);
  }

  findAttendee(id: string): ReturnType<AttendeeDirectory['find']> {
    return this.directory.find(id);
  }

  /** PNG for an attendee id, or for a group chat id; null when that attendee or chat has no picture. */
  picture(id: string): Uint8Array | null {
    return this.binaries.picture(id, () => this.directory.hasPicture(id));
  }

  attachment(messageId: string, attachmentId: string): Binary | null {
    const att = this.findMessage(messageId)?.message.attachments.find((a) => a.id === attachmentId);
    return att ? this.binaries.attachment(att) : null;
  }

  // ----- internals -------------------------------------------------------------------------------------------

  private accountOf(chatIdx: number): AccountRecord {
    return at(this.accounts, this.table.accountOf(chatIdx));
  }

  private details(idx: number): ChatDetails {
    return chatDetails(this.ctx, idx, this.table.accountOf(idx), this.table.typeOf(idx));
  }

  /** Every write to a chat's fields goes through here or moveTo, so its cached text never goes stale. */
  private touched(idx: number): void {
    this.chatText.delete(idx);
  }

  /** Changes a chat's timestamp and records the move for snapshot paging. */
  private moveTo(idx: number, ts: number): void {
    const oldTs = this.table.tsOf(idx);
    if (!this.table.setTimestamp(idx, ts)) return;
    this.touched(idx);
    this.snapshots.recordMove(idx, oldTs, ts);
  }

  private addMessage(
    idx: number, d: ChatDetails, sender: AttendeeRecord, text: string | null, files: UploadedFile[], quoteId: string | undefined, fromSelf: boolean,
  ): MessageJson {
    const { message, at: sentAt } = this.chatMessages.add({
      chatIdx: idx, chatId: this.table.idAt(idx), chatProviderId: d.providerId, accountIdx: this.table.accountOf(idx), sender, text, files, quoteId, fromSelf,
    });
    this.moveTo(idx, sentAt);
    return message;
  }
}
