import { useId } from 'react';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { SegmentedRadioGroup, type SegmentedOption } from '@/components/ui/segmented-radio-group';
import type { ThemePreference } from '@/lib/theme';
import { NotifyNewMessages } from './notify-setting';
import { PageSizeField } from './page-size-field';
import type { TimeStyle } from '@/lib/time-format';
import type { AdvanceSetting } from '@/lib/triage/cursor';
import type { Density } from './settings-store';
import { selectAdvance, selectDensity, selectMarkReadOnOpen, selectTheme, selectTimeFormat, useSettings } from './use-settings';

const THEME_OPTIONS: readonly SegmentedOption<ThemePreference>[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

const DENSITY_OPTIONS: readonly SegmentedOption<Density>[] = [
  { value: 'comfortable', label: 'Comfortable' },
  { value: 'compact', label: 'Compact' },
];

const TIME_FORMAT_OPTIONS: readonly SegmentedOption<TimeStyle>[] = [
  { value: 'relative', label: 'Relative' },
  { value: 'absolute', label: 'Absolute' },
];

const ADVANCE_OPTIONS: readonly SegmentedOption<AdvanceSetting>[] = [
  { value: 'next', label: 'Open the next' },
  { value: 'previous', label: 'Open the previous' },
  { value: 'list', label: 'Back to the list' },
];

function MarkReadOnOpen() {
  const checked = useSettings(selectMarkReadOnOpen);
  const setMarkReadOnOpen = useSettings((state) => state.setMarkReadOnOpen);
  return (
    <CheckboxField label="Mark as read when opened" hint="Opening a chat marks it read on the messaging service too." checked={checked} onChange={setMarkReadOnOpen} />
  );
}

/** How the inbox looks: each control applies at once (the page size once it is valid). */
export function DisplaySection() {
  const headingId = useId();
  const theme = useSettings(selectTheme);
  const density = useSettings(selectDensity);
  const timeFormat = useSettings(selectTimeFormat);
  const setTheme = useSettings((state) => state.setTheme);
  const setDensity = useSettings((state) => state.setDensity);
  const setTimeFormat = useSettings((state) => state.setTimeFormat);
  const advance = useSettings(selectAdvance);
  const setAdvance = useSettings((state) => state.setAdvance);
  return (
    <section aria-labelledby={headingId} className="space-y-5">
      <h3 id={headingId} className="text-[13px] font-semibold tracking-wide text-muted uppercase">
        Display
      </h3>
      <SegmentedRadioGroup legend="Theme" value={theme} options={THEME_OPTIONS} onChange={setTheme} />
      <SegmentedRadioGroup
        legend="Density"
        hint="Compact rows fit more chats on screen."
        value={density}
        options={DENSITY_OPTIONS}
        onChange={setDensity}
      />
      <SegmentedRadioGroup
        legend="Time format"
        hint="Relative shows “5m” or “Tue”; absolute shows the date and time."
        value={timeFormat}
        options={TIME_FORMAT_OPTIONS}
        onChange={setTimeFormat}
      />
      <PageSizeField />
      <MarkReadOnOpen />
      <SegmentedRadioGroup
        legend="After a chat leaves the view"
        hint="Archiving it in the Inbox, reading it in Unread, and so on."
        value={advance}
        options={ADVANCE_OPTIONS}
        onChange={setAdvance}
      />
      <NotifyNewMessages />
    </section>
  );
}
