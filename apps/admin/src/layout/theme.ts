import { defaultTheme, type RaThemeOptions } from 'react-admin';

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: { primary: { main: '#7a1f2b' }, secondary: { main: '#2f3e46' }, background: { default: '#f7f5f1' } },
  typography: { fontFamily: ['"Helvetica Neue"', 'Arial', '"PingFang SC"', '"Noto Sans CJK SC"', '"Microsoft YaHei"', 'sans-serif'].join(',') },
};
