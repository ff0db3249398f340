import { Box, useTheme } from '@mui/material';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface SalesDatum {
  day: string;
  /** Whole yuan, for the axis. */
  cny: number;
}

/** Paid sales per day in CNY over the last 30 days; loaded lazily with recharts. */
const SalesChart = ({ data, label, testId }: { data: SalesDatum[]; label: string; testId?: string }) => {
  const theme = useTheme();
  return (
    <Box sx={{ width: '100%', height: 220 }} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={(d: string) => d.slice(5)} tick={{ fontSize: 11 }} minTickGap={12} />
          <YAxis allowDecimals={false} width={56} />
          <Tooltip formatter={(v) => [`¥${String(v)}`, label]} />
          <Bar dataKey="cny" name={label} fill={theme.palette.secondary.main} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
};

export default SalesChart;
