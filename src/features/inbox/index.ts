export { ChatList } from './chat-list';
export { ChatListPlaceholder } from './chat-list-placeholder';
export { focusSearch } from './search-focus';
