import type { ThemeConfig } from 'antd';

/**
 * Text colours checked against WCAG 2.1 AA (1.4.3: 4.5:1 for normal text) on every background the app paints them on:
 * white cards, the grey page (#f3f5f8), table headers (#fafafa), the portal footer (#e9edf2) and disabled fields.
 * antd's defaults are 45 % and 25 % black (3.4:1 and 1.8:1), which failed on every page (issue 11 item 9).
 */
export const TEXT_COLOURS = {
  /** Second-rank text (descriptions, hints): 7.6:1 on white, 6.4:1 on the footer grey. */
  secondary: '#4b5563',
  /** Captions and `Typography.Text type="secondary"` (antd's colorTextDescription): 6.1:1 on white, 5.2:1 on the footer grey. */
  tertiary: '#5b6270',
  /** Placeholders, which carry the hint of a field: 5.4:1 on white, 4.6:1 on the footer grey. */
  placeholder: '#646b76',
  /**
   * Disabled controls: WCAG does not require contrast for inactive controls, but a disabled field here still shows a
   * value the officer reads (a published procedure's read-only form), so it stays readable: 5.6:1 on antd's disabled
   * grey, 4.9:1 on a disabled multi-select's chips (#e6e6e6).
   */
  disabled: '#5b6270',
} as const;

/** The page background of both shells (body and layouts). */
export const PAGE_BACKGROUND = '#f3f5f8';

/** The product's blue: links, primary buttons, the "processing" status tag text (7.3:1 against white). */
export const PRIMARY = '#1456a0';

/**
 * Status text colours for tags, form messages and `Typography` types. antd draws a status tag's text in the bright
 * status colour on its pale tint (success 2.2:1, warning 1.8:1); these darker shades of the same hues reach 5:1 or more.
 */
export const STATUS_TEXT = {
  success: '#237804',
  warning: '#874d00',
  error: '#a8071a',
  info: PRIMARY,
} as const;

/**
 * The text shade of antd's preset tag colours (`<Tag color="gold">`): antd uses shade 7 on shade 1, which is under
 * 4.5:1 for these hues; a darker shade of the same palette is used instead. The others (red, blue, geekblue, purple,
 * magenta) already pass with shade 7. Set on the Tag component: antd's CSS variables ignore palette shades set
 * globally (measured in the browser), and the hues' seeds cannot be darkened without greying their pale tints.
 */
export const PRESET_TEXT = {
  volcano7: '#ad2102',
  orange7: '#ad4e00',
  gold7: '#874d00',
  yellow7: '#876800',
  lime7: '#3f6600',
  green7: '#237804',
  cyan7: '#006d75',
} as const;

/** Focus ring: the primary blue, 7.3:1 against white and 6.7:1 against the page grey (WCAG 2.4.7, 1.4.11 needs 3:1). */
export const FOCUS_RING = PRIMARY;

/** Theme tokens shared by both shells (AppProviders); every colour above is checked by theme.test.ts. */
export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    // Links follow the primary blue; antd's own #1677ff is 4.1:1 on white. Info keeps antd's blue for icons and tints
    // (its pale background stays light); info text on tags is set on the Tag below.
    colorLink: PRIMARY,
    colorTextSecondary: TEXT_COLOURS.secondary,
    colorTextTertiary: TEXT_COLOURS.tertiary,
    colorTextDescription: TEXT_COLOURS.tertiary,
    colorTextQuaternary: TEXT_COLOURS.placeholder,
    colorTextPlaceholder: TEXT_COLOURS.placeholder,
    colorTextDisabled: TEXT_COLOURS.disabled,
    // Error text (form messages: 5.6:1) and danger buttons (white on it: 5.6:1) use one red; antd's #ff4d4f is 3.3:1.
    colorError: '#cf1322',
    colorSuccessText: STATUS_TEXT.success,
    colorWarningText: STATUS_TEXT.warning,
    colorErrorText: STATUS_TEXT.error,
    borderRadius: 6,
    fontFamily: "'Noto Sans', 'Segoe UI', Roboto, Arial, sans-serif",
  },
  components: {
    // Status tags take their text colour from the status colour itself (antd's tag/style/statusCmp).
    Tag: { colorSuccess: STATUS_TEXT.success, colorWarning: STATUS_TEXT.warning, colorError: STATUS_TEXT.error, colorInfo: STATUS_TEXT.info, ...PRESET_TEXT },
  },
};
