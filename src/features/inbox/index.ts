export { ChatList, type ChatListProps } from './chat-list';
export { ROW_HEIGHT } from './chat-row';
