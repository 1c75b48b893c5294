/**
 * Deterministic mailbox generation. Each chat i owns independent PRNG streams keyed by (seed, i, purpose), so any chat,
 * its messages or its attendees can be rebuilt on demand in isolation: the store keeps only the few mutable fields per
 * chat, which is what lets 200,000 chats fit in a few tens of MB. One file per part under data-generator/; the word
 * lists are in corpus.ts.
 */
export { accountJson, generateAccounts, type AccountRecord } from './data-generator/accounts';
export { attendeeJson, chatAttendees, selfAttendee, type AttendeeRecord } from './data-generator/attendees';
export { chatDetails, generateChatCore, MUTE, type ChatCore, type ChatDetails } from './data-generator/chats';
export { createGenContext, type GenContext } from './data-generator/context';
export { attachmentId, chatHistory, messageProviderId, originalJson, quoteOf } from './data-generator/messages';
export { isoMs } from './data-generator/time';
