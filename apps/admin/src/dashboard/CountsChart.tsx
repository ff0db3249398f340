import { Box, useTheme } from '@mui/material';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface CountDatum {
  key: string;
  name: string;
  value: number;
}

/** Counts as vertical bars (orders by state); loaded lazily with recharts. */
const CountsChart = ({ data, testId }: { data: CountDatum[]; testId?: string }) => {
  const theme = useTheme();
  return (
    <Box sx={{ width: '100%', height: 280 }} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 24 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          {/* Slanted: state names are long and would overlap side by side. */}
          <XAxis dataKey="name" interval={0} tick={{ fontSize: 11 }} angle={-30} textAnchor="end" height={70} />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip />
          <Bar dataKey="value" fill={theme.palette.primary.main} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
};

export default CountsChart;
