import { describe, expect, it } from 'vitest';
import { theme } from 'antd';
import { appTheme, FOCUS_RING, PAGE_BACKGROUND, PRESET_TEXT, STATUS_TEXT, TEXT_COLOURS } from './theme';

type Rgb = [number, number, number];

/** A CSS colour (#rgb, #rrggbb, rgb(), rgba()) as opaque RGB, alpha blended over `under`. */
function rgb(colour: string, under: Rgb = [255, 255, 255]): Rgb {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour)?.[1];
  if (hex) {
    const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
  }
  const parts = /^rgba?\(([^)]+)\)$/.exec(colour.replace(/\s/g, ''))?.[1]?.split(',').map(Number);
  if (!parts) throw new Error(`not a colour: ${colour}`);
  const alpha = parts[3] ?? 1;
  return [0, 1, 2].map((i) => Math.round(parts[i]! * alpha + under[i]! * (1 - alpha))) as Rgb;
}

/** WCAG 2.1 contrast ratio (relative luminance, §1.4.3 definition). */
function contrast(foreground: string, background: string): number {
  const bg = rgb(background);
  const luminance = (c: Rgb) => {
    const [r, g, b] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as Rgb;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(rgb(foreground, bg)), luminance(bg)].sort((a, b) => b - a) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const token = theme.getDesignToken(appTheme);
/** Every background text is drawn on: cards, page, table header, portal footer, disabled field. */
const backgrounds = { white: '#ffffff', page: PAGE_BACKGROUND, tableHeader: '#fafafa', footer: '#e9edf2' };

describe('contrast helper', () => {
  it('matches the WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    // antd's default placeholder (25 % black) as measured by axe.
    expect(contrast('rgba(0,0,0,0.25)', '#ffffff')).toBeCloseTo(1.84, 1);
  });
});

describe('app theme (WCAG 2.1 AA)', () => {
  it('takes the text colours from the theme', () => {
    expect(token.colorTextDescription).toBe(TEXT_COLOURS.tertiary);
    expect(token.colorTextPlaceholder).toBe(TEXT_COLOURS.placeholder);
    expect(token.colorTextDisabled).toBe(TEXT_COLOURS.disabled);
    expect(token.colorLink).toBe(token.colorPrimary);
  });

  it.each([
    'colorText',
    'colorTextSecondary',
    'colorTextTertiary',
    'colorTextDescription',
    'colorTextPlaceholder',
    'colorLink',
    'colorError',
    'colorSuccessText',
    'colorWarningText',
    'colorErrorText',
  ] as const)('%s reaches 4.5:1 on every background', (name) => {
    for (const [where, bg] of Object.entries(backgrounds)) expect(contrast(token[name], bg), `${name} on ${where}`).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps disabled values readable on the disabled background', () => {
    expect(contrast(token.colorTextDisabled, token.colorBgContainerDisabled)).toBeGreaterThanOrEqual(4.5);
    // The chips of a disabled multi-select, as axe measured them.
    expect(contrast(token.colorTextDisabled, '#e6e6e6')).toBeGreaterThanOrEqual(4.5);
  });

  it('puts white text on primary, hovered primary and danger buttons at 4.5:1', () => {
    for (const bg of [token.colorPrimary, token.colorPrimaryHover, token.colorPrimaryActive, token.colorError]) expect(contrast('#ffffff', bg), bg).toBeGreaterThanOrEqual(4.5);
  });

  it('draws status tags at 4.5:1 on their tint', () => {
    const tag = appTheme.components!.Tag!;
    expect(contrast(tag.colorSuccess!, token.colorSuccessBg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(tag.colorWarning!, token.colorWarningBg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(tag.colorError!, token.colorErrorBg)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(tag.colorInfo!, token.colorInfoBg)).toBeGreaterThanOrEqual(4.5);
    expect(tag.colorSuccess).toBe(STATUS_TEXT.success);
  });

  it.each(['red', 'volcano', 'orange', 'gold', 'yellow', 'lime', 'green', 'cyan', 'blue', 'geekblue', 'purple', 'magenta'] as const)(
    'draws %s preset tags at 4.5:1 on their tint',
    (hue) => {
      // Tags draw shade 7 on shade 1 (antd's tag/style/presetCmp); the theme gives the Tag darker shades 7 where needed.
      const tag = appTheme.components!.Tag as Record<string, unknown>;
      const text = (tag[`${hue}7`] as string | undefined) ?? token[`${hue}7`];
      expect(contrast(text, token[`${hue}1`])).toBeGreaterThanOrEqual(4.5);
      if (`${hue}7` in PRESET_TEXT) expect(text).toBe(PRESET_TEXT[`${hue}7` as keyof typeof PRESET_TEXT]);
    },
  );

  it('draws the focus ring at 3:1 against every background (WCAG 1.4.11)', () => {
    for (const bg of Object.values(backgrounds)) expect(contrast(FOCUS_RING, bg)).toBeGreaterThanOrEqual(3);
  });
});
