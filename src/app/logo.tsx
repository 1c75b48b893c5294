/** The Triage mark: three bars of falling length, the act of sorting. */
export function Logo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className={className}>
      <rect width="24" height="24" rx="6" className="fill-accent" />
      <rect x="6" y="7" width="12" height="2.2" rx="1.1" className="fill-accent-ink" />
      <rect x="6" y="10.9" width="8.5" height="2.2" rx="1.1" className="fill-accent-ink" opacity="0.85" />
      <rect x="6" y="14.8" width="5" height="2.2" rx="1.1" className="fill-accent-ink" opacity="0.7" />
    </svg>
  );
}
