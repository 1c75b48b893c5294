import { AtSign, Briefcase, Camera, Hash, MessageCircle, MessageSquareDashed, MessagesSquare, Send, type LucideIcon } from 'lucide-react';

import { isKnownProvider, type KnownProvider } from '@/lib/wire/vocabulary';

// The provider list itself is wire vocabulary, shared with the server; this file adds what the UI shows.
export { isKnownProvider, KNOWN_PROVIDERS, type KnownProvider } from '@/lib/wire/vocabulary';
/** `string & {}` keeps editor completion for the known names while accepting new ones. */
export type Provider = KnownProvider | (string & {});

export interface ProviderMeta {
  label: string;
  icon: LucideIcon;
  /** Brand colours tuned for contrast on the light and the dark surfaces; used sparingly (the icon only). */
  color: string;
  darkColor: string;
}

export const PROVIDERS: Record<KnownProvider, ProviderMeta> = {
  WHATSAPP: { label: 'WhatsApp', icon: MessageCircle, color: '#128c4a', darkColor: '#4ade80' },
  LINKEDIN: { label: 'LinkedIn', icon: Briefcase, color: '#0a66c2', darkColor: '#60a5fa' },
  SLACK: { label: 'Slack', icon: Hash, color: '#7c2d8e', darkColor: '#e879f9' },
  TWITTER: { label: 'X (Twitter)', icon: AtSign, color: '#0f1419', darkColor: '#e7e9ea' },
  MESSENGER: { label: 'Messenger', icon: MessagesSquare, color: '#0866ff', darkColor: '#7aa7ff' },
  INSTAGRAM: { label: 'Instagram', icon: Camera, color: '#c13584', darkColor: '#f472b6' },
  TELEGRAM: { label: 'Telegram', icon: Send, color: '#1d8dc7', darkColor: '#5ec4f4' },
};

const UNKNOWN: Omit<ProviderMeta, 'label'> = { icon: MessageSquareDashed, color: '#6b7280', darkColor: '#9ca3af' };

/** Metadata for any provider value; an unknown one keeps its raw text as the label. */
export function providerMeta(provider: string): ProviderMeta {
  if (isKnownProvider(provider)) return PROVIDERS[provider];
  return { ...UNKNOWN, label: provider.trim() === '' ? 'Unknown provider' : provider };
}

export function providerLabel(provider: string): string {
  return providerMeta(provider).label;
}
