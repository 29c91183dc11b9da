export { BASE_SOURCES, type BaseAtlas, type BaseStyleOptions, baseStyle } from './base-style.ts';
export { shortName } from './label-text.ts';
export { dark, light, print, type Theme, type ThemeName, themes } from './themes.ts';
